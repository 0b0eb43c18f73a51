using System.Globalization;
using CoverageCompare.Data.Workspaces;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace CoverageCompare.E2E;

/// <summary>
/// Measures how long an annotation saved in one browser takes to appear in another on the same story: from just
/// before the save click in context A (the story's owner) until a MutationObserver in context B (a member they
/// invited, signed in to their own account) sees the new thread. Both clocks are the machine's wall clock (.NET's
/// UtcNow and the browser's Date.now()). The figures go to the test output and to TestResults/live-propagation.txt
/// for the README; the bound asserted is ten times the 500 ms aim, to catch a regression without flaking on a busy
/// machine.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class LivePropagationTests(AppFixture app, ITestOutputHelper output)
{
    private const int Annotations = 20;

    [Fact]
    public async Task TwentyAnnotationsSavedInOneBrowserAllAppearInAnotherAndHowFast()
    {
        var story = await LiveSession.StartAsync(app, "Propagation", "Ana");
        var ana = (await LiveSession.OpenAsOwnerAsync(story)).Page;
        var ben = (await LiveSession.JoinAsync(app, story, "Ben", WorkspaceRole.Viewer)).Page;
        await ben.GetByTestId("side-annotations").ClickAsync();
        await ben.EvaluateAsync(
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
            """);

        var claimButtons = await ana.GetByTestId("annotate-claim").CountAsync();
        var latencies = new List<double>();
        var created = new List<string>();
        for (var i = 0; i < Annotations; i++)
        {
            await ana.GetByTestId("side-claims").ClickAsync();
            await ana.GetByTestId("annotate-claim").Nth(i % claimButtons).ClickAsync();
            await ana.GetByTestId("annotation-note").FillAsync($"Note {i + 1}");
            var savedAt = (DateTime.UtcNow - DateTime.UnixEpoch).TotalMilliseconds;
            await ana.GetByTestId("annotation-save").ClickAsync();

            await Assertions.Expect(ana.Locator("[data-testid=annotation].is-open")).ToContainTextAsync($"Note {i + 1}");
            var id = await ana.Locator("[data-testid=annotation].is-open").GetAttributeAsync("data-annotation-id");
            created.Add(id!);
            await ben.WaitForFunctionAsync("id => window.seenAnnotations.has(id)", id);
            var seenAt = await ben.EvaluateAsync<double>("id => window.seenAnnotations.get(id)", id);
            latencies.Add(seenAt - savedAt);
        }

        await Assertions.Expect(ben.GetByTestId("annotation")).ToHaveCountAsync(Annotations);
        var shown = await ben.GetByTestId("annotation").EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.annotationId)");
        Assert.Equal(created.Order(), shown.Order());

        var report = string.Create(CultureInfo.InvariantCulture,
            $"live propagation, {Annotations} annotations saved in one browser context until shown in another: " +
            $"p50 {Percentile(latencies, 50):0} ms, p95 {Percentile(latencies, 95):0} ms, max {latencies.Max():0} ms " +
            $"(each: {string.Join(", ", latencies.Select(l => l.ToString("0", CultureInfo.InvariantCulture)))})");
        output.WriteLine(report);
        Directory.CreateDirectory("TestResults");
        await File.WriteAllTextAsync(Path.Combine("TestResults", "live-propagation.txt"), report + "\n");
        Assert.True(Percentile(latencies, 95) < 5000, report);
    }

    private static double Percentile(IReadOnlyCollection<double> values, int percent)
    {
        var sorted = values.Order().ToArray();
        return sorted[Math.Clamp((int)Math.Ceiling(percent / 100.0 * sorted.Length) - 1, 0, sorted.Length - 1)];
    }
}
