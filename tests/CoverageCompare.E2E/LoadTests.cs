using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace CoverageCompare.E2E;

/// <summary>
/// The load test of issue 7: fifty pages (browser contexts of one Chromium) on the demo story, five of them signed in
/// and annotating for a minute, alternately through the form (a claim's Annotate, note, Save) and through the JSON API
/// with their own sign-in cookie; the other forty-five watch. Afterwards: nothing failed (no error bar, no console or
/// page error, no error in the app's log, every save acknowledged), nothing was lost (every acknowledged annotation is
/// stored and shown in every watching page) and how long an annotation took from its save until each watching page
/// showed it (a MutationObserver's timestamp per page; .NET's UtcNow and the browser's Date.now() read the same
/// clock). The app's heap, after a forced full collection, is measured before the fifty open and after they have all
/// closed. Opt in with COVERAGE_LOAD=1 (see <see cref="LoadFactAttribute"/>); the figures go to the test output and
/// to TestResults/load.txt.
/// </summary>
public sealed partial class LoadTests(MeasuredApp app, ITestOutputHelper output) : IClassFixture<MeasuredApp>
{
    private const int Contexts = 50;
    private const int Annotators = 5;
    private const int Batch = 5;

    /// <summary>How close to the heap before the load counts as back .</summary>
    private const long Settled = 2 * 1024 * 1024;

    /// <summary>How long the annotators work, and how often each saves an annotation.</summary>
    private static readonly TimeSpan Duration = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan Pace = TimeSpan.FromSeconds(2);

    private const string ObserverScript =
        """
        () => {
            window.loadSeen = new Map();
            const record = () => {
                const now = Date.now();
                for (const mark of document.querySelectorAll("mark[data-annotation-id]")) {
                    const id = mark.dataset.annotationId.toLowerCase();
                    if (!window.loadSeen.has(id)) window.loadSeen.set(id, now);
                }
            };
            new MutationObserver(record).observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ["data-annotation-id"] });
            record();
        }
        """;

    private readonly ConcurrentQueue<string> browserErrors = new();
    private volatile bool collectingErrors = true;

