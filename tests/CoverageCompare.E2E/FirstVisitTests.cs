using System.Globalization;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace CoverageCompare.E2E;

/// <summary>
/// What a first visit costs: a new browser context (nothing cached) opens the home page and then the demo story, and
/// every HTTP response's encoded size (headers and body, as sent) is summed. Scripts and stylesheets must come
/// compressed. The figures go to the test output and TestResults/first-visit.txt for the README; the circuit's
/// WebSocket frames are not HTTP responses and are not counted.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class FirstVisitTests(AppFixture app, ITestOutputHelper output)
{
    [Fact]
    public async Task AFirstVisitIsMeasuredAndItsScriptsAndStylesAreCompressed()
    {
        var page = await app.NewPageAsync();
        var responses = new List<IResponse>();
        page.Response += (_, response) => responses.Add(response);

        await page.GotoAsync("/");
        await AppFixture.WaitForCircuitAsync(page);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var home = await MeasureAsync(responses);
        responses.Clear();

        await page.Locator("[data-testid=story-link]", new() { HasText = "Northshore tram" }).ClickAsync();
        await AppFixture.WaitForStoryPageAsync(page);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var story = await MeasureAsync(responses);

        var report = string.Join('\n',
            $"first visit, home page: {home.Bytes / 1024.0:0.0} KB in {home.Count} responses; largest: {home.Largest}",
            $"then the demo story (same visit, cache warm): {story.Bytes / 1024.0:0.0} KB in {story.Count} responses",
            $"uncompressed scripts or styles over 1 KB: {(home.Uncompressed.Count + story.Uncompressed.Count == 0 ? "none" : string.Join(", ", home.Uncompressed.Concat(story.Uncompressed)))}");
        output.WriteLine(report);
        Directory.CreateDirectory("TestResults");
        await File.WriteAllTextAsync(Path.Combine("TestResults", "first-visit.txt"), report + "\n");

        Assert.Empty(home.Uncompressed.Concat(story.Uncompressed));
        Assert.True(home.Bytes < 1024 * 1024, report);
    }

    private sealed record Visit(long Bytes, int Count, string Largest, List<string> Uncompressed);

    private static async Task<Visit> MeasureAsync(List<IResponse> responses)
    {
        long total = 0;
        var sizes = new List<(string Url, long Bytes)>();
        var uncompressed = new List<string>();
        foreach (var response in responses.ToList())
        {
            var sent = await response.Request.SizesAsync();
            var bytes = (long)sent.ResponseBodySize + sent.ResponseHeadersSize;
            total += bytes;
            var path = new Uri(response.Url).AbsolutePath;
            sizes.Add((path, bytes));
            var type = await response.HeaderValueAsync("content-type") ?? "";
            if ((type.Contains("javascript", StringComparison.Ordinal) || type.Contains("css", StringComparison.Ordinal))
                && sent.ResponseBodySize > 1024 && await response.HeaderValueAsync("content-encoding") is not ("gzip" or "br"))
            {
                uncompressed.Add($"{path} ({sent.ResponseBodySize} bytes)");
            }
        }
        var largest = string.Join(", ", sizes.OrderByDescending(s => s.Bytes).Take(4)
            .Select(s => $"{s.Url} {(s.Bytes / 1024.0).ToString("0.0", CultureInfo.InvariantCulture)} KB"));
        return new Visit(total, responses.Count, largest, uncompressed);
    }
}
