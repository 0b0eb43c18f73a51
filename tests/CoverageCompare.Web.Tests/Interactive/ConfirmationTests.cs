using Bunit;
using CoverageCompare.Data.Stories;
using CoverageCompare.Data.Workspaces;
using CoverageCompare.Web.Accounts;
using CoverageCompare.Web.Components.Pages.Story;
using CoverageCompare.Web.Tests.Annotations;
using Microsoft.Extensions.DependencyInjection;

namespace CoverageCompare.Web.Tests.Interactive;

/// <summary>Deleting asks first through MudBlazor's dialog service; cancelling leaves everything as it was.</summary>
public sealed class ConfirmationTests(AppFixture app) : InteractiveHost(app), IClassFixture<AppFixture>
{
    [Fact]
    public async Task DeletingAStoryAsksFirstAndCancelKeepsIt()
    {
        var team = await Team.CreateAsync(App.Factory, "Ada");
        var story = await AnnotatedStory.CreateAsync(team.Client, "To be deleted");
        var stories = App.Factory.Services.GetRequiredService<StoryStore>();
        var view = (await stories.GetAsync(story.StoryId))!;
        var deleted = false;
        var dialogs = RenderProviders();
        var cut = RenderInStory<StoryHeader>(story.StoryId, new Reviewer(team.Owner.UserId, team.Owner.Name), WorkspaceRole.Owner, p => p
            .Add(h => h.Story, view)
            .Add(h => h.OnDeleted, () => deleted = true));

        cut.Find("[data-testid=delete-story]").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("will be removed for good", dialogs.Markup));
        dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Cancel").Click();

        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll("[data-testid=confirm]")));
        Assert.False(deleted);
        Assert.NotNull(await stories.GetAsync(story.StoryId));

        cut.Find("[data-testid=delete-story]").Click();
        dialogs.WaitForElement("[data-testid=confirm]").Click();

        cut.WaitForAssertion(() => Assert.True(deleted));
        Assert.Null(await stories.GetAsync(story.StoryId));
    }

    [Fact]
    public async Task AViewerIsOfferedNeitherRenamingNorDeleting()
    {
        var team = await Team.CreateAsync(App.Factory, "Bea");
        var story = await AnnotatedStory.CreateAsync(team.Client, "Read only");
        var view = (await App.Factory.Services.GetRequiredService<StoryStore>().GetAsync(story.StoryId))!;

        var cut = RenderInStory<StoryHeader>(story.StoryId, new Reviewer("someone", "Viewer"), WorkspaceRole.Viewer, p => p.Add(h => h.Story, view));

        Assert.Empty(cut.FindAll("[data-testid=delete-story], [data-testid=rename-story]"));
        Assert.Contains("viewer", cut.Find("[data-testid=story-role]").TextContent);
    }

    [Fact]
    public async Task AGuestIsNotToldTheyHoldARole()
    {
        var team = await Team.CreateAsync(App.Factory, "Cy");
        var story = await AnnotatedStory.CreateAsync(team.Client, "Public read");
        var view = (await App.Factory.Services.GetRequiredService<StoryStore>().GetAsync(story.StoryId))!;

        var cut = RenderInStory<StoryHeader>(story.StoryId, Reviewer.Anonymous, WorkspaceRole.Viewer, p => p.Add(h => h.Story, view));

        Assert.Equal("Reading as a guest", cut.Find("[data-testid=story-role]").TextContent);
    }
}
