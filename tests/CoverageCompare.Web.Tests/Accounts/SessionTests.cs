using System.Net;
using System.Net.Http.Json;
using CoverageCompare.Data.Accounts;
using CoverageCompare.Web.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CoverageCompare.Web.Tests.Accounts;

/// <summary>
/// Sessions end when they should: sign-out and a password change end every copy of a sign-in at once, after a restart
/// too, and an open circuit's sign-in stops validating: issue 13, finding 4.
/// </summary>
public sealed class SessionTests : IDisposable
{
    private readonly string databasePath = CoverageAppFactory.NewDatabasePath();
    private readonly List<CoverageAppFactory> apps = [];

    [Fact]
    public async Task ACookieCopiedBeforeSignOutStopsWorkingAtOnce()
    {
        var app = Start();
        var account = await app.CreateAccountAsync("Cora Copied");
        var (client, cookie) = await SignInWithCookieAsync(app, account);
        var copy = CopiedClient(app, cookie);
        Assert.Equal(HttpStatusCode.OK, (await copy.GetAsync("/api/workspaces")).StatusCode);

        await SignOutAsync(client);

        Assert.Equal(HttpStatusCode.Unauthorized, (await copy.GetAsync("/api/workspaces")).StatusCode);
    }

    [Fact]
    public async Task AnotherSessionEndsAtOnceWhenThePasswordChanges()
    {
        var app = Start();
        var account = await app.CreateAccountAsync("Pia Password");
        var (laptop, _) = await SignInWithCookieAsync(app, account);
        var (phone, _) = await SignInWithCookieAsync(app, account);
        Assert.Equal(HttpStatusCode.OK, (await phone.GetAsync("/api/workspaces")).StatusCode);

        var token = await TestAccounts.AntiforgeryTokenAsync(laptop, "/account/password");
        var changed = await laptop.PostAsync("/account/password", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "change-password",
            ["__RequestVerificationToken"] = token,
            ["Input.CurrentPassword"] = account.Password,
            ["Input.NewPassword"] = "an entirely new passphrase",
            ["Input.ConfirmPassword"] = "an entirely new passphrase",
        }));

        Assert.Contains("Your password has been changed.", await changed.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, (await phone.GetAsync("/api/workspaces")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await laptop.GetAsync("/api/workspaces")).StatusCode);
    }

    [Fact]
    public async Task ASignedOutCookieStaysDeadAcrossARestartWhileAnUntouchedOneSurvivesIt()
    {
        var first = Start();
        var leaving = await first.CreateAccountAsync("Lee Leaving");
        var staying = await first.CreateAccountAsync("Sid Staying");
        var (leavingClient, leavingCookie) = await SignInWithCookieAsync(first, leaving);
        var (_, stayingCookie) = await SignInWithCookieAsync(first, staying);
        await SignOutAsync(leavingClient);
        first.Dispose();

        var second = Start();

        // The untouched cookie still works, so the restart kept the cookie keys and the refusal below is the stamp's.
        Assert.Equal(HttpStatusCode.OK, (await CopiedClient(second, stayingCookie).GetAsync("/api/workspaces")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await CopiedClient(second, leavingCookie).GetAsync("/api/workspaces")).StatusCode);
    }

    [Fact]
    public async Task AnOpenCircuitsSignInStopsValidatingOnceTheSessionIsRevoked()
    {
        var app = Start();
        var account = await app.CreateAccountAsync("Cy Circuit");
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = (await users.FindByIdAsync(account.UserId))!;
        var principal = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>().CreateAsync(user);
        Assert.True(await SessionStamp.IsCurrentAsync(scope.ServiceProvider, principal));

        var (client, _) = await SignInWithCookieAsync(app, account);
        await SignOutAsync(client);

        await using var later = app.Services.CreateAsyncScope();
        Assert.False(await SessionStamp.IsCurrentAsync(later.ServiceProvider, principal));
        Assert.IsType<RevalidatingAuthenticationStateProvider>(later.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Components.Authorization.AuthenticationStateProvider>());
    }

    /// <summary>Signs in through the form and returns the client with the sign-in cookie's value as the browser got it.</summary>
    private static async Task<(HttpClient Client, string Cookie)> SignInWithCookieAsync(CoverageAppFactory app, TestAccount account)
    {
        var client = app.AnonymousClient();
        var response = await TestAccounts.SignInAsync(client, account.Email, account.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("cc-auth=", StringComparison.Ordinal));
        return (client, cookie[..cookie.IndexOf(';')]);
    }

    private static HttpClient CopiedClient(CoverageAppFactory app, string cookie)
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        return client;
    }

    private static async Task SignOutAsync(HttpClient client)
    {
        var token = await TestAccounts.AntiforgeryTokenAsync(client, "/");
        var signedOut = await client.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
    }

    private CoverageAppFactory Start()
    {
        var app = new CoverageAppFactory(databasePath);
        apps.Add(app);
        return app;
    }

    public void Dispose()
    {
        foreach (var app in apps) app.Dispose();
        CoverageAppFactory.DeleteDatabase(databasePath);
    }
}
