using System.Net;
using System.Net.Http.Json;
using System.Text;
using CoverageCompare.Data.Annotations;
using CoverageCompare.Data.Demo;
using CoverageCompare.Data.Stories;
using CoverageCompare.Data.Workspaces;
using CoverageCompare.Web.Api;

namespace CoverageCompare.Web.Tests.Annotations;

/// <summary>Ada owns the workspace the stories are in and writes through the client; the others join it as the tests need.</summary>
public sealed class AnnotationsApiTests(AppFixture app) : IClassFixture<AppFixture>, IAsyncLifetime
{
    private Team team = null!;
    private HttpClient client = null!;

    public async Task InitializeAsync()
    {
        team = await Team.CreateAsync(app.Factory, "Ada");
        client = team.Client;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task AnAnnotationIsStoredWithItsSelectorsAndListedWithItsReplies()
    {
        var story = await AnnotatedStory.CreateAsync(client, "Threads");
        var annotation = await story.AnnotateAsync(client, story.First, "2.4 million pounds", "inaccurate", "The council says *3 million*.", [" cost ", "Cost", "money"]);

        var bob = await team.MemberAsync("Bob", WorkspaceRole.Commenter);
        var reply = await bob.PostAsJsonAsync($"/api/annotations/{annotation.Id}/replies", new ReplyRequest("The council figure includes VAT."));
        Assert.Equal(HttpStatusCode.Created, reply.StatusCode);
        var threads = await client.GetFromJsonAsync<List<AnnotationView>>($"/api/stories/{story.StoryId}/annotations");

        var thread = Assert.Single(threads!);
        Assert.Equal("Inaccurate", thread.Label);
        Assert.Equal(["cost", "money"], thread.Tags);
        Assert.Equal("2.4 million pounds", thread.Target.Exact);
        Assert.Equal(story.First.Text.IndexOf("2.4 million", StringComparison.Ordinal), thread.Target.Start);
        Assert.Equal("rs to the eastern embankment at ", thread.Target.Prefix);
        Assert.Equal(", and the work should finish by ", thread.Target.Suffix);
        Assert.Equal(1, thread.Version);
        var answer = Assert.Single(thread.Replies);
        Assert.Equal(("Bob", annotation.Id), (answer.Author, answer.ParentId!.Value));
    }

    [Theory]
    [InlineData("empty", "The selection is empty.")]
    [InlineData("range", "outside the article")]
    [InlineData("crossing", "outside the article")]
    [InlineData("other story", "not part of this story")]
    [InlineData("long note", "at most 20,000 characters")]
    [InlineData("label", "\"Dubious\" is not a verdict label")]
    [InlineData("tags", "at most 20 tags")]
    [InlineData("long tag", "A tag is at most 50 characters")]
    public async Task BadInputIsRefusedWithAClearMessageAndNothingIsStored(string problem, string message)
    {
        var story = await AnnotatedStory.CreateAsync(client, "Refusals " + problem);
        var other = await AnnotatedStory.CreateAsync(client, "Elsewhere " + problem);
        var good = AnnotatedStory.Request(story.First, "flood barrier");
        var request = problem switch
        {
            "empty" => good with { End = good.Start },
            "range" => good with { End = story.First.Text.Length + 1 },
            "crossing" => good with { Start = story.First.Text.Length - 5, End = story.First.Text.Length + 20 },
            "other story" => good with { ArticleId = other.First.Id },
            "long note" => good with { Note = new string('n', 20_001) },
            "label" => good with { Label = "Dubious" },
            "tags" => good with { Tags = Enumerable.Range(1, 21).Select(i => $"tag{i}").ToList() },
            "long tag" => good with { Tags = [new string('t', 51)] },
            _ => throw new ArgumentOutOfRangeException(nameof(problem)),
        };

        var response = await client.PostAsJsonAsync($"/api/stories/{story.StoryId}/annotations", request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, (await response.Content.ReadFromJsonAsync<ApiError>())!.Error);
        Assert.Empty((await client.GetFromJsonAsync<List<AnnotationView>>($"/api/stories/{story.StoryId}/annotations?includeDeleted=true"))!);
    }

    [Fact]
    public async Task TheAuthorIsTheSignedInAccountAndNoOneElse()
    {
        var story = await AnnotatedStory.CreateAsync(client, "Authorship");
        var request = AnnotatedStory.Request(story.First, "flood barrier");
        var url = $"/api/stories/{story.StoryId}/annotations";

        var anonymousClient = app.Factory.AnonymousClient();
        var demo = (await anonymousClient.GetFromJsonAsync<List<StorySummary>>("/api/stories"))!.Single(s => s.Title == DemoStory.Title);
        var demoArticle = (await anonymousClient.GetFromJsonAsync<StoryView>($"/api/stories/{demo.Id}"))!.Articles[0];

        var anonymousOnPublic = await anonymousClient.PostAsJsonAsync($"/api/stories/{demo.Id}/annotations", new CreateAnnotationRequest(demoArticle.Id, 0, 5, null, null, "Hello"));
        var anonymousOnPrivate = await anonymousClient.PostAsJsonAsync(url, request);
        var claimed = await client.PostAsJsonAsync(url, new { request.ArticleId, request.Start, request.End, Author = "Mallory" });

        Assert.Equal(HttpStatusCode.Unauthorized, anonymousOnPublic.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, anonymousOnPrivate.StatusCode);
        Assert.Empty((await anonymousClient.GetFromJsonAsync<List<AnnotationView>>($"/api/stories/{demo.Id}/annotations"))!);
        Assert.Equal(HttpStatusCode.Created, claimed.StatusCode);
        Assert.Equal("Ada", (await claimed.Content.ReadFromJsonAsync<AnnotationView>())!.Author);
        Assert.Single((await client.GetFromJsonAsync<List<AnnotationView>>($"{url}?includeDeleted=true"))!);
    }

    [Fact]
    public async Task ANoteOfExactlyTwentyThousandCharactersIsAccepted()
    {
        var story = await AnnotatedStory.CreateAsync(client, "Long note");

        var annotation = await story.AnnotateAsync(client, story.First, "flood barrier", note: new string('n', 20_000));

        Assert.Equal(20_000, annotation.Note.Length);
    }

    [Fact]
    public async Task TheSecondOfTwoEditsFromTheSameVersionIsToldOfTheConflictAndOverwritesNothing()
    {
        var story = await AnnotatedStory.CreateAsync(client, "Conflict");
        var annotation = await story.AnnotateAsync(client, story.First, "flood barrier", "Accurate", "First note");

        var bob = await team.MemberAsync("Bob", WorkspaceRole.Editor);

        var first = await client.PutAsJsonAsync($"/api/annotations/{annotation.Id}", new EditAnnotationRequest("Accurate", [], "Ada's edit", annotation.Version));
        var second = await bob.PutAsJsonAsync($"/api/annotations/{annotation.Id}", new EditAnnotationRequest("Misleading", [], "Bob's edit", annotation.Version));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var conflict = (await second.Content.ReadFromJsonAsync<AnnotationConflict>())!;
        Assert.Contains("Someone else changed this annotation", conflict.Error);
        Assert.Equal(("Ada's edit", "Accurate", 2), (conflict.Current.Note, conflict.Current.Label, conflict.Current.Version));
        var stored = await client.GetFromJsonAsync<AnnotationView>($"/api/annotations/{annotation.Id}");
        Assert.Equal("Ada's edit", stored!.Note);
    }

    [Fact]
    public async Task EditsAndDeletionsKeepAHistoryAndADeletedAnnotationCanBeRestored()
    {
        var story = await AnnotatedStory.CreateAsync(client, "History");
        var annotation = await story.AnnotateAsync(client, story.First, "flood barrier", "Accurate", "Original");
        var url = $"/api/annotations/{annotation.Id}";
        var bob = await team.MemberAsync("Bob", WorkspaceRole.Editor);
        var cleo = await team.MemberAsync("Cleo", WorkspaceRole.Editor);

        var edited = await PutAsync<AnnotationView>(bob, url, new EditAnnotationRequest("Opinion", ["framing"], "Changed", 1));
        var deleted = await PostAsync<AnnotationView>(cleo, url + "/delete", new AnnotationActionRequest(edited.Version));
        var hidden = await client.GetFromJsonAsync<List<AnnotationView>>($"/api/stories/{story.StoryId}/annotations");
        var withDeleted = await client.GetFromJsonAsync<List<AnnotationView>>($"/api/stories/{story.StoryId}/annotations?includeDeleted=true");
        var restored = await PostAsync<AnnotationView>(client, url + "/restore", new AnnotationActionRequest(deleted.Version));
        var history = await client.GetFromJsonAsync<List<AnnotationRevisionView>>(url + "/history");

        Assert.NotNull(deleted.DeletedAt);
        Assert.Empty(hidden!);
        Assert.Single(withDeleted!);
        Assert.Null(restored.DeletedAt);
        Assert.Equal("Changed", restored.Note);
        Assert.Equal(
            [(RevisionAction.Created, "Ada", "Original", (string?)"Accurate"), (RevisionAction.Edited, "Bob", "Changed", "Opinion"),
             (RevisionAction.Deleted, "Cleo", "Changed", "Opinion"), (RevisionAction.Restored, "Ada", "Changed", "Opinion")],
            history!.Select(r => (r.Action, r.Author, r.Note, r.Label)));
        Assert.Equal([1, 2, 3, 4], history!.Select(r => r.Version));
        Assert.Contains("\"action\":\"Restored\"", await client.GetStringAsync(url + "/history"));
    }

    [Fact]
    public async Task AReplyToAReplyJoinsItsThreadButNotOnceTheThreadIsDeleted()
    {
        var story = await AnnotatedStory.CreateAsync(client, "Reply to reply");
        var root = await story.AnnotateAsync(client, story.First, "flood barrier", "Accurate");
        var bob = await team.MemberAsync("Bob", WorkspaceRole.Commenter);
        var cleo = await team.MemberAsync("Cleo", WorkspaceRole.Commenter);
        var dana = await team.MemberAsync("Dana", WorkspaceRole.Commenter);
        var first = await PostCreatedAsync(bob, $"/api/annotations/{root.Id}/replies", new ReplyRequest("First."));

        var second = await PostCreatedAsync(cleo, $"/api/annotations/{first.Id}/replies", new ReplyRequest("Second."));
        await PostAsync<AnnotationView>(client, $"/api/annotations/{root.Id}/delete", new AnnotationActionRequest(root.Version));
        var late = await dana.PostAsJsonAsync($"/api/annotations/{first.Id}/replies", new ReplyRequest("Too late."));

        Assert.Equal(root.Id, second.ParentId);
        Assert.Equal(HttpStatusCode.BadRequest, late.StatusCode);
        Assert.Contains("restore it before replying", (await late.Content.ReadFromJsonAsync<ApiError>())!.Error);
        var thread = Assert.Single((await client.GetFromJsonAsync<List<AnnotationView>>($"/api/stories/{story.StoryId}/annotations?includeDeleted=true"))!);
        Assert.Equal([("First.", "Bob"), ("Second.", "Cleo")], thread.Replies.Select(r => (r.Note, r.Author)));
    }

    [Fact]
    public async Task AThreadCanBeResolvedAndReopened()
    {
        var story = await AnnotatedStory.CreateAsync(client, "Resolve");
        var annotation = await story.AnnotateAsync(client, story.Second, "could run into the autumn", "Unverifiable");
        var url = $"/api/annotations/{annotation.Id}";

        var bob = await team.MemberAsync("Bob", WorkspaceRole.Commenter);

        var resolved = await PostAsync<AnnotationView>(client, url + "/resolve", new AnnotationActionRequest(1));
        var twice = await client.PostAsJsonAsync(url + "/resolve", new AnnotationActionRequest(resolved.Version));
        var reopened = await PostAsync<AnnotationView>(bob, url + "/reopen", new AnnotationActionRequest(resolved.Version));

        Assert.NotNull(resolved.ResolvedAt);
        Assert.Equal(HttpStatusCode.BadRequest, twice.StatusCode);
        Assert.Null(reopened.ResolvedAt);
        Assert.Equal(3, reopened.Version);
    }

    [Fact]
    public async Task AStaleDeleteIsAConflictToo()
    {
        var story = await AnnotatedStory.CreateAsync(client, "Stale delete");
        var annotation = await story.AnnotateAsync(client, story.First, "flood barrier");
        await PutAsync<AnnotationView>(await team.MemberAsync("Bob", WorkspaceRole.Editor), $"/api/annotations/{annotation.Id}", new EditAnnotationRequest(null, [], "Edited", 1));

        var response = await client.PostAsJsonAsync($"/api/annotations/{annotation.Id}/delete", new AnnotationActionRequest(1));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Single((await client.GetFromJsonAsync<List<AnnotationView>>($"/api/stories/{story.StoryId}/annotations"))!);
    }

    [Fact]
    public async Task UnknownAnnotationsAreNotFound()
    {
        var id = Guid.NewGuid();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/annotations/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PutAsJsonAsync($"/api/annotations/{id}", new EditAnnotationRequest(null, [], "x", 1))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsJsonAsync($"/api/annotations/{id}/replies", new ReplyRequest("x"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/annotations/{id}/history")).StatusCode);
    }

    [Theory]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("text/plain")]
    [InlineData("multipart/form-data; boundary=x")]
    public async Task WritesAcceptOnlyJsonBodies(string contentType)
    {
        var story = await AnnotatedStory.CreateAsync(client, "Content type " + contentType);
        var json = System.Text.Json.JsonSerializer.Serialize(AnnotatedStory.Request(story.First, "flood barrier"));

        var created = await client.PostAsync($"/api/stories/{story.StoryId}/annotations", Body(json, contentType));
        var imported = await client.PostAsync($"/api/stories/{story.StoryId}/annotations/import", Body("{}", contentType));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, created.StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, imported.StatusCode);
        Assert.Empty((await client.GetFromJsonAsync<List<AnnotationView>>($"/api/stories/{story.StoryId}/annotations"))!);
    }

    private static StringContent Body(string content, string contentType)
    {
        var body = new StringContent(content, Encoding.UTF8);
        body.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
        return body;
    }

    private static async Task<T> PutAsync<T>(HttpClient client, string url, object body)
    {
        var response = await client.PutAsJsonAsync(url, body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<T>())!;
    }

    private static async Task<AnnotationView> PostCreatedAsync(HttpClient client, string url, object body)
    {
        var response = await client.PostAsJsonAsync(url, body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<AnnotationView>())!;
    }

    private static async Task<T> PostAsync<T>(HttpClient client, string url, object body)
    {
        var response = await client.PostAsJsonAsync(url, body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<T>())!;
    }
}
