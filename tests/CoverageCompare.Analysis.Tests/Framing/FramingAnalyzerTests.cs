using CoverageCompare.Analysis.Framing;
using CoverageCompare.Analysis.Tests.Fixtures;

namespace CoverageCompare.Analysis.Tests.Framing;

/// <summary>The framing measures on the demo story, whose wording differences and omissions were planted on purpose.</summary>
public sealed class FramingAnalyzerTests
{
    private readonly IReadOnlyList<ArticleInput> _articles = Stories.Demo();
    private readonly AnalysisResult _analysis;
    private readonly FramingReport _report;

    public FramingAnalyzerTests()
    {
        _analysis = new StoryAnalyzer().Analyze(_articles);
        _report = new FramingAnalyzer().Measure(_articles, _analysis);
    }

    [Fact]
    public void Per_article_figures_are_the_planted_ones()
    {
        var figures = _report.Articles.Select(a => (a.ArticleId, a.Claims, a.Attributed, a.Hedged, a.Quotes, a.Covered.Count, a.Omitted.Count, a.SingleSource.Count));
        Assert.Equal(
        [
            ("a1", 10, 1, 1, 1, 9, 1, 1),
            ("a2", 7, 1, 0, 1, 6, 4, 1),
            ("a3", 8, 2, 0, 1, 7, 3, 1),
            ("a4", 6, 1, 1, 1, 5, 5, 1),
        ], figures);
    }

    [Fact]
    public void Speakers_are_counted_per_article()
    {
        Assert.Equal([new SpeakerCount("Elena Ruiz", 1)], _report.Articles[0].Speakers);
        Assert.Equal([new SpeakerCount("Amira Haddad", 1)], _report.Articles[3].Speakers);
        Assert.Equal(2, _report.Articles[2].Speakers.Count);
        Assert.Equal(["expected"], _report.Articles[0].HedgeWords);
    }

    [Fact]
    public void Omissions_and_single_source_claims_name_the_facts()
    {
        var courier = _report.Articles[3];
        var cost = _report.SharedFacts.Single(f => f.Wordings.Any(w => w.Text.Contains("$520 million", StringComparison.Ordinal)));
        Assert.Contains(courier.Omitted, f => f.GroupId == cost.GroupId);
        Assert.Contains("Amira Haddad", Assert.Single(courier.SingleSource).Text, StringComparison.Ordinal);
        Assert.Contains("Critics warned", Assert.Single(_report.Articles[2].SingleSource).Text, StringComparison.Ordinal);
        Assert.All(_report.Articles, a => Assert.Equal(_analysis.Groups.Count, a.SharedFacts));
    }

    [Fact]
    public void The_mayors_quote_shows_will_connect_decades_against_connects_far_too_long()
    {
        var quote = Fact("This line connects");
        Assert.Equal(["will", "connect", "decades"], Wording(quote, "a1").DifferingWords);
        Assert.Equal(["will", "connect", "decades"], Wording(quote, "a2").DifferingWords);
        Assert.Equal(["connects", "far", "long"], Wording(quote, "a3").DifferingWords);
        Assert.Equal(["far", "too"], Wording(quote, "a3").LoadedWords);
    }

    [Fact]
    public void The_vote_shows_a_four_hour_debate_against_a_divided_vote()
    {
        var vote = Fact("in a divided vote");
        Assert.Equal(["night", "four", "hour", "debate"], Wording(vote, "a1").DifferingWords);
        Assert.Equal(["divided", "vote"], Wording(vote, "a3").DifferingWords);
        Assert.Empty(Wording(vote, "a4").DifferingWords);
        Assert.Equal(["divided"], Wording(vote, "a3").LoadedWords);
    }

    [Fact]
    public void Wording_pieces_cover_the_claim_text_exactly()
    {
        Assert.All(_report.SharedFacts.SelectMany(f => f.Wordings), w => Assert.Equal(w.Text, string.Concat(w.Pieces.Select(p => p.Text))));
    }

