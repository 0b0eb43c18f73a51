namespace CoverageCompare.Analysis.Segmentation;

/// <summary>A candidate claim: a sentence, a quotation or a list item, as offsets into the article.</summary>
internal sealed record Segment(int Start, int End, int Block, bool IsBullet, IReadOnlyList<TextSpan> Quotes, string? Signer, SegmentRole Role = SegmentRole.Body);

/// <summary>
/// <see cref="Title"/>: the headline over a body, checked against that body, not linked across articles (the body's claims
/// are). <see cref="Headline"/>: a document that is one headline and nothing else, compared like any claim.
/// <see cref="Sentence"/>: a document that is one sentence with its full stop (or a headline's length of sentences);
/// shown as a headline too, but it states a fact the way a body does, so it stands in for a body against a bare headline.
/// </summary>
internal enum SegmentRole { Body, Title, Headline, Sentence }

internal readonly record struct TextSpan(int Start, int End);
