using CoverageCompare.Data.Analyses;
using CoverageCompare.Data.Workspaces;
using CoverageCompare.Web.Components.Pages.Story;

namespace CoverageCompare.Web.Tests;

public sealed class AgreementComponentsTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task ClaimsPanelListsEveryGroupWithItsVerdictAndTheReasonsForDisagreeingToAnAnonymousReader()
    {
        var (story, comparison) = await DemoComparison.LoadAsync(app.Factory.Services);

        var page = Html.Parse(await Components.RenderAsync<ClaimsPanel>(app.Factory.Services, new()
        {
            [nameof(ClaimsPanel.Facts)] = comparison.Facts,
            [nameof(ClaimsPanel.Outlets)] = story.Articles.ToDictionary(a => AnalysisStore.ArticleKey(a.Id), a => a.Outlet),
        }, reviewerName: null, role: WorkspaceRole.Viewer));

        var groups = page.QuerySelectorAll("[data-testid=claims-panel] [data-testid=claim-group]");
        var expected = comparison.Facts.Where(f => !f.IsSingleSource).ToList();
        Assert.Equal(expected.Select(f => (f.GroupId, (string?)f.Verdict)), groups.Select(g => (g.GetAttribute("data-group-id"), g.GetAttribute("data-verdict"))));
        Assert.Equal(comparison.Facts.Count(f => f.IsSingleSource), page.QuerySelectorAll("[data-testid=single-claim]").Length);

        var cost = groups.Single(g => g.TextContent.Contains("$520 million"));
        Assert.Contains(cost.QuerySelectorAll("[data-testid=reason]"), reason => reason.TextContent == "number: $480 million vs $520 million");
        Assert.Contains("The Harbor Ledger vs Metro Wire", cost.TextContent);

        Assert.Empty(page.QuerySelectorAll("[data-testid=annotate-claim]"));
        Assert.Empty(page.QuerySelectorAll("[data-testid=correct-not-same]"));
    }

    [Fact]
    public async Task ClaimsPanelOffersAnnotatingOnceTheReviewerIsSignedInAndKeepsLinkDetailsClosed()
    {
        var (story, comparison) = await DemoComparison.LoadAsync(app.Factory.Services);

        var page = Html.Parse(await Components.RenderAsync<ClaimsPanel>(app.Factory.Services, new()
        {
            [nameof(ClaimsPanel.Facts)] = comparison.Facts,
            [nameof(ClaimsPanel.Outlets)] = story.Articles.ToDictionary(a => AnalysisStore.ArticleKey(a.Id), a => a.Outlet),
        }, reviewerName: "Ana", role: WorkspaceRole.Commenter));

        Assert.Equal(comparison.Facts.Count(f => !f.IsSingleSource), page.QuerySelectorAll("details.links").Length);
        Assert.Empty(page.QuerySelectorAll("[data-testid=link]"));
        Assert.Equal(comparison.Facts.Count, page.QuerySelectorAll("[data-testid=annotate-claim]").Length);
    }

    [Fact]
    public async Task LegendNamesEachRelationForAssistiveTechnology()
    {
        var page = Html.Parse(await Components.RenderAsync<Legend>(app.Factory.Services, new() { [nameof(Legend.ShowHighlights)] = true }));

        Assert.Equal("Shared: other sources report the same", page.GetElementById("legend-agree")!.TextContent);
        Assert.Equal("Disputed: other sources report it differently", page.GetElementById("legend-disagree")!.TextContent);
        Assert.Equal("Only this source reports it", page.GetElementById("legend-single")!.TextContent);
        Assert.True(page.QuerySelector("[data-testid=toggle-highlights]")!.HasAttribute("checked"));
    }

    [Fact]
    public async Task CoverageMatrixHasOneRowPerFactAndShowsOmissions()
    {
        var (story, comparison) = await DemoComparison.LoadAsync(app.Factory.Services);

        var page = Html.Parse(await Components.RenderAsync<CoverageMatrix>(app.Factory.Services, new()
        {
            [nameof(CoverageMatrix.Articles)] = story.Articles,
            [nameof(CoverageMatrix.Facts)] = comparison.Facts,
        }));

        var matrix = page.QuerySelector("[data-testid=coverage-matrix]")!;
        // MudDataGrid puts no attributes of ours on its rows: a row is tr.matrix-row, and its fact carries the data.
        var rows = matrix.QuerySelectorAll("tr.matrix-row");
        Assert.Equal(comparison.Facts.Count, rows.Length);
        Assert.Equal(["The Harbor Ledger", "Coastline Daily", "Metro Wire", "Bayside Courier"], matrix.QuerySelectorAll("th.outlet .source-outlet").Select(th => th.TextContent));

        static string? Verdict(AngleSharp.Dom.IElement row) => row.QuerySelector("[data-testid=matrix-fact]")!.GetAttribute("data-verdict");
        var cost = rows.Single(r => Verdict(r) != "single" && r.TextContent.Contains("cost", StringComparison.OrdinalIgnoreCase));
        var route = rows.Single(r => Verdict(r) == "agree" && r.TextContent.Contains("Central Station"));
        Assert.Equal(["agree", "agree", "agree", "omitted"], route.QuerySelectorAll("td [data-cell]").Select(td => td.GetAttribute("data-cell")));
        Assert.Equal(["disagree", "disagree", "disagree", "omitted"], cost.QuerySelectorAll("td [data-cell]").Select(td => td.GetAttribute("data-cell")));
    }
}
