using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace CoverageCompare.E2E;

[Collection(AppCollection.Name)]
public sealed class AnnotationTests(AppFixture app)
{
    [Fact]
    public async Task SelectingTextWithTheMouseAnnotatesItAndTheAnnotationStaysInPlaceAfterAReload()
    {
        var page = await OpenStoryAsync("Ana Checker", "Mouse annotation", "The council voted 7 to 2 for the tram line on Thursday.", "Work on the line starts in June.");
        await page.GetByTestId("side-annotations").ClickAsync();

        await DragSelectAsync(page, page.GetByTestId("article-column").First.Locator(".article-text p").First, "voted 7 to 2");
        await page.GetByTestId("annotate").ClickAsync();
        await page.GetByTestId("annotation-label").ChooseAsync("Inaccurate");
        await page.GetByTestId("annotation-tags").FillAsync("vote, council");
        await page.GetByTestId("annotation-note").FillAsync("**Check** the [minutes](https://example.org/minutes).");
        await page.GetByTestId("annotation-save").ClickAsync();

        var item = page.GetByTestId("annotation");
        await Assertions.Expect(item).ToHaveCountAsync(1);
        var id = await item.GetAttributeAsync("data-annotation-id");
        await Assertions.Expect(item.GetByTestId("annotation-verdict")).ToHaveTextAsync("Inaccurate");
        await Assertions.Expect(item).ToContainTextAsync("Ana Checker");
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
        var page = await OpenStoryAsync("Ben", "Thread actions", "The bridge reopened on Monday after repairs.", "Repairs ended and the bridge reopened.");
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
        var page = await OpenStoryAsync("Eve", "Hostile note", "The mayor opened the library on Friday.", "On Friday the library was opened by the mayor.");
        var dialogs = 0;
        page.Dialog += async (_, dialog) =>
        {
            dialogs++;
            await dialog.DismissAsync();
        };

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
        var page = await OpenStoryAsync("Cleo", "Across columns", "Alpha reported the first fact in detail.", "Beta reported another fact in detail.");
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
        var page = await OpenStoryAsync("Dan", "Long note", "The river rose by two metres overnight.", "Overnight the river rose two metres.");
        await page.GetByTestId("side-claims").ClickAsync();
        await page.GetByTestId("annotate-claim").First.ClickAsync();

        await page.GetByTestId("annotation-note").FillAsync(new string('x', 20_001));
        await page.GetByTestId("annotation-save").ClickAsync();

        await Assertions.Expect(page.GetByTestId("annotation-error")).ToContainTextAsync("20,000");
        await Assertions.Expect(page.GetByTestId("annotation")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task AnAnonymousReaderIsAskedToSignInAndComesBackToTheStoryAbleToAnnotate()
    {
        var (registered, user) = await Accounts.NewUserAsync(app, "Fay");
        await registered.Context.CloseAsync();
        var page = await DemoStoryPage.OpenAsync(app);
        var storyPath = new Uri(page.Url).AbsolutePath;

        await Assertions.Expect(page.GetByTestId("claim-group").First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("annotate-claim")).ToHaveCountAsync(0);
        await page.GetByTestId("side-annotations").ClickAsync();
        var invitation = page.GetByTestId("sign-in-to-annotate");
        await Assertions.Expect(invitation).ToContainTextAsync("Sign in to annotate");
        await invitation.GetByRole(AriaRole.Link, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/account/login\\?returnUrl="));

        await Accounts.SignInOnThisPageAsync(page, app, user, storyPath);
        await AppFixture.WaitForStoryPageAsync(page);

        await page.GetByTestId("side-annotations").ClickAsync();
        await Assertions.Expect(page.GetByTestId("annotations-panel")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("sign-in-to-annotate")).ToHaveCountAsync(0);
        await page.GetByTestId("side-claims").ClickAsync();
        await Assertions.Expect(page.GetByTestId("annotate-claim").First).ToBeVisibleAsync();
    }

    /// <summary>Registers <paramref name="reviewer"/>, creates the story in their own workspace and opens it.</summary>
    private async Task<IPage> OpenStoryAsync(string reviewer, string title, params string[] texts)
    {
        var (page, _) = await Accounts.NewUserAsync(app, reviewer);
        var storyId = await Accounts.CreateStoryAsync(page, title, texts.Select((text, i) => new ArticleFile($"a{i}.txt", text, $"Outlet {i + 1}")));
        await page.GotoAsync($"/stories/{storyId}");
        await AppFixture.WaitForStoryPageAsync(page);
        return page;
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
    internal static async Task DragSelectAsync(IPage page, ILocator element, string words)
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
