using System.Net;
using System.Net.Http.Json;
using CoverageCompare.Data.Annotations;
using CoverageCompare.Data.Workspaces;
using CoverageCompare.Web.Api;

namespace CoverageCompare.Web.Tests.Annotations;

/// <summary>The labels belong to the whole install, so the client here is an administrator's: an owner of the Demo workspace.</summary>
public sealed class VerdictLabelsApiTests(AppFixture app) : IClassFixture<AppFixture>, IAsyncLifetime
{
    private HttpClient client = null!;

    public async Task InitializeAsync()
    {
        var (admin, adminClient) = await app.Factory.SignedInAccountAsync("Ada");
        await app.Factory.JoinAsync(admin, Workspace.DemoId, WorkspaceRole.Owner);
        client = adminClient;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task TheDefaultsAreEditableButALabelInUseCannotBeRemoved()
    {
        var defaults = await client.GetFromJsonAsync<List<string>>("/api/annotation-labels");
        var story = await AnnotatedStory.CreateAsync(client, "Labels");
        await story.AnnotateAsync(client, story.First, "flood barrier", "Opinion");

        var removeInUse = await client.PutAsJsonAsync("/api/annotation-labels", new LabelsRequest(["Accurate", "Inaccurate"]));
        var reorder = await client.PutAsJsonAsync("/api/annotation-labels", new LabelsRequest(["Opinion", "Accurate", "Satire", "Inaccurate"]));
        var withNew = await story.AnnotateAsync(client, story.Second, "survived the storm", "satire");

        Assert.Equal(["Accurate", "Inaccurate", "Misleading", "Missing context", "Unverifiable", "Opinion"], defaults);
        Assert.Equal(HttpStatusCode.BadRequest, removeInUse.StatusCode);
        Assert.Contains("\"Opinion\"", (await removeInUse.Content.ReadFromJsonAsync<ApiError>())!.Error);
        Assert.Equal(HttpStatusCode.OK, reorder.StatusCode);
        Assert.Equal(["Opinion", "Accurate", "Satire", "Inaccurate"], await client.GetFromJsonAsync<List<string>>("/api/annotation-labels"));
        Assert.Equal("Satire", withNew.Label);
        var removed = await client.PostAsJsonAsync($"/api/stories/{story.StoryId}/annotations", AnnotatedStory.Request(story.Second, "officials confirmed", "Misleading"));
        Assert.Equal(HttpStatusCode.BadRequest, removed.StatusCode);
    }

    [Fact]
    public async Task OnlyAnAdministratorChangesTheLabels()
    {
        var before = await client.GetFromJsonAsync<List<string>>("/api/annotation-labels");
        var (member, editor) = await app.Factory.SignedInAccountAsync("Bob");
        await app.Factory.JoinAsync(member, Workspace.DemoId, WorkspaceRole.Editor);

        var anonymous = await app.Factory.AnonymousClient().PutAsJsonAsync("/api/annotation-labels", new LabelsRequest(["Accurate"]));
        var notOwner = await editor.PutAsJsonAsync("/api/annotation-labels", new LabelsRequest(["Accurate"]));

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, notOwner.StatusCode);
        Assert.Equal(before, await app.Factory.AnonymousClient().GetFromJsonAsync<List<string>>("/api/annotation-labels"));
    }

    [Theory]
    [InlineData(new string[0], "at least one")]
    [InlineData(new[] { "Accurate", "accurate" }, "twice")]
    [InlineData(new[] { "Accurate", " " }, "needs a name")]
    public async Task BadLabelListsAreRefused(string[] labels, string message)
    {
        var before = await client.GetFromJsonAsync<List<string>>("/api/annotation-labels");

        var response = await client.PutAsJsonAsync("/api/annotation-labels", new LabelsRequest(labels));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, (await response.Content.ReadFromJsonAsync<ApiError>())!.Error);
        Assert.Equal(before, await client.GetFromJsonAsync<List<string>>("/api/annotation-labels"));
    }

    [Fact]
    public async Task ALabelLongerThanFiftyCharactersIsRefused()
    {
        var response = await client.PutAsJsonAsync("/api/annotation-labels", new LabelsRequest([new string('x', AnnotationLimits.LabelLength + 1)]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
