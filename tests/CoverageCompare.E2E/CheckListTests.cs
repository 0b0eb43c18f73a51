using System.Text.Json;
using Deque.AxeCore.Playwright;
using System.Text.Json.Nodes;
using CoverageCompare.Data.Workspaces;
using Microsoft.Playwright;

namespace CoverageCompare.E2E;

/// <summary>
/// The check list in the browser: an editor puts claims on it from the story page, sets statuses, assignees and the
/// team's final verdicts, publishes one, and the public page carries ClaimReview; another editor's open list follows
/// live; a viewer and an anonymous reader read and change nothing.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class CheckListTests(AppFixture app)
{
    [Fact]
    public async Task AnEditorListsClaimsSetsFinalVerdictsAndPublishesOneWhosePublicPageCarriesClaimReview()
    {
        var story = await LiveSession.StartAsync(app, "Check list", "Ana");
        var ana = await LiveSession.OpenAsOwnerAsync(story);
        var page = ana.Page;

        await page.GetByTestId("side-claims").ClickAsync();
        var adds = page.GetByTestId("claims-panel").GetByTestId("add-to-checklist");
        await Assertions.Expect(adds.First).ToBeVisibleAsync();
        Assert.True(await adds.CountAsync() >= 2);
        await adds.Nth(0).ClickAsync();
        await Assertions.Expect(page.GetByText("Added to the check list.").First).ToBeVisibleAsync();
        await adds.Nth(1).ClickAsync();
        await Assertions.Expect(page.GetByText("Added to the check list.")).Not.ToHaveCountAsync(0);
        await WaitForItemsAsync(page, story.Id, 2);

        // A second editor has the list open and sees what Ana does without reloading.
        var ben = await LiveSession.JoinAsync(app, story, "Ben", WorkspaceRole.Editor);
        await OpenListAsync(ben.Page, story.Id);
        await OpenListAsync(page, story.Id);
        var items = page.GetByTestId("check-item");
        await Assertions.Expect(items).ToHaveCountAsync(2);

        await items.Nth(0).Locator("button.open").ClickAsync();
        var detail = page.GetByTestId("check-detail");
        await Assertions.Expect(detail.GetByTestId("check-task")).ToHaveCountAsync(2);
        await Assertions.Expect(detail.GetByTestId("check-task").First).ToContainTextAsync("Find the primary source");
        await detail.GetByTestId("check-status").ChooseAsync("Done");
        await detail.GetByTestId("check-assignee").ChooseAsync("Ana");
        await detail.GetByTestId("check-verdict").ChooseAsync("Misleading");
        await detail.GetByTestId("check-summary").FillAsync("The authority's own report says otherwise: see [the report](https://river.example/report).");
        await detail.GetByTestId("check-save").ClickAsync();
        var first = items.Nth(0);
        await Assertions.Expect(first).ToHaveAttributeAsync("data-verdict", "Misleading");
        await Assertions.Expect(first).ToHaveAttributeAsync("data-status", "Done");
        await Assertions.Expect(ben.Page.GetByTestId("check-item").Nth(0)).ToHaveAttributeAsync("data-verdict", "Misleading");

        await detail.GetByTestId("check-task").First.Locator("input[type=checkbox]").CheckAsync();
        await Assertions.Expect(detail.GetByTestId("check-task").First).ToHaveAttributeAsync("data-done", "true");
        await detail.GetByTestId("check-task-new").FillAsync("Ask the council for the invoice");
        await detail.GetByTestId("check-task-add").ClickAsync();
        await Assertions.Expect(detail.GetByTestId("check-task")).ToHaveCountAsync(3);

        await items.Nth(1).Locator("button.open").ClickAsync();
        await Assertions.Expect(detail).ToHaveAttributeAsync("data-item-id", await items.Nth(1).GetAttributeAsync("data-item-id") ?? "");
        await detail.GetByTestId("check-status").ChooseAsync("In review");
        await detail.GetByTestId("check-verdict").ChooseAsync("Accurate");
        await detail.GetByTestId("check-save").ClickAsync();
        await Assertions.Expect(items.Nth(1)).ToHaveAttributeAsync("data-verdict", "Accurate");
        await Assertions.Expect(detail.GetByTestId("check-publish")).ToBeDisabledAsync();
        var axe = await page.RunAxe();
        var serious = axe.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Take(3).Select(n => n.Html))}").ToList();
        Assert.True(serious.Count == 0, string.Join("\n", serious));

        // Filters: Ana's own items, then by status.
        await MineSwitch(page).CheckAsync();
        await Assertions.Expect(items).ToHaveCountAsync(1);
        await MineSwitch(page).UncheckAsync();
        await page.GetByTestId("check-filter-status").ChooseAsync("In review (1)");
        await Assertions.Expect(items).ToHaveCountAsync(1);
        await Assertions.Expect(items.First).ToHaveAttributeAsync("data-verdict", "Accurate");
        await page.GetByTestId("check-filter-status").ChooseAsync("All");
        await Assertions.Expect(items).ToHaveCountAsync(2);

        await first.Locator("button.open").ClickAsync();
        await detail.GetByTestId("check-publish").ClickAsync();
        var link = detail.GetByTestId("check-public-link");
        await Assertions.Expect(link).ToBeVisibleAsync();
        await Assertions.Expect(detail.GetByTestId("check-revision")).ToHaveCountAsync(5);
        var path = await link.GetAttributeAsync("href");

        var reader = await app.NewPageAsync();
        var response = await reader.GotoAsync(path!);
        Assert.Equal(200, response!.Status);
        Assert.Equal(1, await reader.Locator("script").CountAsync());
        var review = JsonNode.Parse((await reader.Locator("script[type='application/ld+json']").TextContentAsync())!)!;
        Assert.Equal("ClaimReview", (string?)review["@type"]);
        Assert.Equal(app.BaseUrl + path, (string?)review["url"]);
        Assert.Equal("Misleading", (string?)review["reviewRating"]!["alternateName"]);
        Assert.Equal(2, (int)review["reviewRating"]!["ratingValue"]!);
        Assert.Equal("Claim", (string?)review["itemReviewed"]!["@type"]);
        Assert.Equal("The authority's own report says otherwise: see the report.", (string?)review["reviewBody"]);
        await Assertions.Expect(reader.GetByTestId("factcheck-verdict")).ToContainTextAsync("Misleading");
        await Assertions.Expect(reader.GetByTestId("factcheck-sources").Locator("a")).ToHaveAttributeAsync("href", "https://river.example/report");

        await detail.GetByTestId("check-unpublish").ClickAsync();
        await Assertions.Expect(detail.GetByTestId("check-public-link")).ToHaveCountAsync(0);
        Assert.Equal(404, (await reader.APIRequest.GetAsync(path!)).Status);
    }

    [Fact]
    public async Task AViewerAndAnAnonymousReaderReadTheCheckListAndThePublishedPageButChangeNothing()
    {
        var story = await LiveSession.StartAsync(app, "Read-only check list", "Ana");
        var item = await AddThroughApiAsync(story.Owner, story.Id);
        var slug = await PublishThroughApiAsync(story.Owner, item);

        var vic = await LiveSession.JoinAsync(app, story, "Vic", WorkspaceRole.Viewer);
        await vic.Page.GetByTestId("side-claims").ClickAsync();
        await Assertions.Expect(vic.Page.GetByTestId("claims-panel")).ToBeVisibleAsync();
        await Assertions.Expect(vic.Page.GetByTestId("add-to-checklist")).ToHaveCountAsync(0);

        await OpenListAsync(vic.Page, story.Id);
        var row = vic.Page.GetByTestId("check-item");
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await row.Locator("button.open").ClickAsync();
        var detail = vic.Page.GetByTestId("check-detail");
        await Assertions.Expect(detail.GetByTestId("check-verdict-text")).ToHaveTextAsync("Inaccurate");
        await Assertions.Expect(detail.GetByTestId("check-save")).ToHaveCountAsync(0);
        await Assertions.Expect(detail.GetByTestId("check-publish")).ToHaveCountAsync(0);
        await Assertions.Expect(detail.GetByTestId("check-unpublish")).ToHaveCountAsync(0);
        await Assertions.Expect(detail.GetByTestId("check-task-add")).ToHaveCountAsync(0);
        await Assertions.Expect(detail.GetByTestId("check-task").First.Locator("input")).ToBeDisabledAsync();
        await Assertions.Expect(detail.GetByTestId("check-public-link")).ToHaveAttributeAsync("href", $"/factchecks/{slug}");
        Assert.Equal(403, (await vic.Page.APIRequest.PutAsync($"/api/checklist/{item}", new() { DataObject = new { status = "To check", version = 3 } })).Status);
        Assert.Equal(403, (await vic.Page.APIRequest.PostAsync($"/api/checklist/{item}/unpublish", new() { DataObject = new { version = 3 } })).Status);

        var anonymous = await app.NewPageAsync();
        await anonymous.GotoAsync($"/stories/{story.Id}/checklist");
        await AppFixture.WaitForCircuitAsync(anonymous);
        await Assertions.Expect(anonymous.GetByRole(AriaRole.Heading, new() { Name = "Story not found" })).ToBeVisibleAsync();
        await Assertions.Expect(anonymous.GetByTestId("check-item")).ToHaveCountAsync(0);
        Assert.Equal(404, (await anonymous.APIRequest.PostAsync($"/api/checklist/{item}/unpublish", new() { DataObject = new { version = 3 } })).Status);
        Assert.Equal(404, (await anonymous.APIRequest.GetAsync($"/api/stories/{story.Id}/checklist")).Status);

        var published = await anonymous.GotoAsync($"/factchecks/{slug}");
        Assert.Equal(200, published!.Status);
        await Assertions.Expect(anonymous.GetByTestId("factcheck-verdict")).ToContainTextAsync("Inaccurate");
        await Assertions.Expect(anonymous.GetByTestId("factcheck-appearance")).ToContainTextAsync("Harbour Times");
        Assert.Equal(1, await anonymous.Locator("script").CountAsync());

        // Nothing the two of them did changed the item.
        var after = JsonDocument.Parse(await (await story.Owner.APIRequest.GetAsync($"/api/checklist/{item}")).TextAsync()).RootElement;
        Assert.Equal(3, after.GetProperty("version").GetInt32());
        Assert.NotEqual(JsonValueKind.Null, after.GetProperty("publishedAt").ValueKind);
    }

    // MudSwitch puts the test id on its input or on a wrapper, depending on the version.
    private static ILocator MineSwitch(IPage page) => page.Locator("[data-testid=check-filter-mine] input, input[data-testid=check-filter-mine]");

    private async Task OpenListAsync(IPage page, int storyId)
    {
        await page.GotoAsync($"/stories/{storyId}/checklist");
        await AppFixture.WaitForCircuitAsync(page);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Check list" })).ToBeVisibleAsync();
    }

    private static async Task WaitForItemsAsync(IPage page, int storyId, int count)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var list = JsonDocument.Parse(await (await page.APIRequest.GetAsync($"/api/stories/{storyId}/checklist")).TextAsync()).RootElement;
            if (list.GetProperty("items").GetArrayLength() >= count) return;
            await Task.Delay(200);
        }
        Assert.Fail($"the check list never reached {count} items");
    }

    private static async Task<int> AddThroughApiAsync(IPage owner, int storyId)
    {
        var story = JsonDocument.Parse(await (await owner.APIRequest.GetAsync($"/api/stories/{storyId}")).TextAsync()).RootElement;
        var articleId = story.GetProperty("articles")[0].GetProperty("id").GetInt32();
        var added = await owner.APIRequest.PostAsync($"/api/stories/{storyId}/checklist", new() { DataObject = new { articleId, start = 0, end = 102 } });
        Assert.True(added.Status == 201, await added.TextAsync());
        return JsonDocument.Parse(await added.TextAsync()).RootElement.GetProperty("id").GetInt32();
    }

    private static async Task<string> PublishThroughApiAsync(IPage owner, int itemId)
    {
        var edited = await owner.APIRequest.PutAsync($"/api/checklist/{itemId}", new() { DataObject = new { status = "Done", finalVerdict = "Inaccurate", summary = "The barrier failed in two places.", version = 1 } });
        Assert.True(edited.Status == 200, await edited.TextAsync());
        var published = await owner.APIRequest.PostAsync($"/api/checklist/{itemId}/publish", new() { DataObject = new { version = 2 } });
        Assert.True(published.Status == 200, await published.TextAsync());
        return JsonDocument.Parse(await published.TextAsync()).RootElement.GetProperty("slug").GetString()!;
    }
}