    [LoadFact]
    [Trait("Category", "Load")]
    [Trait("Category", "Slow")]
    public async Task FiftyPagesOnOneStoryWhileFiveAnnotateForAMinuteLoseNothingAndLeakNothing()
    {
        var clock = Stopwatch.StartNew();
        var storyId = await app.DemoStoryIdAsync();
        var people = new List<string>();
        for (var i = 1; i <= Annotators; i++)
        {
            people.Add(await RegisterAsync($"Annotator {i}"));
        }
        var targets = await TargetsAsync(storyId);

        // A warm-up, so the heap measured before the load already holds what the first page and the first saves of
        // each kind load once (compiled queries, component metadata, the story's analysis).
        var warmAnnotator = await OpenAsync(storyId, people[0], "warm-up annotator");
        var warmReader = await OpenAsync(storyId, null, "warm-up reader");
        await warmReader.EvaluateAsync(ObserverScript);
        var warmUp = new[]
        {
            await AnnotateThroughTheFormAsync(warmAnnotator, "Warm-up through the form", 0),
            await AnnotateThroughTheApiAsync(warmAnnotator, storyId, targets[0], "Warm-up through the API"),
        };
        await WaitUntilShownAsync(warmReader, warmUp.Select(a => a.Id).ToArray());
        await CloseAsync(storyId, [warmAnnotator, warmReader]);
        await app.WaitUntilCircuitsCollectedAsync();
        var before = HeapSize.Measure();
        var opening = Stopwatch.StartNew();

        var annotators = new List<IPage>();
        for (var i = 0; i < Annotators; i++)
        {
            annotators.Add(await OpenAsync(storyId, people[i], $"annotator {i + 1}"));
        }
        var watchers = new List<IPage>();
        foreach (var batch in Enumerable.Range(1, Contexts - Annotators).Chunk(Batch))
        {
            watchers.AddRange(await Task.WhenAll(batch.Select(n => OpenAsync(storyId, null, $"watcher {n}"))));
        }
        var pages = annotators.Concat(watchers).ToList();
        await WaitForCircuitsAsync(storyId, Contexts, TimeSpan.FromMinutes(2));
        await Assertions.Expect(watchers[^1].GetByTestId("presence").Locator("li")).ToHaveCountAsync(Contexts);
        foreach (var watcher in watchers)
        {
            await watcher.EvaluateAsync(ObserverScript);
        }
        opening.Stop();
        var open = HeapSize.Measure();
        var warningsBefore = app.Log.Entries.Count;

        var cpuAtStart = CpuTimes.Now();
        var loadStart = DateTime.UtcNow;
        var work = await Task.WhenAll(annotators.Select((page, i) => AnnotateForAMinuteAsync(page, i, storyId, targets, loadStart)));
        var cpu = CpuTimes.Now().Since(cpuAtStart) + $"; load average over the last minute {CpuTimes.LoadAverage()}";
        var acknowledged = work.SelectMany(w => w.Acknowledged).ToList();
        var failures = work.SelectMany(w => w.Failures).ToList();
        var ids = acknowledged.Select(a => a.Id).ToArray();
        var settling = Stopwatch.StartNew();
        var notShown = (await Task.WhenAll(watchers.Select(async (w, n) => await WaitUntilShownAsync(w, ids) ? null : $"watcher {n + 1}")))
            .OfType<string>().ToList();
        settling.Stop();

        var latencies = new List<double>();
        var shownAtTheEnd = new List<int>();
        var errorBars = 0;
        foreach (var watcher in watchers)
        {
            var seen = await watcher.EvaluateAsync<Dictionary<string, double>>("() => Object.fromEntries(window.loadSeen)");
            latencies.AddRange(acknowledged.Where(a => seen.ContainsKey(a.Id)).Select(a => seen[a.Id] - a.SavedAt));
            var marks = await watcher.EvaluateAsync<string[]>("() => [...new Set([...document.querySelectorAll('mark[data-annotation-id]')].map(m => m.dataset.annotationId.toLowerCase()))]");
            shownAtTheEnd.Add(ids.Intersect(marks).Count());
        }
        foreach (var page in pages)
        {
            if (await page.Locator("#blazor-error-ui").IsVisibleAsync()) errorBars++;
        }
        var stored = await StoredIdsAsync(storyId);
        var lost = ids.Except(stored).ToList();
        var appErrors = app.Log.Errors.Select(e => e.ToString()).ToList();
        var warnings = app.Log.Entries.Skip(warningsBefore).Where(e => e.Level == Microsoft.Extensions.Logging.LogLevel.Warning).ToList();
        collectingErrors = false;

        var closing = Stopwatch.StartNew();
        await CloseAsync(storyId, pages);
        closing.Stop();
        // A circuit the load left held by something (a subscription, an event handler) would never be collected.
        await app.WaitUntilCircuitsCollectedAsync();
        var after = HeapSize.Measure();
        var (settled, settledAfter) = await WaitForPooledBuffersToGoAsync(before);

        var form = acknowledged.Count(a => a.Via == "form");
        var confirmations = acknowledged.GroupBy(a => a.Via).ToDictionary(g => g.Key, g => g.Select(a => a.AcknowledgedAt - a.SavedAt).ToList());
        var report = string.Create(CultureInfo.InvariantCulture,
            $"load: {Contexts} browser contexts on the demo story ({Annotators} signed-in annotators, {watchers.Count} anonymous watchers), " +
            $"opened in {opening.Elapsed.TotalSeconds:0} s; {acknowledged.Count} annotations acknowledged in {Duration.TotalSeconds:0} s " +
            $"(planned: one every {Pace.TotalSeconds:0} s per annotator, {Annotators * (int)(Duration / Pace)}; a save waits for the one before) " +
            $"({form} through the form, {acknowledged.Count - form} through the API), {failures.Count} failed; " +
            $"save to acknowledgement p50/p95: form {Percentile(confirmations.GetValueOrDefault("form", [0]), 50):0}/{Percentile(confirmations.GetValueOrDefault("form", [0]), 95):0} ms, " +
            $"API {Percentile(confirmations.GetValueOrDefault("api", [0]), 50):0}/{Percentile(confirmations.GetValueOrDefault("api", [0]), 95):0} ms. " +
            $"Propagation from save to a watching page, over {latencies.Count} (annotation, watcher) pairs: " +
            $"p50 {Percentile(latencies, 50):0} ms, p95 {Percentile(latencies, 95):0} ms, max {(latencies.Count == 0 ? 0 : latencies.Max()):0} ms; " +
            $"every watcher showed all of them {settling.Elapsed.TotalSeconds:0.0} s after the last save. CPU during the minute: {cpu}. " +
            $"Lost: {lost.Count} of {ids.Length} missing from the API, {shownAtTheEnd.Count(n => n < ids.Length)} watchers showing fewer than all " +
            $"(fewest {(shownAtTheEnd.Count == 0 ? 0 : shownAtTheEnd.Min())}). Errors: {errorBars} error bars, {browserErrors.Count} console or page errors, " +
            $"{appErrors.Count} errors and {warnings.Count} warnings in the app's log. " +
            $"Server heap after a forced full GC: before {before}, {Contexts} open {open}, after the load with all closed {after} " +
            $"({Signed((after.Heap - before.Heap) / 1024.0)} KB), all {app.Circuits.Opened} circuits the test opened garbage-collected; " +
            $"{(settled.Heap <= before.Heap + Settled ? "back to" : "still")} {settled} {settledAfter.TotalSeconds:0} s later ({Signed((settled.Heap - before.Heap) / 1024.0)} KB against before); closing took {closing.Elapsed.TotalSeconds:0} s, the whole test {clock.Elapsed.TotalSeconds:0} s.");
        output.WriteLine(report);
        foreach (var line in failures.Concat(notShown.Select(w => $"{w} did not show every annotation"))
                     .Concat(browserErrors).Concat(appErrors).Concat(warnings.Select(w => w.ToString())).Take(40))
        {
            output.WriteLine("  " + line);
        }
        Directory.CreateDirectory("TestResults");
        await File.WriteAllTextAsync(Path.Combine("TestResults", "load.txt"), report + "\n");

        Assert.True(failures.Count == 0, report);
        Assert.True(acknowledged.Count >= Annotators, report);
        Assert.True(lost.Count == 0 && notShown.Count == 0 && shownAtTheEnd.All(n => n == ids.Length), report);
        Assert.True(errorBars == 0 && browserErrors.IsEmpty && appErrors.Count == 0, report);
        Assert.True(before.Heap > 0 && after.Heap > 0, report);
    }

