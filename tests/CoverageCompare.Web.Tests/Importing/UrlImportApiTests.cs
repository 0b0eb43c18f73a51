using System.Net;
using System.Net.Http.Json;
using CoverageCompare.Data.Stories;
using CoverageCompare.Web.Api;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CoverageCompare.Web.Tests.Importing;

/// <summary>The app allowed to fetch from 127.0.0.1, and a page server there.</summary>
public sealed class UrlImportAppFixture : IAsyncLifetime
{
    private readonly CoverageAppFactory factory = new();

    public PageServer Pages { get; } = new();

    public WebApplicationFactory<Program> App { get; private set; } = default!;

    /// <summary>Signed in as the owner of the workspace the tests' stories go into.</summary>
    public HttpClient Client { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        await Pages.InitializeAsync();
        App = factory.WithWebHostBuilder(builder => builder.UseSetting("Import:Url:AllowedHosts:0", "127.0.0.1"));
        Client = (await App.SignedInAccountAsync("Ada")).Client;
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await factory.DisposeAsync();
        await Pages.DisposeAsync();
        CoverageAppFactory.DeleteDatabase(factory.DatabasePath);
    }
}

public sealed class UrlImportApiTests(UrlImportAppFixture fixture) : IClassFixture<UrlImportAppFixture>
{
    private readonly HttpClient client = fixture.Client;

    [Fact]
    public async Task AFetchedPageIsStoredWithItsVisibleTextAndAddress()
    {
        var storyId = await CreateStoryAsync("Fetched HTML");
        var url = fixture.Pages.Url("/article.html");

        var response = await client.PostAsJsonAsync($"/api/stories/{storyId}/articles/from-url", new ImportUrlRequest(url));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var article = (await response.Content.ReadFromJsonAsync<ArticleView>())!;
        Assert.Equal(url, article.Url);
        Assert.Equal("Harbour Ledger", article.Outlet);
        Assert.Equal("Tram line approved", article.Title);
        Assert.Equal("Tram line approved\n\nThe council voted 7 to 2 for the new tram line.", article.Text);
    }

    [Fact]
    public async Task APlainTextPageIsNamedAfterItsHostAndTheRequestCanNameTheOutlet()
    {
        var storyId = await CreateStoryAsync("Fetched text");

        var plain = await client.PostAsJsonAsync($"/api/stories/{storyId}/articles/from-url", new ImportUrlRequest(fixture.Pages.Url("/plain")));
        var notes = await client.PostAsJsonAsync($"/api/stories/{storyId}/articles/from-url",
            new ImportUrlRequest(fixture.Pages.Url("/notes"), Outlet: "Ferry Watch", Title: "Fares"));

        Assert.Equal("127.0.0.1", (await plain.Content.ReadFromJsonAsync<ArticleView>())!.Outlet);
        var markdown = (await notes.Content.ReadFromJsonAsync<ArticleView>())!;
        Assert.Equal(("Ferry Watch", "Fares", "Ferry fares\n\nFares rise by 5% in May."), (markdown.Outlet, markdown.Title, markdown.Text));
    }

    [Theory]
    [InlineData("/report.pdf", "The page is application/pdf; only HTML, plain text and Markdown pages can be imported.")]
    [InlineData("/utf7", "The page is written in the character set \"utf-7\", which can't be read.")]
    [InlineData("/bogus-charset", "The page is written in the character set \"x-no-such-set\", which can't be read.")]
    [InlineData("/redirect/6", "The page redirected more than 5 times, so it was not followed further.")]
    [InlineData("/to-metadata", "The page redirected to 169.254.169.254. That address is a cloud metadata service, so it can't be fetched.")]
    public async Task ARefusedPageIsA400WithTheReasonAndNothingIsStored(string path, string message)
    {
        var storyId = await CreateStoryAsync("Refused " + path);

        var response = await client.PostAsJsonAsync($"/api/stories/{storyId}/articles/from-url", new ImportUrlRequest(fixture.Pages.Url(path)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(message, (await response.Content.ReadFromJsonAsync<ApiError>())!.Error);
        Assert.Empty((await client.GetFromJsonAsync<StoryView>($"/api/stories/{storyId}"))!.Articles);
    }

    [Fact]
    public async Task AnAddressOutsideTheAllowListIsRefused()
    {
        var storyId = await CreateStoryAsync("Private");

        var response = await client.PostAsJsonAsync($"/api/stories/{storyId}/articles/from-url", new ImportUrlRequest("http://192.168.0.1/admin"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("That address is on a private network, so it can't be fetched.", (await response.Content.ReadFromJsonAsync<ApiError>())!.Error);
    }

    [Fact]
    public async Task FetchingIntoAMissingStoryIsNotFoundAndFetchesNothing()
    {
        var response = await client.PostAsJsonAsync("/api/stories/987654/articles/from-url", new ImportUrlRequest(fixture.Pages.Url("/article.html?story=missing")));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(0, fixture.Pages.Hits("/article.html?story=missing"));
    }

    private async Task<int> CreateStoryAsync(string title)
    {
        var response = await client.PostAsJsonAsync("/api/stories", new CreateStoryRequest(title));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<StorySummary>())!.Id;
    }
}
