using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CoverageCompare.Data.Annotations;
using CoverageCompare.Data.Workspaces;
using CoverageCompare.Web.Api;

namespace CoverageCompare.Web.Tests.Annotations;

/// <summary>Ada owns the workspace the stories are in, so she may import annotations into them.</summary>
public sealed class AnnotationImportTests(AppFixture app) : IClassFixture<AppFixture>, IAsyncLifetime
{
    private HttpClient client = null!;

    public async Task InitializeAsync() => client = (await Team.CreateAsync(app.Factory, "Ada")).Client;

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task AnExportImportedIntoAnotherInstallationExportsTheSameAnnotationsAsTheImportersWithTheirOrigin()
    {
        var sourcePath = CoverageAppFactory.NewDatabasePath();
        var targetPath = CoverageAppFactory.NewDatabasePath();
        try
        {
            byte[] exported;
            using (var source = new CoverageAppFactory(sourcePath))
            {
                var team = await Team.CreateAsync(source, "Ada");
                var from = team.Client;
                var bob = await team.MemberAsync("Bob", WorkspaceRole.Commenter);
                var cleo = await team.MemberAsync("Cleo", WorkspaceRole.Commenter);
                var story = await AnnotatedStory.CreateAsync(from, "Round trip");
                var root = await story.AnnotateAsync(from, story.First, "2.4 million pounds", "Inaccurate", "Says **3 million** — see [the minutes](https://example.org/m).", ["cost", "money"]);
                Assert.Equal(HttpStatusCode.Created, (await bob.PostAsJsonAsync($"/api/annotations/{root.Id}/replies", new ReplyRequest("Agreed."))).StatusCode);
                Assert.Equal(HttpStatusCode.Created, (await cleo.PostAsJsonAsync($"/api/annotations/{root.Id}/replies", new ReplyRequest("Not quite: VAT."))).StatusCode);
                await story.AnnotateAsync(cleo, story.Second, "had not been warned", note: "Ask the council.");
                await story.AnnotateAsync(from, story.Second, "survived the storm");
                exported = await GetJsonLdAsync(from, $"/api/stories/{story.StoryId}/annotations");
            }

            using var target = new CoverageAppFactory(targetPath);
            var to = (await Team.CreateAsync(target, "Eve")).Client;
            var copy = await AnnotatedStory.CreateAsync(to, "Round trip");
            var imported = await ImportAsync(to, copy.StoryId, exported);
            var reExported = await GetJsonLdAsync(to, $"/api/stories/{copy.StoryId}/annotations");

            Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
            Assert.Equal(5, (await imported.Content.ReadFromJsonAsync<ImportResult>())!.Imported);
            // Same ids, targets and bodies; the creator is now the importer (issue 13), and "via" names where each came from.
            var before = Items(exported);
            var after = Items(reExported);
            Assert.Equal(before.Select(i => (string?)i["id"]), after.Select(i => (string?)i["via"]));
            Assert.All(after, i => Assert.Equal("Eve", (string?)i["creator"]!["name"]));
            Assert.Equal(before.Select(WithoutProvenance), after.Select(WithoutProvenance));
        }
        finally
        {
            CoverageAppFactory.DeleteDatabase(sourcePath);
            CoverageAppFactory.DeleteDatabase(targetPath);
        }
    }

    [Fact]
    public async Task AnImportedAnnotationWhoseQuoteIsGoneIsKeptAsAnOrphan()
    {
        var story = await AnnotatedStory.CreateAsync(client, "Orphan import");
        var document = Document(story, Annotation(Guid.NewGuid(), story, "a sentence this article never had in it at all", "Accurate"));

        var response = await ImportAsync(client, story.StoryId, document);
        var thread = Assert.Single((await client.GetFromJsonAsync<List<AnnotationView>>($"/api/stories/{story.StoryId}/annotations"))!);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(thread.Target.Orphaned);
        Assert.Equal("a sentence this article never had in it at all", thread.Target.Exact);
    }

