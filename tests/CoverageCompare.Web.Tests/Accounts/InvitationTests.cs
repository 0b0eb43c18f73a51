using System.Net;
using System.Net.Http.Json;
using CoverageCompare.Data.Workspaces;
using CoverageCompare.Web.Api;
using Microsoft.Extensions.DependencyInjection;

namespace CoverageCompare.Web.Tests.Accounts;

/// <summary>Invitation links: each works once, only before it expires, only for its own workspace, and not after it is withdrawn.</summary>
public sealed class InvitationTests : IDisposable
{
    private readonly CoverageAppFactory app = new();

    [Fact]
    public async Task AnInvitationJoinsWithItsRoleOnceAndTheRoleThenApplies()
    {
        var (owner, ownerClient) = await app.SignedInAccountAsync("Olga Owner");
        var (guest, guestClient) = await app.SignedInAccountAsync("Gus Guest");
        var (_, thirdClient) = await app.SignedInAccountAsync("Tess Third");
        var invitation = await InviteAsync(ownerClient, owner.WorkspaceId, WorkspaceRole.Editor);

        var accepted = await AcceptAsync(guestClient, owner.WorkspaceId, invitation.Token);
        var reused = await AcceptAsync(thirdClient, owner.WorkspaceId, invitation.Token);

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, reused.StatusCode);
        Assert.Contains("already been used", await reused.Content.ReadAsStringAsync());
        var members = await ownerClient.GetFromJsonAsync<List<MemberView>>($"/api/workspaces/{owner.WorkspaceId}/members");
        Assert.Equal(WorkspaceRole.Editor, members!.Single(m => m.UserId == guest.UserId).Role);
        Assert.Equal(HttpStatusCode.Created, (await guestClient.PostAsJsonAsync("/api/stories", new CreateStoryRequest("Guest story", owner.WorkspaceId))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await thirdClient.PostAsJsonAsync("/api/stories", new CreateStoryRequest("Not mine", owner.WorkspaceId))).StatusCode);
    }

    [Fact]
    public async Task AnInvitationForAnotherWorkspaceIsRefused()
    {
        var (owner, ownerClient) = await app.SignedInAccountAsync("Olga Owner");
        var (other, _) = await app.SignedInAccountAsync("Oscar Other");
        var (_, guestClient) = await app.SignedInAccountAsync("Gus Guest");
        var invitation = await InviteAsync(ownerClient, owner.WorkspaceId, WorkspaceRole.Viewer);

        var wrongWorkspace = await AcceptAsync(guestClient, other.WorkspaceId, invitation.Token);

        Assert.Equal(HttpStatusCode.BadRequest, wrongWorkspace.StatusCode);
        Assert.Contains("not valid", await wrongWorkspace.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await guestClient.GetAsync($"/api/workspaces/{other.WorkspaceId}/members")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await AcceptAsync(guestClient, owner.WorkspaceId, invitation.Token)).StatusCode);
    }

    [Fact]
    public async Task AnExpiredInvitationIsRefused()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        var store = new WorkspaceStore(app.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<Data.CoverageDbContext>>(),
            app.Services.GetRequiredService<WorkspaceAccess>(), clock);
        var owner = await app.CreateAccountAsync("Olga Owner");
        var guest = await app.CreateAccountAsync("Gus Guest");
        var invitation = (await store.InviteAsync(owner.WorkspaceId, owner.UserId, WorkspaceRole.Commenter, TimeSpan.FromDays(1))).Value!;

        clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromSeconds(1));
        var accepted = await store.AcceptInvitationAsync(owner.WorkspaceId, invitation.Token, guest.UserId);

        Assert.False(accepted.Succeeded);
        Assert.Contains("expired", accepted.Error);
    }

    [Fact]
    public async Task AWithdrawnInvitationIsRefusedAndOnlyOwnersInvite()
    {
        var (owner, ownerClient) = await app.SignedInAccountAsync("Olga Owner");
        var (editor, editorClient) = await app.SignedInAccountAsync("Eddie Editor");
        await app.JoinAsync(editor, owner.WorkspaceId, WorkspaceRole.Editor);
        var invitation = await InviteAsync(ownerClient, owner.WorkspaceId, WorkspaceRole.Commenter);
        var store = app.Services.GetRequiredService<WorkspaceStore>();
        var open = Assert.Single(await store.OpenInvitationsAsync(owner.WorkspaceId));

        Assert.False((await store.RevokeInvitationAsync(owner.WorkspaceId, editor.UserId, open.Id)).Succeeded);
        Assert.True((await store.RevokeInvitationAsync(owner.WorkspaceId, owner.UserId, open.Id)).Succeeded);
        var (_, guestClient) = await app.SignedInAccountAsync("Gus Guest");
        var accepted = await AcceptAsync(guestClient, owner.WorkspaceId, invitation.Token);

        Assert.Contains("withdrawn", await accepted.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await editorClient.PostAsJsonAsync($"/api/workspaces/{owner.WorkspaceId}/invitations", new InviteRequest(WorkspaceRole.Owner))).StatusCode);
    }

    [Fact]
    public async Task AWorkspaceKeepsItsLastOwnerAndARemovedMemberLosesAccessAtOnce()
    {
        var (owner, ownerClient) = await app.SignedInAccountAsync("Olga Owner");
        var (member, memberClient) = await app.SignedInAccountAsync("Mia Member");
        await app.JoinAsync(member, owner.WorkspaceId, WorkspaceRole.Commenter);
        var story = await ownerClient.PostAsJsonAsync("/api/stories", new CreateStoryRequest("Private", owner.WorkspaceId));
        var storyId = (await story.Content.ReadFromJsonAsync<Data.Stories.StorySummary>())!.Id;
        Assert.Equal(HttpStatusCode.OK, (await memberClient.GetAsync($"/api/stories/{storyId}")).StatusCode);

        var demoteSelf = await ownerClient.PutAsJsonAsync($"/api/workspaces/{owner.WorkspaceId}/members/{owner.UserId}", new ChangeRoleRequest(WorkspaceRole.Editor));
        var removed = await ownerClient.DeleteAsync($"/api/workspaces/{owner.WorkspaceId}/members/{member.UserId}");

        Assert.Equal(HttpStatusCode.BadRequest, demoteSelf.StatusCode);
        Assert.Contains("needs an owner", await demoteSelf.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await memberClient.GetAsync($"/api/stories/{storyId}")).StatusCode);
    }

    private static async Task<InvitationCreated> InviteAsync(HttpClient owner, int workspaceId, WorkspaceRole role)
    {
        var response = await owner.PostAsJsonAsync($"/api/workspaces/{workspaceId}/invitations", new InviteRequest(role));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<InvitationCreated>())!;
    }

    private static Task<HttpResponseMessage> AcceptAsync(HttpClient client, int workspaceId, string token) =>
        client.PostAsJsonAsync($"/api/workspaces/{workspaceId}/invitations/accept", new AcceptInvitationRequest(token));

    private sealed class ManualClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;

        public void Advance(TimeSpan by) => now += by;
    }

    public void Dispose()
    {
        app.Dispose();
        CoverageAppFactory.DeleteDatabase(app.DatabasePath);
    }
}
