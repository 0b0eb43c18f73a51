using System.Net;

namespace CoverageCompare.Web.Tests;

public sealed class PagesTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task HomePageListsTheDemoStory()
    {
        var page = await Html.GetAsync(app.Factory.CreateClient(), "/");

        var links = page.QuerySelectorAll("[data-testid=story-link]");
        var demo = Assert.Single(links);
        Assert.Equal("Harbor City approves the Northshore tram", demo.TextContent);
        Assert.Equal($"/stories/{demo.GetAttribute("data-story-id")}", demo.GetAttribute("href"));
    }

    [Fact]
    public async Task StoryPageShowsTheDemoArticlesAsColumnsInOrder()
    {
        var client = app.Factory.CreateClient();
        var home = await Html.GetAsync(client, "/");
        var storyUrl = home.QuerySelector("[data-testid=story-link]")!.GetAttribute("href")!;

        var page = await Html.GetAsync(client, storyUrl);

        var columns = page.QuerySelectorAll("[data-testid=article-column]");
        Assert.Equal(4, columns.Length);
        Assert.All(columns, column => Assert.True(int.TryParse(column.GetAttribute("data-article-id"), out _)));
        Assert.Equal(
            ["The Harbor Ledger", "Coastline Daily", "Metro Wire", "Bayside Courier"],
            columns.Select(c => c.QuerySelector("[data-testid=article-outlet]")!.TextContent));
        Assert.Contains("Councillors voted 6 to 3 in favour of the project.", columns[2].TextContent);
        Assert.Equal("13 March 2026", columns[0].QuerySelector("time")!.TextContent);
    }

    [Fact]
    public async Task UnknownStorySaysSo()
    {
        var page = await Html.GetAsync(app.Factory.CreateClient(), "/stories/999999");

        Assert.Equal("Story not found", page.QuerySelector("h1")!.TextContent);
    }

    [Theory]
    [InlineData("/no-such-page")]
    [InlineData("/stories/1/no-such-view")]
    public async Task AnUnknownAddressGetsTheNotFoundPageInTheAppsLayout(string url)
    {
        var response = await app.Factory.CreateClient().GetAsync(url);
        var page = Html.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Not found", page.QuerySelector("h1")!.TextContent);
        Assert.NotNull(page.QuerySelector("header a.brand"));
    }

    [Fact]
    public async Task AnUnknownApiAddressKeepsItsBareStatus()
    {
        var response = await app.Factory.CreateClient().GetAsync("/api/no-such-endpoint");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/matrix", "coverage-matrix")]
    [InlineData("/framing", "framing")]
    public async Task EachViewHasItsOwnAddress(string view, string testId)
    {
        var client = app.Factory.CreateClient();
        var home = await Html.GetAsync(client, "/");
        var storyUrl = home.QuerySelector("[data-testid=story-link]")!.GetAttribute("href")!;

        var page = await Html.GetAsync(client, storyUrl + view);

        Assert.NotNull(page.QuerySelector($"[data-testid={testId}]"));
        Assert.Empty(page.QuerySelectorAll("[data-testid=article-column]"));
        Assert.Equal("page", page.QuerySelector($"[data-testid=view-{view.TrimStart('/')}]")!.GetAttribute("aria-current"));
    }

    [Fact]
    public async Task HealthCheckReadsAndWritesTheDatabase()
    {
        var response = await app.Factory.CreateClient().GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/healthz")]
    [InlineData("/api/stories")]
    public async Task EveryResponseCarriesTheSecurityHeaders(string url)
    {
        var response = await app.Factory.CreateClient().GetAsync(url);

        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self';", policy);
        Assert.DoesNotContain("unsafe-eval", policy);
        Assert.Contains("frame-ancestors 'none'", policy);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task PagesHaveNoInlineScript()
    {
        var page = await Html.GetAsync(app.Factory.CreateClient(), "/");

        Assert.All(page.QuerySelectorAll("script"), script => Assert.True(script.HasAttribute("src"), script.OuterHtml));
    }

    [Fact]
    public async Task BlazorClientScriptIsServed()
    {
        var response = await app.Factory.CreateClient().GetAsync("/_framework/blazor.web.js");

        response.EnsureSuccessStatusCode();
        Assert.Contains("Blazor", await response.Content.ReadAsStringAsync());
    }
}
