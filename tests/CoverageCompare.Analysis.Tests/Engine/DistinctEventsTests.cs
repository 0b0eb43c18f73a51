using CoverageCompare.Analysis.Tests.Fixtures;

namespace CoverageCompare.Analysis.Tests.Engine;

/// <summary>Two reports that differ on both when and how much are two events, not one fact told differently.</summary>
public sealed class DistinctEventsTests
{
    private static IReadOnlyList<ClaimLink> Links(string a, string b, bool model) =>
        new StoryAnalyzer(model ? Models.WithModel() : new AnalyzerOptions())
            .Analyze([new ArticleInput("a1", a), new ArticleInput("a2", b)]).Links;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Another_figure_on_another_day_is_another_event(bool model)
    {
        Assert.Empty(Links("The transport board approved the library extension in Northgate for $31 million on March 4.",
            "The transport board approved the library extension in Northgate for $367 million on March 25.", model));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Another_figure_on_the_same_day_is_a_disagreement(bool model)
    {
        var link = Assert.Single(Links("The transport board approved the library extension in Northgate for $31 million on March 4.",
            "The transport board approved the library extension in Northgate for $34 million on March 4.", model));
        Assert.Equal(Relation.Disagree, link.Relation);
        Assert.Contains("number: $31 million vs $34 million", link.Reasons);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void The_same_figure_on_another_day_is_still_one_fact(bool model)
    {
        Assert.Single(Links("The transport board approved the library extension in Northgate for $31 million on March 4.",
            "The transport board approved the library extension in Northgate for $31 million on March 5.", model));
    }

    [Theory]
    [InlineData("March 4", "Mar", 4)]
    [InlineData("4 March", "Mar", 4)]
    [InlineData("Sept. 21st", "Sep", 21)]
    public void A_day_of_a_month_is_read_without_a_year(string text, string month, int day)
    {
        Assert.Equal((month.ToLowerInvariant(), day), Linking.DistinctEvents.DayOfMonth(text));
    }

    [Fact]
    public void A_month_and_a_year_is_no_day_of_a_month()
    {
        Assert.Null(Linking.DistinctEvents.DayOfMonth("March 2025"));
    }
}
