using CoverageCompare.Analysis.Tests.Fixtures;

namespace CoverageCompare.Analysis.Tests;

/// <summary>The demo story's planted facts, checked link by link: nothing missing, nothing extra.</summary>
public sealed class DemoStoryTests
{
    private const int Ledger = 0, Coastline = 1, Wire = 2, Courier = 3;

    private readonly IReadOnlyList<ArticleInput> _articles = Stories.Demo();
    private readonly AnalysisResult _result;

    public DemoStoryTests() => _result = new StoryAnalyzer().Analyze(_articles);

    private static readonly (string Fact, int A, string AnchorA, int B, string AnchorB, Relation Relation, string Reason)[] Expected =
    [
        ("F1", Ledger, "on Thursday night after", Coastline, "on Thursday after a long debate", Relation.Agree, "same date: Thursday"),
        ("F1", Ledger, "on Thursday night after", Wire, "in a divided vote", Relation.Agree, "same date: Thursday"),
        ("F1", Ledger, "on Thursday night after", Courier, "tram line on Thursday.", Relation.Agree, "same date: Thursday"),
        ("F1", Coastline, "on Thursday after a long debate", Wire, "in a divided vote", Relation.Agree, "same date: Thursday"),
        ("F1", Coastline, "on Thursday after a long debate", Courier, "tram line on Thursday.", Relation.Agree, "same date: Thursday"),
        ("F1", Wire, "in a divided vote", Courier, "tram line on Thursday.", Relation.Agree, "same date: Thursday"),
        ("F2", Ledger, "voted 7 to 2", Wire, "voted 6 to 3", Relation.Disagree, "number: 7 to 2 vs 6 to 3"),
        ("F2", Ledger, "voted 7 to 2", Courier, "voted 7 to 2", Relation.Agree, "same number: 7 to 2"),
        ("F2", Wire, "voted 6 to 3", Courier, "voted 7 to 2", Relation.Disagree, "number: 6 to 3 vs 7 to 2"),
        ("F3", Ledger, "cost $480 million", Coastline, "cost $480 million", Relation.Agree, "same number: $480 million"),
        ("F3", Ledger, "cost $480 million", Wire, "cost $520 million", Relation.Disagree, "number: $480 million vs $520 million"),
        ("F3", Coastline, "cost $480 million", Wire, "cost $520 million", Relation.Disagree, "number: $480 million vs $520 million"),
        ("F4", Ledger, "run 11 kilometres", Coastline, "run 11 kilometres", Relation.Agree, "same number: 11 kilometres"),
        ("F4", Ledger, "run 11 kilometres", Wire, "run 11 kilometres", Relation.Agree, "same number: 11 kilometres"),
        ("F4", Coastline, "run 11 kilometres", Wire, "run 11 kilometres", Relation.Agree, "same number: 11 kilometres"),
        ("F5", Ledger, "begin in June 2026", Coastline, "begin in June 2026", Relation.Agree, "same date: June 2026"),
        ("F5", Ledger, "begin in June 2026", Wire, "begin in September 2026", Relation.Disagree, "date: June 2026 vs September 2026"),
        ("F5", Coastline, "begin in June 2026", Wire, "begin in September 2026", Relation.Disagree, "date: June 2026 vs September 2026"),
        ("F6", Ledger, "includes a protected bike lane", Courier, "does not include a protected bike lane", Relation.Disagree, "negation: includes vs does not include"),
        ("F7", Ledger, "Councillor Tom Becker", Wire, "Councillor Maria Ortiz", Relation.Disagree, "actor: Tom Becker vs Maria Ortiz"),
        ("F8", Ledger, "This line will connect", Coastline, "This line will connect", Relation.Agree, "same quotation"),
        ("F8", Ledger, "This line will connect", Wire, "This line connects", Relation.Disagree, "quote: \"will connect\" vs \"connects\"; \"decades\" vs \"far too long\""),
        ("F8", Coastline, "This line will connect", Wire, "This line connects", Relation.Disagree, "quote: \"will connect\" vs \"connects\"; \"decades\" vs \"far too long\""),
        ("F9", Ledger, "every six minutes", Courier, "every six minutes", Relation.Agree, "same number: six minutes"),
        ("F10", Coastline, "filed a petition", Courier, "filed a petition", Relation.Agree, "same number: 120 parking"),
    ];

