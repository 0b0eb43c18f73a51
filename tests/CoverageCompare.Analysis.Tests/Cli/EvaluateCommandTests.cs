using System.Text.Json;
using CoverageCompare.Cli;
using CoverageCompare.Cli.Evaluate;

namespace CoverageCompare.Analysis.Tests.Cli;

public sealed class EvaluateCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("cc-evaluate-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static (int Code, string Out, string Error) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = CommandLine.Run([new EvaluateCommand()], args, new CliConsole(stdout, stderr, false));
        return (code, stdout.ToString(), stderr.ToString());
    }

    private static string[] Demo() => Directory.GetFiles(TestPaths.DemoDirectory, "*.md").Order(StringComparer.Ordinal).ToArray();

    /// <summary>Two planted demo facts (the cost, one pair disagreeing; the 11 km length) and one pair the engine does not link.</summary>
    private string Gold(bool withUnlinkedPair = false, string costReason = "number")
    {
        var files = Demo();
        object M(int i, string quote) => new { file = Path.GetFileName(files[i]), quote };
        var facts = new List<object>
        {
            new
            {
                fact = "The tram line costs",
                relation = "disagree",
                mentions = new[] { M(0, "cost $480 million"), M(2, "cost $520 million") },
                disagree = new[] { new { a = "cost $480 million", b = "cost $520 million", reason = costReason } },
            },
            new { fact = "The line runs 11 km", relation = "agree", mentions = new[] { M(0, "run 11 kilometres"), M(1, "run 11 kilometres") } },
        };
        if (withUnlinkedPair)
        {
            facts.Add(new { fact = "Not the same fact", relation = "agree", mentions = new[] { M(0, "run 11 kilometres"), M(3, "every six minutes") } });
        }
        var path = Path.Combine(_dir, "gold.json");
        File.WriteAllText(path, JsonSerializer.Serialize(new { files, facts }));
        return path;
    }

    [Fact]
    public void Prints_the_four_figures_and_exits_0_without_thresholds()
    {
        var (code, stdout, stderr) = Run("evaluate", Gold());
        Assert.Equal(0, code);
        Assert.Empty(stderr);
        Assert.Contains("recall (gold pairs linked)            2/2 = 100.0%", stdout, StringComparison.Ordinal);
        Assert.Contains("relation accuracy (linked gold pairs) 2/2 = 100.0%", stdout, StringComparison.Ordinal);
        Assert.Contains("disagreement recall                   1/1 = 100.0%", stdout, StringComparison.Ordinal);
        // Not exhaustive: only links between listed claims are judged, and those are right.
        Assert.Contains("precision (links correct)             2/2 = 100.0%", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_figure_below_its_threshold_exits_1_naming_it()
    {
        var (code, stdout, stderr) = Run("evaluate", Gold(withUnlinkedPair: true), "--min-recall", "0.9", "--min-precision", "0.9");
        Assert.Equal(1, code);
        Assert.Contains("recall (gold pairs linked)            2/3", stdout, StringComparison.Ordinal);
        Assert.Contains("missed: Not the same fact:", stdout, StringComparison.Ordinal);
        Assert.Equal("coverage-compare evaluate: recall 0.667 is below 0.9", stderr.Trim());
    }

    [Fact]
    public void A_disagreement_flagged_for_another_reason_is_not_counted()
    {
        var (code, stdout, _) = Run("evaluate", Gold(costReason: "date"), "--min-disagreement-recall", "1");
        Assert.Equal(1, code);
        Assert.Contains("disagreement recall                   0/1", stdout, StringComparison.Ordinal);
        Assert.Contains("no date reason naming both sides", stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"files\": []}", "lists no file")]
    [InlineData("not json", "not valid JSON")]
    [InlineData("{\"files\": [\"1-harbor-ledger.md\"], \"facts\": [{\"mentions\": [{\"file\": \"nope.md\", \"quote\": \"x\"}]}]}", "\"nope.md\" is not in \"files\"")]
    public void A_bad_gold_file_exits_2_with_one_line(string json, string expected)
    {
        var path = Path.Combine(_dir, "bad.json");
        File.WriteAllText(path, json);
        var (code, stdout, stderr) = Run("evaluate", path);
        Assert.Equal(2, code);
        Assert.Empty(stdout);
        Assert.Contains(expected, Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_quote_not_in_its_file_exits_2()
    {
        var files = Demo();
        var path = Path.Combine(_dir, "gold.json");
        File.WriteAllText(path, JsonSerializer.Serialize(new
        {
            files,
            facts = new[] { new { fact = "x", mentions = new[] { new { file = files[0], quote = "no such words anywhere" }, new { file = files[1], quote = "run 11 kilometres" } } } },
        }));
        var (code, _, stderr) = Run("evaluate", path);
        Assert.Equal(2, code);
        Assert.Contains("the quote is not in the file", stderr, StringComparison.Ordinal);
    }

    [SharedFact("seeds")]
    public void Scores_the_seed_gold()
    {
        var (code, stdout, stderr) = Run("evaluate", SeedFixtureTests.GoldPath);
        Assert.True(code == 0, stderr);
        Assert.StartsWith("recall (gold pairs linked)", stdout, StringComparison.Ordinal);
    }
}
