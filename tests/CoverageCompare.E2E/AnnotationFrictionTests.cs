using Microsoft.Playwright;

namespace CoverageCompare.E2E;

/// <summary>
/// Issue 16's annotation frictions: resolving can be undone from the snackbar, an edited annotation says when it was
/// edited, and a new annotation's highlight is brought into view and flashed.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class AnnotationFrictionTests(AppFixture app)
{
    [Fact]
    public async Task AResolvedAnnotationComesBackWithUndoAndAnEditedOneSaysWhen()
    {
        var (page, _) = await Accounts.NewUserAsync(app, "Una");
        var storyId = await Accounts.CreateStoryAsync(page, "Frictions",
            [new ArticleFile("a.txt", "The bridge reopened on Monday after repairs.", "Outlet 1"), new ArticleFile("b.txt", "Repairs ended and the bridge reopened.", "Outlet 2")]);
        await page.GotoAsync($"/stories/{storyId}");
        await AppFixture.WaitForStoryPageAsync(page);
        await page.GetByTestId("side-claims").ClickAsync();
        await page.GetByTestId("annotate-claim").First.ClickAsync();
        await page.GetByTestId("annotation-note").FillAsync("Needs a source.");
        await page.GetByTestId("annotation-save").ClickAsync();
        var thread = page.GetByTestId("annotation").First;
        await Assertions.Expect(thread).ToHaveCountAsync(1);
        await Assertions.Expect(thread.GetByTestId("annotation-edited")).ToHaveCountAsync(0);

        await thread.GetByTestId("annotation-resolve").ClickAsync();
        await Assertions.Expect(page.GetByTestId("annotation")).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Button, new() { Name = "Undo" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("annotation")).ToHaveCountAsync(1);
        await Assertions.Expect(thread).ToHaveAttributeAsync("data-state", "open");

        await thread.GetByTestId("annotation-edit").ClickAsync();
        await thread.GetByTestId("annotation-note").FillAsync("Source found: the council's statement.");
        await thread.GetByTestId("annotation-save").ClickAsync();
        await Assertions.Expect(thread.GetByTestId("annotation-body")).ToHaveTextAsync("Source found: the council's statement.");
        await Assertions.Expect(thread.GetByTestId("annotation-edited")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"edited \d{1,2} \w{3} \d{4} \d{2}:\d{2} UTC$"));
    }

    [Fact]
    public async Task ANewAnnotationIsBroughtIntoViewAndFlashes()
    {
        var (page, _) = await Accounts.NewUserAsync(app, "Vic");
        var filler = string.Join("\n\n", Enumerable.Range(1, 40).Select(i => $"Paragraph {i} describes the works on section {i} of the embankment in detail."));
        var storyId = await Accounts.CreateStoryAsync(page, "Flash",
            [new ArticleFile("a.txt", "The bridge reopened on Monday after repairs.\n\n" + filler, "Outlet 1"), new ArticleFile("b.txt", "Repairs ended and the bridge reopened.", "Outlet 2")]);
        await page.GotoAsync($"/stories/{storyId}");
        await AppFixture.WaitForStoryPageAsync(page);
        await page.GetByTestId("side-claims").ClickAsync();
        await page.GetByTestId("annotate-claim").First.ClickAsync();
        await page.GetByTestId("annotation-note").FillAsync("Which bridge?");

        // The reader has scrolled away from the sentence; clicking Save by script keeps Playwright from scrolling back.
        await page.EvaluateAsync("() => window.scrollTo(0, document.documentElement.scrollHeight)");
        var first = page.Locator("[data-article-column]").First.Locator(".article-text p").First;
        await Assertions.Expect(first).Not.ToBeInViewportAsync();
        await page.GetByTestId("annotation-save").EvaluateAsync("button => button.click()");

        var mark = page.Locator("mark.annotation");
        await Assertions.Expect(mark).ToHaveCountAsync(1);
        await Assertions.Expect(mark).ToHaveAttributeAsync("data-flash", "");
        await Assertions.Expect(mark).ToBeInViewportAsync();
        await Assertions.Expect(mark).Not.ToHaveAttributeAsync("data-flash", new System.Text.RegularExpressions.Regex(".*"), new() { Timeout = 10_000 });
    }
}
