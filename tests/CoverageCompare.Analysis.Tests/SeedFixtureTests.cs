using CoverageCompare.Analysis.Tests.Fixtures;
using Xunit.Abstractions;

namespace CoverageCompare.Analysis.Tests;

/// <summary>The engine against facts a person listed by reading the five seed articles.</summary>
public sealed class SeedFixtureTests(ITestOutputHelper output)
{
    // The aim is 95% for both. These floors are what the engine reaches today with the sentence model, so a
    // regression fails. Part of the recall gap is by design: a claim links to one claim of each other article,
    // and the fixture lists facts told twice within one article (see the test output).
    private const double RecallFloor = 0.75;
    private const double PrecisionFloor = 0.75;

    private static readonly StoryAnalyzer Analyzer = new(Models.WithModel());

    private readonly IReadOnlyList<ArticleInput> _articles = Stories.Seeds();

    [Theory]
    [InlineData("words and meaning", LinkSignals.Both, true)]
    [InlineData("words only", LinkSignals.WordsOnly, true)]
    [InlineData("meaning only", LinkSignals.MeaningOnly, true)]
    [InlineData("no model", LinkSignals.Both, false)]
    public void What_each_signal_adds(string name, LinkSignals signals, bool model)
    {
        var score = Evaluate(new StoryAnalyzer(model ? Models.WithModel(signals) : new AnalyzerOptions()).Analyze(_articles));
        output.WriteLine($"{name}: recall {score.Found}/{score.Required} = {score.Recall:P0}; precision {score.Correct}/{score.Links} = {score.Precision:P0}");
        foreach (var miss in score.Missed)
        {
            output.WriteLine("missed: " + miss);
        }
        foreach (var wrong in score.Wrong)
        {
            output.WriteLine("wrong:  " + wrong);
        }
        Assert.True(score.Recall >= 0.5 && score.Precision >= 0.75, $"{name}: recall {score.Recall:P0}, precision {score.Precision:P0}");
    }

    [Fact]
    public void Every_anchor_locates_exactly_one_claim()
    {
        var result = Analyzer.Analyze(_articles);
        var missing = AllMentions().Where(m => Locate(result, m) is null).Select(m => $"{m.Article}: {m.Anchor}").ToList();
        Assert.Empty(missing);
    }

    [Fact]
    public void Links_cover_the_listed_facts_and_little_else()
    {
        var score = Evaluate(Analyzer.Analyze(_articles));
        output.WriteLine($"recall {score.Found}/{score.Required} = {score.Recall:P0}; precision {score.Correct}/{score.Links} = {score.Precision:P0}");
        foreach (var miss in score.Missed)
        {
            output.WriteLine("missed: " + miss);
        }
        foreach (var wrong in score.Wrong)
        {
            output.WriteLine("wrong:  " + wrong);
        }
        Assert.True(score.Recall >= RecallFloor, $"recall {score.Recall:P0}; missed: {string.Join(" | ", score.Missed)}");
        Assert.True(score.Precision >= PrecisionFloor, $"precision {score.Precision:P0}; wrong: {string.Join(" | ", score.Wrong)}");
    }

    [Fact]
    public void Every_listed_disagreement_is_flagged_with_a_reason()
    {
        var result = Analyzer.Analyze(_articles);
        foreach (var fact in SeedFacts.All)
        {
            foreach (var expected in fact.Disagreements)
            {
                var link = FindLink(result, Locate(result, expected.A)!, Locate(result, expected.B)!);
                Assert.True(link is not null, $"{fact.Name}: not linked");
                Assert.Equal(Relation.Disagree, link.Relation);
                Assert.Contains(link.Reasons, r => r.StartsWith(expected.Reason + ":", StringComparison.Ordinal));
            }
        }
    }

    [Fact]
    public void Linked_pairs_of_a_fact_without_listed_disagreements_agree()
    {
        var result = Analyzer.Analyze(_articles);
        foreach (var fact in SeedFacts.All)
        {
            foreach (var (a, b) in CorePairs(fact))
            {
                var link = FindLink(result, Locate(result, a)!, Locate(result, b)!);
                var listed = fact.Disagreements.Any(d => Same(d, a, b));
                if (link is not null && !listed)
                {
                    Assert.True(link.Relation == Relation.Agree, $"{fact.Name}: {a.Anchor} / {b.Anchor} flagged {string.Join("; ", link.Reasons)}");
                }
            }
        }
    }