    /// <summary>
    /// After a load the heap holds large arrays the runtime pools for reuse (render-tree and message buffers, on the
    /// large object heap); the shared array pool drops those unused for a minute at a full collection. This checks,
    /// with a full collection every 2 s for up to two minutes, whether the heap comes back to within
    /// <see cref="Settled"/> of where it was before the load, and reports where it got: reported, not asserted, as the
    /// timing is the runtime's.
    /// </summary>
    private static async Task<(HeapSize Heap, TimeSpan After)> WaitForPooledBuffersToGoAsync(HeapSize before)
    {
        var clock = Stopwatch.StartNew();
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(2));
        var heap = HeapSize.Measure();
        while (heap.Heap > before.Heap + Settled && clock.Elapsed < TimeSpan.FromMinutes(2))
        {
            await timer.WaitForNextTickAsync();
            heap = HeapSize.Measure();
        }
        return (heap, clock.Elapsed);
    }

    /// <summary>One annotator's minute: a save every <see cref="Pace"/>, alternately through the form and the API, staggered against the others.</summary>
    private async Task<Work> AnnotateForAMinuteAsync(IPage page, int index, int storyId, IReadOnlyList<Target> targets, DateTime start)
    {
        var work = new Work();
        var stopAt = start + Duration;
        var next = start + Pace * index / Annotators;
        for (var n = 0; next < stopAt; n++)
        {
            // Pacing, not synchronisation: each annotator saves at a fixed rate, as people at work do.
            if (next - DateTime.UtcNow is { Ticks: > 0 } wait) await Task.Delay(wait);
            var note = $"Load {index + 1}-{n:000}";
            try
            {
                work.Acknowledged.Add(n % 2 == 0
                    ? await AnnotateThroughTheFormAsync(page, note, index * 7 + n)
                    : await AnnotateThroughTheApiAsync(page, storyId, targets[(index * 31 + n) % targets.Count], note));
            }
            catch (Exception exception) when (exception is PlaywrightException or TimeoutException or InvalidOperationException)
            {
                work.Failures.Add($"{note}: {exception.Message.Split('\n')[0]}");
            }
            next = new DateTime(Math.Max((next + Pace).Ticks, DateTime.UtcNow.Ticks), DateTimeKind.Utc);
        }
        return work;
    }

    /// <summary>A claim's Annotate in the claims panel, a note, Save; acknowledged when the new thread shows open with the note.</summary>
    private static async Task<Saved> AnnotateThroughTheFormAsync(IPage page, string note, int claim)
    {
        await page.GetByTestId("side-claims").ClickAsync();
        var buttons = page.GetByTestId("annotate-claim");
        // The claims panel renders after the click's round trip, which takes its time under load.
        await Assertions.Expect(buttons.First).ToBeVisibleAsync();
        await buttons.Nth(claim % await buttons.CountAsync()).ClickAsync();
        await page.GetByTestId("annotation-note").FillAsync(note);
        var savedAt = Now();
        await page.GetByTestId("annotation-save").ClickAsync();
        var thread = page.Locator("[data-testid=annotation].is-open", new() { HasText = note });
        await Assertions.Expect(thread).ToHaveCountAsync(1);
        var acknowledgedAt = Now();
        var id = await thread.GetAttributeAsync("data-annotation-id") ?? throw new InvalidOperationException("The new thread has no id.");
        return new Saved(id.ToLowerInvariant(), "form", savedAt, acknowledgedAt);
    }

    /// <summary>POST /api/stories/{id}/annotations with the page's own sign-in cookie; acknowledged by its 201.</summary>
    private static async Task<Saved> AnnotateThroughTheApiAsync(IPage page, int storyId, Target target, string note)
    {
        var savedAt = Now();
        var response = await page.APIRequest.PostAsync($"/api/stories/{storyId}/annotations", new()
        {
            DataObject = new { articleId = target.ArticleId, start = target.Start, end = target.End, tags = new[] { "load" }, note },
        });
        var acknowledgedAt = Now();
        var body = await response.TextAsync();
        if (response.Status != 201) throw new InvalidOperationException($"the API answered {response.Status}: {body}");
        var id = JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()!;
        return new Saved(id.ToLowerInvariant(), "api", savedAt, acknowledgedAt);
    }

    /// <summary>Waits until the page's observer has seen every one of the annotations; false if it has not within a minute.</summary>
    private static async Task<bool> WaitUntilShownAsync(IPage page, string[] ids)
    {
        try
        {
            await page.WaitForFunctionAsync("ids => ids.every(id => window.loadSeen.has(id))", ids, new() { PollingInterval = 100, Timeout = 60_000 });
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    /// <summary>Registers through the app's form in a context of its own and keeps the sign-in cookie for the contexts that annotate.</summary>
    private async Task<string> RegisterAsync(string name)
    {
        var page = await app.NewPageAsync();
        var email = $"{name.ToLowerInvariant().Replace(' ', '.')}.{Guid.NewGuid():N}@example.test";
        await page.GotoAsync("/account/register?returnUrl=%2F");
        await page.GetByTestId("register-name").FillAsync(name);
        await page.GetByTestId("register-email").FillAsync(email);
        await page.GetByTestId("register-password").FillAsync(Accounts.Password);
        await page.GetByTestId("register-confirm").FillAsync(Accounts.Password);
        await page.GetByTestId("register-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("login-notice")).ToBeVisibleAsync();
        await page.GetByTestId("login-email").FillAsync(email);
        await page.GetByTestId("login-password").FillAsync(Accounts.Password);
        await page.GetByTestId("login-submit").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(app.BaseUrl + "/");
        await Assertions.Expect(page.GetByTestId("signed-in-as")).ToHaveTextAsync(name);
        var state = await page.Context.StorageStateAsync();
        // The home page it lands on starts a circuit; closed while that is still connecting, it would linger as a
        // dropped connection does, so it closes once the circuit is up and its disconnect beacon can end it.
        await AppFixture.WaitForCircuitAsync(page);
        await page.CloseAsync();
        await page.Context.CloseAsync();
        return state;
    }

    /// <summary>Opens the story in a new context (signed in when given a sign-in state) and collects its console and page errors.</summary>
    private async Task<IPage> OpenAsync(int storyId, string? signedIn, string who)
    {
        var page = await app.NewPageAsync(signedIn);
        page.Console += (_, message) =>
        {
            if (collectingErrors && message.Type == "error") browserErrors.Enqueue($"{who}: console: {message.Text}");
        };
        page.PageError += (_, error) =>
        {
            if (collectingErrors) browserErrors.Enqueue($"{who}: page error: {error}");
        };
        await page.GotoAsync($"/stories/{storyId}");
        await AppFixture.WaitForStoryPageAsync(page);
        return page;
    }

    /// <summary>Closes the tabs, waits until their circuits have ended (the disconnect beacon), then closes their contexts.</summary>
    private async Task CloseAsync(int storyId, IReadOnlyList<IPage> pages)
    {
        foreach (var page in pages)
        {
            await page.CloseAsync();
        }
        await WaitForCircuitsAsync(storyId, 0, TimeSpan.FromMinutes(1));
        foreach (var page in pages)
        {
            await page.Context.CloseAsync();
        }
    }

    private async Task WaitForCircuitsAsync(int storyId, int count, TimeSpan timeout) =>
        await MeasuredApp.WaitUntilAsync(
            async () => app.Circuits.Open == count && await app.ViewersAsync(storyId) == count,
            timeout,
            async () => $"{count} circuits wanted, {app.Circuits.Open} open and {await app.ViewersAsync(storyId)} viewers");

    /// <summary>Three-word stretches of the story's articles, for the API's annotations.</summary>
    private async Task<List<Target>> TargetsAsync(int storyId)
    {
        using var client = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        var story = await client.GetFromJsonAsync<JsonElement>($"/api/stories/{storyId}");
        return story.GetProperty("articles").EnumerateArray()
            .SelectMany(a => ThreeWords().Matches(a.GetProperty("text").GetString()!)
                .Select(m => new Target(a.GetProperty("id").GetInt32(), m.Index, m.Index + m.Length)))
            .ToList();
    }

    /// <summary>The ids of the story's stored annotations, as the API lists them to anyone.</summary>
    private async Task<HashSet<string>> StoredIdsAsync(int storyId)
    {
        using var client = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        var threads = await client.GetFromJsonAsync<JsonElement>($"/api/stories/{storyId}/annotations");
        return threads.EnumerateArray().Select(t => t.GetProperty("id").GetString()!.ToLowerInvariant()).ToHashSet();
    }

    private static double Now() => (DateTime.UtcNow - DateTime.UnixEpoch).TotalMilliseconds;

    private static double Percentile(IReadOnlyCollection<double> values, int percent)
    {
        if (values.Count == 0) return 0;
        var sorted = values.Order().ToArray();
        return sorted[Math.Clamp((int)Math.Ceiling(percent / 100.0 * sorted.Length) - 1, 0, sorted.Length - 1)];
    }

    private static string Signed(double value) => value.ToString("+0;-0;0", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"\w+\s\w+\s\w+")]
    private static partial Regex ThreeWords();

    private sealed record Target(int ArticleId, int Start, int End);

    private sealed record Saved(string Id, string Via, double SavedAt, double AcknowledgedAt);

    private sealed class Work
    {
        public List<Saved> Acknowledged { get; } = [];

        public List<string> Failures { get; } = [];
    }
}
