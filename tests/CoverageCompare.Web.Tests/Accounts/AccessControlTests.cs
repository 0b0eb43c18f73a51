using System.Net;
using System.Net.Http.Json;
using CoverageCompare.Data.Annotations;
using CoverageCompare.Data.CheckLists;
using CoverageCompare.Data.Stories;
using CoverageCompare.Data.Workspaces;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CoverageCompare.Web.Tests.Accounts;

public enum Who { Anonymous, Outsider, Viewer, Commenter, Editor, Owner }

/// <summary>
/// Walks every route of the app as each kind of person and checks the status against the table below. A route
/// added without a row here fails <see cref="EveryRouteHasARow"/>, so the table cannot fall behind the app.
/// </summary>
public sealed class AccessControlTests(AccessControlTests.Team team) : IClassFixture<AccessControlTests.Team>
{
    // Columns: anonymous, member of another workspace, viewer, commenter, editor, owner. The story lives in the owner's private workspace.
    private static readonly AccessCase[] Table =
    [
        new("GET", "/api/stories/", "200 200 200 200 200 200", _ => Get("/api/stories")),
        new("POST", "/api/stories/", "401 404 403 403 201 201", f => Json(HttpMethod.Post, "/api/stories", new { title = "New", workspaceId = f.WorkspaceId })),
        new("GET", "/api/stories/{storyId:int}", "404 404 200 200 200 200", f => Get($"/api/stories/{f.StoryId}")),
        new("GET", "/api/stories/{storyId:int}/articles/{articleId:int}", "404 404 200 200 200 200", f => Get($"/api/stories/{f.StoryId}/articles/{f.ArticleId}")),
        new("POST", "/api/stories/{storyId:int}/articles", "404 404 403 403 201 201",
            f => Json(HttpMethod.Post, $"/api/stories/{f.StoryId}/articles", new { fileName = "new.txt", content = "A third outlet reported the vote on Tuesday." })),
        new("GET", "/api/stories/{storyId:int}/annotations/", "404 404 200 200 200 200", f => Get($"/api/stories/{f.StoryId}/annotations")),
        new("POST", "/api/stories/{storyId:int}/annotations/", "404 404 403 201 201 201",
            f => Json(HttpMethod.Post, $"/api/stories/{f.StoryId}/annotations", new { articleId = f.ArticleId, start = 0, end = 10, note = "Checked." })),
        new("GET", "/api/stories/{storyId:int}/annotations/export/{format}", "404 404 200 200 200 200", f => Get($"/api/stories/{f.StoryId}/annotations/export/csv")),
        new("POST", "/api/stories/{storyId:int}/annotations/import", "404 404 403 403 400 400",
            f => Json(HttpMethod.Post, $"/api/stories/{f.StoryId}/annotations/import", new { items = "not an annotation collection" })),
        new("GET", "/api/annotations/{id:guid}/", "404 404 200 200 200 200", f => Get($"/api/annotations/{f.AnnotationId}")),
        new("PUT", "/api/annotations/{id:guid}/", "404 404 403 200 200 200",
            f => Json(HttpMethod.Put, $"/api/annotations/{f.AnnotationId}", new { note = "Edited.", version = 1 })),
        new("POST", "/api/annotations/{id:guid}/delete", "404 404 403 200 200 200", f => Json(HttpMethod.Post, $"/api/annotations/{f.AnnotationId}/delete", new { version = 1 })),
        new("POST", "/api/annotations/{id:guid}/restore", "404 404 403 400 400 400", f => Json(HttpMethod.Post, $"/api/annotations/{f.AnnotationId}/restore", new { version = 1 })),
        new("POST", "/api/annotations/{id:guid}/resolve", "404 404 403 200 200 200", f => Json(HttpMethod.Post, $"/api/annotations/{f.AnnotationId}/resolve", new { version = 1 })),
        new("POST", "/api/annotations/{id:guid}/reopen", "404 404 403 400 400 400", f => Json(HttpMethod.Post, $"/api/annotations/{f.AnnotationId}/reopen", new { version = 1 })),
        new("POST", "/api/annotations/{id:guid}/replies", "404 404 403 201 201 201", f => Json(HttpMethod.Post, $"/api/annotations/{f.AnnotationId}/replies", new { note = "Agreed." })),
        new("GET", "/api/annotations/{id:guid}/history", "404 404 200 200 200 200", f => Get($"/api/annotations/{f.AnnotationId}/history")),
        new("GET", "/api/annotation-labels/", "200 200 200 200 200 200", _ => Get("/api/annotation-labels")),
        new("PUT", "/api/annotation-labels/", "401 403 403 403 403 403", _ => Json(HttpMethod.Put, "/api/annotation-labels", new { labels = new[] { "True", "False" } })),
        new("GET", "/api/stories/{storyId:int}/framing.csv", "404 404 200 200 200 200", f => Get($"/api/stories/{f.StoryId}/framing.csv")),
        new("GET", "/api/stories/{storyId:int}/framing/handout.html", "404 404 200 200 200 200", f => Get($"/api/stories/{f.StoryId}/framing/handout.html")),
        new("GET", "/api/stories/{storyId:int}/framing/handout.md", "404 404 200 200 200 200", f => Get($"/api/stories/{f.StoryId}/framing/handout.md")),
        new("GET", "/api/workspaces/", "401 200 200 200 200 200", _ => Get("/api/workspaces")),
        new("POST", "/api/workspaces/", "401 201 201 201 201 201", _ => Json(HttpMethod.Post, "/api/workspaces", new { name = "Another desk" })),
        new("GET", "/api/workspaces/{workspaceId:int}/members", "401 404 200 200 200 200", f => Get($"/api/workspaces/{f.WorkspaceId}/members")),
        new("PUT", "/api/workspaces/{workspaceId:int}/members/{userId}", "401 403 403 403 403 204",
            f => Json(HttpMethod.Put, $"/api/workspaces/{f.WorkspaceId}/members/{f.Team.Viewer.UserId}", new { role = "Viewer" })),
        new("DELETE", "/api/workspaces/{workspaceId:int}/members/{userId}", "401 403 403 403 403 204",
            f => new HttpRequestMessage(HttpMethod.Delete, $"/api/workspaces/{f.WorkspaceId}/members/{f.Team.Spare.UserId}")),
        new("POST", "/api/workspaces/{workspaceId:int}/invitations", "401 403 403 403 403 200",
            f => Json(HttpMethod.Post, $"/api/workspaces/{f.WorkspaceId}/invitations", new { role = "Commenter", validForDays = 7 })),
        new("POST", "/api/workspaces/{workspaceId:int}/invitations/accept", "401 400 400 400 400 400",
            f => Json(HttpMethod.Post, $"/api/workspaces/{f.WorkspaceId}/invitations/accept", new { token = "not-a-real-token" })),
        new("POST", "/account/logout", "400 400 400 400 400 400", _ => new HttpRequestMessage(HttpMethod.Post, "/account/logout") { Content = new FormUrlEncodedContent([]) }),
        new("ANY", "/healthz", "200 200 200 200 200 200", _ => Get("/healthz")),
        new("DELETE", "/api/stories/{storyId:int}/articles/{articleId:int}", "404 404 403 403 204 204", f => new(HttpMethod.Delete, $"/api/stories/{f.StoryId}/articles/{f.ArticleId}")),
        new("POST", "/api/stories/{storyId:int}/articles/from-url", "404 404 403 403 400 400",
            f => Json(HttpMethod.Post, $"/api/stories/{f.StoryId}/articles/from-url", new { url = "http://10.0.0.1/private" })),
        new("GET", "/api/stories/{storyId:int}/checklist", "404 404 200 200 200 200", f => Get($"/api/stories/{f.StoryId}/checklist")),
        new("POST", "/api/stories/{storyId:int}/checklist", "404 404 403 403 201 201",
            f => Json(HttpMethod.Post, $"/api/stories/{f.StoryId}/checklist", new { articleId = f.ArticleId, start = 4, end = 11 })),
        new("GET", "/api/checklist/{itemId:int}/", "404 404 200 200 200 200", f => Get($"/api/checklist/{f.CheckItemId}")),
        new("PUT", "/api/checklist/{itemId:int}/", "404 404 403 403 200 200",
            f => Json(HttpMethod.Put, $"/api/checklist/{f.CheckItemId}", new { status = "In progress", dueOn = "2026-12-24", version = 1 })),
        new("DELETE", "/api/checklist/{itemId:int}/", "404 404 403 403 200 200", f => new(HttpMethod.Delete, $"/api/checklist/{f.CheckItemId}?version=1")),
        new("GET", "/api/checklist/{itemId:int}/history", "404 404 200 200 200 200", f => Get($"/api/checklist/{f.CheckItemId}/history")),
        new("POST", "/api/checklist/{itemId:int}/tasks", "404 404 403 403 200 200",
            f => Json(HttpMethod.Post, $"/api/checklist/{f.CheckItemId}/tasks", new { text = "Ask the clerk", version = 1 })),
        new("POST", "/api/checklist/{itemId:int}/tasks/{taskId:int}", "404 404 403 403 200 200",
            f => Json(HttpMethod.Post, $"/api/checklist/{f.CheckItemId}/tasks/{f.CheckTaskId}", new { done = true, version = 1 })),
        new("POST", "/api/checklist/{itemId:int}/publish", "404 404 403 403 400 400", f => Json(HttpMethod.Post, $"/api/checklist/{f.CheckItemId}/publish", new { version = 1 })),
        new("POST", "/api/checklist/{itemId:int}/unpublish", "404 404 403 403 400 400", f => Json(HttpMethod.Post, $"/api/checklist/{f.CheckItemId}/unpublish", new { version = 1 })),
        new("GET", "/api/workspaces/{workspaceId:int}/check-statuses", "404 404 200 200 200 200", f => Get($"/api/workspaces/{f.WorkspaceId}/check-statuses")),
        new("PUT", "/api/workspaces/{workspaceId:int}/check-statuses", "404 404 403 403 403 200",
            f => Json(HttpMethod.Put, $"/api/workspaces/{f.WorkspaceId}/check-statuses", new { statuses = CheckListLimits.DefaultStatuses })),
        new("GET", "/factchecks/{slug}", "200 200 200 200 200 200", f => Get($"/factchecks/{f.PublishedSlug}")),
        new("PAGE", "/stories/{StoryId:int}/checklist", "200 200 200 200 200 200", f => Get($"/stories/{f.StoryId}/checklist")),
        new("PAGE", "/", "200 200 200 200 200 200", _ => Get("/")),
        new("PAGE", "/stories/{StoryId:int}", "200 200 200 200 200 200", f => Get($"/stories/{f.StoryId}")),
        new("PAGE", "/stories/{StoryId:int}/matrix", "200 200 200 200 200 200", f => Get($"/stories/{f.StoryId}/matrix")),
        new("PAGE", "/stories/{StoryId:int}/framing", "200 200 200 200 200 200", f => Get($"/stories/{f.StoryId}/framing?claim=c1")),
        new("PAGE", "/stories/{StoryId:int}/agreement", "200 200 200 200 200 200", f => Get($"/stories/{f.StoryId}/agreement")),
        new("PAGE", "/workspaces", "302 200 200 200 200 200", _ => Get("/workspaces")),
        new("PAGE", "/workspaces/{WorkspaceId:int}", "302 200 200 200 200 200", f => Get($"/workspaces/{f.WorkspaceId}")),
        new("PAGE", "/workspaces/{WorkspaceId:int}/agreement", "302 200 200 200 200 200", f => Get($"/workspaces/{f.WorkspaceId}/agreement")),
        new("PAGE", "/invite/{WorkspaceId:int}/{Token}", "200 200 200 200 200 200", f => Get($"/invite/{f.WorkspaceId}/not-a-real-token")),
        new("PAGE", "/account/login", "200 200 200 200 200 200", _ => Get("/account/login")),
        new("PAGE", "/account/register", "200 200 200 200 200 200", _ => Get("/account/register")),
        new("PAGE", "/account/password", "302 200 200 200 200 200", _ => Get("/account/password")),
        new("PAGE", "/error", "200 200 200 200 200 200", _ => Get("/error")),
        new("PAGE", "/not-found", "200 200 200 200 200 200", _ => Get("/not-found")),
    ];

