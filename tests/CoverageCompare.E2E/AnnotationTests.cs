using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace CoverageCompare.E2E;

[Collection(AppCollection.Name)]
public sealed class AnnotationTests(AppFixture app)
{
    [Fact]
    public async Task SelectingTextWithTheMouseAnnotatesItAndTheAnnotationStaysInPlaceAfterAReload()
    {
        var page = await OpenStoryAsync("Mouse annotation", "The council voted 7 to 2 for the tram line on Thursday.", "Work on the line starts in June.");
        await NameReviewerAsync(page, "Ana Checker");

        await DragSelectAsync(page, page.GetByTestId("article-column").First.Locator(".article-text p").First, "voted 7 to 2");
        await page.GetByTestId("annotate").ClickAsync();
        await page.GetByTestId("annotation-label").SelectOptionAsync("Inaccurate");
        await page.GetByTestId("annotation-tags").FillAsync("vote, council");
        await page.GetByTestId("annotation-note").FillAsync("**Check** the [minutes](https://example.org/minutes).");
        await page.GetByTestId("annotation-save").ClickAsync();

        var item = page.GetByTestId("annotation");
        await Assertions.Expect(item).ToHaveCountAsync(1);
        var id = await item.GetAttributeAsync("data-annotation-id");
        await Assertions.Expect(item.GetByTestId("annotation-verdict")).ToHaveTextAsync("Inaccurate");
        await Assertions.Expect(item.Locator("strong")).ToHaveTextAsync("Check");
        await Assertions.Expect(item.Locator("a[href='https://example.org/minutes']")).ToHaveAttributeAsync("rel", "nofollow noopener");
        await Assertions.Expect(page.Locator($"mark[data-annotation-id='{id}']")).ToHaveTextAsync("voted 7 to 2");

        await page.ReloadAsync();
        await AppFixture.WaitForStoryPageAsync(page);
        await Assertions.Expect(page.Locator($"mark[data-annotation-id='{id}']")).ToHaveTextAsync("voted 7 to 2");

        await page.Locator($"mark[data-annotation-id='{id}']").ClickAsync();
        await Assertions.Expect(page.Locator($"[data-testid=annotation][data-annotation-id='{id}']")).ToHaveClassAsync(new Regex("is-open"));
    }

