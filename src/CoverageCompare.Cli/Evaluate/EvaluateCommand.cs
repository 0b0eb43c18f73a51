using System.Globalization;
using CoverageCompare.Analysis;
using CoverageCompare.Analysis.Embeddings;
using CoverageCompare.Analysis.Evaluation;
using CoverageCompare.Cli.Analyze;

namespace CoverageCompare.Cli.Evaluate;

/// <summary>
/// <c>evaluate GOLD.json</c>: runs the engine on the gold's files and scores it against the gold alignment
/// (docs/gold-format.md), with the sentence model as <c>analyze</c> runs it (<c>--no-model</c>: lexical evidence alone).
/// Exits 1 when a figure is below its <c>--min-…</c> threshold, 2 for a bad gold file.
/// </summary>
public sealed class EvaluateCommand(ISentenceEncoder? encoder = null) : ICliCommand
{
    private const long MaxGoldBytes = 5 * 1024 * 1024;

    private static readonly string[] Thresholds = ["--min-recall", "--min-precision", "--min-relation-accuracy", "--min-disagreement-recall"];

    public string Name => "evaluate";

    public string Usage =>
        "  coverage-compare evaluate GOLD.json [--min-recall F] [--min-precision F] [--min-relation-accuracy F] [--min-disagreement-recall F] [--no-model]";

    public int Run(IReadOnlyList<string> args, CliConsole console)
    {
        if (!TryParse(args, out var goldPath, out var minimums, out var noModel, out var usageError))
        {
            console.Error.WriteLine($"coverage-compare evaluate: {usageError}");
            return CommandLine.BadInput;
        }
        GoldStandard gold;
        try
        {
            var info = new FileInfo(goldPath);
            if (!info.Exists) return Fail(console, $"{goldPath}: no such file");
            if (info.Length > MaxGoldBytes) return Fail(console, $"{goldPath}: larger than the 5 MB limit");
            gold = GoldStandard.Parse(File.ReadAllText(goldPath));
        }
        catch (FormatException e)
        {
            return Fail(console, $"{goldPath}: {e.Message}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Fail(console, $"{goldPath}: cannot be read ({e.GetType().Name})");
        }

        var baseDirectory = Path.GetDirectoryName(Path.GetFullPath(goldPath)) ?? ".";
        var loaded = ArticleFiles.Load(gold.Files, f => Path.IsPathRooted(f) ? f : Path.Combine(baseDirectory, f), out var error);
        if (loaded is null) return Fail(console, error!);
        var articles = loaded.Select(a => a.Input).ToList();
        try
        {
            GoldEvaluator.CheckQuotes(gold, articles);
        }
        catch (FormatException e)
        {
            return Fail(console, $"{goldPath}: {e.Message}");
        }

        var result = new StoryAnalyzer(new AnalyzerOptions { Encoder = noModel ? null : encoder }).Analyze(articles);
        var report = GoldEvaluator.Evaluate(gold, articles, result);
        Print(report, console.Out);
        console.Out.WriteLine($"engine: {result.Engine.Name}{(result.Engine.Note is { } note ? $" ({note})" : "")}");

        var figures = new[] { report.Recall, report.Precision, report.RelationAccuracy, report.DisagreementRecall };
        var below = Thresholds.Zip(figures).Where(t => minimums.TryGetValue(t.First, out var min) && t.Second.Value < min).ToList();
        foreach (var (option, figure) in below)
        {
            console.Error.WriteLine($"coverage-compare evaluate: {option[6..].Replace('-', ' ')} {figure.Value:0.000} is below {minimums[option].ToString(CultureInfo.InvariantCulture)}");
        }
        return below.Count > 0 ? CommandLine.PartialFailure : CommandLine.Success;
    }

    private static void Print(EvaluationReport report, TextWriter output)
    {
        output.WriteLine($"recall (gold pairs linked)            {report.Recall}");
        output.WriteLine($"precision (links correct)             {report.Precision}");
        output.WriteLine($"relation accuracy (linked gold pairs) {report.RelationAccuracy}");
        output.WriteLine($"disagreement recall                   {report.DisagreementRecall}");
        Section(output, "not located", report.Unlocated);
        Section(output, "missed", report.Missed);
        Section(output, "wrong link", report.Wrong);
        Section(output, "wrong relation", report.WrongRelation);
        Section(output, "disagreement not flagged", report.UnflaggedDisagreements);
    }

    private static void Section(TextWriter output, string label, IReadOnlyList<string> lines)
    {
        foreach (var line in lines) output.WriteLine($"{label}: {line}");
    }

    private static int Fail(CliConsole console, string message)
    {
        console.Error.WriteLine($"coverage-compare evaluate: {message.ReplaceLineEndings(" ")}");
        return CommandLine.BadInput;
    }

    private static bool TryParse(IReadOnlyList<string> args, out string gold, out Dictionary<string, double> minimums, out bool noModel, out string? error)
    {
        (gold, minimums, noModel, error) = ("", new Dictionary<string, double>(StringComparer.Ordinal), false, null);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (Thresholds.Contains(arg))
            {
                if (i + 1 >= args.Count || !double.TryParse(args[++i], NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value is < 0 or > 1)
                {
                    error = $"{arg} takes a fraction from 0 to 1, such as 0.95";
                    return false;
                }
                minimums[arg] = value;
            }
            else if (arg == "--no-model")
            {
                noModel = true;
            }
            else if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                error = $"unknown option {arg}";
                return false;
            }
            else if (gold.Length > 0)
            {
                error = "give one GOLD.json";
                return false;
            }
            else
            {
                gold = arg;
            }
        }
        if (gold.Length == 0) error = "give the GOLD.json to score against";
        return error is null;
    }
}