    public static TheoryData<string, string, Who> Cases()
    {
        var cases = new TheoryData<string, string, Who>();
        foreach (var row in Table)
            foreach (var who in Enum.GetValues<Who>())
                cases.Add(row.Method, row.Pattern, who);
        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task EachRouteAnswersEachPersonAsTheTableSays(string method, string pattern, Who who)
    {
        var row = Table.Single(r => r.Method == method && r.Pattern == pattern);
        var fixture = await team.NewStoryAsync();
        using var request = row.Request(fixture);
        var response = await team.Client(who).SendAsync(request);

        Assert.True(row.Expected(who) == (int)response.StatusCode,
            $"{method} {pattern} as {who}: expected {row.Expected(who)}, got {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    [Fact]
    public void EveryRouteHasARow()
    {
        var routes = team.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && !raw.StartsWith("/_", StringComparison.Ordinal) && !IsStaticAsset(e))
            .SelectMany(e => e.Metadata.GetMetadata<ComponentTypeMetadata>() is not null
                ? ["PAGE " + e.RoutePattern.RawText]
                : (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["ANY"]).Select(m => $"{m} {e.RoutePattern.RawText}"))
            .ToHashSet();
        var rows = Table.Select(r => $"{r.Method} {r.Pattern}").ToHashSet();

        Assert.Empty(routes.Except(rows).Order());
        Assert.Empty(rows.Except(routes).Order());
    }

    [Fact]
    public async Task TheStoryPageShowsAPrivateStoryOnlyToMembers()
    {
        var fixture = await team.NewStoryAsync();
        foreach (var (who, view) in Enum.GetValues<Who>().SelectMany(who => new[] { "", "/matrix", "/framing", "/agreement", "/checklist" }.Select(view => (who, view))))
        {
            var page = await team.Client(who).GetStringAsync($"/stories/{fixture.StoryId}{view}");
            var member = who is not (Who.Anonymous or Who.Outsider);
            Assert.True(member == page.Contains(AccessFixture.Title, StringComparison.Ordinal), $"{who} {(member ? "cannot" : "can")} see the story{view}");
            Assert.True(member != page.Contains("Story not found", StringComparison.Ordinal), who + view);
        }
    }

    [Fact]
    public async Task AWorkspacesAgreementIsShownOnlyToItsMembers()
    {
        var fixture = await team.NewStoryAsync();
        foreach (var who in Enum.GetValues<Who>().Where(w => w != Who.Anonymous))
        {
            var page = await team.Client(who).GetStringAsync($"/workspaces/{fixture.WorkspaceId}/agreement");
            var member = who != Who.Outsider;
            Assert.True(member != page.Contains("Workspace not found", StringComparison.Ordinal), who.ToString());
            Assert.True(member == page.Contains("data-testid=\"agreement-workspace\"", StringComparison.Ordinal), who.ToString());
        }
    }

    // Static files (and the development-time fallback for them) are public by design.
    private static bool IsStaticAsset(RouteEndpoint endpoint) =>
        endpoint.RoutePattern.RawText!.Contains('.') && endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.SequenceEqual(["GET", "HEAD"]) == true
        || endpoint.RoutePattern.RawText == "{**path:file}"
        || endpoint.DisplayName?.Contains("StaticAsset", StringComparison.OrdinalIgnoreCase) == true;

    private static HttpRequestMessage Get(string path) => new(HttpMethod.Get, path);

    private static HttpRequestMessage Json(HttpMethod method, string path, object body) => new(method, path) { Content = JsonContent.Create(body) };

    public sealed record AccessCase(string Method, string Pattern, string Statuses, Func<AccessFixture, HttpRequestMessage> Request)
    {
        public int Expected(Who who) => int.Parse(Statuses.Split(' ')[(int)who]);
    }

    /// <summary>A private workspace with one member of each role, an outsider, and clients signed in as each.</summary>
    public sealed class Team : IAsyncLifetime
    {
        private readonly Dictionary<Who, HttpClient> clients = [];

        public CoverageAppFactory Factory { get; } = new();

        public TestAccount Owner { get; private set; } = default!;

        public TestAccount Viewer { get; private set; } = default!;

        /// <summary>A member who is only there to be removed.</summary>
        public TestAccount Spare { get; private set; } = default!;

        private TestAccount Commenter { get; set; } = default!;

        public HttpClient Client(Who who) => clients[who];

        public async Task InitializeAsync()
        {
            // Registered first, so the public demo workspace's ownership goes to someone outside this table.
            await Factory.CreateAccountAsync("Install admin");
            Owner = await Factory.CreateAccountAsync("Olga Owner");
            var editor = await Factory.CreateAccountAsync("Eddie Editor");
            Commenter = await Factory.CreateAccountAsync("Cora Commenter");
            Viewer = await Factory.CreateAccountAsync("Vic Viewer");
            var outsider = await Factory.CreateAccountAsync("Otto Outsider");
            await Factory.JoinAsync(editor, Owner.WorkspaceId, WorkspaceRole.Editor);
            await Factory.JoinAsync(Commenter, Owner.WorkspaceId, WorkspaceRole.Commenter);
            await Factory.JoinAsync(Viewer, Owner.WorkspaceId, WorkspaceRole.Viewer);

            clients[Who.Anonymous] = Factory.AnonymousClient();
            clients[Who.Outsider] = await Factory.SignedInClientAsync(outsider);
            clients[Who.Viewer] = await Factory.SignedInClientAsync(Viewer);
            clients[Who.Commenter] = await Factory.SignedInClientAsync(Commenter);
            clients[Who.Editor] = await Factory.SignedInClientAsync(editor);
            clients[Who.Owner] = await Factory.SignedInClientAsync(Owner);
        }

        /// <summary>A fresh story for each case, so a delete in one cannot change the answer of another.</summary>
        public async Task<AccessFixture> NewStoryAsync()
        {
            Spare = await Factory.CreateAccountAsync("Sam Spare");
            await Factory.JoinAsync(Spare, Owner.WorkspaceId, WorkspaceRole.Viewer);
            await Factory.JoinAsync(Viewer, Owner.WorkspaceId, WorkspaceRole.Viewer);

            var stories = Factory.Services.GetRequiredService<StoryStore>();
            var storyId = (await stories.CreateAsync(Owner.WorkspaceId, AccessFixture.Title)).Value;
            var details = new ArticleDetails("Harbour Times", "Vote", null, null, new DateOnly(2026, 3, 2));
            var articleId = (await stories.AddArticleAsync(storyId, new ArticleDraft(details, "The council approved the tram on Monday by nine votes to four.", Analysis.Documents.DocumentFormat.Text))).Value;
            var annotation = await Factory.Services.GetRequiredService<AnnotationStore>()
                .CreateAsync(storyId, new NewAnnotation(articleId, 4, 11, null, null, "First note.", Commenter.Name, Commenter.UserId));
            // One item on the check list as it starts, and one published, for the check-list and fact-check rows.
            var checkList = Factory.Services.GetRequiredService<CheckListStore>();
            var item = (await checkList.AddAsync(storyId, new NewCheckItem(articleId, 0, 30), Owner.Name)).Item!;
            var done = (await checkList.AddAsync(storyId, new NewCheckItem(articleId, 31, 61), Owner.Name)).Item!;
            done = (await checkList.EditAsync(done.Id, new CheckItemEdit("Done", null, null, "Accurate", "Checked against the minutes."), Owner.Name, done.Version)).Item!;
            var published = (await checkList.PublishAsync(done.Id, Owner.Name, done.Version)).Item!;
            return new AccessFixture(this, Owner.WorkspaceId, storyId, articleId, annotation.Annotation!.Id, item.Id, item.Tasks[0].Id, published.Slug);
        }

        public async Task DisposeAsync()
        {
            foreach (var client in clients.Values) client.Dispose();
            await Factory.DisposeAsync();
            CoverageAppFactory.DeleteDatabase(Factory.DatabasePath);
        }
    }
}

public sealed record AccessFixture(AccessControlTests.Team Team, int WorkspaceId, int StoryId, int ArticleId, Guid AnnotationId, int CheckItemId = 0, int CheckTaskId = 0, string? PublishedSlug = null)
{
    public const string Title = "Tram vote in a private workspace";
}