    [Fact]
    public async Task AThreadCanBeRepliedToResolvedEditedDeletedAndRestored()
    {
        var page = await OpenStoryAsync("Thread actions", "The bridge reopened on Monday after repairs.", "Repairs ended and the bridge reopened.");
        await NameReviewerAsync(page, "Ben");
        await AnnotateFirstClaimAsync(page, "Needs a source.");
        var thread = page.GetByTestId("annotation").First;

        await thread.GetByTestId("annotation-reply-open").ClickAsync();
        await thread.GetByTestId("annotation-reply-note").FillAsync("The council press release confirms it.");
        await thread.GetByTestId("annotation-reply-save").ClickAsync();
        await Assertions.Expect(thread.GetByTestId("annotation-reply")).ToContainTextAsync("press release confirms");

        await thread.GetByTestId("annotation-resolve").ClickAsync();
        await Assertions.Expect(page.GetByTestId("annotation")).ToHaveCountAsync(0);
        await page.GetByTestId("annotations-filter-resolved").CheckAsync();
        await Assertions.Expect(thread).ToHaveAttributeAsync("data-state", "resolved");
        await thread.GetByTestId("annotation-reopen").ClickAsync();
        await page.GetByTestId("annotations-filter-active").CheckAsync();
        await Assertions.Expect(thread).ToHaveAttributeAsync("data-state", "open");

        await thread.GetByTestId("annotation-edit").ClickAsync();
        await thread.GetByTestId("annotation-note").FillAsync("Source found: the council's statement.");
        await thread.GetByTestId("annotation-save").ClickAsync();
        await Assertions.Expect(thread.GetByTestId("annotation-body")).ToHaveTextAsync("Source found: the council's statement.");

        await thread.GetByTestId("annotation-history").ClickAsync();
        await Assertions.Expect(thread.GetByTestId("annotation-history-list").Locator("li")).Not.ToHaveCountAsync(0);
        await Assertions.Expect(thread.GetByTestId("annotation-history-list")).ToContainTextAsync("Needs a source.");

        var id = await thread.GetAttributeAsync("data-annotation-id");
        await thread.GetByTestId("annotation-delete").ClickAsync();
        await page.GetByTestId("confirm").ClickAsync();
        await Assertions.Expect(page.Locator($"mark[data-annotation-id='{id}']")).ToHaveCountAsync(0);
        await page.GetByTestId("annotations-filter-deleted").CheckAsync();
        var deleted = page.Locator($"[data-testid=annotation][data-annotation-id='{id}']");
        await Assertions.Expect(deleted).ToHaveAttributeAsync("data-state", "deleted");

        await deleted.GetByTestId("annotation-restore").ClickAsync();
        await page.GetByTestId("annotations-filter-active").CheckAsync();
        await Assertions.Expect(page.Locator($"[data-testid=annotation][data-annotation-id='{id}']")).ToHaveAttributeAsync("data-state", "open");
        await Assertions.Expect(page.Locator($"mark[data-annotation-id='{id}']")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task HostileMarkupInANoteIsShownAsTextAndRunsNothing()
    {
        var page = await OpenStoryAsync("Hostile note", "The mayor opened the library on Friday.", "On Friday the library was opened by the mayor.");
        var dialogs = 0;
        page.Dialog += async (_, dialog) =>
        {
            dialogs++;
            await dialog.DismissAsync();
        };
        await NameReviewerAsync(page, "Eve");

        await AnnotateFirstClaimAsync(page, "<img src=x onerror=alert(1)> and [click](javascript:alert(2))");

        var body = page.GetByTestId("annotation").First.GetByTestId("annotation-body");
        await Assertions.Expect(body).ToContainTextAsync("<img src=x onerror=alert(1)>");
        await Assertions.Expect(page.Locator("[data-testid=annotation] img")).ToHaveCountAsync(0);
        await Assertions.Expect(body.Locator("a[href^='javascript']")).ToHaveCountAsync(0);
        await page.WaitForTimeoutAsync(300);
        Assert.Equal(0, dialogs);
    }

    [Fact]
    public async Task ASelectionAcrossTwoColumnsIsRefusedWithAMessage()
    {
        var page = await OpenStoryAsync("Across columns", "Alpha reported the first fact in detail.", "Beta reported another fact in detail.");
        var first = await page.GetByTestId("article-column").Nth(0).Locator(".article-text p").First.BoundingBoxAsync();
        var second = await page.GetByTestId("article-column").Nth(1).Locator(".article-text p").First.BoundingBoxAsync();

        await page.Mouse.MoveAsync(first!.X + 2, first.Y + first.Height / 2);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(second!.X + 40, second.Y + second.Height / 2, new() { Steps = 8 });
        await page.Mouse.UpAsync();

        await Assertions.Expect(page.GetByTestId("selection-bar")).ToContainTextAsync("within one article");
        await Assertions.Expect(page.GetByTestId("annotate")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task ANoteOverTheLimitIsRefusedAndNothingIsStored()
    {
        var page = await OpenStoryAsync("Long note", "The river rose by two metres overnight.", "Overnight the river rose two metres.");
        await NameReviewerAsync(page, "Dan");
        await page.GetByTestId("side-claims").ClickAsync();
        await page.GetByTestId("annotate-claim").First.ClickAsync();

        await page.GetByTestId("annotation-note").FillAsync(new string('x', 20_001));
        await page.GetByTestId("annotation-save").ClickAsync();

        await Assertions.Expect(page.GetByTestId("annotation-error")).ToContainTextAsync("20,000");
        await Assertions.Expect(page.GetByTestId("annotation")).ToHaveCountAsync(0);
    }

    private async Task<IPage> OpenStoryAsync(string title, params string[] texts)
    {
        using var client = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        var created = await client.PostAsync("/api/stories", JsonContent($$"""{"title": "{{title}}"}"""));
        var storyId = System.Text.Json.JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt32();
        for (var i = 0; i < texts.Length; i++)
        {
            var added = await client.PostAsync($"/api/stories/{storyId}/articles",
                JsonContent(System.Text.Json.JsonSerializer.Serialize(new { fileName = $"a{i}.txt", content = texts[i], outlet = $"Outlet {i + 1}" })));
            added.EnsureSuccessStatusCode();
        }
        var page = await app.NewPageAsync();
        await page.GotoAsync($"/stories/{storyId}");
        await AppFixture.WaitForStoryPageAsync(page);
        return page;
    }

    private static StringContent JsonContent(string json) => new(json, System.Text.Encoding.UTF8, "application/json");

    private static async Task NameReviewerAsync(IPage page, string name)
    {
        await page.GetByTestId("side-annotations").ClickAsync();
        await page.GetByTestId("annotations-panel").GetByTestId("reviewer-name").FillAsync(name);
        await page.GetByTestId("annotations-panel").GetByTestId("reviewer-name-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("annotations-panel").GetByTestId("reviewer-name")).ToHaveCountAsync(0);
    }

    private static async Task AnnotateFirstClaimAsync(IPage page, string note)
    {
        await page.GetByTestId("side-claims").ClickAsync();
        await page.GetByTestId("annotate-claim").First.ClickAsync();
        await page.GetByTestId("annotation-note").FillAsync(note);
        await page.GetByTestId("annotation-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("annotation")).ToHaveCountAsync(1);
    }

    /// <summary>Presses the mouse at the first character of <paramref name="words"/> inside the element and releases it after the last.</summary>
    private static async Task DragSelectAsync(IPage page, ILocator element, string words)
    {
        var points = await element.EvaluateAsync<double[]>(
            """
            (el, words) => {
                const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
                let text = "", nodes = [];
                while (walker.nextNode()) { nodes.push([walker.currentNode, text.length]); text += walker.currentNode.data; }
                const at = (index, end) => {
                    const [node, base] = nodes.filter(([n, b]) => b <= index - (end ? 1 : 0)).at(-1);
                    const range = document.createRange();
                    const local = index - base;
                    range.setStart(node, end ? local - 1 : local);
                    range.setEnd(node, end ? local : local + 1);
                    const rect = range.getBoundingClientRect();
                    return end ? [rect.right - 1, rect.top + rect.height / 2] : [rect.left + 1, rect.top + rect.height / 2];
                };
                const start = text.indexOf(words);
                return [...at(start, false), ...at(start + words.length, true)];
            }
            """, words);
        await page.Mouse.MoveAsync((float)points[0], (float)points[1]);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync((float)points[2], (float)points[3], new() { Steps = 6 });
        await page.Mouse.UpAsync();
    }
}
