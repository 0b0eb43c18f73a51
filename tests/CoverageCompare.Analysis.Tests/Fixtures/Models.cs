using CoverageCompare.Analysis.Embeddings;

namespace CoverageCompare.Analysis.Tests.Fixtures;

/// <summary>One sentence model for the whole test run: it takes seconds to load. The package ships it, so it is always there.</summary>
internal static class Models
{
    private static readonly Lazy<MiniLmEncoder> Shared = new(() => new MiniLmEncoder());

    public static ISentenceEncoder MiniLm => Shared.Value;

    public static AnalyzerOptions WithModel(LinkSignals signals = LinkSignals.Both) => new() { Encoder = MiniLm, Signals = signals };
}
