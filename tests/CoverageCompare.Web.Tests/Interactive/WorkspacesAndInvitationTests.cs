using Bunit;
using Bunit.TestDoubles;
using CoverageCompare.Data.Workspaces;
using CoverageCompare.Web.Accounts;
using CoverageCompare.Web.Components.Pages.Workspaces;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace CoverageCompare.Web.Tests.Interactive;

/// <summary>Creating a workspace and joining one through an invitation, clicked as a new member would.</summary>
public sealed class WorkspacesAndInvitationTests(AppFixture app) : InteractiveHost(app), IClassFixture<AppFixture>
{
    private WorkspaceStore Workspaces => App.Factory.Services.GetRequiredService<WorkspaceStore>();

    private BunitNavigationManager Navigation => Context.Services.GetRequiredService<BunitNavigationManager>();

    [Fact]
    public async Task ABlankNameIsRefusedAndAGoodOneOpensTheNewWorkspace()
    {
        var owner = await App.Factory.CreateAccountAsync("Wren");
        var page = Context.Render<WorkspacesPage>(p => p.AddCascadingValue(new Reviewer(owner.UserId, owner.Name)));
        page.WaitForAssertion(() => Assert.Contains(page.FindAll("[data-testid=workspace]"), w => w.GetAttribute("data-workspace-id") == owner.WorkspaceId.ToString()));

        page.Find("[data-testid=new-workspace-name]").Change("   ");
        await page.Find("form.new-workspace").SubmitAsync();
        Assert.NotEmpty(page.Find("[role=alert], .form-message").TextContent.Trim());
        Assert.DoesNotContain("/workspaces/", Navigation.Uri);

        page.Find("[data-testid=new-workspace-name]").Change("Tram desk");
        await page.Find("form.new-workspace").SubmitAsync();

        var created = (await App.Factory.Services.GetRequiredService<WorkspaceAccess>().VisibleAsync(owner.UserId)).Single(w => w.Name == "Tram desk");
        Assert.EndsWith($"/workspaces/{created.Id}", Navigation.Uri);
        Assert.Equal(WorkspaceRole.Owner, created.Role);
    }

    [Fact]
    public async Task AnInviteeJoinsWithTheOfferedRoleAndAForgedLinkIsRefused()
    {
        var owner = await App.Factory.CreateAccountAsync("Yara");
        var invitee = await App.Factory.CreateAccountAsync("Zeb");
        var link = (await Workspaces.InviteAsync(owner.WorkspaceId, owner.UserId, WorkspaceRole.Commenter, TimeSpan.FromDays(1), "Zeb")).Value!;

        var page = RenderInvitation(owner.WorkspaceId, link.Token, new Reviewer(invitee.UserId, invitee.Name));
        page.WaitForAssertion(() => Assert.Equal("commenter", page.Find("[data-testid=invitation-role]").TextContent));
        page.Find("[data-testid=invitation-accept]").Click();

        page.WaitForAssertion(() => Assert.EndsWith($"/workspaces/{owner.WorkspaceId}", Navigation.Uri));
        var members = await Workspaces.MembersAsync(owner.WorkspaceId);
        Assert.Equal(WorkspaceRole.Commenter, members.Single(m => m.UserId == invitee.UserId).Role);

        var forged = RenderInvitation(owner.WorkspaceId, link.Token[..^2] + "xx", new Reviewer(invitee.UserId, invitee.Name));
        forged.WaitForAssertion(() => Assert.NotEmpty(forged.Find("[data-testid=invitation-error]").TextContent.Trim()));
        Assert.Empty(forged.FindAll("[data-testid=invitation-accept]"));
    }

    [Fact]
    public async Task AGuestIsAskedToSignInOrRegisterAndComesBackToTheInvitation()
    {
        var owner = await App.Factory.CreateAccountAsync("Abe");
        var link = (await Workspaces.InviteAsync(owner.WorkspaceId, owner.UserId, WorkspaceRole.Viewer, TimeSpan.FromDays(1))).Value!;

        var page = RenderInvitation(owner.WorkspaceId, link.Token, Reviewer.Anonymous);

        var register = page.WaitForElement("[data-testid=invitation-register]").GetAttribute("href")!;
        Assert.Equal($"/account/register?returnUrl={Uri.EscapeDataString($"/invite/{owner.WorkspaceId}/{link.Token}")}", register);
        Assert.Empty(page.FindAll("[data-testid=invitation-accept]"));
    }

    private IRenderedComponent<InvitationPage> RenderInvitation(int workspaceId, string token, Reviewer reviewer) =>
        Context.Render<InvitationPage>(p => p
            .AddCascadingValue(reviewer)
            .Add(i => i.WorkspaceId, workspaceId)
            .Add(i => i.Token, token));
}
