using AngleSharp.Dom;
using Bunit;
using CoverageCompare.Web.Components.Pages.Story;

namespace CoverageCompare.Web.Tests.Interactive;

/// <summary>The coverage matrix as a MudDataGrid: its sort buttons and what a cell tells sighted and screen-reader users.</summary>
public sealed class CoverageMatrixTests(AppFixture app) : InteractiveHost(app), IClassFixture<AppFixture>
{
    [Fact]
    public async Task SortsByHowManySourcesReportAFactBothWaysAndBackToStoryOrder()
    {
        var (story, comparison) = await DemoComparison.LoadAsync(App.Factory.Services);
        var cut = Context.Render<CoverageMatrix>(p => p.Add(m => m.Articles, story.Articles).Add(m => m.Facts, comparison.Facts));
        var storyOrder = comparison.Facts.OrderBy(f => f.Order).Select(f => f.Id).ToList();
        var counts = comparison.Facts.ToDictionary(f => f.Id, f => f.ArticleIds.Count());
        cut.WaitForAssertion(() => Assert.Equal(storyOrder, FactIds(cut)));
        Assert.Contains("sorted ascending", cut.Find("[data-testid=sort-story]").TextContent);

        cut.Find("[data-testid=sort-sources]").Click();
        cut.WaitForAssertion(() => Assert.Contains("sorted ascending", cut.Find("[data-testid=sort-sources]").TextContent));
        var most = FactIds(cut).Select(id => counts[id]).ToList();
        Assert.Equal(most.OrderByDescending(c => c), most);
        Assert.NotEqual(storyOrder, FactIds(cut));
        Assert.DoesNotContain("sorted", cut.Find("[data-testid=sort-story]").TextContent);

        cut.Find("[data-testid=sort-sources]").Click();
        cut.WaitForAssertion(() => Assert.Contains("sorted descending", cut.Find("[data-testid=sort-sources]").TextContent));
        var fewest = FactIds(cut).Select(id => counts[id]).ToList();
        Assert.Equal(fewest.OrderBy(c => c), fewest);

        cut.Find("[data-testid=sort-story]").Click();
        cut.WaitForAssertion(() => Assert.Equal(storyOrder, FactIds(cut)));
    }

    [Fact]
    public async Task ACellSaysWhetherItsSourceReportsTheFactAndHowAndTheHeaderNamesTheSource()
    {
        var (story, comparison) = await DemoComparison.LoadAsync(App.Factory.Services);
        var cut = Context.Render<CoverageMatrix>(p => p.Add(m => m.Articles, story.Articles).Add(m => m.Facts, comparison.Facts));

        var route = cut.FindAll("tr.matrix-row").Single(r => r.TextContent.Contains("Central Station") && Verdict(r) == "agree");
        var cells = route.QuerySelectorAll("td [data-cell]");
        Assert.Equal([.. story.Articles.Select(a => a.Id.ToString())], cells.Select(c => c.GetAttribute("data-article-id")));

        var agrees = cells[0];
        Assert.Equal("agree", agrees.GetAttribute("data-cell"));
        Assert.Equal("✓", agrees.QuerySelector("[aria-hidden=true]")!.TextContent);
        Assert.Equal("The Harbor Ledger reports this as the others do", agrees.QuerySelector(".visually-hidden")!.TextContent);

        var absent = cells[3];
        Assert.Equal("omitted", absent.GetAttribute("data-cell"));
        Assert.Equal("—", absent.QuerySelector("[aria-hidden=true]")!.TextContent);
        Assert.Equal("Bayside Courier does not report this", absent.GetAttribute("title"));

        var header = cut.FindAll("th.outlet")[3];
        Assert.Equal("4", header.QuerySelector(".source-number")!.TextContent);
        Assert.Contains("background: #be123c", header.QuerySelector(".source-number")!.GetAttribute("style"));
        Assert.Equal("Article 4, ", header.QuerySelector(".visually-hidden")!.TextContent);
        Assert.Equal("Bayside Courier", header.QuerySelector(".source-outlet")!.TextContent);
    }

    private static List<string> FactIds(IRenderedComponent<CoverageMatrix> cut) =>
        [.. cut.FindAll("tr.matrix-row [data-testid=matrix-fact]").Select(f => f.GetAttribute("data-fact-id")!)];

    private static string? Verdict(IElement row) => row.QuerySelector("[data-testid=matrix-fact]")!.GetAttribute("data-verdict");
}