    [Theory]
    [InlineData("not json", "not valid JSON")]
    [InlineData("context", "\"@context\" must be \"http://www.w3.org/ns/anno.jsonld\"")]
    [InlineData("label", "Annotation 2")]
    [InlineData("article", "no single article of the story has its quote")]
    [InlineData("no quote", "no TextQuoteSelector")]
    [InlineData("orphan reply", "neither in the file nor in this story")]
    [InlineData("duplicate id", "more than once")]
    [InlineData("long note", "at most 20,000 characters")]
    public async Task AMalformedFileIsRefusedWholeWithAClearMessage(string problem, string message)
    {
        var story = await AnnotatedStory.CreateAsync(client, "Malformed " + problem);
        var other = await AnnotatedStory.CreateAsync(client, "Other " + problem);
        var good = Annotation(Guid.NewGuid(), story, "flood barrier", "Accurate");
        var second = problem switch
        {
            "label" => Annotation(Guid.NewGuid(), story, "eastern embankment", "Dubious"),
            "article" => Annotation(Guid.NewGuid(), other, "a quote no article of this story has", null),
            "no quote" => Without(Annotation(Guid.NewGuid(), story, "eastern embankment", null), "target", "selector"),
            "orphan reply" => Reply(Guid.NewGuid(), Guid.NewGuid()),
            "duplicate id" => Annotation(Guid.Parse(((string)good["id"]!).Split('/')[^1]), story, "eastern embankment", null),
            "long note" => Annotation(Guid.NewGuid(), story, "eastern embankment", null, new string('n', 20_001)),
            _ => Annotation(Guid.NewGuid(), story, "eastern embankment", null),
        };
        var document = problem switch
        {
            "not json" => Encoding.UTF8.GetBytes("{ \"@context\": "),
            "context" => Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(Document(story, good, second)).Replace("http://www.w3.org/ns/anno.jsonld", "https://www.w3.org/ns/anno.jsonld")),
            _ => Document(story, good, second),
        };

