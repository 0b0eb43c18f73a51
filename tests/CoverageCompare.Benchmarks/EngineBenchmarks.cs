using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using CoverageCompare.Analysis;
using CoverageCompare.Analysis.Embeddings;

namespace CoverageCompare.Benchmarks;

/// <summary>
/// The five real seed articles, analysed end to end. Lexical: no model. Warm: the sentence model loaded and every
/// claim's vector cached (a re-analysis). Cold (<see cref="ColdStartBenchmark"/>): a new process loading the model.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 5)]
public class SeedStoryBenchmark
{
    private IReadOnlyList<ArticleInput> _articles = [];
    private readonly StoryAnalyzer _lexical = new();
    private StoryAnalyzer _warm = null!;

    [GlobalSetup]
    public void Setup()
    {
        _articles = SeedFiles.Load();
        _warm = new StoryAnalyzer(new AnalyzerOptions { Encoder = Shared.Encoder, EmbeddingCache = new InMemoryEmbeddingCache() });
        _warm.Analyze(_articles);
    }

    [Benchmark(Description = "5 seed articles, lexical")]
    public AnalysisResult Lexical() => _lexical.Analyze(_articles);

    [Benchmark(Description = "5 seed articles, model, vectors cached")]
    public AnalysisResult Warm() => _warm.Analyze(_articles);
}

/// <summary>Model load and first embedding: one analysis per fresh process.</summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.ColdStart, launchCount: 2, warmupCount: 0, iterationCount: 1)]
public class ColdStartBenchmark
{
    private IReadOnlyList<ArticleInput> _seeds = [];
    private IReadOnlyList<ArticleInput> _generated = [];

    [GlobalSetup]
    public void Setup()
    {
        _seeds = SeedFiles.Load();
        _generated = StoryGenerator.Generate(50);
    }

    [Benchmark(Description = "seeds, cold (model load + embedding)")]
    public AnalysisResult Seeds()
    {
        using var encoder = new MiniLmEncoder();
        return new StoryAnalyzer(new AnalyzerOptions { Encoder = encoder }).Analyze(_seeds);
    }

    [Benchmark(Description = "50 × 1,000 words, cold (model load + embedding)")]
    public AnalysisResult Fifty()
    {
        using var encoder = new MiniLmEncoder();
        return new StoryAnalyzer(new AnalyzerOptions { Encoder = encoder }).Analyze(_generated);
    }
}

/// <summary>
/// Generated stories of growing size, vectors cached (warm): the engine against a naive all-pairs TF-IDF comparison
/// of the same sentences (the baseline of the Ratio column) and against all-pairs cosine over the same vectors.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class ScalingBenchmark
{
    private IReadOnlyList<ArticleInput> _articles = [];
    private StoryAnalyzer _engine = null!;
    private float[][] _vectors = [];
    private int[] _articleOf = [];

    [Params(10, 50, 100)]
    public int Articles { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _articles = StoryGenerator.Generate(Articles);
        var cache = new InMemoryEmbeddingCache();
        _engine = new StoryAnalyzer(new AnalyzerOptions { Encoder = Shared.Encoder, EmbeddingCache = cache });
        var result = _engine.Analyze(_articles);
        _vectors = result.Claims.Select(c => cache.TryGet(Shared.Encoder.ModelId, ClaimHash.Of(c.Text), out var v) ? v : []).ToArray();
        _articleOf = result.Claims.Select(c => int.Parse(c.ArticleId[1..], System.Globalization.CultureInfo.InvariantCulture)).ToArray();
    }

    [Benchmark(Description = "engine, model, vectors cached")]
    public AnalysisResult Engine() => _engine.Analyze(_articles);

    [Benchmark(Baseline = true, Description = "naive all-pairs TF-IDF")]
    public int Naive() => NaiveAllPairs.CountSimilarPairs(_articles);

    [Benchmark(Description = "all-pairs cosine over the same vectors")]
    public int AllPairsCosine() => NaiveAllPairs.CountCosinePairs(_vectors, _articleOf);
}

internal static class Shared
{
    /// <summary>One model per benchmark process, as in the app.</summary>
    public static readonly MiniLmEncoder Encoder = new();
}

internal static class SeedFiles
{
    public static IReadOnlyList<ArticleInput> Load()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CoverageCompare.sln")))
        {
            dir = dir.Parent;
        }
        var root = dir?.FullName ?? throw new InvalidOperationException("CoverageCompare.sln not found");
        return Directory.GetFiles(Path.Combine(root, "..", "shared", "seeds"), "*.txt")
            .Order(StringComparer.Ordinal)
            .Select((path, i) => new ArticleInput($"a{i + 1}", File.ReadAllText(path)))
            .ToArray();
    }
}
