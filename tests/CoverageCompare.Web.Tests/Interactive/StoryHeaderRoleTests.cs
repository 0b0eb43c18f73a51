using Bunit;
using CoverageCompare.Data.Stories;
using CoverageCompare.Data.Workspaces;
using CoverageCompare.Web.Accounts;
using CoverageCompare.Web.Components.Pages.Story;
using CoverageCompare.Web.Tests.Annotations;
using Microsoft.Extensions.DependencyInjection;

namespace CoverageCompare.Web.Tests.Interactive;

/// <summary>A reader who is not signed in has no role in the workspace, and is not told they have one.</summary>
public sealed class StoryHeaderRoleTests(AppFixture app) : InteractiveHost(app), IClassFixture<AppFixture>
{
    [Fact]
    public async Task AGuestReadsAsAGuestAndAMemberSeesTheirRole()
    {
        var team = await Team.CreateAsync(App.Factory, "Gus");
        var story = await AnnotatedStory.CreateAsync(team.Client, "Public reading");
        var view = (await App.Factory.Services.GetRequiredService<StoryStore>().GetAsync(story.StoryId))!;

        // The public workspace lets anyone read: the guest's access is a viewer's, but it is not a role of theirs.
        var guest = RenderInStory<StoryHeader>(story.StoryId, Reviewer.Anonymous, WorkspaceRole.Viewer, p => p.Add(h => h.Story, view));
        var member = RenderInStory<StoryHeader>(story.StoryId, new Reviewer(team.Owner.UserId, team.Owner.Name), WorkspaceRole.Owner, p => p.Add(h => h.Story, view));

        Assert.Equal("Reading as a guest", guest.Find("[data-testid=story-role]").TextContent);
        Assert.Equal("Your role: owner", member.Find("[data-testid=story-role]").TextContent);
    }
}