    [Fact]
    public void The_investment_disagreement_names_both_figures()
    {
        var result = Analyzer.Analyze(_articles);
        var link = FindLink(result, Locate(result, M(3, "invested over $13 billion"))!, Locate(result, M(4, "invested tens of billions of dollars"))!);
        Assert.NotNull(link);
        Assert.Contains("number: over $13 billion vs tens of billions", link.Reasons);
    }

    private static FactMention M(int article, string anchor) => new(article, anchor);

    private static bool Same(ExpectedDisagreement d, FactMention a, FactMention b) =>
        d.A == a && d.B == b || d.A == b && d.B == a;

    private static IEnumerable<FactMention> AllMentions() => SeedFacts.All.SelectMany(f => f.Core.Concat(f.Also)).Distinct();

    private static IEnumerable<(FactMention, FactMention)> CorePairs(SeedFact fact)
    {
        for (var i = 0; i < fact.Core.Length; i++)
        {
            for (var j = i + 1; j < fact.Core.Length; j++)
            {
                if (fact.Core[i].Article != fact.Core[j].Article)
                {
                    yield return (fact.Core[i], fact.Core[j]);
                }
            }
        }
    }

    private Claim? Locate(AnalysisResult result, FactMention mention)
    {
        var article = _articles[mention.Article];
        var at = article.Text.IndexOf(mention.Anchor, StringComparison.Ordinal);
        if (at < 0 || article.Text.IndexOf(mention.Anchor, at + 1, StringComparison.Ordinal) >= 0)
        {
            return null;
        }
        return result.Claims.SingleOrDefault(c => c.ArticleId == article.Id && c.Start <= at && at + mention.Anchor.Length <= c.End);
    }

    private static ClaimLink? FindLink(AnalysisResult result, Claim a, Claim b) =>
        result.Links.SingleOrDefault(l => l.A == a.Id && l.B == b.Id || l.A == b.Id && l.B == a.Id);

    private Score Evaluate(AnalysisResult result)
    {
        var factsOf = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var fact in SeedFacts.All)
        {
            foreach (var mention in fact.Core.Concat(fact.Also))
            {
                var claim = Locate(result, mention) ?? throw new InvalidOperationException("anchor not found: " + mention.Anchor);
                if (!factsOf.TryGetValue(claim.Id, out var set))
                {
                    factsOf[claim.Id] = set = new HashSet<string>(StringComparer.Ordinal);
                }
                set.Add(fact.Name);
            }
        }
        var required = new HashSet<(string, string)>();
        var missed = new List<string>();
        foreach (var fact in SeedFacts.All)
        {
            foreach (var (a, b) in CorePairs(fact))
            {
                var ca = Locate(result, a)!;
                var cb = Locate(result, b)!;
                if (required.Add(Key(ca.Id, cb.Id)) && FindLink(result, ca, cb) is null)
                {
                    missed.Add($"{fact.Name}: [{a.Anchor}] / [{b.Anchor}]");
                }
            }
        }
        var claims = result.Claims.ToDictionary(c => c.Id);
        var wrong = result.Links
            .Where(l => !(factsOf.TryGetValue(l.A, out var fa) && factsOf.TryGetValue(l.B, out var fb) && fa.Overlaps(fb)))
            .Select(l => $"{l.A}-{l.B} {Short(claims[l.A].Text)} / {Short(claims[l.B].Text)}")
            .ToList();
        return new Score(required.Count, required.Count - missed.Count, result.Links.Count, result.Links.Count - wrong.Count, missed, wrong);
    }

    private static (string, string) Key(string a, string b) => string.CompareOrdinal(a, b) < 0 ? (a, b) : (b, a);

    private static string Short(string text) => text.Length <= 70 ? text : text[..70] + "…";

    private sealed record Score(int Required, int Found, int Links, int Correct, List<string> Missed, List<string> Wrong)
    {
        public double Recall => Required == 0 ? 1 : (double)Found / Required;
        public double Precision => Links == 0 ? 1 : (double)Correct / Links;
    }
}
