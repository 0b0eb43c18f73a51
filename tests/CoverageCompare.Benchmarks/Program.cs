using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using CoverageCompare.Benchmarks;

// `--stats` prints what the generated stories look like (sentences, links) instead of timing them.
if (args is ["--stats"])
{
    foreach (var n in new[] { 10, 20, 50, 100 })
    {
        var story = StoryGenerator.Generate(n);
        var started = System.Diagnostics.Stopwatch.StartNew();
        var result = new CoverageCompare.Analysis.StoryAnalyzer().Analyze(story);
        Console.WriteLine($"{n} articles: {story.Sum(a => a.Text.Split(' ').Length)} words, {result.Claims.Count} claims, {result.Links.Count} links, {result.Groups.Count} groups, {started.ElapsedMilliseconds} ms");
    }
    return;
}

// `--warm N [RUNS]` analyses the generated story of N articles RUNS times with every vector cached, for a profiler
// (`perf record` with DOTNET_PerfMapEnabled=1) to see where a warm analysis spends its time.
if (args is ["--warm", var warmArticles, ..])
{
    var story = StoryGenerator.Generate(int.Parse(warmArticles, System.Globalization.CultureInfo.InvariantCulture));
    var cache = new CoverageCompare.Analysis.Embeddings.InMemoryEmbeddingCache();
    using var encoder = new CoverageCompare.Analysis.Embeddings.MiniLmEncoder();
    var analyzer = new CoverageCompare.Analysis.StoryAnalyzer(new CoverageCompare.Analysis.AnalyzerOptions { Encoder = encoder, EmbeddingCache = cache });
    analyzer.Analyze(story);
    var runs = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 5;
    for (var i = 0; i < runs; i++)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        analyzer.Analyze(story);
        Console.WriteLine($"warm {started.ElapsedMilliseconds} ms");
    }
    return;
}

// `--make-story DIR N` writes the generated story of N articles (~1,000 words each) as DIR/a01.txt …, for timing and
// measuring the peak memory of `coverage-compare analyze` in a process of its own.
if (args is ["--make-story", var storyDir, var articleCount])
{
    Directory.CreateDirectory(storyDir);
    var story = StoryGenerator.Generate(int.Parse(articleCount, System.Globalization.CultureInfo.InvariantCulture));
    for (var i = 0; i < story.Count; i++)
    {
        File.WriteAllText(Path.Combine(storyDir, $"a{i + 1:D3}.txt"), story[i].Text);
    }
    return;
}

// `--make-batch DIR [N]` writes N two-document stories (a one-line headline, a ~400-word body) and DIR/stories.jsonl,
// for timing `coverage-compare analyze --batch`.
if (args is ["--make-batch", var dir, ..])
{
    var count = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 1000;
    Directory.CreateDirectory(dir);
    var manifest = new System.Text.StringBuilder();
    for (var i = 0; i < count; i++)
    {
        var (headline, body) = StoryGenerator.HeadlineAndBody(i);
        var id = i.ToString("D4", System.Globalization.CultureInfo.InvariantCulture);
        File.WriteAllText(Path.Combine(dir, $"{id}-headline.txt"), headline);
        File.WriteAllText(Path.Combine(dir, $"{id}-body.txt"), body);
        manifest.Append($"{{\"id\": \"s{id}\", \"files\": [\"{id}-headline.txt\", \"{id}-body.txt\"]}}\n");
    }
    File.WriteAllText(Path.Combine(dir, "stories.jsonl"), manifest.ToString());
    return;
}

// Every job runs in this process: a generated project would rebuild the web app, which did not finish on the shared
// 2-core machine. The mutator sets the toolchain on the jobs each benchmark's attributes define, and the long timeout
// lets the 100-article setup (thousands of claims through the model) finish under load.
var config = ManualConfig.Create(DefaultConfig.Instance)
    .AddJob(Job.Default.WithToolchain(new InProcessEmitToolchain(TimeSpan.FromHours(1), logOutput: true)).AsMutator());
BenchmarkSwitcher.FromAssembly(typeof(StoryGenerator).Assembly).Run(args, config);
