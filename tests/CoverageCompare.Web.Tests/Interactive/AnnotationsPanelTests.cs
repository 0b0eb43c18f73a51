using Bunit;
using CoverageCompare.Data.Annotations;
using CoverageCompare.Data.Workspaces;
using CoverageCompare.Web.Accounts;
using CoverageCompare.Web.Components.Pages.Story;

namespace CoverageCompare.Web.Tests.Interactive;

/// <summary>The annotations panel's filters and its "Show more" button, clicked as a reader would.</summary>
public sealed class AnnotationsPanelTests(AppFixture app) : InteractiveHost(app), IClassFixture<AppFixture>
{
    private IRenderedComponent<AnnotationsPanel> RenderPanel(IReadOnlyList<AnnotationView> threads) =>
        RenderInStory<AnnotationsPanel>(1, new Reviewer("user-1", "Reviewer"), WorkspaceRole.Viewer, p => p
            .Add(a => a.StoryId, 1)
            .Add(a => a.Threads, threads)
            .Add(a => a.Labels, []));

    [Fact]
    public void TheFiltersShowTheThreadsInEachStateAndCountThem()
    {
        var open = Thread("Open one.");
        var resolved = Thread("Resolved one.") with { ResolvedAt = DateTime.UtcNow };
        var deleted = Thread("Deleted one.") with { DeletedAt = DateTime.UtcNow };
        var orphaned = Thread("Orphaned one.") with { Target = new AnnotationTarget(1, 0, 4, "Text", "", "", true) };
        var panel = RenderPanel([open, resolved, deleted, orphaned]);
        Assert.Equal([open.Id.ToString()], Shown(panel));
        Assert.True(panel.Find("[data-testid=annotations-filter-active]").HasAttribute("checked"));
        Assert.Equal("Resolved (1)", panel.Find("[data-testid=annotations-filter-resolved]").Closest("label")!.TextContent.Trim());

        panel.Find("[data-testid=annotations-filter-resolved]").Click();
        Assert.Equal([resolved.Id.ToString()], Shown(panel));
        Assert.True(panel.Find("[data-testid=annotations-filter-resolved]").HasAttribute("checked"));
        Assert.False(panel.Find("[data-testid=annotations-filter-active]").HasAttribute("checked"));

        panel.Find("[data-testid=annotations-filter-orphaned]").Click();
        Assert.Equal([orphaned.Id.ToString()], Shown(panel));

        panel.Find("[data-testid=annotations-filter-deleted]").Click();
        Assert.Equal([deleted.Id.ToString()], Shown(panel));
    }

    [Fact]
    public void MoreShowsTheNextFiftyAndGoesWhenAllAreShown()
    {
        var panel = RenderPanel(Enumerable.Range(0, 120).Select(i => Thread($"Note {i}.")).ToList());
        Assert.Equal(50, Shown(panel).Count);
        var more = panel.Find("[data-testid=annotations-more]");
        Assert.Equal("button", more.LocalName);
        Assert.Equal("Show 50 more (70 not shown)", more.TextContent.Trim());

        more.Click();
        Assert.Equal(100, Shown(panel).Count);
        Assert.Equal("Show 20 more (20 not shown)", panel.Find("[data-testid=annotations-more]").TextContent.Trim());

        panel.Find("[data-testid=annotations-more]").Click();
        Assert.Equal(120, Shown(panel).Count);
        Assert.Empty(panel.FindAll("[data-testid=annotations-more]"));
    }

    private static List<string> Shown(IRenderedComponent<AnnotationsPanel> panel) =>
        panel.FindAll("[data-testid=annotation]").Select(a => a.GetAttribute("data-annotation-id")!).ToList();

    private static AnnotationView Thread(string note) => new(Guid.NewGuid(), 1, null, new AnnotationTarget(1, 0, 4, "Text", "", "", false),
        null, [], note, "Ana", "user-Ana", DateTime.UtcNow, DateTime.UtcNow, null, null, 1, []);
}
