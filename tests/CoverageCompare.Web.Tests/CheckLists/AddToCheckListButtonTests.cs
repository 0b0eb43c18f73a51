using Bunit;
using CoverageCompare.Analysis;
using CoverageCompare.Data.Workspaces;
using CoverageCompare.Web.Accounts;
using CoverageCompare.Web.CheckLists;
using CoverageCompare.Web.Components.Pages.CheckList;
using CoverageCompare.Web.Tests.Annotations;
using CoverageCompare.Web.Tests.Interactive;
using Microsoft.Extensions.DependencyInjection;

namespace CoverageCompare.Web.Tests.CheckLists;

/// <summary>The button beside a claim: an editor's click lands on the check list, a viewer's is refused and says why.</summary>
public sealed class AddToCheckListButtonTests(AppFixture app) : InteractiveHost(app), IClassFixture<AppFixture>
{
    [Fact]
    public async Task AnEditorAddsTheClaimAndAViewerIsToldTheyCannot()
    {
        var team = await Team.CreateAsync(App.Factory, "Iris");
        var story = await AnnotatedStory.CreateAsync(team.Client, "Check list button");
        var viewer = await App.Factory.CreateAccountAsync("Otto");
        await App.Factory.JoinAsync(viewer, team.WorkspaceId, WorkspaceRole.Viewer);
        var claim = new Claim("c1", story.First.Id.ToString(), 0, 20, story.First.Text[..20], ClaimKind.Statement, null);
        var snackbar = Context.Render<MudBlazor.MudSnackbarProvider>();
        var owner = new Reviewer(team.Owner.UserId, team.Owner.Name);

        RenderButton(story.StoryId, claim, owner).Find("[data-testid=add-to-checklist]").Click();
        snackbar.WaitForAssertion(() => Assert.Contains("Added to the check list.", snackbar.Markup));

        RenderButton(story.StoryId, claim, new Reviewer(viewer.UserId, viewer.Name)).Find("[data-testid=add-to-checklist]").Click();
        snackbar.WaitForAssertion(() => Assert.Contains("change the check list", snackbar.Markup));

        var list = (await App.Factory.Services.GetRequiredService<CheckListService>().ListAsync(story.StoryId, owner)).Value!;
        var item = Assert.Single(list.Items);
        Assert.Equal("c1", item.ClaimId);
        Assert.Equal(story.First.Id, item.ArticleId);
    }

    private IRenderedComponent<AddToCheckListButton> RenderButton(int storyId, Claim claim, Reviewer reviewer) =>
        Context.Render<AddToCheckListButton>(p => p
            .AddCascadingValue(reviewer)
            .Add(b => b.StoryId, storyId)
            .Add(b => b.Claim, claim));
}
