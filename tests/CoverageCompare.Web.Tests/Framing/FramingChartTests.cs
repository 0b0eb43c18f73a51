using Bunit;
using CoverageCompare.Data.Analyses;
using CoverageCompare.Data.Demo;
using CoverageCompare.Data.Stories;
using CoverageCompare.Data.Workspaces;
using CoverageCompare.Web.Components.Pages.Story;
using CoverageCompare.Web.Components.Pages.Story.Framing;
using CoverageCompare.Web.Framing;
using CoverageCompare.Web.Tests.Interactive;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace CoverageCompare.Web.Tests.Framing;

/// <summary>The framing view's MudChart bars and MudTimeline, rendered by bUnit on the demo story.</summary>
public sealed class FramingChartTests(AppFixture app) : InteractiveHost(app), IClassFixture<AppFixture>
{
    private static readonly string[] ArticleLabels = ["1 The Harbor Ledger", "2 Coastline Daily", "3 Metro Wire", "4 Bayside Courier"];

    [Fact]
    public async Task TheMeasuresChartHasASeriesPerMeasureOverTheNumberedArticles()
    {
        var framing = await DemoFramingAsync();
        var cut = Context.Render<FramingView>(p => p.Add(v => v.Framing, framing));

        var chart = cut.FindComponents<MudChart<double>>().Single(c => c.Instance.ChartLabels.Length == 4 && c.Instance.ChartSeries.Count == 5);
        Assert.Equal(ChartType.Bar, chart.Instance.ChartType);
        // The axis names the articles by number, in their colours in the key under the chart, so labels never collide.
        Assert.Equal(["1", "2", "3", "4"], chart.Instance.ChartLabels);
        var key = cut.Find("[data-testid=chart-measures] [data-testid=chart-key]");
        Assert.Equal(ArticleLabels, key.QuerySelectorAll("li").Select(li => li.TextContent.Trim()));
        var sources = Source.Of(framing.Story);
        Assert.Equal(sources.Select(s => $"background: {s.Colour}; color: #fff; border-color: {s.Colour}"), key.QuerySelectorAll(".mark").Select(m => m.GetAttribute("style")));
        Assert.Equal(["Claims", "Attributed", "Hedged", "Quotations", "Shared facts covered"], chart.Instance.ChartSeries.Select(s => s.Name));
        string Values(string name) => string.Join(" ", chart.Instance.ChartSeries.Single(s => s.Name == name).Data.Values.Select(v => v.ToString()));
        // The same figures as the table above the chart (FramingComponentsTests).
        Assert.Equal("10 7 8 6", Values("Claims"));
        Assert.Equal("1 1 2 1", Values("Attributed"));
        Assert.Equal("1 0 0 1", Values("Hedged"));
        Assert.Equal("1 1 1 1", Values("Quotations"));
        Assert.Equal("9 6 7 5", Values("Shared facts covered"));
        // The bars themselves are drawn once MudBlazor's script has measured the chart's box (MatchBoundsToSize), which
        // takes a browser: FramingViewTests counts the 20 bars in Chromium.
        Assert.True(chart.Instance.MatchBoundsToSize);
    }

    [Fact]
    public async Task TheChartsTextAlternativeGivesEveryFigureInWordsAndHidesTheDrawing()
    {
        var framing = await DemoFramingAsync();
        var cut = Context.Render<FramingView>(p => p.Add(v => v.Framing, framing));

        var figure = cut.Find("[data-testid=chart-measures]");
        Assert.Equal("true", figure.QuerySelector("[data-chart]")!.GetAttribute("aria-hidden"));
        var table = figure.QuerySelector("table[data-testid=chart-figures]")!;
        Assert.Contains("visually-hidden", table.ParentElement!.ClassList);
        var rows = table.QuerySelectorAll("tbody tr");
        Assert.Equal(ArticleLabels, rows.Select(r => r.QuerySelector("th")!.TextContent));
        Assert.Equal("2", rows[2].QuerySelector("[data-measure=attributed]")!.GetAttribute("data-value"));
        Assert.Equal("2 of 8 claims attributed", rows[2].QuerySelector("[data-measure=attributed]")!.TextContent);
        Assert.Equal("5 of 10 shared facts", rows[3].QuerySelector("[data-measure=covered]")!.TextContent);
    }

