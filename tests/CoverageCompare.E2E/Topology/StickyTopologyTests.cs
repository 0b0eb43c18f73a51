using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using CoverageCompare.Data.Workspaces;
using CoverageCompare.Web.Tests.Postgres;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace CoverageCompare.E2E.Topology;

/// <summary>
/// Two instances on one PostgreSQL database behind a sticky YARP proxy, in Chromium: presence and changes cross
/// instances, a sign-in made through the proxy holds on both, and an instance killed mid-write loses nothing it
/// acknowledged while its readers move to the other.
/// </summary>
[Trait("Category", "Topology")]
public sealed partial class StickyTopologyTests(StickyTopology topology, ITestOutputHelper output) : IClassFixture<StickyTopology>
{
    /// <summary>One annotation normally; with COVERAGE_LOAD=1, the 100 whose percentiles the README quotes.</summary>
    private static readonly int Propagations = Environment.GetEnvironmentVariable("COVERAGE_LOAD") == "1" ? 100 : 1;

    private AppFixture App => topology.Browser;

    [TopologyFact]
    public async Task BrowsersOnDifferentInstancesSeeEachOthersPresenceAndAnAnnotationWithinASecond()
    {
        var story = await LiveSession.StartAsync(App, "Across instances", "Ada");
        await PinAsync(story.Owner, "A");
        var ada = await LiveSession.OpenAsOwnerAsync(story);
        var ben = await LiveSession.JoinAsync(App, story, "Ben", WorkspaceRole.Viewer);
        await PinAsync(ben.Page, "B");
        ben = await LiveSession.OpenAsync(ben.Page, ben.User, story);
        Assert.Equal("A", await InstanceOfAsync(ada.Page));
        Assert.Equal("B", await InstanceOfAsync(ben.Page));

        await Assertions.Expect(LiveSession.PresenceOf(ada.Page, ben)).ToBeVisibleAsync();
        await Assertions.Expect(LiveSession.PresenceOf(ben.Page, ada)).ToBeVisibleAsync();

        await ben.Page.GetByTestId("side-annotations").ClickAsync();
        await ben.Page.EvaluateAsync(ObserverScript);
        var claims = await ada.Page.GetByTestId("annotate-claim").CountAsync();
        var latencies = new List<double>();
        // The first change through each instance's NOTIFY path runs code for the first time; it is not a figure.
        for (var i = -1; i < Propagations; i++)
        {
            await ada.Page.GetByTestId("side-claims").ClickAsync();
            await ada.Page.GetByTestId("annotate-claim").Nth((i + 1) % claims).ClickAsync();
            await ada.Page.GetByTestId("annotation-note").FillAsync($"Seen on the other instance, #{i + 1}.");
            var savedAt = (DateTime.UtcNow - DateTime.UnixEpoch).TotalMilliseconds;
            await ada.Page.GetByTestId("annotation-save").ClickAsync();
            var thread = ada.Page.Locator("[data-testid=annotation].is-open", new() { HasText = $"Seen on the other instance, #{i + 1}." });
            await Assertions.Expect(thread).ToHaveCountAsync(1);
            var id = (await thread.GetAttributeAsync("data-annotation-id"))!;
            await ben.Page.WaitForFunctionAsync("id => window.seenAnnotations.has(id)", id);
            var latency = await ben.Page.EvaluateAsync<double>("id => window.seenAnnotations.get(id)", id) - savedAt;
            if (i >= 0) latencies.Add(latency);
        }

        var sorted = latencies.Order().ToArray();
        var report = FormattableString.Invariant(
            $"propagation A -> B over {Propagations} annotations: p50 {sorted[(int)Math.Ceiling(0.5 * sorted.Length) - 1]:0} ms, p95 {sorted[(int)Math.Ceiling(0.95 * sorted.Length) - 1]:0} ms, max {sorted[^1]:0} ms");
        output.WriteLine(report);
        Assert.All(latencies, latency => Assert.InRange(latency, 0, 1000));
    }

