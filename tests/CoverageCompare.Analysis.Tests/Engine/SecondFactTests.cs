using CoverageCompare.Analysis.Features;
using CoverageCompare.Analysis.Linking;
using CoverageCompare.Analysis.Segmentation;
using CoverageCompare.Analysis.Tests.Fixtures;

namespace CoverageCompare.Analysis.Tests.Engine;

/// <summary>
/// A sentence that already has a partner in another article gets a second one there only on evidence of a second act that
/// the first link does not account for (Linking/SecondFact.cs). Invented stories, not seed text.
/// </summary>
public sealed class SecondFactTests
{
    [Fact]
    public void Another_act_by_the_same_people_on_the_same_day_is_not_a_second_partner()
    {
        const string Vote = "Councillors at Westbay approved the new ferry terminal on 1 June 2025 after a long debate.";
        const string Budget = "On 1 June 2025, councillors at Westbay also voted on the harbour budget.";
        var result = new StoryAnalyzer(Models.WithModel()).Analyze(
        [
            new("a", Vote + " The harbour master said the old pier had been unsafe for years."),
            new("b", "The new ferry terminal at Westbay won the approval of councillors on 1 June 2025. " + Budget
                + " The old pier had long been considered dangerous, according to the harbour master."),
        ]);
        var vote = Id(result, Vote);
        Assert.Contains(result.Links, l => l.A == vote && l.B == Id(result, "The new ferry terminal at Westbay won the approval of councillors on 1 June 2025."));
        // The budget vote shares the council, the town and the date with the terminal vote: who and when, not what.
        Assert.DoesNotContain(result.Links, l => l.A == vote && l.B == Id(result, Budget));
        Assert.DoesNotContain(result.Groups, g => g.ClaimIds.Contains(vote) && g.ClaimIds.Contains(Id(result, Budget)));
    }

    [Fact]
    public void A_shared_figure_or_uncommon_word_is_evidence_of_the_act_a_name_or_a_date_is_not()
    {
        var story = Build(
            "On 1 June 2025 the Westbay council approved the terminal.",
            "On 1 June 2025 the Westbay council set the mooring fee at £40.",
            "The council says the mooring fee will be £45 from next year.",
            "The council expects dredging of the channel to start in spring.",
            "The dredging contract went to a local firm, the council said.");
        var c = story.Claims;
        Assert.False(SecondFact.SharesAct(c[0], c[1], story, rare: 2));
        Assert.True(SecondFact.SharesAct(c[1], c[2], story, rare: 2));
        Assert.True(SecondFact.SharesAct(c[3], c[4], story, rare: 2));
        // The same word counts only while few claims use it.
        Assert.False(SecondFact.SharesAct(c[3], c[4], story, rare: 1));
    }

    [Fact]
    public void A_clause_second_match_stands_on_words_the_first_partner_does_not_share()
    {
        var story = Build(
            "The two rail operators merged their ticket offices, and fares will rise in autumn.",
            "The two rail operators have combined their ticket offices.",
            "The two rail operators say fares go up in autumn.");
        var c = story.Claims;
        // The words the compound sentence (claim 0) shares with its partner, and those it shares only with claim 2.
        var operators = c[0].TermIds.Intersect(c[1].TermIds).Intersect(c[2].TermIds).First();
        var fares = c[0].TermIds.Intersect(c[2].TermIds).Except(c[1].TermIds).First();
        // "operators" is what the sentence already shares with its partner (claim 1): the clause's match on it is refused.
        Assert.Empty(SecondFact.Unexplained(story.Claims, [(2, operators, [1]), (2, fares, [1])]));
        Assert.Equal([(2, 1)], SecondFact.Unexplained(story.Claims, [(2, fares, [1])]));
    }

    private static StoryFeatures Build(params string[] sentences)
    {
        ArticleInput[] articles = [.. sentences.Select((s, i) => new ArticleInput("a" + i, s))];
        return new FeatureBuilder(new AnalyzerOptions()).Build(articles, articles.Select(a => Segmenter.Segment(a.Text)).ToList());
    }

    private static string Id(AnalysisResult result, string text) => result.Claims.Single(c => c.Text == text).Id;
}
