using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using CoverageCompare.Data.Annotations;
using CoverageCompare.Data.Workspaces;
using CoverageCompare.Web.Api;
using CsvHelper;

namespace CoverageCompare.Web.Tests.Annotations;

/// <summary>Ada owns the workspace the stories are in and writes through the client; Bob and Cleo comment there.</summary>
public sealed class AnnotationExportTests(AppFixture app) : IClassFixture<AppFixture>, IAsyncLifetime
{
    private Team team = null!;
    private HttpClient client = null!;

    public async Task InitializeAsync()
    {
        team = await Team.CreateAsync(app.Factory, "Ada");
        client = team.Client;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [SharedFact("conformance/web-annotation")]
    public async Task TheJsonLdCollectionPassesTheW3cConformanceCheck()
    {
        var (story, _) = await AnnotatedStoryAsync("Conformance");
        var file = Path.Combine(Path.GetTempPath(), $"annotations-{Guid.NewGuid():N}.jsonld");
        try
        {
            await File.WriteAllBytesAsync(file, await GetJsonLdAsync($"/api/stories/{story.StoryId}/annotations"));

            var (exitCode, stdout, stderr) = await WebAnnotationConformance.ValidateAsync(file);

            Assert.True(exitCode == 0, $"The export failed the W3C Web Annotation conformance check:\n{stdout}\n{stderr}");
            Assert.Equal("4 passed, 0 failed", stdout.Split('\n')[^1]);
            Assert.DoesNotContain("WARN", stderr);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [SharedFact("conformance/web-annotation")]
    public async Task TheConformanceCheckRejectsWhatItShould()
    {
        var file = Path.Combine(Path.GetTempPath(), $"not-an-annotation-{Guid.NewGuid():N}.jsonld");
        await File.WriteAllTextAsync(file, """{ "@context": "https://www.w3.org/ns/anno.jsonld", "id": "http://localhost/a/1", "type": "Annotation", "target": "http://localhost/b" }""");
        try
        {
            var (exitCode, stdout, _) = await WebAnnotationConformance.ValidateAsync(file);

            Assert.Equal(1, exitCode);
            Assert.StartsWith("FAIL http://localhost/a/1", stdout);
            Assert.Equal("0 passed, 1 failed", stdout.Split('\n')[^1]);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task TheJsonLdCollectionFollowsTheWebAnnotationModel()
    {
        var (story, root) = await AnnotatedStoryAsync("Shape");

        var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/api/stories/{story.StoryId}/annotations") { Headers = { Accept = { new("application/ld+json") } } });
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal("application/ld+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("http://www.w3.org/ns/anno.jsonld", (string?)json["@context"]);
        Assert.Equal("AnnotationCollection", (string?)json["type"]);
        Assert.Equal($"http://localhost/api/stories/{story.StoryId}/annotations", (string?)json["id"]);
        var items = json["first"]!["items"]!.AsArray();
        Assert.Equal(4, (int)json["total"]!);
        Assert.Equal(["assessing", "replying", "commenting", "highlighting"], items.Select(i => (string?)i!["motivation"]));

        var first = items[0]!;
        Assert.Equal($"http://localhost/api/annotations/{root.Id}", (string?)first["id"]);
        Assert.Equal("Annotation", (string?)first["type"]);
        Assert.Equal("Ada", (string?)first["creator"]!["name"]);
        Assert.Equal(root.CreatedAt, DateTime.Parse((string)first["created"]!, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal));
        var bodies = first["body"]!.AsArray();
        Assert.Equal([("commenting", "text/markdown", "The council says **3 million**."), ("assessing", "text/plain", "Inaccurate"), ("tagging", "text/plain", "cost")],
            bodies.Select(b => ((string?)b!["purpose"], (string?)b["format"], (string?)b["value"])));
        var target = first["target"]!;
        Assert.Equal($"http://localhost/api/stories/{story.StoryId}/articles/{story.First.Id}", (string?)target["source"]);
        var selectors = target["selector"]!.AsArray();
        Assert.Equal(("TextPositionSelector", root.Target.Start, root.Target.End), ((string?)selectors[0]!["type"], (int)selectors[0]!["start"]!, (int)selectors[0]!["end"]!));
        Assert.Equal(("TextQuoteSelector", root.Target.Exact, root.Target.Prefix, root.Target.Suffix),
            ((string?)selectors[1]!["type"], (string?)selectors[1]!["exact"], (string?)selectors[1]!["prefix"], (string?)selectors[1]!["suffix"]));
        Assert.Equal($"http://localhost/api/annotations/{root.Id}", (string?)items[1]!["target"]);

        var article = await client.GetFromJsonAsync<JsonObject>((string)target["source"]!);
        Assert.Equal(story.First.Text, (string?)article!["text"]);
    }

    [Fact]
    public async Task TheDownloadIsTheSameDocumentAsAFileAndIsDeterministic()
    {
        var (story, _) = await AnnotatedStoryAsync("Download");

        var download = await client.GetAsync($"/api/stories/{story.StoryId}/annotations/export/jsonld");
        var again = await client.GetByteArrayAsync($"/api/stories/{story.StoryId}/annotations/export/jsonld");

        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal($"story-{story.StoryId}-annotations.jsonld", download.Content.Headers.ContentDisposition.FileNameStar);
        Assert.Equal(await GetJsonLdAsync($"/api/stories/{story.StoryId}/annotations"), await download.Content.ReadAsByteArrayAsync());
        Assert.Equal(again, await download.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task DeletedAnnotationsAreLeftOutOfExports()
    {
        var story = await AnnotatedStory.CreateAsync(client, "Deleted export");
        var kept = await story.AnnotateAsync(client, story.First, "flood barrier", "Accurate");
        var gone = await story.AnnotateAsync(client, story.Second, "survived the storm", "Accurate");
        await client.PostAsJsonAsync($"/api/annotations/{gone.Id}/delete", new AnnotationActionRequest(gone.Version));

        var json = JsonNode.Parse(await GetJsonLdAsync($"/api/stories/{story.StoryId}/annotations"))!;

        Assert.Equal([$"http://localhost/api/annotations/{kept.Id}"], json["first"]!["items"]!.AsArray().Select(i => (string?)i!["id"]));
    }

    [Fact]
    public async Task TheCsvHasOneRowPerAnnotationAndDefusesFormulas()
    {
        var story = await AnnotatedStory.CreateAsync(client, "CSV");
        var root = await story.AnnotateAsync(client, story.First, "2.4 million pounds", "Inaccurate", "=HYPERLINK(\"http://evil\",\"x\")", ["cost", "money"]);
        var bob = await team.MemberAsync("Bob", WorkspaceRole.Commenter);
        Assert.Equal(HttpStatusCode.Created, (await bob.PostAsJsonAsync($"/api/annotations/{root.Id}/replies", new ReplyRequest("Line one,\n\"quoted\" line two"))).StatusCode);

        var response = await client.GetAsync($"/api/stories/{story.StoryId}/annotations/export/csv");
        using var csv = new CsvReader(new StringReader(await response.Content.ReadAsStringAsync()), CultureInfo.InvariantCulture);
        var rows = csv.GetRecords<dynamic>().Cast<IDictionary<string, object>>().ToList();

        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(2, rows.Count);
        Assert.Equal(("Harbour Times", "2.4 million pounds", "Inaccurate", "cost; money", "Ada"),
            ((string)rows[0]["outlet"], (string)rows[0]["quote"], (string)rows[0]["label"], (string)rows[0]["tags"], (string)rows[0]["author"]));
        Assert.StartsWith("'=HYPERLINK", (string)rows[0]["note"]);
        Assert.Equal((root.Id.ToString(), "Line one,\n\"quoted\" line two"), ((string)rows[1]["reply_to"], (string)rows[1]["note"]));
    }

    [Fact]
    public async Task ClaimReviewCoversOnlyAnnotationsWithAVerdict()
    {
        var (story, root) = await AnnotatedStoryAsync("ClaimReview");

        var json = JsonNode.Parse(await client.GetStringAsync($"/api/stories/{story.StoryId}/annotations/export/claimreview"))!;

        Assert.Equal("https://schema.org", (string?)json["@context"]);
        var review = Assert.Single(json["@graph"]!.AsArray())!;
        Assert.Equal("ClaimReview", (string?)review["@type"]);
        Assert.Equal("2.4 million pounds", (string?)review["claimReviewed"]);
        Assert.Equal("Inaccurate", (string?)review["reviewRating"]!["alternateName"]);
        Assert.Equal("Ada", (string?)review["author"]!["name"]);
        Assert.Equal("Harbour Times", (string?)review["itemReviewed"]!["appearance"]!["publisher"]!["name"]);
        Assert.Equal($"http://localhost/api/annotations/{root.Id}", (string?)review["url"]);
    }

    [Fact]
    public async Task TheMarkdownReportGroupsThreadsByArticle()
    {
        var (story, _) = await AnnotatedStoryAsync("Report");

        var report = await client.GetStringAsync($"/api/stories/{story.StoryId}/annotations/export/markdown");

        Assert.StartsWith("# Annotations: Report\n\n3 annotations; verdicts: Inaccurate 1.", report);
        // A file without a title line is titled by its first sentence, so only the outlet is fixed here.
        Assert.Matches(@"## Harbour Times: [^\n]+\n\n### Inaccurate\n\n> “2\.4 million pounds”", report);
        Assert.Contains("- **Bob** (", report);
        Assert.Matches(@"## Valley Post: [^\n]+\n\n### Comment", report);
        Assert.Contains("\\# Not a heading", report);
        Assert.True(report.IndexOf("Harbour Times", StringComparison.Ordinal) < report.IndexOf("Valley Post", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheReportShowsTitlesAndQuotesLiterally()
    {
        var story = await AnnotatedStory.CreateAsync(client, "Floods <img src=x> *now* [here](javascript:x)");
        await story.AnnotateAsync(client, story.First, "flood barrier", "Accurate");

        var report = await client.GetStringAsync($"/api/stories/{story.StoryId}/annotations/export/markdown");

        Assert.StartsWith(@"# Annotations: Floods \<img src=x\> \*now\* \[here\](javascript:x)", report);
    }

    [Fact]
    public async Task AnUnknownFormatOrStoryIsRefused()
    {
        var story = await AnnotatedStory.CreateAsync(client, "Formats");

        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync($"/api/stories/{story.StoryId}/annotations/export/pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/stories/987654/annotations/export/csv")).StatusCode);
    }

    private async Task<(AnnotatedStory Story, AnnotationView Root)> AnnotatedStoryAsync(string title)
    {
        var story = await AnnotatedStory.CreateAsync(client, title);
        var root = await story.AnnotateAsync(client, story.First, "2.4 million pounds", "Inaccurate", "The council says **3 million**.", ["cost"]);
        var bob = await team.MemberAsync("Bob", WorkspaceRole.Commenter);
        var reply = await bob.PostAsJsonAsync($"/api/annotations/{root.Id}/replies", new ReplyRequest("Agreed.\n# Not a heading"));
        Assert.Equal(HttpStatusCode.Created, reply.StatusCode);
        await story.AnnotateAsync(await team.MemberAsync("Cleo", WorkspaceRole.Commenter), story.Second, "had not been warned", note: "Ask the council.");
        await story.AnnotateAsync(client, story.Second, "survived the storm");
        return (story, root);
    }

    private async Task<byte[]> GetJsonLdAsync(string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/ld+json"));
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync();
    }
}
