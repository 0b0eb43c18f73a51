namespace CoverageCompare.Data.Annotations;

/// <summary>One entry of the editable list of verdicts an annotation may carry, in display order.</summary>
public sealed class VerdictLabel
{
    public int Id { get; set; }

    public required string Name { get; set; }

    public int Position { get; set; }

    public static readonly IReadOnlyList<string> Defaults = ["Accurate", "Inaccurate", "Misleading", "Missing context", "Unverifiable", "Opinion"];
}
