using Bunit;
using CoverageCompare.Data.CheckLists;
using CoverageCompare.Web.Accounts;
using CoverageCompare.Web.Components.Pages.CheckList;
using CoverageCompare.Web.Tests.Interactive;
using Microsoft.Extensions.DependencyInjection;

namespace CoverageCompare.Web.Tests.CheckLists;

public sealed class CheckStatusesEditorTests(AppFixture app) : InteractiveHost(app), IClassFixture<AppFixture>
{
    [Fact]
    public async Task AnOwnerEditsTheWorkflowAndAMalformedOneIsRefusedWithAMessage()
    {
        var team = await Team.CreateAsync(App.Factory, "Wendy");
        RenderProviders();
        Context.Render<MudBlazor.MudSnackbarProvider>();
        var cut = Context.Render<CheckStatusesEditor>(p => p
            .AddCascadingValue(new Reviewer(team.Owner.UserId, team.Owner.Name))
            .Add(e => e.WorkspaceId, team.WorkspaceId));
        cut.WaitForAssertion(() => Assert.Equal(string.Join("\n", CheckListLimits.DefaultStatuses), cut.Find("[data-testid=check-workflow-statuses]").GetAttribute("value")));

        cut.Find("[data-testid=check-workflow-statuses]").Change("Only one");
        await cut.Find("form").SubmitAsync();
        cut.WaitForAssertion(() => Assert.Contains("from 2 to 12 statuses", cut.Find("[data-testid=check-workflow-error]").TextContent));

        cut.Find("[data-testid=check-workflow-statuses]").Change("Triage\n  Checking \n\nPublished");
        await cut.Find("form").SubmitAsync();
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=check-workflow-error]")));
        Assert.Equal(["Triage", "Checking", "Published"], await App.Factory.Services.GetRequiredService<CheckListStore>().StatusesAsync(team.WorkspaceId));
    }
}
