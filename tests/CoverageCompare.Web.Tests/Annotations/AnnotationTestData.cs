using System.Net;
using System.Net.Http.Json;
using CoverageCompare.Data.Annotations;
using CoverageCompare.Data.Stories;
using CoverageCompare.Web.Api;

namespace CoverageCompare.Web.Tests.Annotations;

/// <summary>A story with two made-up articles, created through the API, and helpers to annotate them.</summary>
internal sealed record AnnotatedStory(int StoryId, ArticleView First, ArticleView Second)
{
    public const string FirstText =
        "The river authority said on Monday that the flood barrier at Millbrook held through the weekend storm. "
        + "Engineers estimated the repairs to the eastern embankment at 2.4 million pounds, and the work should finish by June. "
        + "Residents who were evacuated on Saturday were allowed home on Sunday evening.";

    public const string SecondText =
        "Millbrook's flood barrier survived the storm, officials confirmed. "
        + "According to the council, repairs will cost about 3 million pounds and could run into the autumn. "
        + "Some residents said they had not been warned before the evacuation.";

    /// <summary>Creates the story in the workspace of the person signed in on <paramref name="client"/>.</summary>
    public static async Task<AnnotatedStory> CreateAsync(HttpClient client, string title)
    {
        var created = await client.PostAsJsonAsync("/api/stories", new CreateStoryRequest(title));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var storyId = (await created.Content.ReadFromJsonAsync<StorySummary>())!.Id;
        var first = await AddArticleAsync(client, storyId, "harbour-times.txt", FirstText, "Harbour Times");
        var second = await AddArticleAsync(client, storyId, "valley-post.txt", SecondText, "Valley Post");
        return new AnnotatedStory(storyId, first, second);
    }

    /// <summary>Annotates as the person signed in on <paramref name="client"/>, who becomes its author.</summary>
    public async Task<AnnotationView> AnnotateAsync(HttpClient client, ArticleView article, string quote, string? label = null, string? note = null, IReadOnlyList<string>? tags = null)
    {
        var response = await client.PostAsJsonAsync($"/api/stories/{StoryId}/annotations", Request(article, quote, label, note, tags));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<AnnotationView>())!;
    }

    public static CreateAnnotationRequest Request(ArticleView article, string quote, string? label = null, string? note = null, IReadOnlyList<string>? tags = null)
    {
        var start = article.Text.IndexOf(quote, StringComparison.Ordinal);
        Assert.True(start >= 0, $"'{quote}' is not in the article");
        return new CreateAnnotationRequest(article.Id, start, start + quote.Length, label, tags, note);
    }

    private static async Task<ArticleView> AddArticleAsync(HttpClient client, int storyId, string fileName, string text, string outlet)
    {
        var response = await client.PostAsJsonAsync($"/api/stories/{storyId}/articles", new ImportArticleRequest(fileName, text, outlet));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<ArticleView>())!;
    }
}
