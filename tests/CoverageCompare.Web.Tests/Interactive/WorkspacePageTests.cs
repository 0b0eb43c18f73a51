using CoverageCompare.Web.Tests.Postgres;
using Bunit;
using CoverageCompare.Data.Workspaces;
using CoverageCompare.Web.Accounts;
using CoverageCompare.Web.Components.Pages.Workspaces;
using CoverageCompare.Web.Sessions;
using CoverageCompare.Web.Tests.Annotations;
using Microsoft.Extensions.DependencyInjection;

namespace CoverageCompare.Web.Tests.Interactive;

public sealed class WorkspacePageTests(AppFixture app) : InteractiveHost(app), IClassFixture<AppFixture>
{
    [Fact]
    public async Task TheWorkspacePageListsItsStories()
    {
        var team = await Team.CreateAsync(App.Factory, "Ada");
        var story = await AnnotatedStory.CreateAsync(team.Client, "Flood barrier");

        var cut = RenderPage(team.Owner);

        cut.WaitForAssertion(() => Assert.Equal($"/stories/{story.StoryId}", cut.Find("[data-testid=workspace-stories] a").GetAttribute("href")));
        Assert.Contains("Harbour Times, Valley Post", cut.Find("[data-testid=workspace-stories]").TextContent);
    }

    [Fact]
    public async Task AnInvitationSaysWhomItIsForAndItsLinkCanBeCopied()
    {
        var team = await Team.CreateAsync(App.Factory, "Bea");
        var clipboard = Context.JSInterop.SetupModule("./js/clipboard.js");
        clipboard.Setup<bool>("copyText", _ => true).SetResult(true);
        var popovers = RenderPopovers();
        var cut = RenderPage(team.Owner);
        cut.WaitForElement("[data-testid=invite-create]");

        Context.Choose(popovers, cut.Find("[data-testid=invite-role]"), "editor");
        Context.Choose(popovers, cut.Find("[data-testid=invite-days]"), "1 day");
        cut.Find("[data-testid=invite-label]").Change("Sam, the new intern");
        await cut.Find("form.invite").SubmitAsync();
        cut.WaitForElement("[data-testid=invite-copy]").Click();

        var link = cut.Find("[data-testid=invite-link]").GetAttribute("value")!;
        Assert.Contains($"/invite/{team.WorkspaceId}/", link);
        Assert.Equal(link, clipboard.Invocations["copyText"].Single().Arguments[0]);
        Assert.Equal("Sam, the new intern", cut.Find("[data-testid=invitations] [data-testid=invitation-label]").TextContent);
        var open = await App.Factory.Services.GetRequiredService<WorkspaceStore>().OpenInvitationsAsync(team.WorkspaceId);
        var invitation = Assert.Single(open);
        Assert.Equal(("Sam, the new intern", WorkspaceRole.Editor), (invitation.Label, invitation.Role));
        Assert.InRange(invitation.ExpiresAt - DateTime.UtcNow, TimeSpan.FromHours(23), TimeSpan.FromHours(24.1));
    }

    [InProcessSessionsFact]
    public async Task ChangingARoleTellsEveryoneOnTheWorkspacesStories()
    {
        var team = await Team.CreateAsync(App.Factory, "Cleo");
        var story = await AnnotatedStory.CreateAsync(team.Client, "Roles");
        await team.MemberAsync("Dev", WorkspaceRole.Editor);
        var sessions = App.Factory.Services.GetRequiredService<IStorySessions>();
        var heard = new List<StoryChange>();
        using var listening = sessions.Join(story.StoryId, SessionViewer.Create("user:listener", "Listener"), change =>
        {
            lock (heard) heard.Add(change);
            return Task.CompletedTask;
        });
        var popovers = RenderPopovers();
        var cut = RenderPage(team.Owner);
        var dev = cut.WaitForElement("[data-testid=member][data-role=editor]");

        // The grid's rows carry no attributes of ours: the member's role select is in the marked name's row.
        Context.Choose(popovers, dev.Closest("tr")!.QuerySelector("[data-testid=member-role]")!, "viewer");

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=member][data-role=viewer]")));
        // On PostgreSQL the change comes back through NOTIFY, which takes longer than bUnit's one-second default.
        cut.WaitForAssertion(() => { lock (heard) Assert.Contains(heard, c => c.Kind == StoryChangeKind.MembersChanged); }, TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task AnOwnerDemotedWhileThePageIsOpenIsRefusedByTheStoreAndLosesTheRoleControls()
    {
        var team = await Team.CreateAsync(App.Factory, "Fay");
        await team.MemberAsync("Gil", WorkspaceRole.Editor);
        await team.MemberAsync("Hal", WorkspaceRole.Owner);
        var store = App.Factory.Services.GetRequiredService<WorkspaceStore>();
        var everyone = await store.MembersAsync(team.WorkspaceId);
        var gil = everyone.Single(m => m.DisplayName == "Gil");
        var hal = everyone.Single(m => m.DisplayName == "Hal");
        var popovers = RenderPopovers();
        var cut = RenderPage(team.Owner);
        var gilsRole = cut.WaitForElement($"[data-testid=member][data-user-id='{gil.UserId}']").Closest("tr")!.QuerySelector("[data-testid=member-role]")!;

        // Hal demotes Fay behind her open page; her page still offers the role controls it loaded with.
        Assert.True((await store.ChangeRoleAsync(team.WorkspaceId, hal.UserId, team.Owner.UserId, WorkspaceRole.Editor)).Succeeded);
        Context.Choose(popovers, gilsRole, "viewer");

        cut.WaitForAssertion(() => Assert.Equal(WorkspaceStore.OwnersOnly, cut.Find("[data-testid=form-message]").TextContent));
        Assert.Equal(WorkspaceRole.Editor, (await store.MembersAsync(team.WorkspaceId)).Single(m => m.UserId == gil.UserId).Role);
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=member-role]")));
        Assert.Equal("editor", cut.Find("[data-testid=workspace-role]").TextContent);
    }

    /// <summary>MudBlazor's providers, with the popover one returned: a MudSelect's list opens there.</summary>
    private IRenderedComponent<MudBlazor.MudPopoverProvider> RenderPopovers()
    {
        var popovers = Context.Render<MudBlazor.MudPopoverProvider>();
        Context.Render<MudBlazor.MudDialogProvider>();
        Context.Render<MudBlazor.MudSnackbarProvider>();
        return popovers;
    }

    private IRenderedComponent<WorkspacePage> RenderPage(TestAccount owner) => Context.Render<WorkspacePage>(p => p
        .AddCascadingValue(new Reviewer(owner.UserId, owner.Name))
        .Add(w => w.WorkspaceId, owner.WorkspaceId));
}
