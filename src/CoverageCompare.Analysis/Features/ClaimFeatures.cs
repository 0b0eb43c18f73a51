using CoverageCompare.Analysis.Linking;
using CoverageCompare.Analysis.Segmentation;
using CoverageCompare.Analysis.Text;

namespace CoverageCompare.Analysis.Features;

/// <summary>A quotation inside a claim; <see cref="Words"/> is its wording for comparison, <see cref="Surface"/> its words as written.</summary>
internal sealed record QuoteText(TextSpan Span, string[] Words, string[] Surface);

/// <summary>Everything the linker and the relation classifier know about one claim.</summary>
internal sealed class ClaimFeatures
{
    public required int Index { get; init; }
    public required int Article { get; init; }
    public required Segment Segment { get; init; }
    public required IReadOnlyList<Token> Tokens { get; init; }
    public required IReadOnlyList<Entity> Entities { get; init; }
    public required IReadOnlyList<Quantity> Quantities { get; init; }
    public required IReadOnlyList<DateMention> Dates { get; init; }
    public required IReadOnlyList<PolarityCue> Polarity { get; init; }
    public required IReadOnlyList<string> Hedges { get; init; }
    public required IReadOnlyList<QuoteText> Quotes { get; init; }
    public required bool[] InsideQuote { get; init; }
    public required bool[] Excluded { get; init; }

    /// <summary>Content-word stems outside negations, for the opposite-polarity check.</summary>
    public required IReadOnlySet<string> PositiveStems { get; init; }

    /// <summary>The words with which the claim calls what it is about false ("the story is a hoax"), if it does.</summary>
    public string? Refutation { get; init; }

    /// <summary>The claim speaks of falsehood or denial, or passes on someone's claim: it does not state the thing plainly.</summary>
    public bool MentionsDispute { get; init; }

    /// <summary>The sentence asks rather than states ("Why not just have separate planes?").</summary>
    public bool IsQuestion { get; init; }

    public ClaimKind Kind { get; set; }
    public string? Speaker { get; set; }
    public string? SpeakerKey { get; set; }

    public TermVector Vector { get; set; } = TermVector.Empty;

    /// <summary>One vector per clause of a long sentence; empty when the claim is one clause.</summary>
    public TermVector[] Clauses { get; set; } = [];

    /// <summary>The text of each of <see cref="Clauses"/>, for the sentence model.</summary>
    public string[] ClauseTexts { get; set; } = [];

    /// <summary>The claim's roles for the relation checks, found when the claim is first compared (<see cref="Relations.ClaimRoles.Of"/>).</summary>
    public Relations.ClaimRoles? Roles { get; set; }

    public int[] TermIds => Vector.Ids;
    public float[] TermWeights => Vector.Weights;
}
