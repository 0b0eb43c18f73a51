using Microsoft.Playwright;

namespace CoverageCompare.E2E;

[Collection(AppCollection.Name)]
public sealed class FramingViewTests(AppFixture app)
{
    [Fact]
    public async Task TheFramingViewShowsEachArticlesFigures()
    {
        var page = await DemoStoryPage.OpenAsync(app);

        await page.GetByTestId("view-framing").ClickAsync();
        var framing = page.GetByTestId("framing");
        await Assertions.Expect(framing).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("view-framing")).ToHaveAttributeAsync("aria-current", "page");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/stories/\d+/framing$"));

        var rows = framing.GetByTestId("framing-row");
        await Assertions.Expect(rows).ToHaveCountAsync(4);
        var figures = await rows.EvaluateAllAsync<string[]>(
            """
            rows => rows.map(row => [row.querySelector('th').textContent.trim(),
                ...['claims', 'attributed', 'hedged', 'quotes', 'covered', 'omitted', 'single']
                    .map(m => row.querySelector(`[data-measure=${m}]`).dataset.value)].join(' '))
            """);
        Assert.Equal(
        [
            "The Harbor Ledger 10 1 1 1 9 1 1",
            "Coastline Daily 7 1 0 1 6 4 1",
            "Metro Wire 8 2 0 1 7 3 1",
            "Bayside Courier 6 1 1 1 5 5 1",
        ], figures);

        await Assertions.Expect(framing.GetByTestId("chart-quotes").Locator("g.bar")).ToHaveCountAsync(4);
        var quote = framing.GetByTestId("framing-fact").Filter(new() { HasText = "This line connects" });
        await Assertions.Expect(quote.Locator("[data-differs]", new() { HasText = "connects" })).ToBeVisibleAsync();

        var csv = await page.APIRequest.GetAsync(await framing.GetByTestId("framing-csv").GetAttributeAsync("href") ?? "");
        Assert.Equal(200, csv.Status);
        Assert.Contains("Metro Wire", await csv.TextAsync());
    }
}
