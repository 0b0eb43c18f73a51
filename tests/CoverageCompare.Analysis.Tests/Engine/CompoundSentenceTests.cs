using CoverageCompare.Analysis.Tests.Fixtures;

namespace CoverageCompare.Analysis.Tests.Engine;

/// <summary>
/// A compound sentence that reports two facts, on an invented story: article A tells the terminal vote and the fee rise in
/// one sentence, article B in two. The first clause matches B's vote sentence on its words; the second shares only a date
/// and its meaning with B's fee sentence.
/// </summary>
public sealed class CompoundSentenceTests
{
    private const string Compound =
        "Councillors approved the new ferry terminal at Westbay after a long debate about its design and its cost to the town, and mooring fees will rise on 1 June 2025.";

    private static readonly ArticleInput[] Story =
    [
        new("a", Compound + " The harbour master said the old pier had been unsafe for years. Local fishermen welcomed the decision."),
        new("b", "The new ferry terminal at Westbay won the approval of councillors on Tuesday evening. "
            + "From 1 June 2025, boat owners will pay more to berth their yachts. "
            + "Fishermen in the town said they were pleased. "
            + "The old pier had long been considered dangerous, according to the harbour master."),
    ];

    [Fact]
    public void A_clause_link_makes_the_sentence_an_also_member_of_its_partners_group_instead_of_merging_the_two_facts()
    {
        var result = new StoryAnalyzer(Models.WithModel()).Analyze(Story);
        var compound = Id(result, Compound);
        var vote = Id(result, "The new ferry terminal at Westbay won the approval of councillors on Tuesday evening.");
        var fees = Id(result, "From 1 June 2025, boat owners will pay more to berth their yachts.");

        var voteGroup = Assert.Single(result.Groups, g => g.ClaimIds.Contains(vote));
        var feeGroup = Assert.Single(result.Groups, g => g.ClaimIds.Contains(fees));
        Assert.NotEqual(voteGroup.Id, feeGroup.Id);
        Assert.Equal([compound, vote], voteGroup.ClaimIds);
        Assert.Empty(voteGroup.AlsoClaimIds);
        Assert.Equal([fees], feeGroup.ClaimIds);
        Assert.Equal([compound], feeGroup.AlsoClaimIds);
        // The clause link is shown: its two claims share the fee group.
        Assert.Contains(result.Links, l => l.A == compound && l.B == fees);
    }

    [Fact]
    public void A_second_match_in_an_article_already_matched_stands_on_a_date_both_sentences_give()
    {
        var result = new StoryAnalyzer(Models.WithModel()).Analyze(Story);
        var compound = Id(result, Compound);
        var partners = result.Links.Where(l => l.A == compound).Select(l => result.Claims.Single(c => c.Id == l.B).ArticleId).ToList();
        Assert.Equal(["b", "b"], partners);
        Assert.Contains("same date: 1 June 2025", result.Links.Single(l => l.A == compound && l.B == Id(result, "From 1 June 2025, boat owners will pay more to berth their yachts.")).Reasons);
    }

    private static string Id(AnalysisResult result, string text) => result.Claims.Single(c => c.Text == text).Id;
}