    [Fact]
    public void Loaded_words_are_found_with_their_offsets()
    {
        var wire = _report.Articles[2];
        Assert.Equal(["divided", "far too", "warned"], wire.LoadedWords.Select(w => w.Word));
        Assert.All(wire.LoadedWords, w => Assert.Equal(w.Word, _articles[2].Text[w.Start..w.End]));
        Assert.Empty(_report.Articles[0].LoadedWords);
    }

    [Fact]
    public void Extra_loaded_words_extend_the_list()
    {
        var report = new FramingAnalyzer(new FramingOptions(["Bakery", "green light"])).Measure(_articles, _analysis);
        Assert.Equal(["bakery"], report.Articles[3].LoadedWords.Select(w => w.Word.ToLowerInvariant()));
    }

    [Fact]
    public void The_word_list_skips_comments_and_blank_lines()
    {
        Assert.Equal(["crisis", "so-called"], LoadedWordList.Parse("# header\n\ncrisis\r\n  # indented comment\nso-called\n"));
        Assert.Contains("so-called", LoadedWordList.Default.Words);
        Assert.DoesNotContain(LoadedWordList.Default.Words, w => w.StartsWith('#'));
        var text = "A so-called reform, not a crisis-free one.";
        Assert.Equal(["so-called"], LoadedWordList.Default.Find(text, 0, text.Length).Select(s => text[s.Start..s.End]));
    }

    [Fact]
    public void The_timeline_places_dates_relative_to_each_article_and_says_who_mentions_them()
    {
        var entries = _report.Timeline.Select(e => (e.From, e.To, e.Label, string.Join(",", e.ArticleIds)));
        Assert.Equal<(DateOnly?, DateOnly?, string, string)>(
        [
            (new DateOnly(2025, 9, 1), new DateOnly(2025, 11, 30), "last autumn", "a1,a3"),
            (new DateOnly(2026, 3, 12), new DateOnly(2026, 3, 12), "Thursday", "a1,a2,a3,a4"),
            (new DateOnly(2026, 4, 1), new DateOnly(2026, 4, 30), "next month", "a1"),
            (new DateOnly(2026, 6, 1), new DateOnly(2026, 6, 30), "June 2026", "a1,a2"),
            (new DateOnly(2026, 9, 1), new DateOnly(2026, 9, 30), "September 2026", "a3"),
        ], entries);
    }

    [Fact]
    public void Hedges_include_modals_and_unplaced_dates_come_last()
    {
        var text = "The vote may be delayed, officials reportedly said on Monday.";
        Assert.Equal(["may", "reportedly"], Hedging.Find(text, 0, text.Length));
        var undated = new ArticleInput("x", text);
        var other = new ArticleInput("y", "The vote was held in May 2026.");
        var report = new FramingAnalyzer().Measure([undated, other], new StoryAnalyzer().Analyze([undated, other]));
        Assert.Equal(["May 2026", "Monday"], report.Timeline.Select(e => e.Label));
        Assert.Null(report.Timeline[^1].From);
    }

    [Fact]
    public void Measuring_twice_gives_the_same_report()
    {
        var again = new FramingAnalyzer().Measure(_articles, new StoryAnalyzer().Analyze(_articles));
        Assert.Equal(Flatten(_report), Flatten(again));
    }

    private static string Flatten(FramingReport report) => string.Join("\n",
        report.Articles.Select(a => $"{a.ArticleId} {a.Claims} {a.Attributed} {a.Hedged} {a.Quotes} {string.Join(",", a.Covered)} {string.Join(",", a.LoadedWords)}")
            .Concat(report.SharedFacts.SelectMany(f => f.Wordings).Select(w => string.Join("|", w.Pieces)))
            .Concat(report.Timeline.Select(e => $"{e.From} {e.Label} {string.Join(",", e.Mentions)}")));

    private SharedFact Fact(string anchor) =>
        _report.SharedFacts.Single(f => f.Wordings.Any(w => w.Text.Contains(anchor, StringComparison.Ordinal)));

    private static Wording Wording(SharedFact fact, string articleId) => fact.Wordings.Single(w => w.ArticleId == articleId);
}
