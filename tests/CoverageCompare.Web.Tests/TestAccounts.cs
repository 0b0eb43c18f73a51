using System.Net;
using System.Text.RegularExpressions;
using CoverageCompare.Data;
using CoverageCompare.Data.Accounts;
using CoverageCompare.Data.Workspaces;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoverageCompare.Web.Tests;

/// <summary>An account made for a test, with the workspace of its own that registration gives everyone.</summary>
public sealed record TestAccount(string UserId, string Name, string Email, string Password, int WorkspaceId);

/// <summary>Makes accounts and signs clients in through the real sign-in form, antiforgery token and all.</summary>
public static partial class TestAccounts
{
    public const string Password = "correct horse battery";

    public static async Task<TestAccount> CreateAccountAsync(this WebApplicationFactory<Program> factory, string name)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var email = $"{name.ToLowerInvariant().Replace(' ', '.')}.{Guid.NewGuid():N}@example.test";
        var user = new AppUser { UserName = email, Email = email, DisplayName = name };
        var created = await users.CreateAsync(user, Password);
        Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(e => e.Description)));
        var workspaceId = await scope.ServiceProvider.GetRequiredService<WorkspaceStore>().SetUpNewAccountAsync(user.Id, name);
        return new TestAccount(user.Id, name, email, Password, workspaceId);
    }

    /// <summary>Puts the account into a workspace with a role, as an accepted invitation would.</summary>
    public static async Task JoinAsync(this WebApplicationFactory<Program> factory, TestAccount account, int workspaceId, WorkspaceRole role)
    {
        var dbFactory = factory.Services.GetRequiredService<IDbContextFactory<CoverageDbContext>>();
        await using var db = await dbFactory.CreateDbContextAsync();
        var member = await db.WorkspaceMembers.FindAsync(workspaceId, account.UserId);
        if (member is null) db.WorkspaceMembers.Add(new WorkspaceMember { WorkspaceId = workspaceId, UserId = account.UserId, Role = role, JoinedAt = DateTime.UtcNow });
        else member.Role = role;
        await db.SaveChangesAsync();
    }

    public static HttpClient AnonymousClient(this WebApplicationFactory<Program> factory) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public static async Task<HttpClient> SignedInClientAsync(this WebApplicationFactory<Program> factory, TestAccount account)
    {
        var client = factory.AnonymousClient();
        var response = await SignInAsync(client, account.Email, account.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>A new account, signed in: the usual way a test gets a client that may write.</summary>
    public static async Task<(TestAccount Account, HttpClient Client)> SignedInAccountAsync(this WebApplicationFactory<Program> factory, string name)
    {
        var account = await factory.CreateAccountAsync(name);
        return (account, await factory.SignedInClientAsync(account));
    }

    public static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password)
    {
        var token = await AntiforgeryTokenAsync(client, "/account/login");
        return await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = token,
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        }));
    }

    public static async Task<HttpResponseMessage> RegisterAsync(HttpClient client, string name, string email, string password, string tokenPath = "/account/register")
    {
        var token = await AntiforgeryTokenAsync(client, tokenPath);
        return await client.PostAsync("/account/register", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "register",
            ["__RequestVerificationToken"] = token,
            ["Input.DisplayName"] = name,
            ["Input.Email"] = email,
            ["Input.Password"] = password,
            ["Input.ConfirmPassword"] = password,
        }));
    }

    public static async Task<string> AntiforgeryTokenAsync(HttpClient client, string path)
    {
        var page = await client.GetStringAsync(path);
        var match = TokenField().Match(page);
        Assert.True(match.Success, $"{path} has no antiforgery token");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
