using Microsoft.Playwright;

namespace CoverageCompare.E2E;

/// <summary>
/// Articles imported from hostile HTML and Markdown, and a hostile note, shown in a real browser: nothing runs, nothing
/// is fetched from elsewhere, and the policy is never even tested (no CSP violation), because nothing active reaches the page.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class HostileContentTests(AppFixture app)
{
    private const string HostileHtml =
        """
        <html><head><title>Hostile page</title>
        <style>body { background: url(http://evil.example/bg.png) }</style>
        <script>alert('head script')</script>
        <link rel="stylesheet" href="http://evil.example/x.css">
        </head><body>
        <p>The council met on Monday <img src="http://evil.example/pixel.gif" onerror="alert('img')"> to vote on the tram.</p>
        <p onclick="alert('click')" onmouseover="alert('hover')">The vote passed by nine votes to four.</p>
        <svg onload="alert('svg')"><script>alert('svg script')</script><a href="javascript:alert('svg link')"><text>svg</text></a></svg>
        <iframe src="http://evil.example/frame" srcdoc="<script>alert('srcdoc')</script>"></iframe>
        <p style="width: expression(alert('css')); background: url(javascript:alert('css url'))">A <a href="javascript:alert('link')">link</a> follows the vote.</p>
        <object data="http://evil.example/x.swf"></object><embed src="http://evil.example/x.swf">
        <form action="http://evil.example/steal"><input name="q"><button>Go</button></form>
        </body></html>
        """;

    private const string HostileMarkdown =
        """
        ---
        title: Hostile markdown
        outlet: Markdown Mirror
        ---
        The bridge reopened on Tuesday <script>alert('md script')</script> after repairs to the deck.

        <img src=x onerror="alert('md img')"> The repairs cost two million pounds.

        [click me](javascript:alert('md link')) and <iframe src="http://evil.example/md"></iframe>

        <svg><animate onbegin="alert('md svg')" attributeName="x" dur="1s"/></svg>
        <style>@import url(http://evil.example/md.css);</style>
        """;

    private const string HostileNote =
        "<script>alert('note')</script> <img src=x onerror=alert('note img')> <svg onload=alert('note svg')></svg> "
        + "<iframe src=http://evil.example/note></iframe> <div style=\"background:url(http://evil.example/n.png)\">styled</div> "
        + "[link](javascript:alert('note link')) ![pixel](http://evil.example/note.png)";

    [Fact]
    public async Task HostileArticlesAndNotesRunNothingAndLoadNothingFromElsewhere()
    {
        var (page, _) = await Accounts.NewUserAsync(app, "Hilda Hostile");
        var dialogs = new List<string>();
        var foreignRequests = new List<string>();
        page.Dialog += async (_, dialog) =>
        {
            dialogs.Add(dialog.Message);
            await dialog.DismissAsync();
        };
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(app.BaseUrl, StringComparison.Ordinal) && !request.Url.StartsWith("data:", StringComparison.Ordinal)) foreignRequests.Add(request.Url);
        };
        await page.AddInitScriptAsync("window.__cspViolations = []; document.addEventListener('securitypolicyviolation', e => window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));");

        var storyId = await Accounts.CreateStoryAsync(page, "Hostile sources",
        [
            new ArticleFile("hostile.html", HostileHtml, "Hostile Herald"),
            new ArticleFile("hostile.md", HostileMarkdown),
        ]);
        await page.GotoAsync($"/stories/{storyId}");
        await AppFixture.WaitForStoryPageAsync(page);

        var columns = page.GetByTestId("article-column");
        await Assertions.Expect(columns).ToHaveCountAsync(2);
        await Assertions.Expect(columns.Nth(0)).ToContainTextAsync("The vote passed by nine votes to four.");
        await Assertions.Expect(columns.Nth(1)).ToContainTextAsync("The repairs cost two million pounds.");

        await page.GetByTestId("side-claims").ClickAsync();
        await page.GetByTestId("annotate-claim").First.ClickAsync();
        await page.GetByTestId("annotation-note").FillAsync(HostileNote);
        await page.GetByTestId("annotation-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("annotation")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("annotation-body")).ToContainTextAsync("styled");

        // Touch everything an event handler could have been attached to.
        await columns.Nth(0).GetByText("The vote passed by nine votes to four.").HoverAsync();
        await columns.Nth(0).GetByText("The vote passed by nine votes to four.").ClickAsync();

        var content = page.Locator("[data-testid=article-column] .article-text, [data-testid=annotation-body]");
        Assert.Equal(0, await content.Locator("script, iframe, frame, object, embed, svg, img, style, link, form, input").CountAsync());
        Assert.Equal(0, await page.Locator("[onclick], [onerror], [onload], [onmouseover], [onbegin], [srcdoc]").CountAsync());
        Assert.Equal(0, await page.Locator("a[href^='javascript' i], a[href^='data' i], a[href^='vbscript' i]").CountAsync());
        Assert.Equal(0, await content.Locator("[style]").CountAsync());
        Assert.Empty(dialogs);
        Assert.Empty(foreignRequests);
        Assert.Empty(await page.EvaluateAsync<string[]>("window.__cspViolations"));
    }

    /// <summary>
    /// Issue 13, finding 2: a note of 200 '>' exceeded Markdig's depth limit, and every reader who opened the
    /// Annotations panel lost the live connection. Now it shows as written, and the page keeps answering.
    /// </summary>
    [Fact]
    public async Task ADeeplyNestedNoteLeavesTheAnnotationsPanelAndTheLiveConnectionWorking()
    {
        var (page, _) = await Accounts.NewUserAsync(app, "Nadia Nested");
        var storyId = await Accounts.CreateStoryAsync(page, "Nested note",
        [
            new ArticleFile("a.txt", "The council met on Monday to vote on the tram. The vote passed by nine votes to four.", "Plain Post"),
            new ArticleFile("b.txt", "On Monday the council voted on the tram line. Nine members voted for it and four against.", "Daily Plain"),
        ]);
        await page.GotoAsync($"/stories/{storyId}");
        await AppFixture.WaitForStoryPageAsync(page);
        await page.GetByTestId("side-claims").ClickAsync();
        await page.GetByTestId("annotate-claim").First.ClickAsync();
        await page.GetByTestId("annotation-note").FillAsync(new string('>', 200) + " deep");
        await page.GetByTestId("annotation-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("annotation")).ToHaveCountAsync(1);

        // Another reader of the story, arriving afterwards, opens the panel.
        await page.ReloadAsync();
        await AppFixture.WaitForStoryPageAsync(page);
        await page.GetByTestId("side-annotations").ClickAsync();
        await Assertions.Expect(page.GetByTestId("annotation-body")).ToContainTextAsync(new string('>', 200) + " deep");
        await Assertions.Expect(page.GetByTestId("panel-error")).ToHaveCountAsync(0);

        // The circuit still answers: switching panels is a round trip to the server.
        await page.GetByTestId("side-claims").ClickAsync();
        await Assertions.Expect(page.GetByTestId("annotate-claim").First).ToBeVisibleAsync();
        await page.GetByTestId("side-annotations").ClickAsync();
        await Assertions.Expect(page.GetByTestId("annotation")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#blazor-error-ui")).ToBeHiddenAsync();
    }
}
