using Bunit;
using CoverageCompare.Web.Components.Pages.Story;
using Microsoft.AspNetCore.Components;

namespace CoverageCompare.Web.Tests.Interactive;

/// <summary>The story page's side panel: two tabs, the chosen one's panel shown, the choice handed back.</summary>
public sealed class SideTabsTests(AppFixture app) : InteractiveHost(app), IClassFixture<AppFixture>
{
    private readonly List<bool> chosen = [];
    private int closed;

    private IRenderedComponent<SideTabs> RenderTabs(bool showAnnotations) => Context.Render<SideTabs>(p => p
        .Add(t => t.ShowAnnotations, showAnnotations)
        .Add(t => t.ShowAnnotationsChanged, (bool show) => chosen.Add(show))
        .Add(t => t.AnnotationCount, 3)
        .Add(t => t.OnClose, () => closed++)
        .Add(t => t.Claims, (RenderFragment)(b => b.AddMarkupContent(0, "<p data-testid=\"claims-body\">claims</p>")))
        .Add(t => t.Annotations, (RenderFragment)(b => b.AddMarkupContent(0, "<p data-testid=\"annotations-body\">annotations</p>"))));

    [Fact]
    public void ClickingATabHandsTheChoiceBackAndTheChosenPanelIsTheOneShown()
    {
        var tabs = RenderTabs(showAnnotations: false);
        Assert.Single(tabs.FindAll("[data-testid=claims-body]"));
        Assert.Empty(tabs.FindAll("[data-testid=annotations-body]"));
        Assert.Equal("true", Tab(tabs, "side-claims").GetAttribute("aria-selected"));
        Assert.Equal("false", Tab(tabs, "side-annotations").GetAttribute("aria-selected"));
        Assert.Equal("Annotations 3", string.Join(' ', tabs.Find("[data-testid=side-annotations]").TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)));

        tabs.Find("[data-testid=side-annotations]").Click();
        Assert.Equal([true], chosen);

        tabs.Render(p => p.Add(t => t.ShowAnnotations, true));
        Assert.Single(tabs.FindAll("[data-testid=annotations-body]"));
        Assert.Empty(tabs.FindAll("[data-testid=claims-body]"));
        Assert.Equal("true", Tab(tabs, "side-annotations").GetAttribute("aria-selected"));
        Assert.Equal("-1", Tab(tabs, "side-claims").GetAttribute("tabindex"));

        tabs.Find("[data-testid=side-claims]").Click();
        Assert.Equal([true, false], chosen);
    }

    // The hook is on the tab's text; the tab around it is what a screen reader and the keyboard reach.
    private static AngleSharp.Dom.IElement Tab(IRenderedComponent<SideTabs> tabs, string testId) => tabs.Find($"[data-testid={testId}]").Closest("[role=tab]")!;

    [Fact]
    public void TheCloseButtonIsNamedAndCloses()
    {
        var tabs = RenderTabs(showAnnotations: true);
        var close = tabs.Find("[data-testid=side-close]");
        Assert.Equal("Close the panel", close.GetAttribute("aria-label"));

        close.Click();
        Assert.Equal(1, closed);
    }
}
