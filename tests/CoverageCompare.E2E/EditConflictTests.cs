using System.Text.Json;
using CoverageCompare.Data.Workspaces;
using Microsoft.Playwright;

namespace CoverageCompare.E2E;

/// <summary>Two people edit one annotation at once: neither change is lost without the person being told.</summary>
[Collection(AppCollection.Name)]
public sealed class EditConflictTests(AppFixture app)
{
    [Fact]
    public async Task AVerdictSavedOverAnotherPersonsNewNoteIsReportedAndTheNoteKept()
    {
        var story = await LiveSession.StartAsync(app, "Edit conflict", "Ada");
        var ada = await LiveSession.OpenAsOwnerAsync(story);
        var ben = await LiveSession.JoinAsync(app, story, "Ben", WorkspaceRole.Editor);
        var articleId = int.Parse((await ada.Page.GetByTestId("article-column").First.GetAttributeAsync("data-article-id"))!);
        var created = await ada.Page.APIRequest.PostAsync($"/api/stories/{story.Id}/annotations",
            new() { DataObject = new { articleId, start = 0, end = 40, label = "Accurate", note = "The first note." } });
        Assert.Equal(201, created.Status);
        var id = JsonDocument.Parse(await created.TextAsync()).RootElement.GetProperty("id").GetString()!;

        var adaThread = await OpenThreadAsync(ada.Page, id);
        var benThread = await OpenThreadAsync(ben.Page, id);

        // A opens the editor; B saves a new note meanwhile.
        await adaThread.GetByTestId("annotation-edit").ClickAsync();
        await benThread.GetByTestId("annotation-edit").ClickAsync();
        await benThread.GetByTestId("annotation-note").FillAsync("Ben's note, checked against the council minutes.");
        await benThread.GetByTestId("annotation-save").ClickAsync();
        await Assertions.Expect(benThread.GetByTestId("annotation-body")).ToContainTextAsync("Ben's note");

        // A changes only the verdict and saves: told, shown B's note, nothing overwritten.
        await adaThread.GetByTestId("annotation-label").ChooseAsync("Inaccurate");
        await adaThread.GetByTestId("annotation-save").ClickAsync();
        var conflict = adaThread.GetByTestId("annotation-conflict");
        await Assertions.Expect(conflict).ToBeVisibleAsync();
        await Assertions.Expect(conflict.GetByTestId("conflict-note")).ToContainTextAsync("Ben's note");
        var stored = await ReadAsync(ada.Page, id);
        Assert.Equal("Accurate", stored.GetProperty("label").GetString());
        Assert.StartsWith("Ben's note", stored.GetProperty("note").GetString());

        // Merging keeps B's note and applies A's verdict.
        await conflict.GetByTestId("annotation-merge").ClickAsync();
        await Assertions.Expect(adaThread.GetByTestId("annotation-note")).ToHaveValueAsync("Ben's note, checked against the council minutes.");
        await adaThread.GetByTestId("annotation-save").ClickAsync();
        await Assertions.Expect(adaThread.GetByTestId("annotation-verdict")).ToHaveTextAsync("Inaccurate");
        stored = await ReadAsync(ada.Page, id);
        Assert.Equal("Inaccurate", stored.GetProperty("label").GetString());
        Assert.StartsWith("Ben's note", stored.GetProperty("note").GetString());
        await Assertions.Expect(benThread.GetByTestId("annotation-verdict")).ToHaveTextAsync("Inaccurate");
        await Assertions.Expect(benThread.GetByTestId("annotation-body")).ToContainTextAsync("Ben's note");
    }

    [Fact]
    public async Task DiscardingKeepsTheOtherPersonsVersion()
    {
        var story = await LiveSession.StartAsync(app, "Edit conflict, discarded", "Cleo");
        var cleo = await LiveSession.OpenAsOwnerAsync(story);
        var dev = await LiveSession.JoinAsync(app, story, "Dev", WorkspaceRole.Editor);
        var articleId = int.Parse((await cleo.Page.GetByTestId("article-column").First.GetAttributeAsync("data-article-id"))!);
        var created = await cleo.Page.APIRequest.PostAsync($"/api/stories/{story.Id}/annotations",
            new() { DataObject = new { articleId, start = 0, end = 40, note = "Cleo's first note." } });
        var id = JsonDocument.Parse(await created.TextAsync()).RootElement.GetProperty("id").GetString()!;
        var cleoThread = await OpenThreadAsync(cleo.Page, id);
        await cleoThread.GetByTestId("annotation-edit").ClickAsync();
        // Dev's change arrives through the API while Cleo's editor is open.
        var edited = await dev.Page.APIRequest.PutAsync($"/api/annotations/{id}", new() { DataObject = new { note = "Dev's note.", version = 1 } });
        Assert.Equal(200, edited.Status);
        await Assertions.Expect(cleoThread.GetByTestId("annotation-changed-meanwhile")).ToBeVisibleAsync();

        await cleoThread.GetByTestId("annotation-note").FillAsync("Cleo's second note.");
        await cleoThread.GetByTestId("annotation-save").ClickAsync();
        await cleoThread.GetByTestId("annotation-discard").ClickAsync();

        await Assertions.Expect(cleoThread.GetByTestId("annotation-body")).ToHaveTextAsync("Dev's note.");
        Assert.Equal("Dev's note.", (await ReadAsync(cleo.Page, id)).GetProperty("note").GetString());
    }

    private static async Task<ILocator> OpenThreadAsync(IPage page, string id)
    {
        await page.GetByTestId("side-annotations").ClickAsync();
        var thread = page.Locator($"[data-testid=annotation][data-annotation-id='{id}']");
        await Assertions.Expect(thread).ToBeVisibleAsync();
        return thread;
    }

    private static async Task<JsonElement> ReadAsync(IPage page, string id)
    {
        var response = await page.APIRequest.GetAsync($"/api/annotations/{id}");
        return JsonDocument.Parse(await response.TextAsync()).RootElement;
    }
}
