namespace CoverageCompare.Analysis.Anchoring;

/// <summary>
/// Where an annotation points in an article's text: the W3C TextPositionSelector (<see cref="Start"/>, <see cref="End"/>)
/// and TextQuoteSelector (<see cref="Exact"/> with its <see cref="Prefix"/> and <see cref="Suffix"/>) side by side.
/// </summary>
public sealed record TextAnchor(int Start, int End, string Exact, string Prefix, string Suffix);

public sealed record SelectionResult(TextAnchor? Anchor, string? Error)
{
    public static SelectionResult Ok(TextAnchor anchor) => new(anchor, null);

    public static SelectionResult Fail(string error) => new(null, error);
}

public enum AnchorMethod
{
    /// <summary>The quote is still at its recorded position.</summary>
    Position,

    /// <summary>The exact quote was found elsewhere; its context chose between repeats.</summary>
    Quote,

    /// <summary>Slightly changed text was close enough to the quote and its context.</summary>
    Fuzzy,

    /// <summary>Nothing in the text is close enough; the old anchor is kept so the quote is not lost.</summary>
    Orphaned,
}

/// <summary>The outcome of re-anchoring: the new anchor (the old one when orphaned) and how sure the match is, 0 to 1.</summary>
public sealed record Reanchored(AnchorMethod Method, TextAnchor Anchor, double Score)
{
    public bool IsOrphaned => Method == AnchorMethod.Orphaned;
}
