using System.Net;
using System.Net.Http.Json;
using CoverageCompare.Data.Stories;
using CoverageCompare.Web.Api;

namespace CoverageCompare.Web.Tests;

/// <summary>The stories are created in the signed-in Ada's own workspace, where she is the owner.</summary>
public sealed class ImportApiTests(AppFixture app) : IClassFixture<AppFixture>, IAsyncLifetime
{
    private HttpClient client = null!;

    public async Task InitializeAsync() => client = (await app.Factory.SignedInAccountAsync("Ada")).Client;

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task MarkdownArticleIsReadAndStoredWithItsFrontMatter()
    {
        var storyId = await CreateStoryAsync("Markdown import");

        var response = await client.PostAsJsonAsync($"/api/stories/{storyId}/articles",
            new ImportArticleRequest("flood.md", "---\noutlet: Delta News\ndate: 2026-02-01\n---\n\n# Floods recede\n\nWater levels *fell* overnight."));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var article = (await response.Content.ReadFromJsonAsync<ArticleView>())!;
        Assert.Equal("Delta News", article.Outlet);
        Assert.Equal("Floods recede", article.Title);
        Assert.Equal(new DateOnly(2026, 2, 1), article.PublishedOn);
        Assert.Equal("Floods recede\n\nWater levels fell overnight.", article.Text);
    }

    [Fact]
    public async Task HtmlArticleKeepsOnlyVisibleText()
    {
        var storyId = await CreateStoryAsync("HTML import");

        var response = await client.PostAsJsonAsync($"/api/stories/{storyId}/articles", new ImportArticleRequest("page.html",
            "<html><head><title>Dam opens</title><style>p{color:red}</style></head><body><script>steal()</script><p>The dam <b>opened</b> today.</p></body></html>"));

        var article = (await response.Content.ReadFromJsonAsync<ArticleView>())!;
        Assert.Equal("The dam opened today.", article.Text);
        Assert.Equal("Dam opens", article.Title);
    }

    [Theory]
    [InlineData("empty.txt", "   \n  ", "empty")]
    [InlineData("notes.pdf", "%PDF-1.4", "only .txt, .md and .html")]
    [InlineData("blank.html", "<html><body><script>x()</script></body></html>", "no visible text")]
    public async Task BadInputIsRefusedWithAClearMessage(string fileName, string content, string expected)
    {
        var storyId = await CreateStoryAsync("Refusals " + fileName);

        var response = await client.PostAsJsonAsync($"/api/stories/{storyId}/articles", new ImportArticleRequest(fileName, content));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, (await response.Content.ReadFromJsonAsync<ApiError>())!.Error);
    }

    [Fact]
    public async Task DuplicateTextIsRefusedAndTheFirstCopyStays()
    {
        var storyId = await CreateStoryAsync("Duplicates");
        await client.PostAsJsonAsync($"/api/stories/{storyId}/articles", new ImportArticleRequest("a.txt", "The same words."));

        var response = await client.PostAsJsonAsync($"/api/stories/{storyId}/articles", new ImportArticleRequest("b.txt", "The same words."));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("same text", (await response.Content.ReadFromJsonAsync<ApiError>())!.Error);
        var story = await client.GetFromJsonAsync<StoryView>($"/api/stories/{storyId}");
        Assert.Single(story!.Articles);
    }

    [Fact]
    public async Task AStoryHoldsAtMostTwelveArticles()
    {
        var storyId = await CreateStoryAsync("Twelve");
        for (var i = 1; i <= 12; i++)
        {
            var added = await client.PostAsJsonAsync($"/api/stories/{storyId}/articles", new ImportArticleRequest($"{i}.txt", $"Article number {i}."));
            Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        }

        var response = await client.PostAsJsonAsync($"/api/stories/{storyId}/articles", new ImportArticleRequest("13.txt", "One too many."));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("at most 12", (await response.Content.ReadFromJsonAsync<ApiError>())!.Error);
        Assert.Equal(12, (await client.GetFromJsonAsync<StoryView>($"/api/stories/{storyId}"))!.Articles.Count);
    }

    [Fact]
    public async Task AnArticleOverOneMegabyteIsRefused()
    {
        var storyId = await CreateStoryAsync("Too large");

        var response = await client.PostAsJsonAsync($"/api/stories/{storyId}/articles",
            new ImportArticleRequest("big.txt", new string('a', 1024 * 1024 + 1)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("limit is 1 MB", (await response.Content.ReadFromJsonAsync<ApiError>())!.Error);
    }

    [Fact]
    public async Task ImportIntoAMissingStoryIsNotFound()
    {
        var response = await client.PostAsJsonAsync("/api/stories/987654/articles", new ImportArticleRequest("a.txt", "Text."));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task AStoryNeedsATitle()
    {
        var response = await client.PostAsJsonAsync("/api/stories", new CreateStoryRequest("  "));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private async Task<int> CreateStoryAsync(string title)
    {
        var response = await client.PostAsJsonAsync("/api/stories", new CreateStoryRequest(title));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<StorySummary>())!.Id;
    }
}
