using System.Net;
using System.Net.Http.Json;
using CoverageCompare.Data.Accounts;
using CoverageCompare.Data.Workspaces;
using CoverageCompare.Web.Api;

namespace CoverageCompare.Web.Tests.Accounts;

/// <summary>A display name cannot copy another member's or hide bidi and invisible characters: issue 13, finding 9 (names).</summary>
public sealed class DisplayNameTests : IDisposable
{
    private readonly CoverageAppFactory app = new();

    [Theory]
    [InlineData("Admin\u202EOperator", "AdminOperator")]
    [InlineData("\u2066Admin Operator\u2069", "Admin Operator")]
    [InlineData("Admin\u200B \u200E\u200FOperator\u061C", "Admin Operator")]
    [InlineData("  Admin \u00A0\u3000 Operator\u00AD ", "Admin Operator")]
    [InlineData("\uFF21dmin Operator", "Admin Operator")] // a fullwidth A, folded by NFKC
    [InlineData("\u3164\u2800", "")]
    public void BidiControlsAndInvisibleCharactersAreStripped(string typed, string stored) => Assert.Equal(stored, DisplayNames.Clean(typed));

    [Fact]
    public void AHalfSurrogatePairIsDroppedRatherThanBreakingNormalization() =>
        Assert.Equal("Half pair \uD83D\uDE00", DisplayNames.Clean("Half \uD83D pair \uD83D\uDE00"));

    [Theory]
    [InlineData("admin operator")]
    [InlineData("ADMIN  OPERATOR")]
    [InlineData("Admin\u202E Operator")]
    [InlineData("\u0410dmin \u041Ep\u0435r\u0430tor")] // Cyrillic А, О, е, а
    [InlineData("Ádmin Operator")]
    [InlineData("Admin 0perator")]
    [InlineData("Admin.Operator")]
    public void LookAlikesOfANameHaveItsSkeleton(string lookalike) => Assert.Equal(DisplayNames.Skeleton("Admin Operator"), DisplayNames.Skeleton(lookalike));

    [Fact]
    public void DifferentNamesStayDifferent() => Assert.NotEqual(DisplayNames.Skeleton("Ada Lovelace"), DisplayNames.Skeleton("Ida Lovelace"));

    [Theory]
    [InlineData("Admin Operator")]
    [InlineData("admin operator")]
    [InlineData("\u0410dmin Operator")]
    [InlineData("Admin\u202EOperator ")]
    public async Task RegistrationRefusesANameThatCopiesTheAdministrators(string name)
    {
        await app.CreateAccountAsync("Admin Operator");

        var response = await TestAccounts.RegisterAsync(app.AnonymousClient(), name, $"copy.{Guid.NewGuid():N}@example.test", TestAccounts.Password);

        Assert.Contains("Someone here already goes by that name", await response.Content.ReadAsStringAsync());
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task ARegisteredNameIsStoredWithoutItsBidiOverride()
    {
        var response = await TestAccounts.RegisterAsync(app.AnonymousClient(), "Evil\u202Egnp.exe", "evil@example.test", TestAccounts.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var client = await app.SignedInClientAsync(new TestAccount("", "", "evil@example.test", TestAccounts.Password, 0));
        var workspaces = await client.GetFromJsonAsync<List<WorkspaceSummary>>("/api/workspaces");

        Assert.Contains(workspaces!, w => w.Name == "Evilgnp.exe's workspace");
    }

    [Fact]
    public async Task JoiningAWorkspaceUnderAMembersNameIsRefused()
    {
        var (owner, ownerClient) = await app.SignedInAccountAsync("Olga Owner");
        var (_, editorClient) = await app.SignedInAccountAsync("Ed Editor");
        var (_, copyClient) = await app.SignedInAccountAsync("ed  EDITOR");
        var first = await ownerClient.PostAsJsonAsync($"/api/workspaces/{owner.WorkspaceId}/invitations", new InviteRequest(WorkspaceRole.Editor));
        var second = await ownerClient.PostAsJsonAsync($"/api/workspaces/{owner.WorkspaceId}/invitations", new InviteRequest(WorkspaceRole.Editor));
        var (firstToken, secondToken) = ((await first.Content.ReadFromJsonAsync<InvitationCreated>())!.Token, (await second.Content.ReadFromJsonAsync<InvitationCreated>())!.Token);

        var joined = await editorClient.PostAsJsonAsync($"/api/workspaces/{owner.WorkspaceId}/invitations/accept", new AcceptInvitationRequest(firstToken));
        var copied = await copyClient.PostAsJsonAsync($"/api/workspaces/{owner.WorkspaceId}/invitations/accept", new AcceptInvitationRequest(secondToken));

        Assert.Equal(HttpStatusCode.OK, joined.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, copied.StatusCode);
        Assert.Contains("already goes by a name that reads like yours", await copied.Content.ReadAsStringAsync());
    }

    public void Dispose()
    {
        app.Dispose();
        CoverageAppFactory.DeleteDatabase(app.DatabasePath);
    }
}
