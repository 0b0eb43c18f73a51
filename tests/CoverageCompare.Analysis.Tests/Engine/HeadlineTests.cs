namespace CoverageCompare.Analysis.Tests.Engine;

public sealed class HeadlineTests
{
    private const string Body =
        "The Harbor City council approved the Northshore tram line on Thursday night after a long debate.\n\n" +
        "Councillors voted 7 to 2 for the line, which will cost $480 million and run 11 kilometres.\n\n" +
        "Construction could reportedly begin in June 2026, officials said.\n";

    private static AnalysisResult Analyze(params string[] texts) =>
        new StoryAnalyzer().Analyze(texts.Select((t, i) => new ArticleInput($"a{i + 1}", t)).ToArray());

    [Theory]
    [InlineData("Council approves Northshore tram line after late vote")]
    [InlineData("Council approves Northshore tram line after late vote.")]
    [InlineData("  Council approves Northshore tram line after late vote  \n")]
    public void A_one_line_document_is_a_headline_compared_with_the_other_articles(string headline)
    {
        var result = Analyze(headline, Body);

        var claim = Assert.Single(result.Claims, c => c.ArticleId == "a1");
        Assert.Equal(ClaimKind.Headline, claim.Kind);
        Assert.Equal(headline.Trim(), claim.Text);
        Assert.Contains(result.Links, l => l.A == claim.Id || l.B == claim.Id);
    }

    [Fact]
    public void A_title_over_a_body_is_a_headline_claim_that_is_not_linked_across_articles()
    {
        var result = Analyze("Council approves Northshore tram line\n\n" + Body, Body);

        var title = result.Claims[0];
        Assert.Equal((ClaimKind.Headline, "Council approves Northshore tram line"), (title.Kind, title.Text));
        Assert.DoesNotContain(result.Links, l => l.A == title.Id || l.B == title.Id);
        Assert.Empty(result.HeadlineIssues);
    }

    [Fact]
    public void A_headline_that_claims_more_than_its_body_is_an_issue_naming_both_sides()
    {
        var result = Analyze("Tram line to cost $520 million, Mayor Ruiz confirms\n\n" + Body + "\nThe line opens in 2029.");

        var issue = Assert.Single(result.HeadlineIssues);
        Assert.Equal(result.Claims[0].Id, issue.ClaimId);
        Assert.Contains("number: $520 million in the headline vs $480 million in the body", issue.Reasons);
        Assert.Contains(issue.Reasons, r => r.StartsWith("name: ", StringComparison.Ordinal) && r.Contains("Ruiz", StringComparison.Ordinal) && r.Contains(" vs ", StringComparison.Ordinal));
    }

    [Fact]
    public void A_headline_stating_what_the_body_hedges_is_an_issue()
    {
        var result = Analyze("Tram construction will begin in June 2026\n\n" + Body);

        var issue = Assert.Single(result.HeadlineIssues);
        Assert.Contains("hedge: stated in the headline vs \"reportedly\" in the body", issue.Reasons);
    }

    [Fact]
    public void Headline_issues_survive_the_json_round_trip()
    {
        var result = Analyze("Tram line to cost $520 million\n\n" + Body);
        var json = AnalysisJson.Serialize(new AnalysisDocument([], result));

        Assert.Contains("\"headlineIssues\"", json, StringComparison.Ordinal);
        var back = AnalysisJson.Deserialize(json).Result;
        Assert.Equal(result.HeadlineIssues.Single().Reasons, back.HeadlineIssues.Single().Reasons);
        Assert.Equal(ClaimKind.Headline, back.Claims[0].Kind);
    }
}
