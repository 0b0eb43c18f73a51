using System.Text.Json;
using CoverageCompare.Cli;
using CoverageCompare.Cli.Framing;

namespace CoverageCompare.Analysis.Tests.Cli;

public sealed class FramingCommandTests
{
    private static (int Code, string Out, string Error) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = CommandLine.Run([new FramingCommand()], args, new CliConsole(stdout, stderr, false));
        return (code, stdout.ToString(), stderr.ToString());
    }

    private static string[] DemoFiles() => Directory.GetFiles(TestPaths.DemoDirectory, "*.md").Order(StringComparer.Ordinal).ToArray();

    [Fact]
    public void Prints_one_entry_per_file_in_the_order_given_and_the_shared_facts()
    {
        var files = DemoFiles().Reverse().ToArray();
        var (code, stdout, stderr) = Run(["framing", .. files]);

        Assert.Equal(0, code);
        Assert.Empty(stderr);
        using var json = JsonDocument.Parse(stdout);
        var articles = json.RootElement.GetProperty("articles").EnumerateArray().ToList();
        Assert.Equal(files, articles.Select(a => a.GetProperty("path").GetString()));
        var courier = articles[0];
        Assert.Equal((6, 1, 1, 1), (courier.GetProperty("claims").GetInt32(), courier.GetProperty("attributed").GetInt32(),
            courier.GetProperty("hedged").GetInt32(), courier.GetProperty("quotes").GetInt32()));
        Assert.Equal("Amira Haddad", courier.GetProperty("speakers")[0].GetProperty("speaker").GetString());
        Assert.Equal(5, courier.GetProperty("omitted").GetArrayLength());

        var facts = json.RootElement.GetProperty("sharedFacts").EnumerateArray().ToList();
        Assert.Equal(10, facts.Count);
        var quote = facts.Single(f => f.GetProperty("wordings").EnumerateArray().Any(w => w.GetProperty("text").GetString()!.Contains("connects", StringComparison.Ordinal)));
        Assert.Contains(quote.GetProperty("wordings").EnumerateArray(),
            w => w.GetProperty("differingWords").EnumerateArray().Select(x => x.GetString()).SequenceEqual(["connects", "far", "long"]));
    }

    [Fact]
    public void The_same_files_give_the_same_bytes()
    {
        Assert.Equal(Run(["framing", .. DemoFiles()]).Out, Run(["framing", .. DemoFiles()]).Out);
    }

    [Fact]
    public void A_bad_file_exits_2_with_one_line_naming_it()
    {
        var missing = Path.Combine(Path.GetTempPath(), "cc-framing-missing.md");
        var (code, stdout, stderr) = Run(["framing", DemoFiles()[0], missing]);

        Assert.Equal(2, code);
        Assert.Empty(stdout);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(missing + ": no such file", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData]
    [InlineData("--json")]
    public void No_files_or_an_option_is_a_usage_error(params string[] rest)
    {
        var (code, _, stderr) = Run(["framing", .. rest]);
        Assert.Equal(2, code);
        Assert.StartsWith("coverage-compare framing:", stderr, StringComparison.Ordinal);
    }
}
