using CoverageCompare.Data.Workspaces;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace CoverageCompare.E2E.Topology;

/// <summary>
/// Two instances on one PostgreSQL database behind a sticky YARP proxy, in Chromium: presence and changes cross
/// instances, and a sign-in made through the proxy holds on both. Killing an instance is <see cref="InstanceKillTests"/>.
/// </summary>
[Trait("Category", "Topology")]
public sealed class StickyTopologyTests(StickyTopology topology, ITestOutputHelper output) : IClassFixture<StickyTopology>
{
    /// <summary>One annotation normally; with COVERAGE_LOAD=1, the 100 whose percentiles the README quotes and are held to a second.</summary>
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
            var id = (await thread.GetAttributeAsync("data-annotation-id"))!.ToLowerInvariant();
            await ben.Page.WaitForFunctionAsync("id => window.seenAnnotations.has(id)", id);
            var latency = await ben.Page.EvaluateAsync<double>("id => window.seenAnnotations.get(id)", id) - savedAt;
            if (i >= 0) latencies.Add(latency);
        }

        var sorted = latencies.Order().ToArray();
        var report = FormattableString.Invariant(
            $"propagation A -> B over {Propagations} annotations: p50 {sorted[(int)Math.Ceiling(0.5 * sorted.Length) - 1]:0} ms, p95 {sorted[(int)Math.Ceiling(0.95 * sorted.Length) - 1]:0} ms, max {sorted[^1]:0} ms");
        output.WriteLine(report);
        // The one-second target is judged on the measured run's percentiles (README); one change timed on a busy CI
        // machine says only that it crossed, so there the bound is what a reader would call broken.
        var bound = Propagations > 1 ? 1000 : 5000;
        Assert.All(latencies, latency => Assert.InRange(latency, 0, bound));
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

    /// <summary>Makes the browser context's next requests through the proxy go to <paramref name="instance"/>.</summary>
    internal static async Task PinAsync(IPage page, string instance)
    {
        for (var attempt = 0; attempt < 20; attempt++)
        {
            if (await InstanceOfAsync(page) == instance) return;
            // Round robin gives the next new affinity to the other instance.
            await page.Context.ClearCookiesAsync(new() { Name = StickyTopology.AffinityCookie });
        }
        throw new InvalidOperationException($"Could not pin the browser to instance {instance}.");
    }

    internal static async Task<string?> InstanceOfAsync(IPage page)
    {
        var response = await page.APIRequest.GetAsync("/healthz");
        return response.Headers.GetValueOrDefault(StickyTopology.InstanceHeader);
    }

    private const string ObserverScript =
        """
        () => {
            window.seenAnnotations = new Map();
            const record = () => {
                // The highlights in the article, which show every annotation; the panel shows them a page at a time.
                for (const mark of document.querySelectorAll("mark[data-annotation-id]")) {
                    const id = mark.dataset.annotationId.toLowerCase();
                    if (!window.seenAnnotations.has(id)) window.seenAnnotations.set(id, Date.now());
                }
            };
            new MutationObserver(record).observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ["data-annotation-id"] });
            record();
        }
        """;
}
