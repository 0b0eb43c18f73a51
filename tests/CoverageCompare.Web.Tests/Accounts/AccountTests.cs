using System.Net;
using System.Net.Http.Json;
using CoverageCompare.Data.Workspaces;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace CoverageCompare.Web.Tests.Accounts;

/// <summary>Registration, sign-in, lockout and password change through the real forms.</summary>
public sealed class AccountTests : IDisposable
{
    private readonly CoverageAppFactory app = new();

    [Fact]
    public async Task RegisteringGivesAWorkspaceOfYourOwnAndTheFirstAccountOwnsTheDemo()
    {
        var client = app.AnonymousClient();
        var response = await TestAccounts.RegisterAsync(client, "Rosa Reporter", "rosa@example.test", "a long enough password");

        // Registration signs nobody in (that would tell a new email from a taken one): it sends on to the sign-in form.
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/login?notice=registered", response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/workspaces")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await TestAccounts.SignInAsync(client, "rosa@example.test", "a long enough password")).StatusCode);
        var workspaces = await client.GetFromJsonAsync<List<WorkspaceSummary>>("/api/workspaces");
        Assert.Contains(workspaces!, w => w.Name == "Rosa Reporter's workspace" && w.Role == WorkspaceRole.Owner && !w.IsPublic);
        Assert.Contains(workspaces!, w => w.Id == Workspace.DemoId && w.Role == WorkspaceRole.Owner && w.IsMember);

        var second = app.AnonymousClient();
        await TestAccounts.RegisterAsync(second, "Sam Second", "sam@example.test", "another long password");
        await TestAccounts.SignInAsync(second, "sam@example.test", "another long password");
        var demo = (await second.GetFromJsonAsync<List<WorkspaceSummary>>("/api/workspaces"))!.Single(w => w.Id == Workspace.DemoId);
        Assert.Equal((WorkspaceRole.Commenter, false), (demo.Role, demo.IsMember));
    }

    [Fact]
    public async Task RegistrationRefusesAShortPasswordWithAMessage()
    {
        var shortPassword = await TestAccounts.RegisterAsync(app.AnonymousClient(), "Third", "third@example.test", "short");

        Assert.Contains("A password has at least 10 characters.", await shortPassword.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task RegistrationCanBeTurnedOffAndAPostIsRefusedToo()
    {
        using var closed = app.WithWebHostBuilder(b => b.UseSetting("Accounts:AllowRegistration", "false"));
        var client = closed.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });

        var page = await client.GetStringAsync("/account/register");
        var post = await TestAccounts.RegisterAsync(client, "Mallory", "mallory@example.test", "a long enough password", tokenPath: "/account/login");

        Assert.Contains("does not take new accounts", page);
        Assert.NotEqual(HttpStatusCode.Redirect, post.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/workspaces")).StatusCode);
    }

    [Fact]
    public async Task WrongPasswordsNeverLockTheAccountAgainstItsOwner()
    {
        var account = await app.CreateAccountAsync("Lena Locked");
        var client = app.AnonymousClient();
        for (var i = 0; i < 5; i++)
            Assert.Contains("do not match", await (await TestAccounts.SignInAsync(client, account.Email, "not the password")).Content.ReadAsStringAsync());

        // Past the free failures the next try from that network waits (EnumerationTests); afterwards the right password still works.
        var right = await TestAccounts.SignInAsync(app.AnonymousClient(), account.Email, account.Password);

        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
    }

    [Fact]
    public async Task ChangingThePasswordRetiresTheOldOne()
    {
        var account = await app.CreateAccountAsync("Pat Password");
        var client = await app.SignedInClientAsync(account);
        var token = await TestAccounts.AntiforgeryTokenAsync(client, "/account/password");

        var changed = await client.PostAsync("/account/password", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "change-password",
            ["__RequestVerificationToken"] = token,
            ["Input.CurrentPassword"] = account.Password,
            ["Input.NewPassword"] = "a brand new passphrase",
            ["Input.ConfirmPassword"] = "a brand new passphrase",
        }));

        Assert.Contains("Your password has been changed.", await changed.Content.ReadAsStringAsync());
        Assert.NotEqual(HttpStatusCode.Redirect, (await TestAccounts.SignInAsync(app.AnonymousClient(), account.Email, account.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await TestAccounts.SignInAsync(app.AnonymousClient(), account.Email, "a brand new passphrase")).StatusCode);
    }

    [Fact]
    public async Task TheSignInFormTurnsAwayTooManyAttemptsFromOneAddressWith429()
    {
        using var strict = app.WithWebHostBuilder(b => b.UseSetting("RateLimits:SignIn:PermitLimit", "3"));
        var client = strict.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++) statuses.Add((await TestAccounts.SignInAsync(client, "nobody@example.test", "not a password")).StatusCode);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/login")).StatusCode);
    }

    [Theory]
    [InlineData("/stories/1", "/stories/1")]
    [InlineData("//evil.example/phish", "/")]
    [InlineData("https://evil.example/", "/")]
    [InlineData("/\\evil.example", "/")]
    public async Task SigningInReturnsOnlyToAPageOfThisSite(string returnUrl, string expected)
    {
        var account = await app.CreateAccountAsync("Rita Return");
        var client = app.AnonymousClient();
        var path = $"/account/login?returnUrl={Uri.EscapeDataString(returnUrl)}";
        var token = await TestAccounts.AntiforgeryTokenAsync(client, path);

        var response = await client.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = token,
            ["Input.Email"] = account.Email,
            ["Input.Password"] = account.Password,
        }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.Equal(("localhost", expected), (location.IsAbsoluteUri ? location.Host : "localhost", location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString));
    }

    [Fact]
    public async Task SigningOutNeedsTheFormsAntiforgeryTokenAndThenEndsTheSession()
    {
        var (_, client) = await app.SignedInAccountAsync("Otis Out");
        var token = await TestAccounts.AntiforgeryTokenAsync(client, "/");

        var forged = await client.PostAsync("/account/logout", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/workspaces")).StatusCode);
        var signedOut = await client.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/workspaces")).StatusCode);
    }

    public void Dispose()
    {
        app.Dispose();
        CoverageAppFactory.DeleteDatabase(app.DatabasePath);
    }
}