        var response = await ImportAsync(client, story.StoryId, document);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, (await response.Content.ReadFromJsonAsync<ApiError>())!.Error);
        Assert.Empty((await client.GetFromJsonAsync<List<AnnotationView>>($"/api/stories/{story.StoryId}/annotations?includeDeleted=true"))!);
    }

    [Fact]
    public async Task AnExportOfAnotherStoryGoesToTheArticleHoldingEachQuote()
    {
        var original = await AnnotatedStory.CreateAsync(client, "Original");
        var root = await original.AnnotateAsync(client, original.Second, "could run into the autumn", "Unverifiable", "Which council?");
        await client.PostAsJsonAsync($"/api/annotations/{root.Id}/replies", new ReplyRequest("The county one."));
        var exported = Encoding.UTF8.GetString(await GetJsonLdAsync(client, $"/api/stories/{original.StoryId}/annotations"));
        var copy = await AnnotatedStory.CreateAsync(client, "Copy");
        var newIds = new Dictionary<string, string>();
        var withNewIds = Regex.Replace(exported, "/api/annotations/(?<id>[0-9a-f-]{36})",
            m => "/api/annotations/" + (newIds.TryGetValue(m.Groups["id"].Value, out var id) ? id : newIds[m.Groups["id"].Value] = Guid.NewGuid().ToString()));

        var response = await ImportAsync(client, copy.StoryId, Encoding.UTF8.GetBytes(withNewIds));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var thread = Assert.Single((await client.GetFromJsonAsync<List<AnnotationView>>($"/api/stories/{copy.StoryId}/annotations"))!);
        Assert.Equal((copy.Second.Id, "could run into the autumn", false), (thread.Target.ArticleId, thread.Target.Exact, thread.Target.Orphaned));
        Assert.Equal(root.Target with { ArticleId = copy.Second.Id }, thread.Target);
        Assert.Equal("The county one.", Assert.Single(thread.Replies).Note);
    }

    [Fact]
    public async Task TheSameFileCannotBeImportedTwice()
    {
        var story = await AnnotatedStory.CreateAsync(client, "Twice");
        var document = Document(story, Annotation(Guid.NewGuid(), story, "flood barrier", "Accurate"));

        var first = await ImportAsync(client, story.StoryId, document);
        var second = await ImportAsync(client, story.StoryId, document);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
        Assert.Contains("already exists", (await second.Content.ReadFromJsonAsync<ApiError>())!.Error);
        Assert.Single((await client.GetFromJsonAsync<List<AnnotationView>>($"/api/stories/{story.StoryId}/annotations"))!);
    }

    [Fact]
    public async Task AFileOverFiveMegabytesIsRefused()
    {
        var story = await AnnotatedStory.CreateAsync(client, "Too large import");
        var padding = new string(' ', AnnotationLimits.MaxImportBytes);
        var document = Encoding.UTF8.GetBytes(padding + Encoding.UTF8.GetString(Document(story, Annotation(Guid.NewGuid(), story, "flood barrier", "Accurate"))));

        var response = await ImportAsync(client, story.StoryId, document);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("larger than 5 MB", (await response.Content.ReadFromJsonAsync<ApiError>())!.Error);
        Assert.Empty((await client.GetFromJsonAsync<List<AnnotationView>>($"/api/stories/{story.StoryId}/annotations"))!);
    }

    private static List<JsonNode> Items(byte[] collection) => JsonNode.Parse(collection)!["first"]!["items"]!.AsArray().Select(i => i!).ToList();

    private static string WithoutProvenance(JsonNode item)
    {
        var copy = item.DeepClone().AsObject();
        foreach (var name in new[] { "creator", "created", "modified", "via" }) copy.Remove(name);
        return copy.ToJsonString();
    }

    private static JsonObject Annotation(Guid id, AnnotatedStory story, string quote, string? label, string note = "Imported note")
    {
        var start = Math.Max(0, story.First.Text.IndexOf(quote, StringComparison.Ordinal));
        var body = new JsonArray(new JsonObject { ["type"] = "TextualBody", ["value"] = note, ["format"] = "text/markdown" });
        if (label is not null) body.Add(new JsonObject { ["type"] = "TextualBody", ["purpose"] = "assessing", ["value"] = label });
        return new JsonObject
        {
            ["id"] = $"https://elsewhere.example/api/annotations/{id}",
            ["type"] = "Annotation",
            ["motivation"] = "assessing",
            ["created"] = "2026-03-01T09:30:00Z",
            ["creator"] = new JsonObject { ["type"] = "Person", ["name"] = "Dana" },
            ["body"] = body,
            ["target"] = new JsonObject
            {
                ["type"] = "SpecificResource",
                ["source"] = $"https://elsewhere.example/api/stories/{story.StoryId}/articles/{story.First.Id}",
                ["selector"] = new JsonArray(
                    new JsonObject { ["type"] = "TextPositionSelector", ["start"] = start, ["end"] = start + quote.Length },
                    new JsonObject { ["type"] = "TextQuoteSelector", ["exact"] = quote, ["prefix"] = "", ["suffix"] = "" }),
            },
        };
    }

    private static JsonObject Reply(Guid id, Guid parent) => new()
    {
        ["id"] = $"https://elsewhere.example/api/annotations/{id}",
        ["type"] = "Annotation",
        ["motivation"] = "replying",
        ["creator"] = new JsonObject { ["type"] = "Person", ["name"] = "Eve" },
        ["body"] = new JsonObject { ["type"] = "TextualBody", ["value"] = "A reply." },
        ["target"] = $"https://elsewhere.example/api/annotations/{parent}",
    };

    private static JsonObject Without(JsonObject annotation, params string[] path)
    {
        var parent = path[..^1].Aggregate(annotation, (node, key) => node[key]!.AsObject());
        parent.Remove(path[^1]);
        return annotation;
    }

    private static byte[] Document(AnnotatedStory story, params JsonObject[] items) => Encoding.UTF8.GetBytes(new JsonObject
    {
        ["@context"] = "http://www.w3.org/ns/anno.jsonld",
        ["id"] = $"https://elsewhere.example/api/stories/{story.StoryId}/annotations",
        ["type"] = "AnnotationCollection",
        ["first"] = new JsonObject { ["type"] = "AnnotationPage", ["items"] = new JsonArray(items) },
    }.ToJsonString());

    private static Task<HttpResponseMessage> ImportAsync(HttpClient client, int storyId, byte[] document)
    {
        var content = new ByteArrayContent(document);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/ld+json");
        return client.PostAsync($"/api/stories/{storyId}/annotations/import", content);
    }

    private static async Task<byte[]> GetJsonLdAsync(HttpClient client, string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/ld+json"));
        return await (await client.SendAsync(request)).Content.ReadAsByteArrayAsync();
    }
}
