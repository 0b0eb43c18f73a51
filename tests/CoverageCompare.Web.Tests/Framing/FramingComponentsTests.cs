using CoverageCompare.Data.Analyses;
using CoverageCompare.Data.Demo;
using CoverageCompare.Data.Stories;
using CoverageCompare.Data.Workspaces;
using CoverageCompare.Web.Components.Pages.Story.Framing;
using CoverageCompare.Web.Framing;
using Microsoft.Extensions.DependencyInjection;

namespace CoverageCompare.Web.Tests.Framing;

public sealed class FramingComponentsTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task TheTableHasOneRowPerArticleWithItsFigures()
    {
        var (story, page) = await RenderDemoAsync();

        var rows = page.QuerySelectorAll("[data-testid=framing] [data-testid=framing-row]");
        Assert.Equal(story.Articles.Select(a => a.Id.ToString()), rows.Select(r => r.GetAttribute("data-article-id")));
        string Figures(int row) => string.Join(" ", new[] { "claims", "attributed", "hedged", "quotes", "covered", "omitted", "single" }
            .Select(m => rows[row].QuerySelector($"[data-measure={m}]")!.GetAttribute("data-value")));
        Assert.Equal(["10 1 1 1 9 1 1", "7 1 0 1 6 4 1", "8 2 0 1 7 3 1", "6 1 1 1 5 5 1"], Enumerable.Range(0, 4).Select(Figures));
        Assert.Equal("5 of 10", rows[3].QuerySelector("[data-measure=covered]")!.TextContent);
        Assert.Contains("Critics warned", rows[2].QuerySelector("[data-measure=single]")!.TextContent);
    }

    [Fact]
    public async Task WordingsMarkThePlantedDifferencesAndLoadedWords()
    {
        var (story, page) = await RenderDemoAsync();
        var wire = story.Articles.Single(a => a.Outlet == "Metro Wire").Id.ToString();

        var quote = page.QuerySelectorAll("[data-testid=framing-fact]").Single(f => f.TextContent.Contains("This line connects"));
        var ledgerWording = quote.QuerySelectorAll("[data-testid=wording]")[0];
        var wireWording = quote.QuerySelector($"[data-testid=wording][data-article-id='{wire}']")!;
        Assert.Equal(["will", "connect", "decades"], ledgerWording.QuerySelectorAll("[data-differs]").Select(m => m.TextContent));
        Assert.Equal(["connects", "long"], wireWording.QuerySelectorAll("[data-differs]").Select(m => m.TextContent));
        Assert.Equal(["far", "too"], wireWording.QuerySelectorAll("[data-loaded]").Select(m => m.TextContent));
        Assert.Contains("This line connects neighbourhoods that have waited far too long", wireWording.TextContent);
    }

    [Fact]
    public async Task TheTimelineListsDatesInOrderWithTheOutletsMentioningThem()
    {
        var (_, page) = await RenderDemoAsync();

        var entries = page.QuerySelectorAll("[data-testid=timeline-entry]");
        Assert.Equal(["2025-09-01", "2026-03-12", "2026-04-01", "2026-06-01", "2026-09-01"], entries.Select(e => e.GetAttribute("data-from")));
        Assert.Equal(4, entries[1].QuerySelectorAll(".outlets li").Length);
        Assert.Equal("1 Sep 2025 – 30 Nov 2025", entries[0].QuerySelector(".when")!.TextContent);
    }

    private async Task<(StoryView Story, AngleSharp.Dom.IDocument Page)> RenderDemoAsync()
    {
        var services = app.Factory.Services;
        var stories = services.GetRequiredService<StoryStore>();
        var demoId = (await stories.ListAsync([Workspace.DemoId])).Single(s => s.Title == DemoStory.Title).Id;
        var framing = (await StoryFraming.LoadAsync(demoId, stories, services.GetRequiredService<AnalysisStore>()))!;
        var page = Html.Parse(await Components.RenderAsync<FramingView>(services, new() { [nameof(FramingView.Framing)] = framing }));
        return (framing.Story, page);
    }
}
