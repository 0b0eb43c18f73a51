using System.Text;
using CoverageCompare.Analysis.Framing;

namespace CoverageCompare.Analysis.Tests.Engine;

/// <summary>
/// Issue 13, finding 1: an article dated 9999-12-31 whose text said "next year" threw in the engine and took its story
/// down. Analysis and framing now run over every combination of calendar-edge dates and texts written to push date,
/// number and length arithmetic to its limits; generation is seeded so a failure reproduces.
/// </summary>
public sealed class ExtremeDateTests
{
    private static readonly DateOnly?[] Dates =
    [
        DateOnly.MinValue, new DateOnly(1, 1, 2), new DateOnly(1, 12, 31), new DateOnly(999, 12, 31), ArticleDates.Earliest,
        ArticleDates.Latest, new DateOnly(3000, 1, 1), new DateOnly(9998, 12, 31), new DateOnly(9999, 1, 1), DateOnly.MaxValue, null,
    ];

    private static readonly string[] Phrases =
    [
        "next year", "last year", "this year", "earlier this year", "later this year", "next month", "last month",
        "later this month", "next week", "last week", "tomorrow", "yesterday", "today", "next winter", "last winter",
        "this winter", "next spring", "last autumn", "last century", "on Monday", "on Sunday", "December 31", "January 1",
        "31 December 9999", "1 January 0000", "February 29, 0000", "late December 9999", "early January 0001",
        "mid-December 9999", "the end of 9999", "0000-01-01", "9999-12-31", "0001-01-01", "2025-02-30", "in 2199",
        "99999999999999999999999999999999999999 billion", "$1e308", "1" + new string('0', 400) + " dollars",
        "tens of billions", "7 to 2", "over $13 billion", "-9223372036854775808", "35,000,000,000,000,000,000",
        "3.4028235E+38", "NaN", "Infinity", "said the mayor", "“quoted text”", "\n\n", ". ",
    ];

    public static TheoryData<int> Seeds() => [.. Enumerable.Range(1, 30)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Any_date_with_any_text_is_analysed_and_framed(int seed)
    {
        var random = new Random(seed);
        var articles = Enumerable.Range(1, random.Next(2, 5)).Select(i =>
        {
            var text = new StringBuilder("The council approved the line. ");
            for (var k = random.Next(5, 60); k > 0; k--)
            {
                text.Append("It said ").Append(Phrases[random.Next(Phrases.Length)]).Append(random.Next(3) == 0 ? ". " : " ");
            }
            return new ArticleInput($"a{i}", text.ToString(), Dates[random.Next(Dates.Length)]);
        }).ToArray();

        var analysis = new StoryAnalyzer().Analyze(articles);
        var report = new FramingAnalyzer().Measure(articles, analysis);

        Assert.NotEmpty(analysis.Claims);
        Assert.All(report.Timeline, e => Assert.True(e.From is null == e.To is null && (e.From is null || e.From <= e.To)));
    }

    [Theory]
    [MemberData(nameof(EveryDate))]
    public void Every_phrase_is_placed_or_left_unplaced_at_every_edge_date(DateOnly? published)
    {
        var text = string.Join(". ", Phrases.Select(p => "The mayor said " + p)) + ".";
        var articles = new[] { new ArticleInput("a1", text, published), new ArticleInput("a2", text + " " + text, published) };

        var report = new FramingAnalyzer().Measure(articles, new StoryAnalyzer().Analyze(articles));

        var nextYear = report.Timeline.Single(e => e.Label.Contains("next year", StringComparison.OrdinalIgnoreCase));
        if (published is { } p && ArticleDates.IsSupported(p))
        {
            Assert.Equal(new DateOnly(p.Year + 1, 1, 1), nextYear.From);
        }
        else
        {
            Assert.Null(nextYear.From);
        }
    }

    public static TheoryData<DateOnly?> EveryDate() => [.. Dates];

    [Fact]
    public void A_long_text_at_the_last_date_is_analysed()
    {
        var text = new StringBuilder();
        var random = new Random(13);
        while (text.Length < 200_000)
        {
            text.Append("Officials said ").Append(Phrases[random.Next(Phrases.Length)]).Append(". ");
        }
        var articles = new[] { new ArticleInput("a1", text.ToString(), DateOnly.MaxValue), new ArticleInput("a2", text.ToString(), DateOnly.MinValue) };

        var report = new FramingAnalyzer().Measure(articles, new StoryAnalyzer().Analyze(articles));

        Assert.NotEmpty(report.Timeline);
    }
}
