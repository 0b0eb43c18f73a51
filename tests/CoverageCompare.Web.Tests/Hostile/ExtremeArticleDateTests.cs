using System.Net;
using System.Net.Http.Json;
using CoverageCompare.Data;
using CoverageCompare.Data.Stories;
using CoverageCompare.Web.Api;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoverageCompare.Web.Tests.Hostile;

/// <summary>
/// Issue 13, finding 1: an article dated 9999-12-31 saying "next year" turned the story page, framing.csv and both
/// handouts into 500s, and only that broken page could remove it. Such dates are now refused at import with a message;
/// one already stored (written before this check) renders, and the API removes an article.
/// </summary>
public sealed class ExtremeArticleDateTests(AppFixture app) : IClassFixture<AppFixture>, IAsyncLifetime
{
    private HttpClient client = null!;

    public async Task InitializeAsync() => client = (await app.Factory.SignedInAccountAsync("Dee Dates")).Client;

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("9999-12-31")]
    [InlineData("0001-01-01")]
    public async Task AnApiImportWithADateOutsideTheCalendarIsRefusedWithAMessage(string date)
    {
        var storyId = await CreateStoryAsync();

        var response = await client.PostAsJsonAsync($"/api/stories/{storyId}/articles",
            new ImportArticleRequest("a.txt", "The council will vote next year.", PublishedOn: DateOnly.Parse(date)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"The date {date} is outside", (await response.Content.ReadFromJsonAsync<ApiError>())!.Error);
    }

    [Fact]
    public async Task FrontMatterWithADateOutsideTheCalendarIsRefusedWithAMessage()
    {
        var storyId = await CreateStoryAsync();

        var response = await client.PostAsJsonAsync($"/api/stories/{storyId}/articles",
            new ImportArticleRequest("a.md", "---\ndate: 9999-12-31\n---\n\nThe council will vote next year."));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("9999-12-31 is outside", (await response.Content.ReadFromJsonAsync<ApiError>())!.Error);
    }

    [Theory]
    [InlineData(9999, 12, 31)]
    [InlineData(1, 1, 1)]
    public async Task AStoredArticleAtTheEdgeOfTheCalendarRendersEverywhereAndTheApiRemovesIt(int year, int month, int day)
    {
        var storyId = await CreateStoryAsync();
        await client.PostAsJsonAsync($"/api/stories/{storyId}/articles", new ImportArticleRequest("b.txt", "The council met last winter. It votes next month."));
        var articleId = await StoreDirectlyAsync(storyId, new DateOnly(year, month, day), "The council will vote next year, not last week, said the mayor on Monday.");

        foreach (var path in new[] { $"/stories/{storyId}", $"/api/stories/{storyId}", $"/api/stories/{storyId}/framing.csv",
                     $"/api/stories/{storyId}/framing/handout.html", $"/api/stories/{storyId}/framing/handout.md" })
        {
            var page = await client.GetAsync(path);
            Assert.True(page.StatusCode == HttpStatusCode.OK, $"{path}: {(int)page.StatusCode}");
        }

        var removed = await client.DeleteAsync($"/api/stories/{storyId}/articles/{articleId}");
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        var story = (await client.GetFromJsonAsync<StoryView>($"/api/stories/{storyId}"))!;
        Assert.DoesNotContain(story.Articles, a => a.Id == articleId);
        Assert.Equal(HttpStatusCode.NotFound, (await client.DeleteAsync($"/api/stories/{storyId}/articles/{articleId}")).StatusCode);
    }

    [Fact]
    public async Task AnArticleOfAnotherStoryIsNotRemovedThroughThisOne()
    {
        var mine = await CreateStoryAsync();
        var other = await CreateStoryAsync();
        var articleId = await StoreDirectlyAsync(other, null, "Another story's article.");

        var response = await client.DeleteAsync($"/api/stories/{mine}/articles/{articleId}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Single((await client.GetFromJsonAsync<StoryView>($"/api/stories/{other}"))!.Articles);
    }

    // As an install that stored the date before imports checked it.
    private async Task<int> StoreDirectlyAsync(int storyId, DateOnly? published, string text)
    {
        await using var db = await app.Factory.Services.GetRequiredService<IDbContextFactory<CoverageDbContext>>().CreateDbContextAsync();
        var article = new Article
        {
            StoryId = storyId, Position = 99, Outlet = "Far Future Gazette", Title = "Edge", PublishedOn = published, Text = text,
            Format = Analysis.Documents.DocumentFormat.Text, ContentHash = StoryStore.ContentHash(text), CreatedAt = DateTime.UtcNow,
        };
        db.Articles.Add(article);
        await db.SaveChangesAsync();
        return article.Id;
    }

    private async Task<int> CreateStoryAsync()
    {
        var created = await client.PostAsJsonAsync("/api/stories", new CreateStoryRequest("Dates " + Guid.NewGuid().ToString("N")[..6]));
        return (await created.Content.ReadFromJsonAsync<StorySummary>())!.Id;
    }
}
