using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace CoverageCompare.E2E;

/// <summary>Opens the demo story from the home page and waits until the page is interactive.</summary>
internal static class DemoStoryPage
{
    public static async Task<IPage> OpenAsync(AppFixture app, IPage? page = null)
    {
        page ??= await app.NewPageAsync();
        await page.GotoAsync("/");
        await page.Locator("[data-testid=story-link]", new() { HasText = "Northshore tram" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/stories/\d+$"));
        await AppFixture.WaitForStoryPageAsync(page);
        return page;
    }
}
