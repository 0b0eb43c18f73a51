using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using CoverageCompare.Data.Workspaces;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace CoverageCompare.E2E.Topology;

/// <summary>
/// SIGKILL of one of two instances behind the sticky proxy, mid-write: nothing acknowledged is lost, the other instance
/// never stops answering, and the killed instance's readers reload from the other. It has a topology of its own, since
/// the instance it kills is gone for whatever test would run after it.
/// </summary>
[Trait("Category", "Topology")]
public sealed partial class InstanceKillTests(StickyTopology topology, ITestOutputHelper output) : IClassFixture<StickyTopology>
{
    private AppFixture App => topology.Browser;

    [TopologyFact]
    public async Task KillingAnInstanceMidWriteLosesNoAcknowledgedWriteAndItsReadersMoveToTheOther()
    {
        var story = await LiveSession.StartAsync(App, "Instance killed", "Dan");
        var writer = story.Owner;
        await StickyTopologyTests.PinAsync(writer, "A");
        var reader = await LiveSession.JoinAsync(App, story, "Eve", WorkspaceRole.Viewer);
        await StickyTopologyTests.PinAsync(reader.Page, "A");
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
        Assert.Equal("B", await StickyTopologyTests.InstanceOfAsync(reader.Page));
        await reader.Page.GetByTestId("side-annotations").ClickAsync();
        await Assertions.Expect(reader.Page.GetByTestId("annotation")).ToHaveCountAsync(stored.Count);

        watching.Cancel();
        await watcher;
        Assert.True(unanswered.IsEmpty, $"B failed to answer {unanswered.Count} times: {string.Join("; ", unanswered.Take(5))}");
        output.WriteLine($"{acknowledged.Count} annotations acknowledged ({killedWith} before the kill), all stored; B answered every probe");
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

    [GeneratedRegex(@"\b\w+ \w+ \w+\b")]
    private static partial Regex ThreeWords();
}
