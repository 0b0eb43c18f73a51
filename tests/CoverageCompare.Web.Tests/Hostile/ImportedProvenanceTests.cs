using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using CoverageCompare.Data.Annotations;
using CoverageCompare.Web.Components.Pages.Story;
using CoverageCompare.Web.Tests.Annotations;
using Microsoft.Extensions.DependencyInjection;

namespace CoverageCompare.Web.Tests.Hostile;

/// <summary>
/// Issue 13, finding 9: a JSON-LD import kept any creator name and backdated times, so an editor could post annotations
/// that looked like someone else's. The importer is now the author and the import time the time; what the file claimed
/// is kept apart and shown as "creator as written".
/// </summary>
public sealed class ImportedProvenanceTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static readonly DateTime Backdated = new(2001, 9, 9, 1, 46, 40, DateTimeKind.Utc);

    [Fact]
    public async Task AnImportClaimingAnotherCreatorAndA2001DateIsAuthoredByTheImporterNow()
    {
        var team = await Team.CreateAsync(app.Factory, "Imp Editor");
        var story = await AnnotatedStory.CreateAsync(team.Client, "Provenance");
        var id = Guid.NewGuid();
        var before = DateTime.UtcNow.AddSeconds(-1);

        var response = await ImportAsync(team.Client, story.StoryId, Document(story, Annotation(id, story, "Admin Operator", "2001-09-09T01:46:40Z")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = (await app.Factory.Services.GetRequiredService<AnnotationStore>().GetAsync(id))!;
        Assert.Equal("Imp Editor", stored.Author);
        Assert.Equal(team.Owner.UserId, stored.CreatorId);
        Assert.InRange(stored.CreatedAt, before, DateTime.UtcNow.AddSeconds(1));
        Assert.InRange(stored.ModifiedAt, before, DateTime.UtcNow.AddSeconds(1));
        Assert.Equal(new ImportedProvenance("Admin Operator", Backdated, $"https://elsewhere.example/api/annotations/{id}"), stored.Imported);
        var history = (await app.Factory.Services.GetRequiredService<AnnotationStore>().HistoryAsync(id))!;
        Assert.Equal(("Imp Editor", RevisionAction.Imported), (Assert.Single(history).Author, history[0].Action));
    }

    [Fact]
    public async Task TheCreatorAsWrittenLosesBidiOverridesAndIsCutToLength()
    {
        var team = await Team.CreateAsync(app.Factory, "Imp Cleaner");
        var story = await AnnotatedStory.CreateAsync(team.Client, "Provenance cleaning");
        var (bidi, longName, none) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var nameless = Annotation(none, story, "x", null, quote: "eastern embankment");
        nameless.Remove("creator");

        var response = await ImportAsync(team.Client, story.StoryId, Document(story,
            Annotation(bidi, story, "\u202EAdmin\u200B Operator\u202C", null),
            Annotation(longName, story, new string('N', 300), null, quote: "weekend storm"),
            nameless));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var store = app.Factory.Services.GetRequiredService<AnnotationStore>();
        Assert.Equal("Admin Operator", (await store.GetAsync(bidi))!.Imported!.Creator);
        var cut = (await store.GetAsync(longName))!.Imported!.Creator!;
        Assert.Equal((AnnotationLimits.AuthorLength, '…'), (cut.Length, cut[^1]));
        var noCreator = (await store.GetAsync(none))!;
        Assert.Equal(("Imp Cleaner", null, null), (noCreator.Author, noCreator.Imported!.Creator, noCreator.Imported.Created));
    }

    [Fact]
    public async Task TheAnnotationsPanelNamesTheImporterFirstAndTheClaimedCreatorAsWritten()
    {
        var team = await Team.CreateAsync(app.Factory, "Imp Shown");
        var story = await AnnotatedStory.CreateAsync(team.Client, "Provenance shown");
        Assert.Equal(HttpStatusCode.OK, (await ImportAsync(team.Client, story.StoryId, Document(story, Annotation(Guid.NewGuid(), story, "Admin Operator", "2001-09-09T01:46:40Z")))).StatusCode);
        await story.AnnotateAsync(team.Client, story.Second, "survived the storm", note: "Written here.");
        var threads = await app.Factory.Services.GetRequiredService<AnnotationStore>().ListAsync(story.StoryId);

        var page = Html.Parse(await Components.RenderAsync<AnnotationsPanel>(app.Factory.Services, new()
        {
            [nameof(AnnotationsPanel.StoryId)] = story.StoryId,
            [nameof(AnnotationsPanel.Threads)] = threads,
            [nameof(AnnotationsPanel.Labels)] = new[] { "Accurate" },
        }));

        var bylines = page.QuerySelectorAll("[data-testid=annotation-byline]").Select(b => Normalized(b.TextContent)).ToList();
        Assert.Equal(2, bylines.Count);
        var imported = Assert.Single(bylines, b => b.Contains("Admin Operator"));
        Assert.StartsWith("imported by Imp Shown · ", imported);
        Assert.EndsWith("· creator as written: Admin Operator, 9 Sep 2001 01:46 UTC", imported);
        var written = Assert.Single(bylines, b => !b.Contains("Admin Operator"));
        Assert.StartsWith("Imp Shown · ", written);
        Assert.DoesNotContain("imported", written);
    }

    [Fact]
    public async Task ExportsKeepTheImporterAsCreatorAndAReimportTracesBackToTheOriginal()
    {
        var team = await Team.CreateAsync(app.Factory, "Imp Exporter");
        var story = await AnnotatedStory.CreateAsync(team.Client, "Provenance exported");
        var id = Guid.NewGuid();
        var original = $"https://elsewhere.example/api/annotations/{id}";
        Assert.Equal(HttpStatusCode.OK, (await ImportAsync(team.Client, story.StoryId, Document(story, Annotation(id, story, "Admin Operator", "2001-09-09T01:46:40Z")))).StatusCode);

        var jsonLd = await GetJsonLdAsync(team.Client, $"/api/stories/{story.StoryId}/annotations");
        var item = JsonNode.Parse(jsonLd)!["first"]!["items"]![0]!;
        Assert.Equal("Imp Exporter", (string?)item["creator"]!["name"]);
        Assert.Equal(original, (string?)item["via"]);
        Assert.DoesNotContain("Admin Operator", jsonLd);
        Assert.DoesNotContain("2001-", jsonLd);

        var csv = await team.Client.GetStringAsync($"/api/stories/{story.StoryId}/annotations/export/csv");
        Assert.Contains("imported_creator_as_written,imported_created_as_written,imported_from", csv);
        Assert.Contains($",Admin Operator,2001-09-09T01:46:40Z,{original}", csv);
        var markdown = await team.Client.GetStringAsync($"/api/stories/{story.StoryId}/annotations/export/markdown");
        Assert.Contains("*imported by Imp Exporter, ", markdown);
        Assert.Contains(" · creator as written: Admin Operator, 2001-09-09 01:46 UTC*", markdown);

        // Into another story, by someone else: the export's creator is only a claim there, and "via" still names the original.
        var other = await Team.CreateAsync(app.Factory, "Imp Second");
        var copy = await AnnotatedStory.CreateAsync(other.Client, "Provenance copy");
        var copyId = Guid.NewGuid();
        var reimport = await ImportAsync(other.Client, copy.StoryId, Encoding.UTF8.GetBytes(jsonLd.Replace(id.ToString(), copyId.ToString())
            .Replace(original.Replace(id.ToString(), copyId.ToString()), original)));
        Assert.Equal(HttpStatusCode.OK, reimport.StatusCode);
        var copied = (await app.Factory.Services.GetRequiredService<AnnotationStore>().GetAsync(copyId))!;
        Assert.Equal("Imp Second", copied.Author);
        Assert.Equal(("Imp Exporter", original), (copied.Imported!.Creator, copied.Imported.From));
        Assert.Equal(item["target"]!["selector"]![1]!["exact"]!.GetValue<string>(), copied.Target.Exact);
    }

    private static string Normalized(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static JsonObject Annotation(Guid id, AnnotatedStory story, string creator, string? created, string quote = "Residents who were evacuated")
    {
        var start = story.First.Text.IndexOf(quote, StringComparison.Ordinal);
        var annotation = new JsonObject
        {
            ["id"] = $"https://elsewhere.example/api/annotations/{id}",
            ["type"] = "Annotation",
            ["motivation"] = "commenting",
            ["creator"] = new JsonObject { ["type"] = "Person", ["name"] = creator },
            ["body"] = new JsonObject { ["type"] = "TextualBody", ["value"] = "Checked against the minutes.", ["format"] = "text/markdown" },
            ["target"] = new JsonObject
            {
                ["type"] = "SpecificResource",
                ["source"] = $"https://elsewhere.example/api/stories/{story.StoryId}/articles/{story.First.Id}",
                ["selector"] = new JsonArray(
                    new JsonObject { ["type"] = "TextPositionSelector", ["start"] = start, ["end"] = start + quote.Length },
                    new JsonObject { ["type"] = "TextQuoteSelector", ["exact"] = quote, ["prefix"] = "", ["suffix"] = "" }),
            },
        };
        if (created is not null) annotation["created"] = created;
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

    private static async Task<string> GetJsonLdAsync(HttpClient client, string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/ld+json"));
        return await (await client.SendAsync(request)).Content.ReadAsStringAsync();
    }
}
