namespace CoverageCompare.Analysis.Segmentation;

/// <summary>A candidate claim: a sentence, a quotation or a list item, as offsets into the article.</summary>
internal sealed record Segment(int Start, int End, int Block, bool IsBullet, IReadOnlyList<TextSpan> Quotes, string? Signer);

internal readonly record struct TextSpan(int Start, int End);
