using BenchmarkDotNet.Running;
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

BenchmarkSwitcher.FromAssembly(typeof(StoryGenerator).Assembly).Run(args);
