using Bunit;
using CoverageCompare.Data.CheckLists;
using CoverageCompare.Data.Workspaces;
using CoverageCompare.Web.Accounts;
using CoverageCompare.Web.CheckLists;
using CoverageCompare.Web.Components.Pages.CheckList;
using CoverageCompare.Web.Tests.Annotations;
using CoverageCompare.Web.Tests.Interactive;
using Microsoft.Extensions.DependencyInjection;

namespace CoverageCompare.Web.Tests.CheckLists;

/// <summary>
/// An item's panel on the check-list page: its Mud fields (status, assignee, final verdict), publishing once done,
/// ticking a task; and a viewer's panel, which shows the same item and offers nothing to change.
/// </summary>
public sealed class CheckItemPanelTests(AppFixture app) : InteractiveHost(app), IClassFixture<AppFixture>
{
    [Fact]
    public async Task AnEditorAssignsGivesAVerdictMarksItDonePublishesAndTicksATask()
    {
        var team = await Team.CreateAsync(App.Factory, "Pia");
        var story = await AnnotatedStory.CreateAsync(team.Client, "Check item panel");
        var owner = new Reviewer(team.Owner.UserId, team.Owner.Name);
        var service = App.Factory.Services.GetRequiredService<CheckListService>();
        var item = (await service.AddAsync(story.StoryId, owner, new NewCheckItem(story.First.Id, 0, 20))).Value!.Item!;
        var popovers = Context.Render<MudBlazor.MudPopoverProvider>();
        Context.Render<MudBlazor.MudSnackbarProvider>();
        var page = OpenItem(story.StoryId, owner, item.Id);

        // Publishing waits for the last status and a final verdict.
        Assert.True(page.Find("[data-testid=check-publish]").HasAttribute("disabled"));
        Assert.Equal("Nobody", page.Find("[data-testid=check-assignee]").GetAttribute("value"));
        // The item loads asynchronously; on PostgreSQL the first render can come before it.
        page.WaitForAssertion(() => Assert.Equal(CheckListLimits.DefaultStatuses[0], page.Find("[data-testid=check-status]").GetAttribute("value")));
        Context.Choose(popovers, page.Find("[data-testid=check-status]"), CheckListLimits.DefaultStatuses[^1]);
        Context.Choose(popovers, page.Find("[data-testid=check-assignee]"), team.Owner.Name);
        Context.Choose(popovers, page.Find("[data-testid=check-verdict]"), "Misleading");
        page.Find("[data-testid=check-summary]").Change("The report says otherwise.");
        page.Find("[data-testid=check-save]").Click();

        page.WaitForAssertion(() => Assert.Equal("Misleading", page.Find($"[data-testid=check-item][data-item-id='{item.Id}']").GetAttribute("data-verdict")));
        page.WaitForAssertion(() => Assert.False(page.Find("[data-testid=check-publish]").HasAttribute("disabled")));
        page.Find("[data-testid=check-publish]").Click();
        page.WaitForAssertion(() => Assert.StartsWith("/factchecks/", page.Find("[data-testid=check-public-link]").GetAttribute("href")));
        // A published item is unpublished before it can be removed.
        Assert.True(page.Find("[data-testid=check-remove]").HasAttribute("disabled"));

        page.FindAll("[data-testid=check-task] input[type=checkbox]")[0].Change(true);
        page.WaitForAssertion(() => Assert.Equal("true", page.FindAll("[data-testid=check-task]")[0].GetAttribute("data-done")));

        var stored = (await service.GetAsync(item.Id, owner)).Value!;
        Assert.Equal((CheckListLimits.DefaultStatuses[^1], team.Owner.UserId, "Misleading", "The report says otherwise."), (stored.Status, stored.AssigneeId, stored.FinalVerdict, stored.Summary));
        Assert.True(stored.IsPublished);
        Assert.True(stored.Tasks[0].Done);
    }

    [Fact]
    public async Task AViewerReadsTheItemAndIsOfferedNothingToChange()
    {
        var team = await Team.CreateAsync(App.Factory, "Quin");
        var story = await AnnotatedStory.CreateAsync(team.Client, "Check item panel, read only");
        var viewer = await App.Factory.CreateAccountAsync("Rue");
        await App.Factory.JoinAsync(viewer, team.WorkspaceId, WorkspaceRole.Viewer);
        var owner = new Reviewer(team.Owner.UserId, team.Owner.Name);
        var service = App.Factory.Services.GetRequiredService<CheckListService>();
        var item = (await service.AddAsync(story.StoryId, owner, new NewCheckItem(story.First.Id, 0, 20))).Value!.Item!;
        await service.EditAsync(item.Id, owner, new CheckItemEdit(CheckListLimits.DefaultStatuses[1], null, null, "Inaccurate", null), item.Version);
        Context.Render<MudBlazor.MudPopoverProvider>();

        var page = OpenItem(story.StoryId, new Reviewer(viewer.UserId, viewer.Name), item.Id);

        Assert.Equal("Inaccurate", page.Find("[data-testid=check-verdict-text]").TextContent);
        Assert.Equal(CheckListLimits.DefaultStatuses[1], page.Find("[data-testid=check-status-text]").TextContent);
        foreach (var control in new[] { "check-status", "check-assignee", "check-verdict", "check-summary", "check-save", "check-publish", "check-remove", "check-task-new" })
        {
            Assert.Empty(page.FindAll($"[data-testid={control}]"));
        }
        Assert.All(page.FindAll("[data-testid=check-task] input[type=checkbox]"), box => Assert.True(box.HasAttribute("disabled")));
    }

    private IRenderedComponent<CheckListPage> OpenItem(int storyId, Reviewer reviewer, int itemId)
    {
        var page = Context.Render<CheckListPage>(p => p.AddCascadingValue(reviewer).Add(c => c.StoryId, storyId));
        page.WaitForElement($"[data-testid=check-item][data-item-id='{itemId}'] button.open").Click();
        page.WaitForElement("[data-testid=check-detail]");
        return page;
    }
}
