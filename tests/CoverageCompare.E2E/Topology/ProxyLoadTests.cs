using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace CoverageCompare.E2E.Topology;

/// <summary>
/// The load test's fifty browser contexts on the demo story (five signed-in annotators saving through the API, the rest
/// watching), run twice in one test: once on instance A alone, once through the sticky proxy in front of both
/// instances, so the two figures come from the same machine at the same time. Reported, with nothing lost and no
/// errors asserted. Opt-in (<c>COVERAGE_LOAD=1</c>); the figures go to <c>TestResults/proxy-load.txt</c>.
/// </summary>
[Trait("Category", "Topology")]
[Trait("Category", "Load")]
public sealed partial class ProxyLoadTests(ProxyLoadTopology setup, ITestOutputHelper output) : IClassFixture<ProxyLoadTopology>
{
    private const int Contexts = 50;
    private const int Annotators = 5;
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(40);
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

    private StickyTopology Topology => setup.Topology;

    [ProxyLoadFact]
    public async Task FiftyPagesThroughTheProxyOnTwoInstancesAgainstOneInstanceAlone()
    {
        var signedIn = new List<string>();
        for (var i = 1; i <= Annotators; i++)
        {
            var (page, _) = await Accounts.NewUserAsync(Topology.Browser, $"Annotator {i}");
            signedIn.Add(await page.Context.StorageStateAsync());
            await page.Context.CloseAsync();
        }
        var storyId = await DemoStoryIdAsync(Topology.ProxyUrl);
        var targets = await TargetsAsync(Topology.ProxyUrl, storyId);

        var alone = await RoundAsync("instance A alone", Topology.Instances["A"].BaseUrl.ToString().TrimEnd('/'), storyId, signedIn, targets);
        var proxied = await RoundAsync("two instances through the proxy", Topology.ProxyUrl, storyId, signedIn, targets);

        var report = $"{Contexts} browser contexts on the demo story ({Annotators} annotating through the API for {Duration.TotalSeconds:0} s, the rest watching), " +
                     $"load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}:\n  {alone.Summary}\n  {proxied.Summary}";
        output.WriteLine(report);
        Directory.CreateDirectory("TestResults");
        await File.WriteAllTextAsync(Path.Combine("TestResults", "proxy-load.txt"), report + "\n");
        foreach (var round in new[] { alone, proxied })
        {
            Assert.True(round.Failures.Count == 0 && round.Lost == 0 && round.Errors.IsEmpty, $"{round.Summary}\n{string.Join("\n", round.Failures.Concat(round.Errors).Take(20))}");
        }
    }

    private async Task<Round> RoundAsync(string name, string baseUrl, int storyId, List<string> signedIn, List<Target> targets)
    {
        var errors = new ConcurrentQueue<string>();
        var instances = new ConcurrentBag<string>();
        async Task<IPage> OpenAsync(string? state, string who)
        {
            var context = await Topology.Browser.Browser.NewContextAsync(new() { BaseURL = baseUrl, StorageState = state, ViewportSize = new() { Width = 1400, Height = 900 } });
            context.SetDefaultTimeout(60_000);
            var page = await context.NewPageAsync();
            page.PageError += (_, error) => errors.Enqueue($"{who}: page error: {error}");
            var response = await page.GotoAsync($"/stories/{storyId}");
            instances.Add(response?.Headers.GetValueOrDefault(StickyTopology.InstanceHeader) ?? "A");
            await AppFixture.WaitForStoryPageAsync(page);
            return page;
        }

        var annotators = new List<IPage>();
        for (var i = 0; i < Annotators; i++) annotators.Add(await OpenAsync(signedIn[i], $"annotator {i + 1}"));
        var watchers = new List<IPage>();
        foreach (var batch in Enumerable.Range(1, Contexts - Annotators).Chunk(5))
        {
            watchers.AddRange(await Task.WhenAll(batch.Select(n => OpenAsync(null, $"watcher {n}"))));
        }
        foreach (var watcher in watchers) await watcher.EvaluateAsync(ObserverScript);

        var start = DateTime.UtcNow;
        var work = await Task.WhenAll(annotators.Select((page, i) => AnnotateAsync(page, i, storyId, targets, start)));
        var saved = work.SelectMany(w => w.Saved).ToList();
        var failures = work.SelectMany(w => w.Failures).ToList();
        var ids = saved.Select(s => s.Id).ToArray();
        var latencies = new List<double>();
        var notShown = 0;
        foreach (var watcher in watchers)
        {
            try
            {
                await watcher.WaitForFunctionAsync("ids => ids.every(id => window.loadSeen.has(id))", ids, new() { PollingInterval = 100, Timeout = 60_000 });
            }
            catch (TimeoutException)
            {
                notShown++;
            }
            var seen = await watcher.EvaluateAsync<Dictionary<string, double>>("() => Object.fromEntries(window.loadSeen)");
            latencies.AddRange(saved.Where(s => seen.ContainsKey(s.Id)).Select(s => seen[s.Id] - s.SavedAt));
        }
        var stored = await StoredIdsAsync(baseUrl, storyId);
        var lost = ids.Except(stored).Count() + notShown;
        foreach (var page in annotators.Concat(watchers)) await page.Context.CloseAsync();

        var spread = string.Join(", ", instances.GroupBy(i => i).OrderBy(g => g.Key).Select(g => $"{g.Count()} on {g.Key}"));
        var summary = string.Create(CultureInfo.InvariantCulture,
            $"{name} ({spread}): {saved.Count} annotations acknowledged, {failures.Count} failed, {lost} lost or not shown; " +
            $"save to a watching page over {latencies.Count} pairs p50 {Percentile(latencies, 50):0} ms, p95 {Percentile(latencies, 95):0} ms, " +
            $"max {(latencies.Count == 0 ? 0 : latencies.Max()):0} ms; API acknowledgement p50 {Percentile(saved.Select(s => s.AcknowledgedAt - s.SavedAt).ToList(), 50):0} ms; " +
            $"{errors.Count} page errors");
        return new Round(summary, failures, lost, errors);
    }

