namespace CoverageCompare.Analysis.Tests.Engine;

/// <summary>Claim features seen through the public result: speakers, aliases, numbers, dates, negation.</summary>
public sealed class FeatureTests
{
    private static AnalysisResult Analyze(params string[] texts) =>
        new StoryAnalyzer().Analyze(texts.Select((t, i) => new ArticleInput($"a{i + 1}", t, new DateOnly(2025, 1, 29))).ToArray());

    private static string? SpeakerOf(string text) => Analyze(text).Claims.Single().Speaker;

    [Theory]
    [InlineData("The plan will fail, Maria Ortiz said on Monday.", "Maria Ortiz")]
    [InlineData("\"The plan will fail,\" said Mayor Elena Ruiz at the meeting.", "Elena Ruiz")]
    [InlineData("The line will cost $520 million, according to the city's budget papers.", "the city's budget papers")]
    [InlineData("Sam Altman wrote on X that the next phase is coming soon.", "Sam Altman")]
    [InlineData("Mr Altman, on Wednesday, shared a selfie with Satya Nadella, writing, \"The next phase is here at last.\"", "Altman")]
    public void Attribution_finds_who_said_it(string text, string speaker) => Assert.Equal(speaker, SpeakerOf(text));

    [Fact]
    public void A_quote_after_an_introducing_colon_takes_the_speaker_of_the_introduction()
    {
        var result = Analyze("Sam Altman acknowledged the achievement on X, calling it an impressive model:\n\n“It is an impressive model and it's legit invigorating to have a new competitor!”");
        Assert.Equal(ClaimKind.Quote, result.Claims[1].Kind);
        Assert.Equal("Sam Altman", result.Claims[1].Speaker);
    }

    [Fact]
    public void Aliases_of_one_person_and_one_company_meet()
    {
        var result = Analyze(
            "OpenAI CEO Sam Altman posted a selfie with Satya Nadella about the msft x oai partnership.",
            "Mr Altman posted a selfie with Nadella about the Microsoft and OpenAI partnership.");
        var link = Assert.Single(result.Links);
        Assert.Equal(Relation.Agree, link.Relation);
    }

    [Fact]
    public void Money_ranges_that_cannot_both_hold_disagree()
    {
        var result = Analyze("Microsoft has invested over $13 billion in OpenAI so far.", "Microsoft has invested tens of billions of dollars in OpenAI so far.");
        Assert.Equal(["number: over $13 billion vs tens of billions"], Assert.Single(result.Links).Reasons);
    }

    [Fact]
    public void A_number_written_in_two_hyphened_words_is_one_number()
    {
        var result = Analyze("Twenty-five Taliban fighters were killed in the battle for the village, officials said.", "Officials said 25 Taliban fighters were killed in the battle for the village.");
        Assert.Equal(Relation.Agree, Assert.Single(result.Links).Relation);
    }

    [Fact]
    public void Compatible_money_figures_agree()
    {
        var result = Analyze("Microsoft made multi-billion dollar investments in OpenAI.", "Microsoft has made investments of over $13 billion in OpenAI.");
        Assert.Equal(Relation.Agree, Assert.Single(result.Links).Relation);
    }

    [Fact]
    public void A_period_contains_the_month_inside_it()
    {
        var result = Analyze("Altman was ousted from OpenAI's board in late 2023 after a dispute.", "Altman was dismissed from OpenAI's board in November 2023 after a dispute.");
        var link = Assert.Single(result.Links);
        Assert.Equal(Relation.Agree, link.Relation);
        Assert.Contains("compatible dates: late 2023 ~ November 2023", link.Reasons);
    }

    [Fact]
    public void Relative_dates_resolve_against_the_article_date()
    {
        var result = Analyze("Earlier this month, Microsoft lost its exclusive cloud status with OpenAI.", "In December 2024, Microsoft lost its exclusive cloud status with OpenAI.");
        Assert.Contains("date: Earlier this month vs December 2024", Assert.Single(result.Links).Reasons);
    }

    [Fact]
    public void Two_ways_of_saying_left_out_agree()
    {
        var result = Analyze(
            "The Stargate Project, a venture of OpenAI, Oracle and SoftBank, excluded Microsoft from the deal.",
            "The Stargate Project, a venture of OpenAI, Oracle and SoftBank, did not include Microsoft in the deal.");
        Assert.Equal(Relation.Agree, Assert.Single(result.Links).Relation);
    }

    [Fact]
    public void No_longer_negates_what_the_other_states()
    {
        var result = Analyze("Microsoft is the exclusive cloud provider of OpenAI today.", "Microsoft is no longer the exclusive cloud provider of OpenAI today.");
        var link = Assert.Single(result.Links);
        Assert.Equal(Relation.Disagree, link.Relation);
        Assert.StartsWith("negation: ", link.Reasons[0], StringComparison.Ordinal);
    }

    [Fact]
    public void An_act_kept_from_happening_is_told_as_not_happening()
    {
        var result = Analyze(
            "The council built the new wall to stop the river flooding the market square in spring.",
            "The new wall means the river will not flood the market square in spring, the council said.");
        var link = Assert.Single(result.Links);
        Assert.Equal(Relation.Agree, link.Relation);
    }

    [Fact]
    public void An_act_kept_from_happening_disagrees_with_it_happening()
    {
        var result = Analyze(
            "The council built the new wall to stop the river flooding the market square in spring.",
            "Despite the new wall, the river was flooding the market square in spring, the council said.");
        var link = Assert.Single(result.Links);
        Assert.Equal(Relation.Disagree, link.Relation);
    }

    [Fact]
    public void A_hedge_is_noted_on_an_agreement()
    {
        var result = Analyze("Microsoft is willing to pause the negotiations with OpenAI.", "Microsoft is reportedly willing to pause the negotiations with OpenAI.");
        var link = Assert.Single(result.Links);
        Assert.Equal(Relation.Agree, link.Relation);
        Assert.Contains("hedged in one: reportedly", link.Reasons);
    }

    [Fact]
    public void Different_people_doing_the_same_act_disagree()
    {
        var result = Analyze("The motion was tabled by Senator Anna Berg in the spring session.", "The motion was tabled by Senator Carl Dahl in the spring session.");
        Assert.Equal(["actor: Anna Berg vs Carl Dahl"], Assert.Single(result.Links).Reasons);
    }

    [Fact]
    public void A_partial_quote_is_not_a_wording_difference()
    {
        var result = Analyze(
            "\"We will obviously deliver much better models and it's legit invigorating to have a new competitor,\" Altman said.",
            "\"It's legit invigorating to have a new competitor,\" Altman said after the launch.");
        var link = Assert.Single(result.Links);
        Assert.Equal(Relation.Agree, link.Relation);
        Assert.Contains("same quotation, one shorter", link.Reasons);
    }

    [Fact]
    public void Claims_of_one_article_are_never_linked_to_each_other()
    {
        var result = Analyze("The council approved the tram line on Thursday. The council approved the tram line on Thursday.");
        Assert.Empty(result.Links);
    }
}
