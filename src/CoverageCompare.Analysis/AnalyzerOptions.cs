namespace CoverageCompare.Analysis;

/// <summary>Tuning knobs of the engine. The defaults are what the tests and the contract are checked against.</summary>
public sealed record AnalyzerOptions
{
    public static AnalyzerOptions Default { get; } = new();

    /// <summary>Minimum similarity for two claims to be linked.</summary>
    public double LinkThreshold { get; init; } = 0.28;

    /// <summary>How much more than <see cref="LinkThreshold"/> a pair needs when it is the best match for only one of its claims.</summary>
    public double OneSidedExtra { get; init; } = 0.05;

    /// <summary>A claim keeps links to other claims of one article whose score is within this margin of its best one there.</summary>
    public double BestMargin { get; init; } = 0.0;

    /// <summary>Terms found in more than this share of claims (and in at least <see cref="MinPostingCap"/>) are not used to find candidates.</summary>
    public double MaxPostingShare { get; init; } = 0.12;

    public int MinPostingCap { get; init; } = 40;

    /// <summary>Extra aliases, alias to canonical name, both as written (for example "msft" to "Microsoft").</summary>
    public IReadOnlyDictionary<string, string> Aliases { get; init; } = new Dictionary<string, string>();
}
