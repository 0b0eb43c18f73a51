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

BenchmarkSwitcher.FromAssembly(typeof(StoryGenerator).Assembly).Run(args);
