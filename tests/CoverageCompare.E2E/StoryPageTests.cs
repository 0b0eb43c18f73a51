using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace CoverageCompare.E2E;

[Collection(AppCollection.Name)]
public sealed class StoryPageTests(AppFixture app)
{
    [Fact]
    public async Task DemoStoryShowsItsFourArticlesSideBySide()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/");
        await page.Locator("[data-testid=story-link]", new() { HasText = "Northshore tram" }).ClickAsync();

        var columns = page.Locator("[data-testid=article-column]");
        await Assertions.Expect(columns).ToHaveCountAsync(4);
        await Assertions.Expect(page.Locator("[data-testid=article-outlet]"))
            .ToHaveTextAsync(["The Harbor Ledger", "Coastline Daily", "Metro Wire", "Bayside Courier"]);

        // Measured once the circuit has taken over the prerendered page, which replaces its elements.
        await AppFixture.WaitForStoryPageAsync(page);
        var boxes = await Task.WhenAll((await columns.AllAsync()).Take(2).Select(c => c.BoundingBoxAsync()));
        Assert.True(boxes[1]!.X > boxes[0]!.X + boxes[0]!.Width - 1, "the second column should sit to the right of the first");
        Assert.Equal(boxes[0]!.Y, boxes[1]!.Y, 1.0);
    }

    /// <summary>
    /// The highlights are drawn, not only present in the markup: the article text is shared HTML without the column's CSS
    /// scope attribute, and a scoped rule that forgot <c>::deep</c> would leave every claim looking like plain text.
    /// </summary>
    [Fact]
    public async Task ClaimHighlightsAreDrawnAndTheSwitchTakesThemAway()
    {
        var page = await DemoStoryPage.OpenAsync(app);
        // Other tests of this collection correct the demo story's links, so only its agreements are counted on.
        var agree = page.Locator(".article-text .claim[data-relation=agree]").First;
        var single = page.Locator(".article-text .claim[data-relation=single]").First;

        await Assertions.Expect(agree).ToHaveCSSAsync("text-decoration-line", "underline");
        await Assertions.Expect(agree).ToHaveCSSAsync("text-decoration-style", "solid");
        await Assertions.Expect(agree).Not.ToHaveCSSAsync("background-color", "rgba(0, 0, 0, 0)");
        await Assertions.Expect(single).ToHaveCSSAsync("text-decoration-style", "dotted");

        await page.Locator("input[data-testid=toggle-highlights], [data-testid=toggle-highlights] input").First.ClickAsync();
        await Assertions.Expect(agree).ToHaveCSSAsync("text-decoration-line", "none");
        await Assertions.Expect(agree).ToHaveCSSAsync("background-color", "rgba(0, 0, 0, 0)");
    }

    [Fact]
    public async Task RenamingAStoryWorksOverTheLiveCircuitAndPersists()
    {
        var page = await app.NewPageAsync();
        var storyUrl = await CreateStoryAsync(page, "Rename me");

        await page.GetByTestId("rename-story").ClickAsync();
        await page.GetByTestId("story-title-input").FillAsync("Renamed in the browser");
        await page.GetByTestId("save-story-title").ClickAsync();
        await Assertions.Expect(page.GetByTestId("story-title")).ToHaveTextAsync("Renamed in the browser");

        await page.GotoAsync(storyUrl);
        await Assertions.Expect(page.GetByTestId("story-title")).ToHaveTextAsync("Renamed in the browser");
    }

    [Fact]
    public async Task UploadedFilesLandAsNewColumns()
    {
        var page = await app.NewPageAsync();
        await CreateStoryAsync(page, "Uploads");
        await AppFixture.WaitForFileInputAsync(page);

        await page.GetByTestId("import-file").SetInputFilesAsync(
        [
            new FilePayload
            {
                Name = "first.md",
                MimeType = "text/markdown",
                Buffer = "---\noutlet: River Post\ntitle: Bridge reopens\n---\n\nThe bridge reopened on Monday after repairs."u8.ToArray(),
            },
            new FilePayload
            {
                Name = "second.html",
                MimeType = "text/html",
                Buffer = "<html><head><title>Bridge back in service</title><meta property=\"og:site_name\" content=\"Valley Times\"><script>alert(1)</script></head><body><p>The bridge is open again since Monday.</p></body></html>"u8.ToArray(),
            },
        ]);
        await Assertions.Expect(page.GetByTestId("import-draft")).ToHaveCountAsync(2);
        await page.GetByTestId("import-save").ClickAsync();

        await Assertions.Expect(page.GetByTestId("article-column")).ToHaveCountAsync(2);
        await Assertions.Expect(page.GetByTestId("article-outlet")).ToHaveTextAsync(["River Post", "Valley Times"]);
        await Assertions.Expect(page.GetByTestId("article-column").Nth(1)).ToContainTextAsync("The bridge is open again since Monday.");
        await Assertions.Expect(page.GetByTestId("article-column").Nth(1)).Not.ToContainTextAsync("alert");
    }

    [Fact]
    public async Task ABinaryUploadIsRefusedWithAMessageAndNothingIsLost()
    {
        var page = await app.NewPageAsync();
        await CreateStoryAsync(page, "Refusals");
        await page.GetByTestId("import-text").FillAsync("A pasted article that must stay stored.");
        await page.GetByTestId("import-read-text").ClickAsync();
        await page.GetByTestId("draft-outlet").FillAsync("Paste Gazette");
        await page.GetByTestId("import-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("article-column")).ToHaveCountAsync(1);
        await AppFixture.WaitForFileInputAsync(page);

        await page.GetByTestId("import-file").SetInputFilesAsync(new FilePayload { Name = "photo.txt", MimeType = "text/plain", Buffer = [0x89, 0x50, 0x4E, 0x47, 0x00, 0x01] });

        await Assertions.Expect(page.GetByTestId("import-error")).ToContainTextAsync("binary");
        await Assertions.Expect(page.GetByTestId("article-column")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task RemovingAnArticleAsksFirst()
    {
        var page = await app.NewPageAsync();
        await CreateStoryAsync(page, "Removals");
        await page.GetByTestId("import-text").FillAsync("Only article in this story.");
        await page.GetByTestId("import-read-text").ClickAsync();
        await page.GetByTestId("draft-outlet").FillAsync("Solo Post");
        await page.GetByTestId("import-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("article-column")).ToHaveCountAsync(1);

        await page.GetByTestId("delete-article").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("article-column")).ToHaveCountAsync(1);

        await page.GetByTestId("delete-article").ClickAsync();
        await page.GetByTestId("confirm").ClickAsync();
        await Assertions.Expect(page.GetByTestId("article-column")).ToHaveCountAsync(0);
    }

    /// <summary>Registers someone, who then starts the story from the home page in their own workspace.</summary>
    private async Task<string> CreateStoryAsync(IPage page, string title)
    {
        await Accounts.RegisterAsync(page, app, "Story Starter");
        await AppFixture.WaitForCircuitAsync(page);
        await page.GetByTestId("new-story-title").FillAsync(title);
        await page.GetByTestId("create-story").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/stories/\d+$"));
        await Assertions.Expect(page.GetByTestId("story-title")).ToHaveTextAsync(title);
        await AppFixture.WaitForCircuitAsync(page);
        return page.Url;
    }
}
