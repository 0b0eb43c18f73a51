using System.Text;
using System.Text.Json;
using CoverageCompare.Analysis;
using CoverageCompare.Analysis.Embeddings;

namespace CoverageCompare.Cli.Analyze;

/// <summary>
/// <c>analyze FILE...</c> and <c>analyze --batch MANIFEST.jsonl</c>, as in the analysis-json contract. With a sentence
/// model, vectors are kept in memory for the whole run, so a claim repeated across a batch is embedded once.
/// </summary>
public sealed class AnalyzeCommand(ISentenceEncoder? encoder = null) : ICliCommand
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private static readonly int Workers = Math.Clamp(Environment.ProcessorCount, 1, 4);

    public string Name => "analyze";

    public string Usage =>
        "  coverage-compare analyze FILE [FILE ...] [--format json|text] [--out PATH] [--no-model]\n" +
        "  coverage-compare analyze --batch MANIFEST.jsonl [--out PATH] [--no-model]";

    public int Run(IReadOnlyList<string> args, CliConsole console)
    {
        var options = AnalyzeOptions.Parse(args, out var usageError);
        if (options is null)
        {
            console.Error.WriteLine($"coverage-compare analyze: {usageError}");
            return CommandLine.BadInput;
        }
        if (!options.NoModel)
        {
            // The model's load (most of a cold run) overlaps reading and segmenting the articles.
            encoder?.Preload();
        }
        var analyzer = new StoryAnalyzer(new AnalyzerOptions
        {
            Encoder = options.NoModel ? null : encoder,
            EmbeddingCache = new InMemoryEmbeddingCache(),
        });
        return options.Batch is { } manifest
            ? RunBatch(manifest, options, analyzer, console)
            : RunOne(options, analyzer, console);
    }

    private static int RunOne(AnalyzeOptions options, StoryAnalyzer analyzer, CliConsole console)
    {
        var articles = ArticleFiles.Load(options.Files, path => path, out var error);
        if (articles is null)
        {
            console.Error.WriteLine($"coverage-compare analyze: {error}");
            return CommandLine.BadInput;
        }
        var document = Analyze(articles, analyzer, id: null);
        var format = options.Format ?? (console.OutputIsTerminal && options.OutPath is null ? OutputFormat.Text : OutputFormat.Json);
        var output = format == OutputFormat.Json
            ? AnalysisJson.Serialize(document, indented: true) + "\n"
            : TextReport.Render(document);
        return Emit(output, options.OutPath, console);
    }

    /// <summary>One story per manifest line, all in this process; a story that cannot be read yields an error line and the rest go on.</summary>
    private static int RunBatch(string manifest, AnalyzeOptions options, StoryAnalyzer analyzer, CliConsole console)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(manifest, Utf8);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            console.Error.WriteLine($"coverage-compare analyze: {manifest}: cannot be read ({(e is FileNotFoundException or DirectoryNotFoundException ? "no such file" : e.GetType().Name)})");
            return CommandLine.BadInput;
        }
        if (options.Format == OutputFormat.Text)
        {
            console.Error.WriteLine("coverage-compare analyze: --batch writes JSON lines only");
            return CommandLine.BadInput;
        }
        var baseDirectory = Path.GetDirectoryName(Path.GetFullPath(manifest)) ?? ".";
        string Resolve(string path) => File.Exists(path) || Path.IsPathRooted(path) ? path : Path.Combine(baseDirectory, path);

        var stories = lines.Select((line, n) => (Line: line, Number: n + 1)).Where(s => !string.IsNullOrWhiteSpace(s.Line)).ToArray();
        var bar = console.ErrorIsTerminal ? new ProgressBar(console.Error, stories.Length) : null;
        var barGate = new Lock();
        // Stories are independent and the analyzer, model and vector cache are thread-safe: one story per core, in
        // manifest order on output. A vector does not depend on which story computed it first, so output is identical.
        var results = stories.AsParallel().AsOrdered().WithDegreeOfParallelism(Workers)
            .Select(story =>
            {
                var result = AnalyzeLine(story.Line, story.Number, Resolve, analyzer);
                lock (barGate)
                {
                    bar?.Advance(1);
                }
                return result;
            })
            .ToArray();
        var output = new StringBuilder();
        foreach (var (json, _) in results)
        {
            output.Append(json).Append('\n');
        }
        var failed = results.Any(r => r.Failed);
        bar?.Done();
        var written = Emit(output.ToString(), options.OutPath, console);
        return written != CommandLine.Success ? written : failed ? CommandLine.PartialFailure : CommandLine.Success;
    }

    private static (string Json, bool Failed) AnalyzeLine(string line, int number, Func<string, string> resolve, StoryAnalyzer analyzer)
    {
        var entry = ManifestEntry.Parse(line, out var problem);
        if (entry is null)
        {
            return (AnalysisJson.SerializeError(null, $"manifest line {number}: {problem}"), true);
        }
        var articles = ArticleFiles.Load(entry.Files, resolve, out var error);
        if (articles is null)
        {
            return (AnalysisJson.SerializeError(entry.Id, error!), true);
        }
        try
        {
            return (AnalysisJson.Serialize(Analyze(articles, analyzer, entry.Id)), false);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A fault in the engine on one story must not cost the other stories of a long batch their results.
            return (AnalysisJson.SerializeError(entry.Id, $"manifest line {number}: the engine failed on this story ({e.GetType().Name}: {e.Message})"), true);
        }
    }

    private static AnalysisDocument Analyze(List<LoadedArticle> articles, StoryAnalyzer analyzer, string? id) =>
        new(articles.Select(a => a.Listing).ToArray(), analyzer.Analyze(articles.Select(a => a.Input).ToArray()), id);

    private static int Emit(string output, string? outPath, CliConsole console)
    {
        if (outPath is null)
        {
            console.Out.Write(output);
            return CommandLine.Success;
        }
        try
        {
            File.WriteAllText(outPath, output, Utf8);
            return CommandLine.Success;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            console.Error.WriteLine($"coverage-compare analyze: {outPath}: cannot be written ({e.GetType().Name})");
            return CommandLine.BadInput;
        }
    }

    private sealed record ManifestEntry(string Id, IReadOnlyList<string> Files)
    {
        public static ManifestEntry? Parse(string line, out string? problem)
        {
            problem = null;
            try
            {
                using var json = JsonDocument.Parse(line);
                var root = json.RootElement;
                if (root.ValueKind != JsonValueKind.Object
                    || !root.TryGetProperty("id", out var id) || id.ValueKind != JsonValueKind.String
                    || !root.TryGetProperty("files", out var files) || files.ValueKind != JsonValueKind.Array)
                {
                    problem = "expected {\"id\": \"...\", \"files\": [\"...\"]}";
                    return null;
                }
                var paths = files.EnumerateArray().Select(f => f.ValueKind == JsonValueKind.String ? f.GetString()! : "").ToArray();
                if (paths.Length == 0 || paths.Any(p => p.Length == 0))
                {
                    problem = "files must be a non-empty list of paths";
                    return null;
                }
                return new ManifestEntry(id.GetString()!, paths);
            }
            catch (JsonException)
            {
                problem = "not valid JSON";
                return null;
            }
        }
    }
}
