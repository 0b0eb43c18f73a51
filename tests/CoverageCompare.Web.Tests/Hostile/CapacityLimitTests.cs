using System.Net;
using System.Net.Http.Json;
using CoverageCompare.Data.Annotations;
using CoverageCompare.Data.Stories;
using CoverageCompare.Data.Workspaces;
using CoverageCompare.Web.Api;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace CoverageCompare.Web.Tests.Hostile;

/// <summary>
/// Issue 13, finding 8: one import added 15,000 annotations and stories and workspaces had no limit. The limits are
/// configurable (section Limits); here they are set low so the test reaches them.
/// </summary>
public sealed class CapacityLimitTests : IAsyncLifetime
{
    private readonly CoverageAppFactory factory = new();
    private Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> app = default!;

    public async Task InitializeAsync()
    {
        app = factory.WithWebHostBuilder(b => b
            .UseSetting("Limits:MaxAnnotationsPerStory", "4")
            .UseSetting("Limits:MaxAnnotationsPerImport", "3")
            .UseSetting("Limits:MaxStoriesPerWorkspace", "2")
            .UseSetting("Limits:MaxWorkspacesPerAccount", "2"));
        // First, so the Demo workspace's ownership goes to someone outside these tests.
        await app.CreateAccountAsync("Install admin");
    }

    public async Task DisposeAsync()
    {
        await app.DisposeAsync();
        await factory.DisposeAsync();
        CoverageAppFactory.DeleteDatabase(factory.DatabasePath);
    }

    [Fact]
    public async Task AStoryStopsTakingAnnotationsAtItsLimitAndAnImportOverItsLimitAddsNothing()
    {
        var (owner, client) = await app.SignedInAccountAsync("Lim Owner");
        var stories = app.Services.GetRequiredService<StoryStore>();
        var storyId = (await stories.CreateAsync(owner.WorkspaceId, "Full")).Value;
        var articleId = (await stories.AddArticleAsync(storyId, new ArticleDraft(new ArticleDetails("Cap Times", "Cap", null, null, null),
            "The council approved the tram line on Monday after a long debate.", Analysis.Documents.DocumentFormat.Text))).Value;
        var annotations = app.Services.GetRequiredService<AnnotationStore>();

        var tooMany = Enumerable.Range(0, 4).Select(i => new ImportedAnnotation(Guid.NewGuid(), null, articleId, 4, 11, "council", "The ", " approved",
            null, [], $"Imported {i}.", "Someone", DateTime.UtcNow)).ToList();
        var import = await annotations.ImportAsync(storyId, tooMany, owner.Name, owner.UserId);
        Assert.Contains("at most 3", import.Error);
        // The way in: a JSON-LD file through the API.
        var file = new StringContent(JsonLd(storyId, articleId, 4), System.Text.Encoding.UTF8, "application/ld+json");
        var apiImport = await client.PostAsync($"/api/stories/{storyId}/annotations/import", file);
        Assert.Equal(HttpStatusCode.BadRequest, apiImport.StatusCode);
        Assert.Contains("one import adds at most 3", (await apiImport.Content.ReadFromJsonAsync<ApiError>())!.Error);
        Assert.Empty(await annotations.ListAsync(storyId, includeDeleted: true));

        for (var i = 0; i < 4; i++)
            Assert.Equal(ChangeStatus.Ok, (await annotations.CreateAsync(storyId, new NewAnnotation(articleId, 4, 11, null, null, $"Note {i}.", owner.Name, owner.UserId))).Status);
        var fifth = await client.PostAsJsonAsync($"/api/stories/{storyId}/annotations", new { articleId, start = 4, end = 11, note = "One too many." });

        Assert.Equal(HttpStatusCode.BadRequest, fifth.StatusCode);
        Assert.Contains("at most 4 annotations", await fifth.Content.ReadAsStringAsync());
        Assert.Equal(4, (await annotations.ListAsync(storyId)).Count);
    }

    [Fact]
    public async Task AWorkspaceHoldsALimitedNumberOfStoriesAndAnAccountOwnsALimitedNumberOfWorkspaces()
    {
        var (_, client) = await app.SignedInAccountAsync("Lim Creator");

        // The account's own workspace counts: one more reaches the limit of 2.
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/workspaces", new { name = "Second" })).StatusCode);
        var third = await client.PostAsJsonAsync("/api/workspaces", new { name = "Third" });
        Assert.Equal(HttpStatusCode.BadRequest, third.StatusCode);
        Assert.Contains("own 2 workspaces", (await third.Content.ReadFromJsonAsync<ApiError>())!.Error);

        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/stories", new CreateStoryRequest("One"))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/stories", new CreateStoryRequest("Two"))).StatusCode);
        var full = await client.PostAsJsonAsync("/api/stories", new CreateStoryRequest("Three"));
        Assert.Equal(HttpStatusCode.BadRequest, full.StatusCode);
        Assert.Contains("at most 2 stories", (await full.Content.ReadFromJsonAsync<ApiError>())!.Error);
    }

    private static string JsonLd(int storyId, int articleId, int count) => System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, object>
    {
        ["@context"] = "http://www.w3.org/ns/anno.jsonld",
        ["type"] = "AnnotationPage",
        ["items"] = Enumerable.Range(0, count).Select(_ => new Dictionary<string, object>
        {
            ["id"] = $"https://elsewhere.example/api/annotations/{Guid.NewGuid()}",
            ["type"] = "Annotation",
            ["body"] = new { type = "TextualBody", value = "Bulk." },
            ["target"] = new Dictionary<string, object>
            {
                ["source"] = $"https://elsewhere.example/api/stories/{storyId}/articles/{articleId}",
                ["selector"] = new { type = "TextQuoteSelector", exact = "council" },
            },
        }).ToList(),
    });
}
