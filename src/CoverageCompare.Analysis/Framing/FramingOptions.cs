namespace CoverageCompare.Analysis.Framing;

/// <summary>Words to flag as loaded besides the shipped list (<see cref="LoadedWordList.Default"/>), for example a course's own.</summary>
public sealed record FramingOptions(IReadOnlyList<string>? ExtraLoadedWords = null)
{
    public static FramingOptions Default { get; } = new();
}
