using System.Net.Http.Json;
using Microsoft.Playwright;

namespace CoverageCompare.E2E;

/// <summary>A story made through the API, opened by several people, each in their own browser context.</summary>
internal static class LiveSession
{
    public const string FirstText =
        "The river authority said on Monday that the flood barrier at Millbrook held through the weekend storm. "
        + "Engineers estimated the repairs to the eastern embankment at 2.4 million pounds, and the work should finish by June. "
        + "Residents who were evacuated on Saturday were allowed home on Sunday evening.";

    public const string SecondText =
        "Millbrook's flood barrier survived the storm, officials confirmed. "
        + "According to the council, repairs will cost about 3 million pounds and could run into the autumn. "
        + "Some residents said they had not been warned before the evacuation.";

    public static async Task<int> CreateStoryAsync(AppFixture app, string title)
    {
        using var client = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        var created = await client.PostAsJsonAsync("/api/stories", new { title });
        var storyId = (await created.Content.ReadFromJsonAsync<IdOnly>())!.Id;
        foreach (var (text, outlet) in new[] { (FirstText, "Harbour Times"), (SecondText, "Valley Post") })
        {
            var added = await client.PostAsJsonAsync($"/api/stories/{storyId}/articles", new { fileName = $"{outlet}.txt", content = text, outlet });
            added.EnsureSuccessStatusCode();
        }
        return storyId;
    }

    /// <summary>Opens the story in a new browser context as someone who has given their name (the reviewer cookie).</summary>
    public static async Task<IPage> OpenAsAsync(AppFixture app, int storyId, string name)
    {
        var page = await app.NewPageAsync();
        await page.Context.AddCookiesAsync([new Cookie { Name = "cc-reviewer", Value = Uri.EscapeDataString(name), Url = app.BaseUrl }]);
        await page.GotoAsync($"/stories/{storyId}");
        await AppFixture.WaitForStoryPageAsync(page);
        return page;
    }

    public static string KeyOf(string name) => "reviewer:" + name.ToLowerInvariant();

    private sealed record IdOnly(int Id);
}