    [TopologyFact]
    public async Task ASignInMadeThroughTheProxyHoldsOnBothInstances()
    {
        var (page, user) = await Accounts.NewUserAsync(App, "Cleo");
        await page.Context.ClearCookiesAsync();
        await page.GotoAsync("/account/login?returnUrl=%2F");
        await Accounts.SignInOnThisPageAsync(page, App, user, "/");

        // Cookies belong to the host, not the port: the same sign-in cookie goes to each instance directly.
        foreach (var (name, instance) in topology.Instances)
        {
            await page.GotoAsync(instance.BaseUrl + "workspaces");
            await Assertions.Expect(page.GetByTestId("signed-in-as")).ToHaveTextAsync(user.Name);
            var api = await page.APIRequest.GetAsync(instance.BaseUrl + "api/workspaces");
            Assert.True(api.Status == 200, $"instance {name} answered {api.Status} to the signed-in API call");
        }
    }

    [TopologyFact]
    public async Task KillingAnInstanceMidWriteLosesNoAcknowledgedWriteAndItsReadersMoveToTheOther()
    {
        var story = await LiveSession.StartAsync(App, "Instance killed", "Dan");
        var writer = story.Owner;
        await PinAsync(writer, "A");
        var reader = await LiveSession.JoinAsync(App, story, "Eve", WorkspaceRole.Viewer);
        await PinAsync(reader.Page, "A");
        reader = await LiveSession.OpenAsync(reader.Page, reader.User, story);
        await reader.Page.GetByTestId("side-annotations").ClickAsync();
        var targets = await TargetsAsync(writer, story.Id);

        // B is asked every 100 ms, directly, for the whole test: it must never stop answering.
        using var watching = new CancellationTokenSource();
        var unanswered = new ConcurrentBag<string>();
        var watcher = WatchAsync(topology.Instances["B"].BaseUrl, unanswered, watching.Token);

        var acknowledged = new ConcurrentDictionary<string, string>();
        using var writing = new CancellationTokenSource();
        var writers = Enumerable.Range(1, 3).Select(w => WriteAsync(writer, story.Id, targets, $"w{w}", acknowledged, writing.Token)).ToList();
        await Until(() => acknowledged.Count >= 6, TimeSpan.FromSeconds(30));
        await reader.Page.EvaluateAsync("() => { window.beforeTheKill = true; }");
        Assert.Equal(128 + 9, topology.Instances["A"].Kill());
        var killedWith = acknowledged.Count;
        // The writers keep going: their first requests after the kill fail, then the proxy sends them to B.
        await Until(() => acknowledged.Count >= killedWith + 6, TimeSpan.FromSeconds(30));
        writing.Cancel();
        await Task.WhenAll(writers);

        var stored = await StoredNotesAsync(topology.Instances["B"].BaseUrl, writer, story.Id);
        var lost = acknowledged.Where(a => !stored.TryGetValue(a.Key, out var note) || note != a.Value).ToList();
        Assert.True(lost.Count == 0, $"{lost.Count} of {acknowledged.Count} acknowledged annotations are missing");

        // The reader's circuit died with A; its reconnection goes through the proxy to B, which does not know that
        // circuit, so the page reloads from B (a new document: the marker is gone) and shows the story as stored.
        await reader.Page.WaitForFunctionAsync("() => window.beforeTheKill === undefined", null, new() { Timeout = 60_000, PollingInterval = 200 });
        await AppFixture.WaitForStoryPageAsync(reader.Page);
        Assert.Equal("B", await InstanceOfAsync(reader.Page));
        await reader.Page.GetByTestId("side-annotations").ClickAsync();
        await Assertions.Expect(reader.Page.GetByTestId("annotation")).ToHaveCountAsync(stored.Count);

        watching.Cancel();
        await watcher;
        Assert.True(unanswered.IsEmpty, $"B failed to answer {unanswered.Count} times: {string.Join("; ", unanswered.Take(5))}");
        output.WriteLine($"{acknowledged.Count} annotations acknowledged ({killedWith} before the kill), all stored; B answered every probe");
    }

    /// <summary>Makes the browser context's next requests through the proxy go to <paramref name="instance"/>.</summary>
    private static async Task PinAsync(IPage page, string instance)
    {
        for (var attempt = 0; attempt < 20; attempt++)
        {
            if (await InstanceOfAsync(page) == instance) return;
            // Round robin gives the next new affinity to the other instance.
            await page.Context.ClearCookiesAsync(new() { Name = StickyTopology.AffinityCookie });
        }
        throw new InvalidOperationException($"Could not pin the browser to instance {instance}.");
    }