    private static async Task<Work> AnnotateAsync(IPage page, int index, int storyId, List<Target> targets, DateTime start)
    {
        var work = new Work();
        var next = start + Pace * index / Annotators;
        for (var n = 0; next < start + Duration; n++)
        {
            if (next - DateTime.UtcNow is { Ticks: > 0 } wait) await Task.Delay(wait);
            var target = targets[(index * 31 + n) % targets.Count];
            var savedAt = Now();
            try
            {
                var response = await page.APIRequest.PostAsync($"/api/stories/{storyId}/annotations", new()
                {
                    DataObject = new { articleId = target.ArticleId, start = target.Start, end = target.End, tags = new[] { "load" }, note = $"Proxy load {index + 1}-{n:000}" },
                });
                var body = await response.TextAsync();
                if (response.Status != 201) work.Failures.Add($"annotator {index + 1}: the API answered {response.Status}: {body}");
                else work.Saved.Add(new Saved(JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()!.ToLowerInvariant(), savedAt, Now()));
            }
            catch (PlaywrightException error)
            {
                work.Failures.Add($"annotator {index + 1}: {error.Message.Split('\n')[0]}");
            }
            next = new DateTime(Math.Max((next + Pace).Ticks, DateTime.UtcNow.Ticks), DateTimeKind.Utc);
        }
        return work;
    }

    private static async Task<int> DemoStoryIdAsync(string baseUrl)
    {
        using var client = new HttpClient { BaseAddress = new Uri(baseUrl) };
        var stories = await client.GetFromJsonAsync<JsonElement>("/api/stories");
        return stories.EnumerateArray().Single(s => s.GetProperty("title").GetString()!.Contains("Northshore tram", StringComparison.Ordinal)).GetProperty("id").GetInt32();
    }

    private static async Task<List<Target>> TargetsAsync(string baseUrl, int storyId)
    {
        using var client = new HttpClient { BaseAddress = new Uri(baseUrl) };
        var story = await client.GetFromJsonAsync<JsonElement>($"/api/stories/{storyId}");
        return story.GetProperty("articles").EnumerateArray()
            .SelectMany(a => ThreeWords().Matches(a.GetProperty("text").GetString()!).Select(m => new Target(a.GetProperty("id").GetInt32(), m.Index, m.Index + m.Length)))
            .ToList();
    }

    private static async Task<HashSet<string>> StoredIdsAsync(string baseUrl, int storyId)
    {
        using var client = new HttpClient { BaseAddress = new Uri(baseUrl) };
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

    [GeneratedRegex(@"\w+\s\w+\s\w+")]
    private static partial Regex ThreeWords();

    private sealed record Target(int ArticleId, int Start, int End);

    private sealed record Saved(string Id, double SavedAt, double AcknowledgedAt);

    private sealed record Round(string Summary, List<string> Failures, int Lost, ConcurrentQueue<string> Errors);

    private sealed class Work
    {
        public List<Saved> Saved { get; } = [];

        public List<string> Failures { get; } = [];
    }
}

/// <summary>A topology of its own for the proxy load test, started only when that test runs (CI skips it).</summary>
public sealed class ProxyLoadTopology : IAsyncLifetime
{
    public StickyTopology Topology { get; } = new();

    public Task InitializeAsync() => ProxyLoadFactAttribute.SkipReason is null ? Topology.InitializeAsync() : Task.CompletedTask;

    public Task DisposeAsync() => Topology.DisposeAsync();
}

/// <summary>The proxy load test takes the topology and fifty browser pages: opt-in with <c>COVERAGE_LOAD=1</c>.</summary>
public sealed class ProxyLoadFactAttribute : FactAttribute
{
    public ProxyLoadFactAttribute() => Skip = SkipReason;

    public static string? SkipReason =>
        Environment.GetEnvironmentVariable(LoadFactAttribute.Variable) != "1"
            ? $"A load test of several minutes; set {LoadFactAttribute.Variable}=1 to run it."
            : TopologyFactAttribute.SkipReason;
}
