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

/// <summary>
/// Model load and first embedding: each iteration builds a new encoder (reads and optimises the model) and analyses the
/// story with no vector cached. In this process, so the runtime's own start is not in it (the CLI figure has it).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.ColdStart, launchCount: 1, warmupCount: 0, iterationCount: 3)]
public class ColdStartBenchmark
{
    private IReadOnlyList<ArticleInput> _articles = [];

    [Params(5, 50, 100)]
    public int Articles { get; set; }

    [GlobalSetup]
    public void Setup() => _articles = Articles == 5 ? SeedFiles.Load() : StoryGenerator.Generate(Articles);

    [Benchmark(Description = "cold: model load + embedding + analysis (5 = the seed articles)")]
    public AnalysisResult Cold()
    {
        using var encoder = new MiniLmEncoder();
        return new StoryAnalyzer(new AnalyzerOptions { Encoder = encoder }).Analyze(_articles);
    }
}

/// <summary>
/// Generated stories of 1,000-word articles, vectors cached (warm): the engine against a naive all-pairs TF-IDF
/// comparison of the same sentences (the baseline of the Ratio column) and against all-pairs cosine over the same
/// vectors. All three start from the texts: each segments them, and the two that use vectors take them from the cache.
/// </summary>
/// <remarks>
/// Run it with DOTNET_TC_CallCountThreshold=3 DOTNET_TC_CallCountingDelayMs=0 (the README's command). Most of the
/// engine's methods run once per analysis (the search, the linker, the feature pass): by default a method is fully
/// compiled only after 30 calls, then 30 more in dynamic PGO's instrumented, slower tier, so one warm-up timed the
/// engine in its first code, and 30 timed all-pairs cosine in its instrumented tier (0.35 s, then 0.8 s at 50
/// articles). With the lower threshold, 10 warm-ups reach the optimised, profile-guided code a long-running server
/// ends up with, for both sides. Tiered compilation off is no substitute: without the profile the runtime does not
/// keep LINQ's enumerators and closures on the stack, and the engine allocated 33% more.
/// </remarks>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 10, iterationCount: 5)]
public class ScalingBenchmark
{
    private IReadOnlyList<ArticleInput> _articles = [];
    private StoryAnalyzer _engine = null!;
    private InMemoryEmbeddingCache _cache = null!;

    [Params(50, 100)]
    public int Articles { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _articles = StoryGenerator.Generate(Articles);
        _cache = Shared.CacheFor(Articles);
        _engine = new StoryAnalyzer(new AnalyzerOptions { Encoder = Shared.Encoder, EmbeddingCache = _cache });
        _engine.Analyze(_articles);
    }

    [Benchmark(Description = "engine, model, vectors cached")]
    public AnalysisResult Engine() => _engine.Analyze(_articles);

    [Benchmark(Baseline = true, Description = "naive all-pairs TF-IDF")]
    public int Naive() => NaiveAllPairs.CountSimilarPairs(_articles);

    [Benchmark(Description = "all-pairs cosine over the same vectors")]
    public int AllPairsCosine() => NaiveAllPairs.CountCosinePairs(_articles, _cache, Shared.Encoder.ModelId);
}

internal static class Shared
{
    /// <summary>One model per benchmark process, as in the app.</summary>
    public static readonly MiniLmEncoder Encoder = new();

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<int, InMemoryEmbeddingCache> Caches = new();

    /// <summary>
    /// One vector cache per story size for the whole run: each benchmark case runs its own setup, and embedding the
    /// 100-article story again for every case took most of a run on the shared machine.
    /// </summary>
    public static InMemoryEmbeddingCache CacheFor(int articles) => Caches.GetOrAdd(articles, _ => new InMemoryEmbeddingCache());
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
