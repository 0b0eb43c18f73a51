using System.Text;
using System.Text.Json;
using CoverageCompare.Cli;
using CoverageCompare.Cli.Analyze;

namespace CoverageCompare.Analysis.Tests.Cli;

public sealed class AnalyzeCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("cc-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static (int Code, string Out, string Error) Run(bool terminal, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = CommandLine.Run([new AnalyzeCommand()], args, new CliConsole(stdout, stderr, terminal));
        return (code, stdout.ToString(), stderr.ToString());
    }

    private string File(string name, byte[] content)
    {
        var path = Path.Combine(_dir, name);
        System.IO.File.WriteAllBytes(path, content);
        return path;
    }

    private static string Demo(int n) => Directory.GetFiles(TestPaths.DemoDirectory, "*.md").Order(StringComparer.Ordinal).ElementAt(n);

    private string Seed(int n) => Directory.GetFiles(TestPaths.SeedsDirectory, "*.txt").Order(StringComparer.Ordinal).ElementAt(n);

    public static TheoryData<string, byte[]> BadFiles() => new()
    {
        { "empty.txt", [] },
        { "blank.txt", "  \n\n "u8.ToArray() },
        { "binary.txt", [0x89, 0x50, 0x4E, 0x47, 0x00, 0x01, 0x02] },
        { "latin1.txt", [0x63, 0x61, 0x66, 0xE9, 0x20, 0x6E, 0x6F, 0x69, 0x72] },
        { "huge.txt", Encoding.UTF8.GetBytes(new string('a', 5 * 1024 * 1024 + 1)) },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void Bad_input_exits_2_with_one_line_naming_the_file(string name, byte[] content)
    {
        var path = File(name, content);
        var (code, stdout, stderr) = Run(false, "analyze", Demo(0), path);
        Assert.Equal(2, code);
        Assert.Empty(stdout);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(path, line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", line, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_exits_2_naming_it()
    {
        var (code, _, stderr) = Run(false, "analyze", Path.Combine(_dir, "nope.txt"));
        Assert.Equal(2, code);
        Assert.Contains("nope.txt: no such file", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("analyze")]
    [InlineData("analyze", "--format", "xml", "a.txt")]
    [InlineData("analyze", "--frobnicate", "a.txt")]
    [InlineData("unknown-command")]
    public void Bad_usage_exits_2(params string[] args) => Assert.Equal(2, Run(false, args).Code);

    [SharedFact("seeds")]
    public void Json_is_the_default_off_a_terminal_and_follows_the_contract()
    {
        var paths = new[] { Seed(0), Seed(3), Seed(4) };
        var (code, stdout, stderr) = Run(false, ["analyze", .. paths]);
        Assert.Equal(0, code);
        Assert.Empty(stderr);
        using var json = JsonDocument.Parse(stdout);
        var articles = json.RootElement.GetProperty("articles").EnumerateArray().ToArray();
        Assert.Equal(paths, articles.Select(a => a.GetProperty("path").GetString()));
        var texts = paths.Select(p => System.IO.File.ReadAllText(p)).ToArray();
        Assert.Equal(texts.Select(t => t.Length), articles.Select(a => a.GetProperty("length").GetInt32()));
        foreach (var claim in json.RootElement.GetProperty("claims").EnumerateArray())
        {
            var text = texts[int.Parse(claim.GetProperty("article").GetString()![1..]) - 1];
            Assert.Equal(text[claim.GetProperty("start").GetInt32()..claim.GetProperty("end").GetInt32()], claim.GetProperty("text").GetString());
        }
        Assert.Contains(json.RootElement.GetProperty("links").EnumerateArray(), l => l.GetProperty("reasons")[0].GetString() == "number: over $13 billion vs tens of billions");
        Assert.Equal(stdout, Run(false, ["analyze", .. paths]).Out);
    }

    [Fact]
    public void Text_is_the_default_on_a_terminal()
    {
        var demo = Directory.GetFiles(TestPaths.DemoDirectory, "*.md").Order(StringComparer.Ordinal).ToArray();
        var (code, stdout, _) = Run(true, ["analyze", .. demo]);
        Assert.Equal(0, code);
        Assert.Contains("Shared facts", stdout, StringComparison.Ordinal);
        Assert.Contains("number: $480 million vs $520 million", stdout, StringComparison.Ordinal);
        Assert.Contains("Reported by one source only", stdout, StringComparison.Ordinal);
    }

    [SharedFact("seeds")]
    public void Out_writes_the_document_to_a_file()
    {
        var target = Path.Combine(_dir, "out.json");
        var (code, stdout, _) = Run(true, "analyze", Seed(0), Seed(1), "--out", target);
        Assert.Equal(0, code);
        Assert.Empty(stdout);
        Assert.Equal(2, AnalysisJson.Deserialize(System.IO.File.ReadAllText(target)).Articles.Count);
    }

    [SharedFact("seeds")]
    public void A_batch_gives_one_line_per_story_in_order_and_goes_on_after_a_bad_one()
    {
        var empty = File("empty.txt", []);
        var manifest = Path.Combine(_dir, "stories.jsonl");
        System.IO.File.WriteAllLines(manifest,
        [
            JsonSerializer.Serialize(new { id = "seeds", files = new[] { Seed(0), Seed(1), Seed(2) } }),
            JsonSerializer.Serialize(new { id = "broken", files = new[] { Seed(0), empty } }),
            "",
            JsonSerializer.Serialize(new { id = "pair", files = new[] { Seed(3), Seed(4) } }),
        ]);
        var (code, stdout, _) = Run(false, "analyze", "--batch", manifest);
        Assert.Equal(1, code);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.Equal(["seeds", "broken", "pair"], lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("id").GetString()));
        Assert.Contains("empty.txt", JsonDocument.Parse(lines[1]).RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
        var single = Run(false, "analyze", Seed(3), Seed(4)).Out;
        Assert.Equal(AnalysisJson.Deserialize(single).Result.Links.Count, AnalysisJson.Deserialize(lines[2]).Result.Links.Count);
    }

    [SharedFact("seeds")]
    public void A_batch_of_good_stories_exits_0()
    {
        var manifest = Path.Combine(_dir, "ok.jsonl");
        System.IO.File.WriteAllText(manifest, JsonSerializer.Serialize(new { id = "one", files = new[] { Seed(0) } }) + "\n");
        Assert.Equal(0, Run(false, "analyze", "--batch", manifest).Code);
    }
}
