using CoverageCompare.Web.Components.Pages.Story;

namespace CoverageCompare.Web.Tests.Story;

public sealed class ComparisonTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task ACompoundSentenceAlsoInAnotherFactIsListedThereAndItsOutletCreditedWithoutLeavingItsOwnFact()
    {
        var (story, analysis) = await DemoComparison.LoadAnalysisAsync(app.Factory.Services);
        var groups = analysis.Result.Groups;
        // A fact some article does not report, and a claim of that article in another fact.
        var (host, compound) = groups
            .SelectMany(g => groups.Where(other => other != g).SelectMany(other => other.ClaimIds).Select(id => (Group: g, ClaimId: id)))
            .First(x => !x.Group.ClaimIds.Select(ArticleOf).Contains(ArticleOf(x.ClaimId)));
        var owner = groups.Single(g => g.ClaimIds.Contains(compound));
        var withAlso = analysis with
        {
            Result = analysis.Result with { Groups = [.. groups.Select(g => g == host ? g with { AlsoClaimIds = [compound] } : g)] },
        };

        var before = Comparison.Build(story, analysis);
        var after = Comparison.Build(story, withAlso);

        var hostFact = after.Facts.Single(f => f.GroupId == host.Id);
        Assert.Contains(compound, hostFact.Claims.Select(c => c.Id));
        Assert.Contains(ArticleOf(compound), hostFact.ArticleIds);
        Assert.DoesNotContain(ArticleOf(compound), before.Facts.Single(f => f.GroupId == host.Id).ArticleIds);
        Assert.Contains(compound, after.Facts.Single(f => f.GroupId == owner.Id).Claims.Select(c => c.Id));
        Assert.Equal(before.Facts.Count, after.Facts.Count);
        // Its highlight still belongs to the fact it is a member of.
        Assert.Equal(owner.Id, after.MarksByArticle[ArticleOf(compound)].Single(m => m.Claim.Id == compound).GroupId);

        string ArticleOf(string claimId) => analysis.Result.Claims.Single(c => c.Id == claimId).ArticleId;
    }
}
