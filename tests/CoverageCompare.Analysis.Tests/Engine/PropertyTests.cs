using System.Text;

namespace CoverageCompare.Analysis.Tests.Engine;

/// <summary>
/// Invariants over generated text: offsets always slice to the claim text, nothing throws, and the
/// output is byte-identical from run to run. Generation is seeded, so a failure reproduces.
/// </summary>
public sealed class PropertyTests
{
    private static readonly string[] Pieces =
    [
        "The council", "approved", "the tram line", "on Thursday", "Mr.", "U.S.", "Jan.", "$13 billion", "over $480 million",
        "tens of billions", "7 to 2", "late 2023", "November 2023", "earlier this month", "did not include", "excluded",
        "reportedly", "Sam Altman said", "said Maria Ortiz", "according to the city", "“", "”", "\"", "'", "’", "«", "»",
        ".", ". ", "! ", "? ", "...", "…", ", ", ": ", "; ", " — ", " – ", "(", ")", "\n", "\n\n", "\r\n", "\u2028", "\t",
        "• ", "- ", "# ", "1. ", "By Jane Doe\n", "Highlights\n", "You've reached the end\n", " date 2025-01-29 ",
        "😀", "👍🏽", "🇺🇸", "שלום עולם", "مرحبا بالعالم", "中文句子。", "e\u0301", "\u200B", "\u200F", "\uFEFF", "  ", "3.5",
        "35,000", "six", "minutes", "OpenAI", "Microsoft", "msft", "oai", "Nadella", "Councillor Tom Becker", "A.", "J.",
    ];

    public static TheoryData<int> Seeds() => [.. Enumerable.Range(1, 40)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Offsets_slice_to_the_text_and_links_are_well_formed(int seed)
    {
        var articles = Generate(seed);
        var result = new StoryAnalyzer().Analyze(articles);
        AssertWellFormed(articles, result);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Output_is_byte_identical_across_runs(int seed)
    {
        var articles = Generate(seed);
        var first = Json(articles, new StoryAnalyzer());
        var second = Json(articles, new StoryAnalyzer());
        var again = Json(Generate(seed), new StoryAnalyzer());
        Assert.Equal(first, second);
        Assert.Equal(first, again);
    }

    [SharedFact("seeds")]
    public void The_seed_story_is_byte_identical_across_runs()
    {
        var seeds = Fixtures.Stories.Seeds();
        Assert.Equal(Json(seeds, new StoryAnalyzer()), Json(seeds, new StoryAnalyzer()));
    }

    [Fact]
    public void The_demo_story_is_byte_identical_across_runs()
    {
        var demo = Fixtures.Stories.Demo();
        var analyzer = new StoryAnalyzer();
        Assert.Equal(Json(demo, analyzer), Json(demo, new StoryAnalyzer()));
        Assert.Equal(Json(demo, analyzer), Json(demo, analyzer));
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\n\n")]
    [InlineData("   \t  ")]
    [InlineData("😀😀😀 👍🏽👍🏽 🇺🇸.")]
    [InlineData("שלום עולם. זה משפט שני ארוך יותר. مرحبا بالعالم. هذه جملة ثانية.")]
    [InlineData("\"\"\"\"“““”””«««»»»")]
    [InlineData("..........!!!!!!????")]
    [InlineData("$ $ $ 5 5 5 - - - to to to")]
    public void Odd_inputs_never_throw(string text)
    {
        var articles = new[] { new ArticleInput("a1", text), new ArticleInput("a2", text + " " + text) };
        AssertWellFormed(articles, new StoryAnalyzer().Analyze(articles));
    }

    [Fact]
    public void A_line_of_100k_characters_is_analysed()
    {
        var words = new StringBuilder();
        var random = new Random(7);
        while (words.Length < 100_000)
        {
            words.Append(Pieces[random.Next(Pieces.Length)].Replace("\n", " ").Replace("\r", " ").Replace("\u2028", " ")).Append(' ');
        }
        var articles = new[]
        {
            new ArticleInput("a1", words.ToString()),
            new ArticleInput("a2", new string('a', 100_000)),
            new ArticleInput("a3", string.Concat(Enumerable.Repeat("Word “quoted. ", 8_000))),
        };
        AssertWellFormed(articles, new StoryAnalyzer().Analyze(articles));
    }

    private static byte[] Json(IReadOnlyList<ArticleInput> articles, StoryAnalyzer analyzer) =>
        AnalysisJson.SerializeToUtf8Bytes(new AnalysisDocument(
            articles.Select(a => new AnalyzedArticle(a.Id, null, null, a.Text.Length)).ToArray(), analyzer.Analyze(articles)));

    private static void AssertWellFormed(IReadOnlyList<ArticleInput> articles, AnalysisResult result)
    {
        var texts = articles.ToDictionary(a => a.Id, a => a.Text);
        var index = new Dictionary<string, int>();
        for (var i = 0; i < result.Claims.Count; i++)
        {
            var claim = result.Claims[i];
            Assert.Equal($"c{i + 1}", claim.Id);
            index[claim.Id] = i;
            var text = texts[claim.ArticleId];
            Assert.InRange(claim.Start, 0, claim.End - 1);
            Assert.InRange(claim.End, claim.Start + 1, text.Length);
            Assert.Equal(text[claim.Start..claim.End], claim.Text);
            Assert.False(char.IsLowSurrogate(text[claim.Start]), "a claim starts inside a surrogate pair");
            Assert.False(char.IsHighSurrogate(text[claim.End - 1]), "a claim ends inside a surrogate pair");
        }
        var claims = result.Claims.ToDictionary(c => c.Id);
        foreach (var link in result.Links)
        {
            Assert.True(index[link.A] < index[link.B]);
            Assert.NotEqual(claims[link.A].ArticleId, claims[link.B].ArticleId);
            Assert.InRange(link.Score, 0, 1);
            Assert.NotEmpty(link.Reasons);
        }
        var grouped = result.Groups.SelectMany(g => g.ClaimIds).ToList();
        Assert.Equal(grouped.Count, grouped.Distinct().Count());
        Assert.All(result.Links, l => Assert.Contains(l.A, grouped));
        var document = new AnalysisDocument([], result);
        Assert.Equal(AnalysisJson.Serialize(document), AnalysisJson.Serialize(AnalysisJson.Deserialize(AnalysisJson.Serialize(document))));
    }

    private static ArticleInput[] Generate(int seed)
    {
        var random = new Random(seed);
        var count = random.Next(1, 5);
        var articles = new ArticleInput[count];
        for (var a = 0; a < count; a++)
        {
            var text = new StringBuilder();
            var length = random.Next(0, 120);
            for (var k = 0; k < length; k++)
            {
                text.Append(Pieces[random.Next(Pieces.Length)]);
                if (random.Next(3) > 0)
                {
                    text.Append(' ');
                }
            }
            DateOnly? published = random.Next(2) == 0 ? null : new DateOnly(2025, 1, 1).AddDays(random.Next(400));
            articles[a] = new ArticleInput($"a{a + 1}", text.ToString(), published);
        }
        return articles;
    }
}
