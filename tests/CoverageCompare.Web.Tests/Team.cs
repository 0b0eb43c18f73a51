using Microsoft.AspNetCore.Mvc.Testing;
using CoverageCompare.Data.Workspaces;

namespace CoverageCompare.Web.Tests;

/// <summary>
/// People working on stories together, each with a signed-in client: the first owns the workspace that the stories a
/// test creates go into, and the others join that workspace with a role.
/// </summary>
public sealed class Team
{
    private readonly WebApplicationFactory<Program> factory;
    private readonly Dictionary<string, HttpClient> clients = [];

    private Team(WebApplicationFactory<Program> factory, TestAccount owner, HttpClient client)
    {
        this.factory = factory;
        Owner = owner;
        clients[owner.Name] = client;
    }

    public TestAccount Owner { get; }

    /// <summary>The owner's client, which creates the stories.</summary>
    public HttpClient Client => clients[Owner.Name];

    public int WorkspaceId => Owner.WorkspaceId;

    public static async Task<Team> CreateAsync(WebApplicationFactory<Program> factory, string owner = "Ada")
    {
        var (account, client) = await factory.SignedInAccountAsync(owner);
        return new Team(factory, account, client);
    }

    /// <summary>The client of the member of that name, who joins the owner's workspace with the role the first time.</summary>
    public async Task<HttpClient> MemberAsync(string name, WorkspaceRole role = WorkspaceRole.Editor)
    {
        if (clients.TryGetValue(name, out var existing)) return existing;
        var (account, client) = await factory.SignedInAccountAsync(name);
        await factory.JoinAsync(account, WorkspaceId, role);
        return clients[name] = client;
    }
}
