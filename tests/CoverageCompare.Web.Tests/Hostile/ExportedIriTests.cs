using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CoverageCompare.Data.Annotations;
using CoverageCompare.Data.Stories;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CoverageCompare.Web.Tests.Hostile;

/// <summary>Issue 13, finding 9 (exports): a forged Host header ended up in every exported IRI.</summary>
public sealed class ExportedIriTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Theory]
    [InlineData(null, null, "http://localhost")]
    [InlineData("https://coverage.example.org/", null, "https://coverage.example.org")]
    [InlineData(null, "localhost;coverage.example.org", "http://localhost")]
    public async Task AForgedHostHeaderNeverReachesAnExportedIri(string? publicUrl, string? allowedHosts, string expectedBase)
    {
        using var configured = app.Factory.WithWebHostBuilder(b =>
        {
            if (publicUrl is not null) b.UseSetting("App:PublicUrl", publicUrl);
            if (allowedHosts is not null) b.UseSetting("AllowedHosts", allowedHosts);
        });
        var (owner, client) = await configured.SignedInAccountAsync("Iri " + Guid.NewGuid().ToString("N")[..6]);
        var stories = configured.Services.GetRequiredService<StoryStore>();
        var storyId = (await stories.CreateAsync(owner.WorkspaceId, "IRIs")).Value;
        var articleId = (await stories.AddArticleAsync(storyId, new ArticleDraft(new ArticleDetails("Iri Times", "Iri", null, null, null),
            "The council approved the tram line on Monday.", Analysis.Documents.DocumentFormat.Text))).Value;
        await configured.Services.GetRequiredService<AnnotationStore>().CreateAsync(storyId, new NewAnnotation(articleId, 4, 11, null, null, "Note.", owner.Name, owner.UserId));

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/stories/{storyId}/annotations/export/jsonld");
        request.Headers.Host = "evil.example";
        var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        if (allowedHosts is not null)
        {
            // Host filtering refuses the forged host outright.
            Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
            return;
        }
        Assert.True(response.IsSuccessStatusCode, body);
        Assert.DoesNotContain("evil.example", body);
        Assert.StartsWith(expectedBase + "/api/stories/", (string?)JsonNode.Parse(body)!["id"]);
    }
}
