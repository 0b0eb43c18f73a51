using CoverageCompare.Analysis.Embeddings;

namespace CoverageCompare.Analysis;

/// <summary>Tuning knobs of the engine. The defaults are what the tests and the contract are checked against.</summary>
public sealed record AnalyzerOptions
{
    public static AnalyzerOptions Default { get; } = new();

    /// <summary>Minimum similarity for two claims to be linked.</summary>
    public double LinkThreshold { get; init; } = 0.28;

    /// <summary>Terms found in more than this share of claims (and in at least <see cref="MinPostingCap"/>) are not used to find candidates.</summary>
    public double MaxPostingShare { get; init; } = 0.12;

    public int MinPostingCap { get; init; } = 40;

    /// <summary>Extra aliases, alias to canonical name, both as written (for example "msft" to "Microsoft").</summary>
    public IReadOnlyDictionary<string, string> Aliases { get; init; } = new Dictionary<string, string>();

    /// <summary>The sentence model; null runs on lexical evidence alone. Share one instance per process: it loads the model once.</summary>
    public ISentenceEncoder? Encoder { get; init; }

    /// <summary>Where claim vectors are kept between analyses, so re-analysis only embeds new or changed claims.</summary>
    public IEmbeddingCache? EmbeddingCache { get; init; }

    /// <summary>Which evidence may propose a link; <see cref="LinkSignals.Both"/> except to measure what each adds.</summary>
    public LinkSignals Signals { get; init; } = LinkSignals.Both;
}

public enum LinkSignals { Both, WordsOnly, MeaningOnly }
