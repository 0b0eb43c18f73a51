using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using CoverageCompare.Analysis;

namespace CoverageCompare.Benchmarks;

/// <summary>The five real seed articles, analysed end to end (segmentation, features, linking, relations).</summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class SeedStoryBenchmark
{
    private IReadOnlyList<ArticleInput> _articles = [];
    private readonly StoryAnalyzer _analyzer = new();

    [GlobalSetup]
    public void Setup() => _articles = SeedFiles.Load();

    [Benchmark(Description = "5 seed articles")]
    public AnalysisResult AnalyzeSeeds() => _analyzer.Analyze(_articles);
}

/// <summary>
/// Generated stories of growing size: the engine against a naive all-pairs TF-IDF comparison of the
/// same sentences (the baseline, so the Ratio column is engine time over naive time).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 2, iterationCount: 5)]
public class ScalingBenchmark
{
    private IReadOnlyList<ArticleInput> _articles = [];
    private readonly StoryAnalyzer _analyzer = new();

    [Params(10, 20, 50, 100)]
    public int Articles { get; set; }

    [GlobalSetup]
    public void Setup() => _articles = StoryGenerator.Generate(Articles);

    [Benchmark(Description = "engine (inverted index)")]
    public AnalysisResult Engine() => _analyzer.Analyze(_articles);

    [Benchmark(Baseline = true, Description = "naive all-pairs TF-IDF")]
    public int Naive() => NaiveAllPairs.CountSimilarPairs(_articles);
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