    [Fact]
    public async Task EachSpeakersChartIsDrawnInItsArticlesColour()
    {
        var framing = await DemoFramingAsync();
        var sources = Source.Of(framing.Story);
        var cut = Context.Render<FramingView>(p => p.Add(v => v.Framing, framing));

        var speakers = cut.FindAll("[data-testid=chart-speakers]");
        Assert.Equal(ArticleLabels, speakers.Select(s => s.QuerySelector("figcaption")!.TextContent));
        var charts = cut.FindComponents<MudChart<double>>().Where(c => c.Instance.ChartSeries is [{ Name: "Claims" }]).ToList();
        Assert.Equal(sources.Select(s => s.Colour), charts.Select(c => c.Instance.ChartOptions!.ChartPalette.Single()));
        Assert.Equal("Amira Haddad", speakers[3].QuerySelector("tbody th")!.TextContent);
        // A speaker's bar is lettered on the axis and named in full in the key beneath.
        var fourth = charts[3].Instance;
        Assert.Equal("A", fourth.ChartLabels[0]);
        Assert.Equal("A Amira Haddad", speakers[3].QuerySelector("[data-testid=chart-key] li")!.TextContent.Trim());
    }

    [Fact]
    public void AChartWithNothingToShowSaysSoInsteadOfDrawing()
    {
        var cut = Context.Render<BarChart>(p => p
            .Add(c => c.Id, "empty")
            .Add(c => c.Caption, "Speakers")
            .Add(c => c.Labels, Array.Empty<string>())
            .Add(c => c.Series, [new BarSeries("speaker", "Claims", [], [])])
            .Add(c => c.Empty, "No claim attributed to a speaker."));

        Assert.Empty(cut.FindComponents<MudChart<double>>());
        Assert.Empty(cut.FindAll("table"));
        Assert.Equal("No claim attributed to a speaker.", cut.Find(".empty").TextContent);
    }

    [Fact]
    public async Task TheTimelineIsAMudTimelineListingEachDateWithTheNumberedOutletsMentioningIt()
    {
        var framing = await DemoFramingAsync();
        var cut = Context.Render<FramingTimeline>(p => p.Add(t => t.Framing, framing));

        Assert.Equal(5, cut.FindComponents<MudTimelineItem>().Count);
        var timeline = cut.Find("[data-testid=timeline]");
        Assert.Equal("list", timeline.GetAttribute("role"));
        var entries = cut.FindAll("[data-testid=timeline-entry]");
        Assert.All(entries, e => Assert.Equal("listitem", e.GetAttribute("role")));
        Assert.Equal(["2025-09-01", "2026-03-12", "2026-04-01", "2026-06-01", "2026-09-01"], entries.Select(e => e.GetAttribute("data-from")));
        Assert.Equal("12 Mar 2026", entries[1].QuerySelector(".when")!.TextContent);

        var chips = entries[0].QuerySelectorAll(".source-chip");
        Assert.Equal(["1The Harbor Ledger", "3Metro Wire"], chips.Select(c => c.TextContent));
        var metroWire = Source.Of(framing.Story)[2];
        Assert.Contains(metroWire.Colour, chips[1].QuerySelector(".mud-avatar")!.GetAttribute("style"));
        // A label, not a control: nothing in the timeline takes a Tab stop.
        Assert.Empty(timeline.QuerySelectorAll("[tabindex='0'], button, a[href]"));
    }

    private async Task<StoryFraming> DemoFramingAsync()
    {
        var services = App.Factory.Services;
        var stories = services.GetRequiredService<StoryStore>();
        var demoId = (await stories.ListAsync([Workspace.DemoId])).Single(s => s.Title == DemoStory.Title).Id;
        return (await StoryFraming.LoadAsync(demoId, stories, services.GetRequiredService<AnalysisStore>()))!;
    }
}
