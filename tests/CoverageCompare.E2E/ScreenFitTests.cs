using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace CoverageCompare.E2E;

/// <summary>
/// Every page at a desktop and a phone size, in light and dark mode: nothing wider than the screen, and no serious
/// or critical axe violation. With COVERAGE_SCREENSHOTS set to a folder, each page is also saved there as a PNG.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class ScreenFitTests(AppFixture app)
{
    public static TheoryData<int, int, string> Screens() => new()
    {
        { 1440, 900, "light" },
        { 1440, 900, "dark" },
        { 390, 844, "light" },
        { 390, 844, "dark" },
    };

    [Theory]
    [MemberData(nameof(Screens))]
    public async Task EveryPageFitsTheScreenAndPassesAxe(int width, int height, string mode)
    {
        var (page, user) = await Accounts.NewUserAsync(app, $"Fit {width} {mode}");
        await page.SetViewportSizeAsync(width, height);
        await page.EmulateMediaAsync(new() { ColorScheme = mode == "dark" ? ColorScheme.Dark : ColorScheme.Light });
        var storyId = await Accounts.CreateStoryAsync(page, "Screen fit", Accounts.DemoArticles());
        var workspaceId = await WorkspaceOfAsync(page);
        var problems = new List<string>();

        foreach (var path in new[]
        {
            "/", $"/stories/{storyId}", $"/stories/{storyId}/matrix", $"/stories/{storyId}/framing", "/workspaces",
            $"/stories/{storyId}/checklist", $"/stories/{storyId}/agreement", $"/workspaces/{workspaceId}", $"/workspaces/{workspaceId}/agreement",
            "/account/password", "/no-such-page",
        })
        {
            await page.GotoAsync(path);
            var interactive = !path.StartsWith("/account", StringComparison.Ordinal);
            if (interactive)
            {
                await AppFixture.WaitForCircuitAsync(page);
                // The layout follows the emulated system colour scheme once the circuit has asked the browser.
                await Assertions.Expect(page.Locator(".mud-layout")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex($"\\b{mode}\\b"));
            }
            await CheckAsync(page, path, width, mode, problems);
        }

        await page.Context.ClearCookiesAsync();
        foreach (var path in new[] { "/account/login", "/account/register" })
        {
            await page.GotoAsync(path);
            await CheckAsync(page, path, width, mode, problems);
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.NotNull(user);
    }

    private static async Task CheckAsync(IPage page, string path, int width, string mode, List<string> problems)
    {
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        if (overflow > 0)
        {
            // Name the elements that stick out (a clipped one inside a scrolling box is listed too), so a failure says where to look.
            var culprits = await page.EvaluateAsync<string>(@"() => [...document.querySelectorAll('body *')]
                .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
                .slice(0, 4).map(e => e.tagName.toLowerCase() + (typeof e.className === 'string' && e.className.trim() ? '.' + e.className.trim().split(/\s+/).join('.') : '')).join(', ')");
            problems.Add($"{path} at {width}px ({mode}) is {overflow}px wider than the screen: {culprits}");
        }
        var results = await page.RunAxe();
        problems.AddRange(results.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{path} at {width}px ({mode}): {v.Id} ({v.Impact}) {v.Help} at {string.Join(", ", v.Nodes.Take(2).Select(n => n.Html))}"));
        if (Environment.GetEnvironmentVariable("COVERAGE_SCREENSHOTS") is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            var name = path.Trim('/').Replace('/', '-');
            await page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"{(name.Length == 0 ? "home" : name)}-{width}-{mode}.png"), FullPage = false });
        }
    }

    private static async Task<int> WorkspaceOfAsync(IPage page)
    {
        var response = await page.APIRequest.GetAsync("/api/workspaces");
        var workspaces = System.Text.Json.JsonDocument.Parse(await response.TextAsync()).RootElement;
        return workspaces.EnumerateArray().First(w => w.GetProperty("role").GetString() == "Owner" && !w.GetProperty("isPublic").GetBoolean()).GetProperty("id").GetInt32();
    }
}
