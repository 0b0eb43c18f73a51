namespace CoverageCompare.Analysis.Tests.Engine;

/// <summary>Disagreements about who and what, and added detail that is not one.</summary>
public sealed class WhoAndWhatTests
{
    private static ClaimLink Link(string a, string b)
    {
        var result = new StoryAnalyzer().Analyze([new ArticleInput("a1", a), new ArticleInput("a2", b)]);
        return Assert.Single(result.Links);
    }

    [Fact]
    public void The_same_title_held_by_someone_else_is_a_role_disagreement()
    {
        var link = Link("OpenAI CEO Sam Altman announced the new partnership with Microsoft on Tuesday.",
            "OpenAI CEO Mira Murati announced the new partnership with Microsoft on Tuesday.");
        Assert.Equal(Relation.Disagree, link.Relation);
        Assert.Contains("role: OpenAI CEO Sam Altman vs OpenAI CEO Mira Murati", link.Reasons);
    }

    [Fact]
    public void The_same_act_on_another_post_is_a_role_disagreement()
    {
        var link = Link("Sam Altman was briefly ousted as OpenAI CEO in November 2023 by the company.",
            "Sam Altman was dismissed from OpenAI's board in November 2023 by the company.");
        Assert.Equal(Relation.Disagree, link.Relation);
        Assert.Contains("role: ousted as OpenAI CEO vs dismissed from OpenAI's board", link.Reasons);
    }

    [Fact]
    public void The_same_act_credited_to_another_agent_is_an_actor_disagreement()
    {
        var link = Link("Altman was reinstated as chief executive days later after pressure from Microsoft.",
            "Altman was reinstated as chief executive days later after an outcry from stakeholders.");
        Assert.Equal(Relation.Disagree, link.Relation);
        Assert.Contains("actor: pressure from Microsoft vs outcry from stakeholders", link.Reasons);
    }

    [Fact]
    public void Another_company_beside_the_same_peers_is_a_role_disagreement()
    {
        var link = Link("In its annual report Microsoft listed OpenAI as a competitor alongside Apple and Meta.",
            "In its annual report Microsoft listed itself as a competitor alongside Apple and Meta.");
        Assert.Equal(Relation.Disagree, link.Relation);
        Assert.Contains("role: OpenAI alongside Apple, Meta vs Microsoft alongside Apple, Meta", link.Reasons);
    }

    [Fact]
    public void A_figure_or_name_only_one_side_gives_is_added_detail_not_a_disagreement()
    {
        var link = Link("Microsoft has invested heavily in OpenAI over the past six years.",
            "Microsoft has invested $13 billion in OpenAI over the past six years, Reuters reported.");
        Assert.Equal(Relation.Agree, link.Relation);
        Assert.Contains(link.Reasons, r => r.StartsWith("detail only in B: $13 billion", StringComparison.Ordinal));
    }

    [Fact]
    public void A_headline_in_title_case_names_no_one_by_its_capitals()
    {
        var result = new StoryAnalyzer(Fixtures.Models.WithModel()).Analyze([
            new ArticleInput("a1", "Harbor Mayor Just Pulled A Drowning Man From The River"),
            new ArticleInput("a2", "Mayor Anna Berg pulled a man from the river on Sunday, witnesses said. Berg said she had only done what anyone would do."),
        ]);

        var link = Assert.Single(result.Links);
        Assert.Equal(Relation.Agree, link.Relation);
        Assert.DoesNotContain(link.Reasons, r => r.Contains("Just Pulled", StringComparison.Ordinal));
    }

    [Fact]
    public void A_headline_in_title_case_still_names_the_people_its_story_names()
    {
        var result = new StoryAnalyzer(Fixtures.Models.WithModel()).Analyze([
            new ArticleInput("a1", "Mayor Anna Berg Pulls A Drowning Man From The River"),
            new ArticleInput("a2", "Councillor Tom Becker pulled a drowning man from the river on Sunday, witnesses said. Becker was treated for cold. Mayor Anna Berg thanked him at the town hall on Monday."),
        ]);

        var headline = Assert.Single(result.Claims, c => c.ArticleId == "a1");
        var link = Assert.Single(result.Links, l => l.A == headline.Id || l.B == headline.Id);
        Assert.Equal(Relation.Disagree, link.Relation);
        Assert.Contains("actor: Anna Berg vs Tom Becker", link.Reasons);
    }
}
