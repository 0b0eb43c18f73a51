using Microsoft.Playwright;

namespace CoverageCompare.E2E;

[Collection(AppCollection.Name)]
public sealed class FramingViewTests(AppFixture app)
{
    [Fact]
    public async Task TheFramingViewShowsEachArticlesFigures()
    {
        var page = await app.NewPageAsync();
        await page.AddInitScriptAsync("window.__cspViolations = []; document.addEventListener('securitypolicyviolation', e => window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));");
        page = await DemoStoryPage.OpenAsync(app, page);

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

        // The MudChart draws a bar per article and measure; its table says the same figures to a screen reader.
        var chart = framing.GetByTestId("chart-measures");
        await Assertions.Expect(chart.Locator("svg path.mud-chart-bar")).ToHaveCountAsync(4 * 5);
        await Assertions.Expect(chart.Locator("svg .mud-charts-xaxis text").First).ToHaveTextAsync("1 The Harbor Ledger");
        var quotes = await chart.GetByTestId("chart-figures").Locator("td[data-measure=quotes]").AllTextContentsAsync();
        Assert.Equal(["1 of 10 claims are quotations", "1 of 7 claims are quotations", "1 of 8 claims are quotations", "1 of 6 claims are quotations"], quotes);
        await Assertions.Expect(framing.GetByTestId("timeline-entry")).ToHaveCountAsync(5);
        var quote = framing.GetByTestId("framing-fact").Filter(new() { HasText = "This line connects" });
        await Assertions.Expect(quote.Locator("[data-differs]", new() { HasText = "connects" })).ToBeVisibleAsync();

        var csv = await page.APIRequest.GetAsync(await framing.GetByTestId("framing-csv").GetAttributeAsync("href") ?? "");
        Assert.Equal(200, csv.Status);
        Assert.Contains("Metro Wire", await csv.TextAsync());
        // MudChart's and MudTimeline's inline styles are allowed by style-src; nothing they draw may be blocked.
        Assert.Empty(await page.EvaluateAsync<string[]>("window.__cspViolations"));
    }
}
