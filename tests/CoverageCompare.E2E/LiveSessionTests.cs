using System.Text.RegularExpressions;
using CoverageCompare.Data.Workspaces;
using Microsoft.Playwright;

namespace CoverageCompare.E2E;

/// <summary>
/// Two people on the same private story, each signed in to their own account in their own browser context (the
/// owner, and someone they invited): what one does the other sees without reloading.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class LiveSessionTests(AppFixture app)
{
    [Fact]
    public async Task EveryoneOnTheStoryIsListedByTheirAccountNameAndAClosedTabLeavesTheList()
    {
        var story = await LiveSession.StartAsync(app, "Presence", "Ana");
        var ben = await LiveSession.JoinThroughLinkAsync(app, story, "Ben", WorkspaceRole.Commenter);
        var ana = await LiveSession.OpenAsOwnerAsync(story);

        foreach (var page in new[] { ana.Page, ben.Page })
        {
            var presence = page.GetByTestId("presence");
            await Assertions.Expect(presence.Locator("li")).ToHaveCountAsync(2);
            await Assertions.Expect(LiveSession.PresenceOf(page, ana)).ToContainTextAsync("Ana");
            await Assertions.Expect(LiveSession.PresenceOf(page, ben)).ToContainTextAsync("Ben");
        }
        await Assertions.Expect(LiveSession.PresenceOf(ana.Page, ana)).ToContainTextAsync("(you)");
        await Assertions.Expect(LiveSession.PresenceOf(ana.Page, ben)).Not.ToContainTextAsync("(you)");
        await Assertions.Expect(ana.Page.GetByLabel("Viewing this story now")).ToHaveCountAsync(1);

        // Closing the tab sends Blazor's disconnect beacon, which ends the circuit and with it Ben's place in the story.
        await ben.Page.Context.CloseAsync();
        await Assertions.Expect(ana.Page.GetByTestId("presence").Locator("li")).ToHaveCountAsync(1);
        await Assertions.Expect(LiveSession.PresenceOf(ana.Page, ben)).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task AnAnonymousReaderOfAPublicStoryIsShownAsSuchAndByTheirAccountNameOnceSignedIn()
    {
        var (registered, cleo) = await Accounts.NewUserAsync(app, "Cleo");
        await registered.Context.CloseAsync();
        var reader = await DemoStoryPage.OpenAsync(app);
        var storyPath = new Uri(reader.Url).AbsolutePath;
        var anonymousKey = await reader.GetByTestId("presence").Locator("li.you").GetAttributeAsync("data-user");
        Assert.StartsWith("anonymous:", anonymousKey);

        var (benPage, benUser) = await Accounts.NewUserAsync(app, "Ben");
        await benPage.GotoAsync(storyPath);
        await AppFixture.WaitForStoryPageAsync(benPage);
        // Other tests' pages may be reading the public demo too, so only these two people's entries are looked at.
        var presence = benPage.GetByTestId("presence");
        await Assertions.Expect(presence.Locator("li.you")).ToContainTextAsync(benUser.Name);
        var anonymous = presence.Locator($"li[data-user='{anonymousKey}']");
        await Assertions.Expect(anonymous).ToContainTextAsync("Anonymous reader");

        await reader.GetByTestId("side-annotations").ClickAsync();
        await reader.GetByTestId("sign-in-to-annotate").GetByRole(AriaRole.Link, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(reader).ToHaveURLAsync(new Regex("/account/login\\?returnUrl="));
        await Accounts.SignInOnThisPageAsync(reader, app, cleo, storyPath);
        await AppFixture.WaitForStoryPageAsync(reader);
        var cleoKey = await reader.GetByTestId("presence").Locator("li.you").GetAttributeAsync("data-user");
        Assert.StartsWith("user:", cleoKey);

        await Assertions.Expect(presence.Locator($"li[data-user='{cleoKey}']")).ToContainTextAsync("Cleo");
        await Assertions.Expect(presence.Locator($"li[data-user='{cleoKey}']")).Not.ToContainTextAsync("(you)");
        await Assertions.Expect(anonymous).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task AnAnnotationItsReplyAndItsDeletionAppearForTheOtherViewer()
    {
        var story = await LiveSession.StartAsync(app, "Live annotations", "Ana");
        var ana = (await LiveSession.OpenAsOwnerAsync(story)).Page;
        var ben = (await LiveSession.JoinAsync(app, story, "Ben", WorkspaceRole.Commenter)).Page;
        await ben.GetByTestId("side-annotations").ClickAsync();

        await ana.GetByTestId("side-claims").ClickAsync();
        await ana.GetByTestId("annotate-claim").First.ClickAsync();
        await ana.GetByTestId("annotation-label").ChooseAsync("Inaccurate");
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
        await ana.GetByTestId("annotation").GetByTestId("annotation-label").ChooseAsync("Accurate");
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
        var story = await LiveSession.StartAsync(app, "Live corrections", "Ana");
        var ana = (await LiveSession.OpenAsOwnerAsync(story)).Page;
        var ben = (await LiveSession.JoinAsync(app, story, "Ben", WorkspaceRole.Editor)).Page;
        // The repair cost is the story's one disputed fact; the others may be linked too, and stay as they are.
        const string disputed = "[data-testid='claim-group'][data-verdict='disagree']";
        await Assertions.Expect(ben.Locator(disputed)).ToHaveCountAsync(1);

        var group = ana.Locator(disputed);
        await group.Locator("details.links summary").ClickAsync();
        await group.GetByTestId("correct-not-same").ClickAsync();

        await Assertions.Expect(ben.Locator(disputed)).ToHaveCountAsync(0);
        await Assertions.Expect(ben.GetByTestId("correction")).ToHaveCountAsync(1);
        await Assertions.Expect(ben.GetByTestId("correction")).ToContainTextAsync("by Ana");

        await ben.GetByTestId("corrections").Locator("summary").ClickAsync();
        await ben.GetByTestId("correction").GetByRole(AriaRole.Button, new() { Name = "Undo" }).ClickAsync();
        await Assertions.Expect(ana.GetByTestId("correction")).ToHaveCountAsync(0);
        await Assertions.Expect(ana.Locator(disputed)).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task TheClaimSomeoneIsLookingAtIsSharedWithTheOthers()
    {
        var story = await LiveSession.StartAsync(app, "Looking at", "Ana");
        var anaParticipant = await LiveSession.OpenAsOwnerAsync(story);
        var ana = anaParticipant.Page;
        var ben = (await LiveSession.JoinAsync(app, story, "Ben", WorkspaceRole.Viewer)).Page;

        var claim = ana.Locator(".claim[data-group-id]").First;
        var claimId = await claim.GetAttributeAsync("data-claim-id");
        await claim.ClickAsync();

        var anaInBens = LiveSession.PresenceOf(ben, anaParticipant);
        await Assertions.Expect(anaInBens).ToHaveAttributeAsync("data-looking-at", claimId!);
        await Assertions.Expect(anaInBens.Locator($"button[data-focus-claim='{claimId}']")).ToContainTextAsync("reading");

        await ana.Keyboard.PressAsync("Escape");
        await Assertions.Expect(anaInBens).Not.ToHaveAttributeAsync("data-looking-at", new Regex("."));
    }

    [Fact]
    public async Task AViewerWhoseConnectionDroppedSeesWhatChangedMeanwhile()
    {
        var story = await LiveSession.StartAsync(app, "Reconnecting", "Ana");
        var ana = (await LiveSession.OpenAsOwnerAsync(story)).Page;
        var ben = (await LiveSession.JoinAsync(app, story, "Ben", WorkspaceRole.Viewer)).Page;
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
