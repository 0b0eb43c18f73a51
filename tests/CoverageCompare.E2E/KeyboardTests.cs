using Microsoft.Playwright;

namespace CoverageCompare.E2E;

/// <summary>The story page without a mouse: a skip link, one tab stop per column, and annotating a range of text.</summary>
[Collection(AppCollection.Name)]
public sealed class KeyboardTests(AppFixture app)
{
    [Fact]
    public async Task ATextRangeCanBeSelectedAndAnnotatedFromTheKeyboard()
    {
        var (page, _) = await Accounts.NewUserAsync(app, "Kim Keys");
        var storyId = await Accounts.CreateStoryAsync(page, "Keyboard", Accounts.DemoArticles());
        await page.GotoAsync($"/stories/{storyId}");
        await AppFixture.WaitForStoryPageAsync(page);

        // Each column has exactly one claim in the tab order; single-source claims are reachable too.
        var columns = await page.GetByTestId("article-column").CountAsync();
        await Assertions.Expect(page.Locator(".claim[tabindex='0']")).ToHaveCountAsync(columns);
        var first = page.Locator(".article-text").First.Locator(".claim").First;
        await first.FocusAsync();
        await page.Keyboard.PressAsync("ArrowDown");
        var second = page.Locator(".article-text").First.Locator(".claim").Nth(1);
        await Assertions.Expect(second).ToBeFocusedAsync();
        await Assertions.Expect(second).ToHaveAttributeAsync("tabindex", "0");
        await Assertions.Expect(first).ToHaveAttributeAsync("tabindex", "-1");

        var claimText = (await second.TextContentAsync())!.Trim();
        await page.Keyboard.PressAsync("Shift+ArrowRight");
        await page.Keyboard.PressAsync("Shift+ArrowRight");
        await Assertions.Expect(page.GetByTestId("selection-bar")).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("a");

        await Assertions.Expect(page.GetByTestId("annotation-note")).ToBeVisibleAsync();
        var quote = await page.Locator(".annotation-editor .quote").TextContentAsync();
        Assert.Contains(claimText[..Math.Min(20, claimText.Length)], quote);
        await page.GetByTestId("annotation-note").FillAsync("Annotated without a mouse.");
        await page.GetByTestId("annotation-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("annotation").First).ToContainTextAsync("Annotated without a mouse.");
    }

    [Fact]
    public async Task TheSkipLinkLeadsToTheArticles()
    {
        var page = await DemoStoryPage.OpenAsync(app);

        await page.Locator(".skip-to-articles").FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.Locator("#articles")).ToBeFocusedAsync();
    }
}
