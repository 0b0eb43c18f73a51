using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace CoverageCompare.E2E;

/// <summary>One news page on 127.0.0.1 for the app to fetch.</summary>
public sealed class NewsPageServer : IAsyncLifetime
{
    private WebApplication? app;

    public string PageUrl { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        app = builder.Build();
        app.MapGet("/2026/ferry-fares.html", () => Results.Content(
            "<html><head><title>Ferry fares to rise in May</title><meta property=\"og:site_name\" content=\"Bay Courier\"></head>"
            + "<body><nav>Home</nav><p>Ferry fares will rise by 5% in May, the operator said on Tuesday.</p><script>track()</script></body></html>",
            "text/html; charset=utf-8"));
        await app.StartAsync();
        PageUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/2026/ferry-fares.html";
    }

    public async Task DisposeAsync()
    {
        if (app is not null) await app.DisposeAsync();
    }
}

[Collection(AppCollection.Name)]
public sealed class UrlImportTests(AppFixture app, NewsPageServer news) : IClassFixture<NewsPageServer>
{
    [Fact]
    public async Task AFetchedPageFillsTheSameReviewFormAsAnUpload()
    {
        var page = await NewStoryPageAsync("Fetched from the web");

        await page.GetByTestId("import-url").FillAsync(news.PageUrl);
        await page.GetByTestId("import-url-fetch").ClickAsync();

        await Assertions.Expect(page.GetByTestId("import-draft")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("import-draft")).ToContainTextAsync(news.PageUrl);
        await Assertions.Expect(page.GetByTestId("draft-outlet")).ToHaveValueAsync("Bay Courier");
        await Assertions.Expect(page.GetByTestId("draft-title")).ToHaveValueAsync("Ferry fares to rise in May");
        await Assertions.Expect(page.GetByTestId("import-url")).ToHaveValueAsync("");
        await page.GetByTestId("import-save").ClickAsync();

        var column = page.GetByTestId("article-column");
        await Assertions.Expect(column).ToHaveCountAsync(1);
        await Assertions.Expect(column).ToContainTextAsync("Ferry fares will rise by 5% in May, the operator said on Tuesday.");
        await Assertions.Expect(column).Not.ToContainTextAsync("track()");
    }

    [Fact]
    public async Task AnAddressOnAPrivateNetworkIsRefusedWithAMessage()
    {
        var page = await NewStoryPageAsync("Fetch refused");

        await page.GetByTestId("import-url").FillAsync("http://10.20.30.40/intranet/report.html");
        await page.GetByTestId("import-url-fetch").ClickAsync();

        await Assertions.Expect(page.GetByTestId("import-error")).ToHaveTextAsync("That address is on a private network, so it can't be fetched.");
        await Assertions.Expect(page.GetByTestId("import-draft")).ToHaveCountAsync(0);
    }

    /// <summary>Registers someone, who starts the story from the home page in their own workspace, where they are an editor (its owner).</summary>
    private async Task<IPage> NewStoryPageAsync(string title)
    {
        var (page, _) = await Accounts.NewUserAsync(app, "Url Importer");
        await AppFixture.WaitForCircuitAsync(page);
        await page.GetByTestId("new-story-title").FillAsync(title);
        await page.GetByTestId("create-story").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/stories/\d+$"));
        await AppFixture.WaitForCircuitAsync(page);
        return page;
    }
}
