using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using CoverageCompare.Data.Demo;
using CoverageCompare.Data.Stories;
using CoverageCompare.Web.Api;
using CsvHelper;

namespace CoverageCompare.Web.Tests.Framing;

/// <summary>The demo story is read without an account, as anyone may; the tests' own stories are Ada's.</summary>
public sealed class FramingApiTests(AppFixture app) : IClassFixture<AppFixture>, IAsyncLifetime
{
    private readonly HttpClient client = app.Factory.AnonymousClient();
    private HttpClient ada = null!;

    public async Task InitializeAsync() => ada = (await app.Factory.SignedInAccountAsync("Ada")).Client;

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task TheCsvHasOneRowPerArticleWithTheFigures()
    {
        var id = await DemoIdAsync();
        var response = await client.GetAsync($"/api/stories/{id}/framing.csv");
        using var csv = new CsvReader(new StringReader(await response.Content.ReadAsStringAsync()), CultureInfo.InvariantCulture);
        var rows = csv.GetRecords<dynamic>().Cast<IDictionary<string, object>>().ToList();

        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal($"story-{id}-framing.csv", response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName);
        Assert.Equal(["The Harbor Ledger", "Coastline Daily", "Metro Wire", "Bayside Courier"], rows.Select(r => (string)r["outlet"]));
        var wire = rows[2];
        Assert.Equal(("8", "2", "0", "1", "10", "7", "1"), ((string)wire["claims"], (string)wire["attributed"], (string)wire["hedged"], (string)wire["quotes"],
            (string)wire["shared_facts"], (string)wire["covered"], (string)wire["single_source"]));
        Assert.Equal("divided; far too; warned", (string)wire["loaded_words"]);
        Assert.Equal("Amira Haddad: 1", (string)rows[3]["speakers"]);
    }

    [Fact]
    public async Task TheHtmlHandoutIsSelfContainedAndEncodesArticleText()
    {
        var id = await StoryAsync("<script>alert(1)</script>",
            ("<b>Evil</b> Times", "The council approved the <script>alert(2)</script> budget on Monday after a chaotic debate."),
            ("Calm Post", "The council approved the budget on Monday after a debate."));

        var response = await ada.GetAsync($"/api/stories/{id}/framing/handout.html");
        var html = await response.Content.ReadAsStringAsync();
        var page = Html.Parse(html);

        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Empty(page.QuerySelectorAll("script, link, img, iframe, object"));
        Assert.DoesNotContain("<script>", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>Evil", html, StringComparison.Ordinal);
        Assert.Equal("<script>alert(1)</script>", page.QuerySelector("h1")!.TextContent);
        Assert.NotNull(page.QuerySelector("head style"));
        Assert.Contains(page.QuerySelectorAll("mark.loaded"), m => m.TextContent == "chaotic");
        Assert.Equal(["<b>Evil</b> Times", "Calm Post"], page.QuerySelectorAll("tbody tr th[scope=row]").Take(2).Select(th => th.TextContent));
    }

    [Fact]
    public async Task TheMarkdownHandoutEscapesArticleTextAndMarksWordings()
    {
        var id = await DemoIdAsync();
        var markdown = await client.GetStringAsync($"/api/stories/{id}/framing/handout.md");

        Assert.StartsWith("# Harbor City approves the Northshore tram", markdown);
        Assert.Contains("| Metro Wire | 8 | 2 |", markdown);
        Assert.Contains("- Metro Wire: Mayor Elena Ruiz said: \\\"This line **connects** neighbourhoods that have waited _far_ _too_ **long**", markdown);
        Assert.Contains("| 1 Sep 2025 – 30 Nov 2025 | last autumn | The Harbor Ledger, Metro Wire |", markdown);
    }

    [Theory]
    [InlineData("framing.csv")]
    [InlineData("framing/handout.html")]
    [InlineData("framing/handout.md")]
    public async Task AnUnknownStoryIsNotFound(string download) =>
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/stories/987654/{download}")).StatusCode);

    private async Task<int> DemoIdAsync() =>
        (await client.GetFromJsonAsync<List<StorySummary>>("/api/stories"))!.Single(s => s.Title == DemoStory.Title).Id;

    private async Task<int> StoryAsync(string title, params (string Outlet, string Text)[] articles)
    {
        var created = await ada.PostAsJsonAsync("/api/stories", new CreateStoryRequest(title));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<StorySummary>())!.Id;
        for (var i = 0; i < articles.Length; i++)
        {
            var added = await ada.PostAsJsonAsync($"/api/stories/{id}/articles",
                new ImportArticleRequest($"a{i}.txt", articles[i].Text, articles[i].Outlet, $"Article {i}", new DateOnly(2026, 3, 13)));
            Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        }
        return id;
    }
}
