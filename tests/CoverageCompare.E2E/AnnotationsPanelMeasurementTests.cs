using System.Globalization;
using CoverageCompare.Analysis.Documents;
using CoverageCompare.Data;
using CoverageCompare.Data.Analyses;
using CoverageCompare.Data.Annotations;
using CoverageCompare.Data.Stories;
using CoverageCompare.Data.Workspaces;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace CoverageCompare.E2E;

/// <summary>
/// Issue 13, finding 8: a story with 15,000 annotations took 7.8 s to open its Annotations panel and 0.7 GB of server
/// memory for one viewer. Here a public story holds 5,000 (the per-story cap), seeded through the store in imports of
/// at most the per-import cap; Chromium opens and closes its panel again and again, timed in the page from the click
/// until the first page of threads is in the document; then several viewers keep the panel open and the server's
/// managed heap is measured after a forced full collection. Figures go to TestResults/annotations-panel.txt.
/// Targets: the panel opens in under 1 s (median and p95) and each viewer costs the server under 16 MB.
/// </summary>
public sealed class AnnotationsPanelMeasurementTests(MeasuredApp app, ITestOutputHelper output) : IClassFixture<MeasuredApp>
{
    private const int Annotations = 5_000;
    private const int Opens = 20;
    private const int Viewers = 6;
    private const long PerViewerTarget = 16L * 1024 * 1024;

    [MeasuredFact]
    [Trait("Category", "Measured")]
    public async Task ThePanelOfAStoryWithFiveThousandAnnotationsOpensInUnderASecondAndEachViewerCostsLittleMemory()
    {
        var storyId = await SeedAsync();
        // The engine's analysis of a new story and the first render are not the panel: done, and timed, before it.
        var watch = System.Diagnostics.Stopwatch.StartNew();
        Assert.NotNull(await app.Services.GetRequiredService<AnalysisStore>().GetAsync(storyId));
        var analysed = watch.Elapsed;
        using var client = new HttpClient { BaseAddress = new Uri(app.BaseUrl), Timeout = TimeSpan.FromMinutes(5) };
        var renders = new List<double>();
        for (var i = 0; i < 3; i++)
        {
            watch.Restart();
            (await client.GetAsync($"/stories/{storyId}")).EnsureSuccessStatusCode();
            renders.Add(watch.Elapsed.TotalMilliseconds);
        }
        var before = HeapSize.Measure();

        var first = await app.OpenStoryAsync(storyId);
        await OpenPanelAsync(first);
        await ClosePanelAsync(first);
        var times = new List<double>();
        for (var i = 0; i < Opens; i++)
        {
            times.Add(await OpenPanelAsync(first));
            await ClosePanelAsync(first);
        }
        await OpenPanelAsync(first);
        await Assertions.Expect(first.GetByTestId("annotations-more")).ToContainTextAsync("Show 50 more");
        var one = HeapSize.Measure();

        var pages = new List<IPage> { first };
        for (var i = 1; i < Viewers; i++)
        {
            var page = await app.OpenStoryAsync(storyId);
            await OpenPanelAsync(page);
            pages.Add(page);
        }
        await MeasuredApp.WaitUntilAsync(async () => await app.ViewersAsync(storyId) == Viewers, TimeSpan.FromSeconds(60),
            async () => $"{Viewers} viewers wanted, {await app.ViewersAsync(storyId)}");
        var all = HeapSize.Measure();

        var perViewer = (all.Heap - one.Heap) / (double)(Viewers - 1);
        var report = string.Join('\n',
            string.Create(CultureInfo.InvariantCulture, $"annotations panel, one story with {Annotations:N0} open annotations (threads) on 3 articles, 50 shown per page"),
            string.Create(CultureInfo.InvariantCulture, $"before the panel: analysis of the new story {analysed.TotalSeconds:0.0} s; the story page's prerendered HTML {string.Join(", ", renders.Select(r => r.ToString("0", CultureInfo.InvariantCulture)))} ms (three requests)"),
            string.Create(CultureInfo.InvariantCulture, $"open (click until the first 50 threads are in the document, timed in Chromium): median {Percentile(times, 50):0} ms, p95 {Percentile(times, 95):0} ms, max {times.Max():0} ms over {Opens} opens"),
            string.Create(CultureInfo.InvariantCulture, $"server managed heap after a forced full GC: no viewer {before}; 1 viewer with the panel open {one}; {Viewers} {all}; so {perViewer / 1024 / 1024:0.0} MB per viewer beyond the first"));
        output.WriteLine(report);
        Directory.CreateDirectory("TestResults");
        await File.WriteAllTextAsync(Path.Combine("TestResults", "annotations-panel.txt"), report + "\n");

        // Tabs first, as in CircuitMemoryTests: closing a context at once can drop the disconnect beacon.
        foreach (var page in pages) await page.CloseAsync();
        await MeasuredApp.WaitUntilAsync(async () => app.Circuits.Open == 0 && await app.ViewersAsync(storyId) == 0, TimeSpan.FromSeconds(60),
            async () => $"{app.Circuits.Open} circuits open, {await app.ViewersAsync(storyId)} viewers");
        foreach (var page in pages) await page.Context.CloseAsync();
        await app.WaitUntilCircuitsCollectedAsync();
        var closed = HeapSize.Measure();
        output.WriteLine($"all closed and their circuits collected: {closed}");
        await File.AppendAllTextAsync(Path.Combine("TestResults", "annotations-panel.txt"), $"all closed and their circuits collected: {closed}\n");

        Assert.Empty(app.Log.Errors);
        Assert.True(Percentile(times, 50) < 1000 && Percentile(times, 95) < 1000, report);
        Assert.True(perViewer < PerViewerTarget, report);
    }