    private static async Task<string?> InstanceOfAsync(IPage page)
    {
        var response = await page.APIRequest.GetAsync("/healthz");
        return response.Headers.GetValueOrDefault(StickyTopology.InstanceHeader);
    }

    private static async Task WatchAsync(Uri instance, ConcurrentBag<string> unanswered, CancellationToken stop)
    {
        using var client = new HttpClient { BaseAddress = instance, Timeout = TimeSpan.FromSeconds(5) };
        while (!stop.IsCancellationRequested)
        {
            try
            {
                var response = await client.GetAsync("/healthz", CancellationToken.None);
                if (!response.IsSuccessStatusCode) unanswered.Add($"{(int)response.StatusCode} at {DateTime.UtcNow:HH:mm:ss.fff}");
            }
            catch (Exception error) when (error is HttpRequestException or TaskCanceledException)
            {
                unanswered.Add($"{error.GetType().Name} at {DateTime.UtcNow:HH:mm:ss.fff}");
            }
            await Task.Delay(100, CancellationToken.None);
        }
    }

    private static async Task WriteAsync(IPage page, int storyId, List<(int ArticleId, int Start, int End)> targets, string writer, ConcurrentDictionary<string, string> acknowledged, CancellationToken stop)
    {
        for (var n = 0; !stop.IsCancellationRequested; n++)
        {
            var target = targets[n % targets.Count];
            var note = $"{writer} note {n}";
            try
            {
                var response = await page.APIRequest.PostAsync($"/api/stories/{storyId}/annotations", new()
                {
                    DataObject = new { articleId = target.ArticleId, start = target.Start, end = target.End, tags = Array.Empty<string>(), note },
                    Timeout = 10_000,
                });
                if (response.Status == 201) acknowledged[JsonDocument.Parse(await response.TextAsync()).RootElement.GetProperty("id").GetString()!.ToLowerInvariant()] = note;
                else await Task.Delay(100, CancellationToken.None);
            }
            catch (PlaywrightException)
            {
                // Cut off by the kill: neither stored nor acknowledged as far as the writer knows.
                await Task.Delay(100, CancellationToken.None);
            }
        }
    }

    private static async Task<List<(int ArticleId, int Start, int End)>> TargetsAsync(IPage page, int storyId)
    {
        var story = JsonDocument.Parse(await (await page.APIRequest.GetAsync($"/api/stories/{storyId}")).TextAsync()).RootElement;
        return story.GetProperty("articles").EnumerateArray()
            .SelectMany(a => ThreeWords().Matches(a.GetProperty("text").GetString()!).Select(m => (a.GetProperty("id").GetInt32(), m.Index, m.Index + m.Length)))
            .ToList();
    }

    private static async Task<Dictionary<string, string>> StoredNotesAsync(Uri instance, IPage signedIn, int storyId)
    {
        var response = await signedIn.APIRequest.GetAsync(new Uri(instance, $"/api/stories/{storyId}/annotations").ToString());
        Assert.Equal(200, response.Status);
        return JsonDocument.Parse(await response.TextAsync()).RootElement.EnumerateArray()
            .ToDictionary(a => a.GetProperty("id").GetString()!.ToLowerInvariant(), a => a.GetProperty("note").GetString() ?? "");
    }

    private static async Task Until(Func<bool> condition, TimeSpan patience)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > patience) throw new TimeoutException("The condition did not become true in time.");
            await Task.Delay(50);
        }
    }

    private const string ObserverScript =
        """
        () => {
            window.seenAnnotations = new Map();
            const record = () => {
                for (const thread of document.querySelectorAll("[data-testid=annotation][data-annotation-id]")) {
                    const id = thread.dataset.annotationId;
                    if (!window.seenAnnotations.has(id)) window.seenAnnotations.set(id, Date.now());
                }
            };
            new MutationObserver(record).observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ["data-annotation-id"] });
            record();
        }
        """;

    [GeneratedRegex(@"\b\w+ \w+ \w+\b")]
    private static partial Regex ThreeWords();
}
