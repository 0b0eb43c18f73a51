using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace CoverageCompare.E2E;

/// <summary>Two people on the same story, each in their own browser context: what one does the other sees without reloading.</summary>
[Collection(AppCollection.Name)]
public sealed class LiveSessionTests(AppFixture app)
{
    [Fact]
    public async Task EveryoneOnTheStoryIsListedAndAClosedTabLeavesTheList()
    {
        var storyId = await LiveSession.CreateStoryAsync(app, "Presence");
        var ana = await LiveSession.OpenAsAsync(app, storyId, "Ana");
        var ben = await LiveSession.OpenAsAsync(app, storyId, "Ben");

        foreach (var page in new[] { ana, ben })
        {
            var presence = page.GetByTestId("presence");
            await Assertions.Expect(presence.Locator("li")).ToHaveCountAsync(2);
            await Assertions.Expect(presence.Locator($"li[data-user='{LiveSession.KeyOf("Ana")}']")).ToContainTextAsync("Ana");
            await Assertions.Expect(presence.Locator($"li[data-user='{LiveSession.KeyOf("Ben")}']")).ToContainTextAsync("Ben");
        }
        await Assertions.Expect(ana.GetByTestId("presence").Locator($"li[data-user='{LiveSession.KeyOf("Ana")}']")).ToContainTextAsync("(you)");
        await Assertions.Expect(ana.GetByLabel("Viewing this story now")).ToHaveCountAsync(1);

        // Closing the tab sends Blazor's disconnect beacon, which ends the circuit and with it Ben's place in the story.
        await ben.Context.CloseAsync();
        await Assertions.Expect(ana.GetByTestId("presence").Locator("li")).ToHaveCountAsync(1);
        await Assertions.Expect(ana.GetByTestId("presence").Locator($"li[data-user='{LiveSession.KeyOf("Ben")}']")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task AnAnonymousReaderWhoGivesTheirNameIsShownByItToTheOthers()
    {
        var storyId = await LiveSession.CreateStoryAsync(app, "Naming");
        var ben = await LiveSession.OpenAsAsync(app, storyId, "Ben");
        var reader = await app.NewPageAsync();
        await reader.GotoAsync($"/stories/{storyId}");
        await AppFixture.WaitForStoryPageAsync(reader);

        var presence = ben.GetByTestId("presence");
        await Assertions.Expect(presence.Locator("li[data-user^='anonymous:']")).ToContainTextAsync("Anonymous reader");

        await reader.GetByTestId("side-annotations").ClickAsync();
        await reader.GetByTestId("annotations-panel").GetByTestId("reviewer-name").FillAsync("Cleo");
        await reader.GetByTestId("annotations-panel").GetByTestId("reviewer-name-save").ClickAsync();

        await Assertions.Expect(presence.Locator($"li[data-user='{LiveSession.KeyOf("Cleo")}']")).ToContainTextAsync("Cleo");
        await Assertions.Expect(presence.Locator("li[data-user^='anonymous:']")).ToHaveCountAsync(0);
        await Assertions.Expect(presence.Locator("li")).ToHaveCountAsync(2);
    }

    [Fact]
    public async Task AnAnnotationItsReplyAndItsDeletionAppearForTheOtherViewer()
    {
        var storyId = await LiveSession.CreateStoryAsync(app, "Live annotations");
        var ana = await LiveSession.OpenAsAsync(app, storyId, "Ana");
        var ben = await LiveSession.OpenAsAsync(app, storyId, "Ben");
        await ben.GetByTestId("side-annotations").ClickAsync();

        await ana.GetByTestId("side-claims").ClickAsync();
        await ana.GetByTestId("annotate-claim").First.ClickAsync();
        await ana.GetByTestId("annotation-label").SelectOptionAsync("Inaccurate");
        await ana.GetByTestId("annotation-note").FillAsync("Which storm?");
        await ana.GetByTestId("annotation-save").ClickAsync();
        await Assertions.Expect(ana.GetByTestId("annotation")).ToHaveCountAsync(1);
        var id = await ana.GetByTestId("annotation").GetAttributeAsync("data-annotation-id");

        var thread = ben.Locator($"[data-testid=annotation][data-annotation-id='{id}']");
        await Assertions.Expect(thread).ToHaveCountAsync(1);
        await Assertions.Expect(thread.GetByTestId("annotation-body")).ToHaveTextAsync("Which storm?");
        await Assertions.Expect(ben.Locator($"mark[data-annotation-id='{id}']")).Not.ToHaveCountAsync(0);

        await thread.GetByTestId("annotation-reply-open").ClickAsync();
        await thread.GetByTestId("annotation-reply-note").FillAsync("The one on the weekend of the 12th.");
        await thread.GetByTestId("annotation-reply-save").ClickAsync();
        await Assertions.Expect(ana.Locator($"[data-testid=annotation][data-annotation-id='{id}']").GetByTestId("annotation-reply"))
            .ToContainTextAsync("weekend of the 12th");

        await ana.GetByTestId("annotation").GetByTestId("annotation-edit").ClickAsync();
        await ana.GetByTestId("annotation").GetByTestId("annotation-label").SelectOptionAsync("Accurate");
        await ana.GetByTestId("annotation").GetByTestId("annotation-save").ClickAsync();
        await Assertions.Expect(thread.GetByTestId("annotation-verdict")).ToHaveTextAsync("Accurate");

        await ana.GetByTestId("annotation").GetByTestId("annotation-delete").ClickAsync();
        await ana.GetByTestId("confirm").ClickAsync();
        await Assertions.Expect(ben.GetByTestId("annotation")).ToHaveCountAsync(0);
        await Assertions.Expect(ben.Locator($"mark[data-annotation-id='{id}']")).ToHaveCountAsync(0);
        await ben.GetByTestId("annotations-filter-deleted").CheckAsync();
        await Assertions.Expect(thread).ToHaveAttributeAsync("data-state", "deleted");
    }

    [Fact]
    public async Task ALinkCorrectionAndItsUndoAppearForTheOtherViewer()
    {
        var storyId = await LiveSession.CreateStoryAsync(app, "Live corrections");
        var ana = await LiveSession.OpenAsAsync(app, storyId, "Ana");
        var ben = await LiveSession.OpenAsAsync(app, storyId, "Ben");
        await Assertions.Expect(ben.GetByTestId("claim-group")).ToHaveCountAsync(1);

        var group = ana.GetByTestId("claim-group");
        await group.Locator("details.links summary").ClickAsync();
        await group.GetByTestId("correct-not-same").ClickAsync();

        await Assertions.Expect(ben.GetByTestId("claim-group")).ToHaveCountAsync(0);
        await Assertions.Expect(ben.GetByTestId("correction")).ToHaveCountAsync(1);
        await Assertions.Expect(ben.GetByTestId("correction")).ToContainTextAsync("by Ana");

        await ben.GetByTestId("corrections").Locator("summary").ClickAsync();
        await ben.GetByTestId("correction").GetByRole(AriaRole.Button, new() { Name = "Undo" }).ClickAsync();
        await Assertions.Expect(ana.GetByTestId("correction")).ToHaveCountAsync(0);
        await Assertions.Expect(ana.GetByTestId("claim-group")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task TheClaimSomeoneIsLookingAtIsSharedWithTheOthers()
    {
        var storyId = await LiveSession.CreateStoryAsync(app, "Looking at");
        var ana = await LiveSession.OpenAsAsync(app, storyId, "Ana");
        var ben = await LiveSession.OpenAsAsync(app, storyId, "Ben");

        var claim = ana.Locator(".claim[data-group-id]").First;
        var claimId = await claim.GetAttributeAsync("data-claim-id");
        await claim.ClickAsync();

        var anaInBens = ben.GetByTestId("presence").Locator($"li[data-user='{LiveSession.KeyOf("Ana")}']");
        await Assertions.Expect(anaInBens).ToHaveAttributeAsync("data-looking-at", claimId!);
        await Assertions.Expect(anaInBens.Locator($"button[data-focus-claim='{claimId}']")).ToContainTextAsync("reading");

        await ana.Keyboard.PressAsync("Escape");
        await Assertions.Expect(anaInBens).Not.ToHaveAttributeAsync("data-looking-at", new Regex("."));
    }

    [Fact]
    public async Task AViewerWhoseConnectionDroppedSeesWhatChangedMeanwhile()
    {
        var storyId = await LiveSession.CreateStoryAsync(app, "Reconnecting");
        var ana = await LiveSession.OpenAsAsync(app, storyId, "Ana");
        var ben = await LiveSession.OpenAsAsync(app, storyId, "Ben");
        await ben.GetByTestId("side-annotations").ClickAsync();

        // Ben's connection drops and cannot come back (his reconnection attempts are refused) while Ana annotates.
        var refused = new TaskCompletionSource();
        await ben.RouteAsync("**/_blazor/negotiate**", async route =>
        {
            refused.TrySetResult();
            await route.AbortAsync();
        });
        await ben.EvaluateAsync("() => Blazor._internal.forceCloseConnection()");
        await refused.Task.WaitAsync(TimeSpan.FromSeconds(15));

        await ana.GetByTestId("side-claims").ClickAsync();
        await ana.GetByTestId("annotate-claim").First.ClickAsync();
        await ana.GetByTestId("annotation-note").FillAsync("Made while Ben was away.");
        await ana.GetByTestId("annotation-save").ClickAsync();
        await Assertions.Expect(ana.GetByTestId("annotation")).ToHaveCountAsync(1);
        Assert.Equal(0, await ben.GetByTestId("annotation").CountAsync());

        // The circuit outlived the connection: once Ben reconnects to it, it sends what he missed.
        await ben.UnrouteAsync("**/_blazor/negotiate**");
        await Assertions.Expect(ben.GetByTestId("annotation").GetByTestId("annotation-body")).ToHaveTextAsync("Made while Ben was away.");
        await Assertions.Expect(ben.GetByTestId("presence").Locator("li")).ToHaveCountAsync(2);
    }
}