    /// <summary>A story in the public Demo workspace (so anonymous pages may read it) with three long articles and 5,000 annotations on them.</summary>
    private async Task<int> SeedAsync()
    {
        var stories = app.Services.GetRequiredService<StoryStore>();
        var storyId = (await stories.CreateAsync(Workspace.DemoId, "Five thousand annotations")).Value;
        var texts = GeneratedStory.Articles(3, 1500);
        var articles = new List<(int Id, string Text)>();
        for (var i = 0; i < texts.Count; i++)
        {
            var added = await stories.AddArticleAsync(storyId, new ArticleDraft(new ArticleDetails($"Outlet {i + 1}", $"Article {i + 1}", null, null, null), texts[i], DocumentFormat.Text));
            Assert.True(added.Succeeded, added.Error);
            articles.Add((added.Value, texts[i]));
        }

        var items = Enumerable.Range(0, Annotations).Select(i =>
        {
            var (articleId, text) = articles[i % articles.Count];
            var start = i * 97 % (text.Length - 80);
            while (start > 0 && text[start - 1] != ' ') start--;
            var end = start + 24 + i % 40;
            return new ImportedAnnotation(Guid.NewGuid(), null, articleId, start, end, text[start..end], text[Math.Max(0, start - 32)..start], text[end..Math.Min(text.Length, end + 32)],
                null, i % 5 == 0 ? ["seeded"] : [], $"Seeded note {i}: checked against the *minutes* of the meeting.", "Seeder", new DateTime(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        }).ToList();
        var store = app.Services.GetRequiredService<AnnotationStore>();
        foreach (var chunk in items.Chunk(new CapacityLimits().MaxAnnotationsPerImport))
        {
            var imported = await store.ImportAsync(storyId, chunk, "Measure Seeder", null);
            Assert.True(imported.Succeeded, imported.Error);
        }
        return storyId;
    }

    /// <summary>Clicks the Annotations tab and times, in the page, until the first page of threads is in the document.</summary>
    private static async Task<double> OpenPanelAsync(IPage page) =>
        await page.EvaluateAsync<double>(
            """
            () => new Promise(resolve => {
                const shown = () => document.querySelectorAll('[data-testid=annotation]').length >= 50;
                const start = performance.now();
                const observer = new MutationObserver(() => {
                    if (!shown()) return;
                    observer.disconnect();
                    resolve(performance.now() - start);
                });
                observer.observe(document.body, { childList: true, subtree: true });
                document.querySelector('[data-testid=side-annotations]').click();
            })
            """);

    private static async Task ClosePanelAsync(IPage page)
    {
        await page.GetByTestId("side-claims").ClickAsync();
        await Assertions.Expect(page.GetByTestId("annotations-panel")).ToHaveCountAsync(0);
    }

    private static double Percentile(IReadOnlyCollection<double> values, int percent)
    {
        var sorted = values.Order().ToArray();
        return sorted[Math.Clamp((int)Math.Ceiling(percent / 100.0 * sorted.Length) - 1, 0, sorted.Length - 1)];
    }
}
