using CoverageCompare.Analysis;
using CoverageCompare.Analysis.Documents;
using CoverageCompare.Data;
using CoverageCompare.Data.Analyses;
using CoverageCompare.Data.Stories;
using CoverageCompare.Data.Workspaces;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoverageCompare.Web.Tests;

public sealed class AnalysisStoreTests(AppFixture app) : IClassFixture<AppFixture>
{
    private StoryStore Stories => app.Factory.Services.GetRequiredService<StoryStore>();

    private AnalysisStore Analyses => app.Factory.Services.GetRequiredService<AnalysisStore>();

    [Fact]
    public async Task AnalysisIsStoredWithTheStoryAndRecomputedWhenAnArticleChanges()
    {
        var storyId = await CreateStoryAsync("Stored analysis",
            "The bridge reopened on Monday after repairs costing $2 million.",
            "Repairs costing $2 million ended on Monday and the bridge reopened.");

        var first = (await Analyses.GetAsync(storyId))!;
        var stored = await StoredJsonAsync(storyId);
        Assert.Single(first.Result.Links);
        Assert.NotNull(stored);

        var again = (await Analyses.GetAsync(storyId))!;
        Assert.Equal(stored, await StoredJsonAsync(storyId));
        Assert.Equal(first.Result.Links.Single().Relation, again.Result.Links.Single().Relation);

        await Stories.AddArticleAsync(storyId, Draft("Valley Times", "The bridge reopened on Monday after repairs costing $3 million."));
        var recomputed = (await Analyses.GetAsync(storyId))!;
        Assert.Equal(3, recomputed.Result.Claims.Select(c => c.ArticleId).Distinct().Count());
        Assert.NotEqual(stored, await StoredJsonAsync(storyId));
    }

    [Fact]
    public async Task ACorrectionOverridesTheEngineAndSurvivesReanalysis()
    {
        var storyId = await CreateStoryAsync("Corrected link",
            "The mayor opened the new library on Friday.",
            "On Friday the mayor opened the new library.");
        var link = (await Analyses.GetAsync(storyId))!.Result.Links.Single();
        Assert.Equal(Relation.Agree, link.Relation);
        var claims = (await Analyses.GetAsync(storyId))!.Result.Claims.ToDictionary(c => c.Id);

        var saved = await Analyses.CorrectAsync(storyId, claims[link.A], claims[link.B], CorrectionKind.Disagree, "Ana");
        Assert.True(saved.Succeeded);

        await Stories.AddArticleAsync(storyId, Draft("Third Outlet", "Rain fell across the region overnight."));
        var corrected = (await Analyses.GetAsync(storyId))!;
        var relinked = corrected.Result.Links.Single(l => l.A == link.A && l.B == link.B);
        Assert.Equal(Relation.Disagree, relinked.Relation);
        Assert.Contains(relinked.Reasons, r => r.StartsWith("corrected to disagree by Ana", StringComparison.Ordinal));
        Assert.Equal(GroupVerdict.Disagree, corrected.Result.Groups.Single(g => g.ClaimIds.Contains(link.A)).Verdict);
        Assert.True(Assert.Single(corrected.Corrections).Applied);
    }

    [Fact]
    public async Task MarkingALinkAsNotTheSameFactSplitsTheGroup()
    {
        var storyId = await CreateStoryAsync("Split group",
            "The council approved the tram line on Thursday.",
            "On Thursday the council approved the tram line.");
        var analysis = (await Analyses.GetAsync(storyId))!;
        var link = analysis.Result.Links.Single();
        var claims = analysis.Result.Claims.ToDictionary(c => c.Id);

        await Analyses.CorrectAsync(storyId, claims[link.A], claims[link.B], CorrectionKind.NotSameFact, "Ana");

        var corrected = (await Analyses.GetAsync(storyId))!;
        Assert.Empty(corrected.Result.Links);
        Assert.Empty(corrected.Result.Groups);
    }

    [Fact]
    public async Task ACorrectionNeedsANameAndClaimsOfThisStory()
    {
        var storyId = await CreateStoryAsync("Refused corrections", "Alpha said one thing.", "Beta said another thing.");
        var claim = new Claim("c1", "999999", 0, 5, "Alpha", ClaimKind.Statement, null);

        Assert.False((await Analyses.CorrectAsync(storyId, claim, claim, CorrectionKind.Agree, "  ")).Succeeded);
        Assert.Contains("do not belong", (await Analyses.CorrectAsync(storyId, claim, claim, CorrectionKind.Agree, "Ana")).Error);
    }

    private async Task<int> CreateStoryAsync(string title, params string[] texts)
    {
        var storyId = (await Stories.CreateAsync(Workspace.DemoId, title)).Value;
        for (var i = 0; i < texts.Length; i++)
        {
            Assert.True((await Stories.AddArticleAsync(storyId, Draft($"Outlet {i + 1}", texts[i]))).Succeeded);
        }
        return storyId;
    }

    private static ArticleDraft Draft(string outlet, string text) =>
        new(new ArticleDetails(outlet, outlet + " report", null, null, null), text, DocumentFormat.Text);

    private async Task<string?> StoredJsonAsync(int storyId)
    {
        await using var db = await app.Factory.Services.GetRequiredService<IDbContextFactory<CoverageDbContext>>().CreateDbContextAsync();
        return await db.Analyses.Where(a => a.StoryId == storyId).Select(a => a.ResultJson).SingleOrDefaultAsync();
    }
}