    [Fact]
    public void Links_are_exactly_the_planted_ones_with_the_planted_relations()
    {
        var expected = Expected
            .Select(e => Key(Claim(e.A, e.AnchorA), Claim(e.B, e.AnchorB)) + " " + e.Relation)
            .Order(StringComparer.Ordinal)
            .ToArray();
        var actual = _result.Links
            .Select(l => Key(_result.Claims.Single(c => c.Id == l.A), _result.Claims.Single(c => c.Id == l.B)) + " " + l.Relation)
            .Order(StringComparer.Ordinal)
            .ToArray();
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Every_planted_link_gives_the_reason_a_reader_can_check()
    {
        foreach (var e in Expected)
        {
            var a = Claim(e.A, e.AnchorA);
            var b = Claim(e.B, e.AnchorB);
            var link = _result.Links.Single(l => l.A == a.Id && l.B == b.Id);
            Assert.True(link.Reasons.Contains(e.Reason), $"{e.Fact}: expected '{e.Reason}', got '{string.Join(" | ", link.Reasons)}'");
        }
    }

    [Fact]
    public void Groups_are_the_ten_facts_with_their_verdicts()
    {
        var verdicts = _result.Groups.Select(g => g.Verdict).ToArray();
        GroupVerdict[] expected =
        [
            GroupVerdict.Agree, GroupVerdict.Mixed, GroupVerdict.Mixed, GroupVerdict.Agree, GroupVerdict.Mixed,
            GroupVerdict.Disagree, GroupVerdict.Disagree, GroupVerdict.Mixed, GroupVerdict.Agree, GroupVerdict.Agree,
        ];
        Assert.Equal(expected, verdicts);
        Assert.Equal(Enumerable.Range(1, 10).Select(i => $"g{i}"), _result.Groups.Select(g => g.Id));
        Assert.All(_result.Groups, g => Assert.False(string.IsNullOrWhiteSpace(g.Label)));
        Assert.Contains("bike", _result.Groups[5].Label, StringComparison.Ordinal);
    }

    [Fact]
    public void Headings_bylines_and_page_furniture_are_not_claims()
    {
        string[] notClaims = ["By Priya Natarajan", "Highlights", "Council backs the tram line", "Work starts this summer", "You've reached the end"];
        foreach (var text in notClaims)
        {
            Assert.DoesNotContain(_result.Claims, c => c.Text.Contains(text, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Each_title_is_a_headline_claim_its_body_supports()
    {
        var headlines = _result.Claims.Where(c => c.Kind == ClaimKind.Headline).ToList();
        Assert.Equal(_articles.Select(a => a.Id), headlines.Select(h => h.ArticleId));
        Assert.Equal("Northshore tram gets green light, price tag $480 million", headlines[Coastline].Text);
        Assert.Empty(_result.HeadlineIssues);
    }

    [Fact]
    public void Single_source_facts_stay_unlinked()
    {
        string[] single = ["public meeting", "35,000 trips", "Critics warned", "We were never asked"];
        var linked = _result.Links.SelectMany(l => new[] { l.A, l.B }).ToHashSet(StringComparer.Ordinal);
        foreach (var text in single)
        {
            var claim = _result.Claims.Single(c => c.Text.Contains(text, StringComparison.Ordinal));
            Assert.DoesNotContain(claim.Id, linked);
        }
    }

    [Fact]
    public void Quotes_carry_their_speakers()
    {
        Assert.All(_result.Claims.Where(c => c.Text.Contains("reliable transit", StringComparison.Ordinal)), c =>
        {
            Assert.Equal(ClaimKind.Quote, c.Kind);
            Assert.Equal("Elena Ruiz", c.Speaker);
        });
        var haddad = _result.Claims.Single(c => c.Text.Contains("never asked", StringComparison.Ordinal));
        Assert.Equal(("Amira Haddad", ClaimKind.Quote), (haddad.Speaker, haddad.Kind));
    }

    private Claim Claim(int article, string anchor)
    {
        var id = _articles[article].Id;
        return _result.Claims.Single(c => c.ArticleId == id && c.Text.Contains(anchor, StringComparison.Ordinal));
    }

    private static string Key(Claim a, Claim b) => $"{a.ArticleId}:{a.Text[..Math.Min(40, a.Text.Length)]} ~ {b.ArticleId}:{b.Text[..Math.Min(40, b.Text.Length)]}";
}
