namespace CoverageCompare.Analysis;

/// <summary>The kinds of reason a link carries: the word before the colon ("number: $13 billion vs $10 billion").</summary>
public static class ReasonKinds
{
    /// <summary>The kinds that say why two claims disagree; every other reason is shared or added evidence.</summary>
    public static IReadOnlySet<string> Conflicts { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "number", "date", "negation", "refuted", "actor", "role", "quote",
    };

    public static bool IsConflict(string reason)
    {
        var colon = reason.IndexOf(':');
        return colon > 0 && Conflicts.Contains(reason[..colon]);
    }
}
