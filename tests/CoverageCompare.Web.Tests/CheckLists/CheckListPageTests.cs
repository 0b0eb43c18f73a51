using Bunit;
using CoverageCompare.Data.CheckLists;
using CoverageCompare.Web.Accounts;
using CoverageCompare.Web.CheckLists;
using CoverageCompare.Web.Components.Pages.CheckList;
using CoverageCompare.Web.Tests.Annotations;
using CoverageCompare.Web.Tests.Interactive;
using Microsoft.Extensions.DependencyInjection;

namespace CoverageCompare.Web.Tests.CheckLists;

/// <summary>The check-list page as an editor works it: filter to a status, open an item, move it on, add a task.</summary>
public sealed class CheckListPageTests(AppFixture app) : InteractiveHost(app), IClassFixture<AppFixture>
{
    [Fact]
    public async Task AnEditorFiltersOpensAnItemMovesItOnAndAddsATask()
    {
        var team = await Team.CreateAsync(App.Factory, "Nell");
        var story = await AnnotatedStory.CreateAsync(team.Client, "Check list page");
        var owner = new Reviewer(team.Owner.UserId, team.Owner.Name);
        var service = App.Factory.Services.GetRequiredService<CheckListService>();
        var first = (await service.AddAsync(story.StoryId, owner, new NewCheckItem(story.First.Id, 0, 20))).Value!.Item!;
        var second = (await service.AddAsync(story.StoryId, owner, new NewCheckItem(story.Second.Id, 0, 20))).Value!.Item!;
        await service.EditAsync(second.Id, owner, new CheckItemEdit(CheckListLimits.DefaultStatuses[1], owner.UserId, null, null, null), second.Version);
        var popovers = Context.Render<MudBlazor.MudPopoverProvider>();
        Context.Render<MudBlazor.MudSnackbarProvider>();

        var page = Context.Render<CheckListPage>(p => p.AddCascadingValue(owner).Add(c => c.StoryId, story.StoryId));
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=check-item]").Count));

        // Each status says how many items are at it.
        Context.Choose(popovers, page.Find("[data-testid=check-filter-status]"), $"{CheckListLimits.DefaultStatuses[1]} (1)");
        Assert.Equal(second.Id.ToString(), Assert.Single(page.FindAll("[data-testid=check-item]")).GetAttribute("data-item-id"));
        Context.Choose(popovers, page.Find("[data-testid=check-filter-status]"), "All");
        Assert.Equal(2, page.FindAll("[data-testid=check-item]").Count);

        page.Find($"[data-testid=check-item][data-item-id='{first.Id}'] button.open").Click();
        var openedAt = page.WaitForElement("[data-testid=check-detail]").GetAttribute("data-version");
        Context.Choose(popovers, page.Find("[data-testid=check-status]"), CheckListLimits.DefaultStatuses[1]);
        page.Find("[data-testid=check-save]").Click();
        page.WaitForAssertion(() => Assert.Equal(CheckListLimits.DefaultStatuses[1], page.Find($"[data-testid=check-item][data-item-id='{first.Id}']").GetAttribute("data-status")));

        // The panel saves against the version it shows: the next change waits for the saved one to come back.
        page.WaitForAssertion(() => Assert.NotEqual(openedAt, page.Find("[data-testid=check-detail]").GetAttribute("data-version")));
        page.Find("[data-testid=check-task-new]").Change("Call the council press office");
        await page.Find("form.new-task").SubmitAsync();
        page.WaitForAssertion(() => Assert.Contains(page.FindAll("[data-testid=check-task]"), t => t.TextContent.Contains("Call the council press office")));

        var stored = (await service.GetAsync(first.Id, owner)).Value!;
        Assert.Equal(CheckListLimits.DefaultStatuses[1], stored.Status);
        Assert.Contains(stored.Tasks, t => t.Text == "Call the council press office" && !t.Done);
    }
}
