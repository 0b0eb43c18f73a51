using System.Globalization;
using CoverageCompare.Analysis.Documents;
using CoverageCompare.Data.CheckLists;
using CoverageCompare.Data.Stories;
using CoverageCompare.Data.Workspaces;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace CoverageCompare.E2E;

/// <summary>
/// Issue 16's bar: the check list of a story with 500 items renders in under 300 ms (median). A public story gets 500
/// items through the store; Chromium loads its check-list page again and again, and the time from the navigation's
/// start until the document with all 500 rows is parsed (the server's render included) is read from the page's
/// navigation timing. A second figure times a live re-render of all 500 rows in the circuit (status filter to one
/// status and back). Figures go to TestResults/check-list.txt.
/// </summary>
public sealed class CheckListMeasurementTests(MeasuredApp app, ITestOutputHelper output) : IClassFixture<MeasuredApp>
{
    private const int Items = 500;
    private const int Loads = 20;

    [MeasuredFact]
    [Trait("Category", "Measured")]
    public async Task TheCheckListOfFiveHundredItemsRendersInUnder300Milliseconds()
    {
        var storyId = await SeedAsync();
        var empty = (await app.Services.GetRequiredService<StoryStore>().CreateAsync(Workspace.DemoId, "No checks")).Value;
        var page = await app.NewPageAsync();
        await page.GotoAsync($"/stories/{storyId}/checklist");
        // The server's share: the prerendered page over HTTP, no browser.
        using var client = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        var server = new List<double>();
        var bytes = 0;
        for (var i = 0; i < Loads; i++)
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            bytes = (await client.GetByteArrayAsync($"/stories/{storyId}/checklist")).Length;
            server.Add(watch.Elapsed.TotalMilliseconds);
        }
        await Assertions.Expect(page.GetByTestId("check-item")).ToHaveCountAsync(Items);

        var loads = new List<double>();
        for (var i = 0; i < Loads; i++)
        {
            await page.GotoAsync($"/stories/{storyId}/checklist");
            loads.Add(await page.EvaluateAsync<double>(
                "() => { const n = performance.getEntriesByType('navigation')[0]; return document.querySelectorAll('[data-testid=check-item]').length === 500 ? n.domInteractive - n.startTime : -1; }"));
        }
        Assert.DoesNotContain(-1, loads);
        // The same page with no items: what the app costs around the list (layout, access checks, the machine's load).
        var baseline = new List<double>();
        for (var i = 0; i < Loads; i++)
        {
            await page.GotoAsync($"/stories/{empty}/checklist");
            baseline.Add(await page.EvaluateAsync<double>("() => { const n = performance.getEntriesByType('navigation')[0]; return n.domInteractive - n.startTime; }"));
        }
        await page.GotoAsync($"/stories/{storyId}/checklist");

        await AppFixture.WaitForCircuitAsync(page);
        var rerenders = new List<double>();
        for (var i = 0; i < 10; i++)
        {
            await page.GetByTestId("check-filter-status").ChooseAsync("In review (0)");
            await Assertions.Expect(page.GetByTestId("check-item")).ToHaveCountAsync(0);
            // Open the list first, so the timed part is the choice alone: a click on "All" until every row is back.
            await page.GetByTestId("check-filter-status").ClickAsync();
            await Assertions.Expect(page.Locator(".mud-popover-open .mud-list-item").First).ToBeVisibleAsync();
            rerenders.Add(await page.EvaluateAsync<double>(
                """
                () => new Promise(resolve => {
                    const all = [...document.querySelectorAll('.mud-popover-open .mud-list-item')].find(i => i.textContent.trim() === 'All');
                    const start = performance.now();
                    const observer = new MutationObserver(() => {
                        if (document.querySelectorAll('[data-testid=check-item]').length !== 500) return;
                        observer.disconnect();
                        resolve(performance.now() - start);
                    });
                    observer.observe(document.body, { childList: true, subtree: true });
                    all.click();
                })
                """));
        }

        var report = string.Join('\n',
            string.Create(CultureInfo.InvariantCulture, $"check list of {Items} items, one story"),
            string.Create(CultureInfo.InvariantCulture, $"page load until the document with every row is parsed (navigation start to domInteractive, server render included): median {Percentile(loads, 50):0} ms, p95 {Percentile(loads, 95):0} ms over {Loads} loads"),
            string.Create(CultureInfo.InvariantCulture, $"the same page with an empty check list: median {Percentile(baseline, 50):0} ms, p95 {Percentile(baseline, 95):0} ms"),
            string.Create(CultureInfo.InvariantCulture, $"server alone (GET of the prerendered page, {bytes / 1024} KB): median {Percentile(server, 50):0} ms, p95 {Percentile(server, 95):0} ms"),
            string.Create(CultureInfo.InvariantCulture, $"live re-render of all rows in the circuit (filter back to All, change until 500 rows are in the document): median {Percentile(rerenders, 50):0} ms, p95 {Percentile(rerenders, 95):0} ms over {rerenders.Count}"));
        output.WriteLine(report);
        Directory.CreateDirectory("TestResults");
        await File.WriteAllTextAsync(Path.Combine("TestResults", "check-list.txt"), report + "\n");

        Assert.True(Percentile(loads, 50) < 300, report);
        Assert.True(Percentile(rerenders, 50) < 300, report);
    }

    private async Task<int> SeedAsync()
    {
        var stories = app.Services.GetRequiredService<StoryStore>();
        var storyId = (await stories.CreateAsync(Workspace.DemoId, "Five hundred checks")).Value;
        var text = GeneratedStory.Articles(1, 1500)[0];
        var added = await stories.AddArticleAsync(storyId, new ArticleDraft(new ArticleDetails("Outlet", "Article", null, null, null), text, DocumentFormat.Text));
        Assert.True(added.Succeeded, added.Error);
        var store = app.Services.GetRequiredService<CheckListStore>();
        for (var i = 0; i < Items; i++)
        {
            var start = i * 11 % (text.Length - 120);
            var item = await store.AddAsync(storyId, new NewCheckItem(added.Value, start, start + 60 + i % 50), "Seeder");
            Assert.True(item.Succeeded, item.Error);
            if (i % 3 == 0)
            {
                var edited = await store.EditAsync(item.Item!.Id, new CheckItemEdit("In progress", null, new DateOnly(2026, 12, 1 + i % 28), "Misleading", "Checked."), "Seeder", 1);
                Assert.True(edited.Succeeded, edited.Error);
            }
        }
        return storyId;
    }

    private static double Percentile(IReadOnlyCollection<double> values, int percent)
    {
        var sorted = values.Order().ToArray();
        return sorted[Math.Clamp((int)Math.Ceiling(percent / 100.0 * sorted.Length) - 1, 0, sorted.Length - 1)];
    }
}
