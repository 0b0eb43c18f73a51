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
using Microsoft.Extensions.DependencyInjection;

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
        await WithOwnAddressAsync(story.First);
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
        Assert.Equal(("Organization", "CoverageCompare"), ((string?)review["author"]!["@type"], (string?)review["author"]!["name"]));
        Assert.Equal("Harbour Times", (string?)review["itemReviewed"]!["appearance"]!["publisher"]!["name"]);
        Assert.Equal($"http://localhost/stories/{story.StoryId}?annotation={root.Id}", (string?)review["url"]);
        Assert.Equal("The council says 3 million.", (string?)review["reviewBody"]);
    }

    /// <summary>
    /// Google Search Central, "Fact check (ClaimReview) structured data"
    /// (https://developers.google.com/search/docs/appearance/structured-data/factcheck), its property tables:
    /// ClaimReview requires claimReviewed, reviewRating and url, and recommends author and itemReviewed; the Claim in
    /// itemReviewed recommends appearance, author and datePublished (firstAppearance is the alternative to appearance);
    /// the Rating requires alternateName and recommends ratingValue, bestRating and worstRating (name is optional).
    /// </summary>
    [Fact]
    public async Task ClaimReviewCarriesGooglesRequiredAndRecommendedProperties()
    {
        var story = await AnnotatedStory.CreateAsync(client, "Schema");
        await WithOwnAddressAsync(story.First);
        var root = await story.AnnotateAsync(client, story.First, "2.4 million pounds", "Inaccurate",
            "The council's *own* figure is [3 million](https://example.org/budget).\n\n<script>alert('x')</script><b>bold</b>");
        await story.AnnotateAsync(client, story.First, "flood barrier", "Unverifiable");

        var json = JsonNode.Parse(await client.GetStringAsync($"/api/stories/{story.StoryId}/annotations/export/claimreview"))!;
        var reviews = json["@graph"]!.AsArray().Select(r => r!.AsObject()).ToList();

        string[] required = ["claimReviewed", "reviewRating", "url"];
        string[] recommended = ["author", "itemReviewed"];
        string[] claimRecommended = ["appearance", "author", "datePublished"];
        string[] ratingRequired = ["alternateName"];
        string[] ratingRecommended = ["ratingValue", "bestRating", "worstRating"];
        Assert.Equal(2, reviews.Count);
        foreach (var review in reviews)
        {
            Assert.Equal("ClaimReview", (string?)review["@type"]);
            Assert.All(required.Concat(recommended), p => Assert.True(review.ContainsKey(p), $"ClaimReview lacks {p}"));
            Assert.All(ratingRequired, p => Assert.False(string.IsNullOrWhiteSpace((string?)review["reviewRating"]![p]), $"Rating lacks {p}"));
            var claim = review["itemReviewed"]!.AsObject();
            Assert.Equal("Claim", (string?)claim["@type"]);
            Assert.All(claimRecommended, p => Assert.True(claim.ContainsKey(p), $"Claim lacks {p}"));
            Assert.Equal(("Person", "Jo Reporter"), ((string?)claim["author"]!["@type"], (string?)claim["author"]!["name"]));
            Assert.Equal("2026-03-02", (string?)claim["datePublished"]);
            Assert.Equal("https://harbour-times.example/flood-barrier", (string?)claim["appearance"]!["url"]);
            Assert.True(Uri.TryCreate((string?)review["url"], UriKind.Absolute, out var url) && !url.AbsolutePath.StartsWith("/api/", StringComparison.Ordinal), "url must be a page");
            Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", (string?)review["datePublished"]);
            Assert.Equal("Organization", (string?)review["author"]!["@type"]);
        }

        var inaccurate = reviews.Single(r => (string?)r["claimReviewed"] == "2.4 million pounds");
        var rating = inaccurate["reviewRating"]!.AsObject();
        Assert.All(ratingRecommended, p => Assert.True(rating.ContainsKey(p), $"Rating lacks {p}"));
        Assert.Equal((1, 5, 1), ((int)rating["ratingValue"]!, (int)rating["bestRating"]!, (int)rating["worstRating"]!));
        var body = (string)inaccurate["reviewBody"]!;
        Assert.StartsWith("The council's own figure is 3 million.", body);
        Assert.DoesNotContain("<", body);
        Assert.DoesNotContain("*", body);
        Assert.Equal($"http://localhost/stories/{story.StoryId}?annotation={root.Id}", (string?)inaccurate["url"]);

        // Unverifiable is not a degree of truth: it keeps its name and no number.
        var unverifiable = reviews.Single(r => (string?)r["claimReviewed"] == "flood barrier")["reviewRating"]!.AsObject();
        Assert.Equal("Unverifiable", (string?)unverifiable["alternateName"]);
        Assert.False(unverifiable.ContainsKey("ratingValue"));
    }

    [Fact]
    public async Task TheJsonLdTargetsTheArticlesOwnAddressWithOursAsScopeAndImportsBack()
    {
        var story = await AnnotatedStory.CreateAsync(client, "Own address");
        await WithOwnAddressAsync(story.First);
        var root = await story.AnnotateAsync(client, story.First, "2.4 million pounds", "Inaccurate");
        await story.AnnotateAsync(client, story.Second, "survived the storm");

        var exported = await GetJsonLdAsync($"/api/stories/{story.StoryId}/annotations");
        var items = JsonNode.Parse(exported)!["first"]!["items"]!.AsArray();

        var onFirst = items.Single(i => (string?)i!["id"] == $"http://localhost/api/annotations/{root.Id}")!["target"]!;
        Assert.Equal("https://harbour-times.example/flood-barrier", (string?)onFirst["source"]);
        Assert.Equal($"http://localhost/api/stories/{story.StoryId}/articles/{story.First.Id}", (string?)onFirst["scope"]);
        var onSecond = items.Single(i => (string?)i!["id"] != $"http://localhost/api/annotations/{root.Id}")!["target"]!;
        Assert.Equal($"http://localhost/api/stories/{story.StoryId}/articles/{story.Second.Id}", (string?)onSecond["source"]);
        Assert.Null(onSecond["scope"]);

        var copy = await AnnotatedStory.CreateAsync(client, "Own address copy");
        var text = System.Text.Encoding.UTF8.GetString(exported)
            .Replace($"/api/stories/{story.StoryId}/articles/{story.First.Id}", $"/api/stories/{copy.StoryId}/articles/{copy.First.Id}")
            .Replace($"/api/stories/{story.StoryId}/articles/{story.Second.Id}", $"/api/stories/{copy.StoryId}/articles/{copy.Second.Id}");
        // The same install keeps ids unique, so the copy's annotations get new ones.
        text = System.Text.RegularExpressions.Regex.Replace(text, "/api/annotations/[0-9a-f-]{36}", _ => $"/api/annotations/{Guid.NewGuid()}");
        var imported = await client.PostAsync($"/api/stories/{copy.StoryId}/annotations/import", new StringContent(text, System.Text.Encoding.UTF8, "application/ld+json"));
        Assert.True(imported.IsSuccessStatusCode, await imported.Content.ReadAsStringAsync());
        var back = await client.GetFromJsonAsync<List<AnnotationView>>($"/api/stories/{copy.StoryId}/annotations");
        Assert.Contains(back!, a => a.Target.ArticleId == copy.First.Id && a.Target.Exact == "2.4 million pounds");
    }

    [Fact]
    public async Task TheMarkdownReportPassesNoRawHtmlFromNotesAndTheCsvFillsResolvedForReplies()
    {
        var story = await AnnotatedStory.CreateAsync(client, "Raw HTML");
        var root = await story.AnnotateAsync(client, story.First, "flood barrier", "Accurate", "Fine.\n<script>alert(1)</script>\n<img src=x onerror=alert(2)>");
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync($"/api/annotations/{root.Id}/replies", new ReplyRequest("Agreed <b>here</b>."))).StatusCode);
        Assert.True((await client.PostAsJsonAsync($"/api/annotations/{root.Id}/resolve", new AnnotationActionRequest(root.Version))).IsSuccessStatusCode);

        var report = await client.GetStringAsync($"/api/stories/{story.StoryId}/annotations/export/markdown");
        var html = Markdig.Markdown.ToHtml(report);

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);

        using var csv = new CsvReader(new StringReader(await client.GetStringAsync($"/api/stories/{story.StoryId}/annotations/export/csv")), CultureInfo.InvariantCulture);
        var rows = csv.GetRecords<dynamic>().Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(2, rows.Count);
        Assert.All(rows, row => Assert.Matches(@"^\d{4}-\d{2}-\d{2}T", (string)row["resolved"]));
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

    /// <summary>Gives the article the details an imported web page has: its author, address and date.</summary>
    private async Task WithOwnAddressAsync(Data.Stories.ArticleView article)
    {
        var updated = await app.Factory.Services.GetRequiredService<Data.Stories.StoryStore>().UpdateArticleAsync(article.Id,
            new Data.Stories.ArticleDetails(article.Outlet, article.Title, "Jo Reporter", "https://harbour-times.example/flood-barrier", new DateOnly(2026, 3, 2)));
        Assert.True(updated.Succeeded, updated.Error);
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
