using CoverageCompare.Analysis.Tests.Fixtures;

namespace CoverageCompare.Analysis.Tests.Engine;

/// <summary>
/// A document that is only a headline, beside an article whose every sentence names the same two companies: the names
/// are no evidence to the linker, and the headline reads like no sentence closely enough to be its paraphrase.
/// </summary>
public sealed class HeadlineMatchTests
{
    private const string Deal = "Crumb and Company is in advanced talks to buy Riverside Bakeries for about $90 million, people familiar with the matter said.";

    private const string Body =
        Deal + " " +
        "Riverside Bakeries runs 40 shops across the county and employs about 600 people. " +
        "Crumb and Company has grown quickly since it opened its first shop in 2012. " +
        "The talks could still collapse, and Riverside Bakeries declined to comment. " +
        "Crumb and Company's founder has said she wants a shop in every town in the region. " +
        "Analysts said the price looked high for a business whose sales fell last year.";

    private static AnalysisResult Analyze(params string[] texts) =>
        new StoryAnalyzer(Models.WithModel()).Analyze(texts.Select((t, i) => new ArticleInput($"a{i + 1}", t)).ToArray());

    [Fact]
    public void A_headline_in_title_case_is_linked_to_the_sentence_of_the_article_that_reports_it()
    {
        var result = Analyze("Riverside Bakeries Is Expected to Be Acquired by Crumb and Company", Body);

        var headline = Assert.Single(result.Claims, c => c.ArticleId == "a1");
        Assert.Equal(ClaimKind.Headline, headline.Kind);
        var link = Assert.Single(result.Links, l => l.A == headline.Id || l.B == headline.Id);
        var partner = result.Claims.Single(c => c.Id == (link.A == headline.Id ? link.B : link.A));
        Assert.Equal(Deal, partner.Text);
    }

    [Fact]
    public void A_headline_of_two_words_says_what_the_story_is_about()
    {
        var result = Analyze("Riverside Bakeries", Body);

        var headline = Assert.Single(result.Claims, c => c.ArticleId == "a1");
        Assert.Equal(ClaimKind.Headline, headline.Kind);
        Assert.Single(result.Links, l => l.A == headline.Id || l.B == headline.Id);
    }

    [Fact]
    public void A_headline_written_as_two_short_sentences_is_matched_like_a_headline()
    {
        var result = Analyze("Riverside Bakeries May Be Sold. Crumb and Company Is in Talks to Buy It.", Body);

        var headline = result.Claims.Where(c => c.ArticleId == "a1").ToList();
        Assert.Equal(2, headline.Count);
        Assert.All(headline, c => Assert.Equal(ClaimKind.Headline, c.Kind));
        Assert.Contains(result.Links, l => headline.Any(h => h.Id == l.A || h.Id == l.B));
    }

    [Fact]
    public void A_paragraph_longer_than_a_headline_is_an_article_of_sentences()
    {
        var result = Analyze(Body);

        Assert.All(result.Claims, c => Assert.NotEqual(ClaimKind.Headline, c.Kind));
    }

    [Fact]
    public void A_headline_is_linked_to_a_question_on_its_topic_when_no_statement_is()
    {
        var result = Analyze("Crabzilla", "A photograph of a giant crab in a harbour has been shared thousands of times. Does Crabzilla really exist? Experts say the picture was edited.");

        var headline = Assert.Single(result.Claims, c => c.ArticleId == "a1");
        var link = Assert.Single(result.Links, l => l.A == headline.Id || l.B == headline.Id);
        Assert.Equal("Does Crabzilla really exist?", result.Claims.Single(c => c.Id == (link.A == headline.Id ? link.B : link.A)).Text);
    }

    [Fact]
    public void A_headline_about_another_story_is_not_linked_to_the_article()
    {
        var result = Analyze("Storm Closes Coastal Roads as County Braces for Flooding", Body);

        var headline = Assert.Single(result.Claims, c => c.ArticleId == "a1");
        Assert.DoesNotContain(result.Links, l => l.A == headline.Id || l.B == headline.Id);
    }

    [Fact]
    public void Two_bare_headlines_sharing_only_a_name_are_not_the_same_claim()
    {
        var result = Analyze("Crumb and Company to buy Riverside Bakeries", "Riverside Bakeries shares fall after a profit warning");

        Assert.All(result.Claims, c => Assert.Equal(ClaimKind.Headline, c.Kind));
        Assert.Empty(result.Links);
    }

    [Fact]
    public void Two_bare_headlines_that_share_their_figures_and_most_words_are_the_same_claim()
    {
        var result = Analyze("Ticket revenue at the Lyric Theatre slid 12 percent to $48.2 million", "Lyric Theatre ticket sales fell 12 percent to $48.2 million");

        Assert.Single(result.Links);
    }

    [Fact]
    public void A_headline_beside_a_one_sentence_article_on_its_story_is_linked_to_it()
    {
        var result = Analyze(
            "Crumb and Company Set to Swallow Riverside Bakeries",
            "After weeks of talks, the county's largest bakery chain agreed to sell its 40 shops to Crumb and Company, people close to the deal said.");

        Assert.Equal([ClaimKind.Headline, ClaimKind.Headline], result.Claims.Select(c => c.Kind));
        Assert.Single(result.Links);
    }

    [Fact]
    public void A_headline_beside_a_one_sentence_article_on_another_story_is_not_linked()
    {
        var result = Analyze(
            "Storm Closes Coastal Roads as County Braces for Flooding",
            "Crumb and Company's founder said she wants a shop in every town in the region within five years.");

        Assert.Empty(result.Links);
    }

    [Fact]
    public void Two_one_sentence_articles_sharing_only_a_name_are_not_the_same_claim()
    {
        var result = Analyze("Crumb and Company agreed to buy Riverside Bakeries.", "Riverside Bakeries shares fell after a profit warning.");

        Assert.Empty(result.Links);
    }
}
