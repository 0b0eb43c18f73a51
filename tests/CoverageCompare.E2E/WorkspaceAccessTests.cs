using CoverageCompare.Data.Workspaces;
using Microsoft.Playwright;

namespace CoverageCompare.E2E;

/// <summary>
/// Who may do what on a private story, seen from the browser: each person signed in to their own account in a
/// browser context of their own. That the owner and someone they invited see each other by name is shown in
/// <see cref="LiveSessionTests"/>.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class WorkspaceAccessTests(AppFixture app)
{
    [Fact]
    public async Task AViewerReadsTheStoryButIsOfferedNoWayToAnnotateOrCorrect()
    {
        var story = await LiveSession.StartAsync(app, "Read only", "Ana");
        var vic = await LiveSession.JoinThroughLinkAsync(app, story, "Vic", WorkspaceRole.Viewer);
        var page = vic.Page;
        await Assertions.Expect(page.GetByTestId("article-column")).ToHaveCountAsync(2);

        await AnnotationTests.DragSelectAsync(page, page.GetByTestId("article-column").First.Locator(".article-text p").First, "flood barrier at Millbrook");
        var bar = page.GetByTestId("selection-bar");
        await Assertions.Expect(bar.GetByTestId("annotate-refused")).ToHaveTextAsync("Your role here is viewer, which cannot annotate or reply.");
        await Assertions.Expect(bar.GetByTestId("annotate")).ToHaveCountAsync(0);

        await page.GetByTestId("side-annotations").ClickAsync();
        await Assertions.Expect(page.GetByTestId("annotations-panel").GetByTestId("read-only")).ToContainTextAsync("You are a viewer here");
        await Assertions.Expect(page.GetByTestId("sign-in-to-annotate")).ToHaveCountAsync(0);

        // The claims and their links are there to read; what would change them is not.
        await page.GetByTestId("side-claims").ClickAsync();
        var group = page.Locator("[data-testid='claim-group'][data-verdict='disagree']");
        await Assertions.Expect(group).ToHaveCountAsync(1);
        await group.Locator("details.links summary").ClickAsync();
        await Assertions.Expect(group.GetByTestId("link")).Not.ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("annotate-claim")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("[data-testid^='correct-']")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("import-url")).ToHaveCountAsync(0);

        // The owner, on the same story, is offered all of it.
        var ana = await LiveSession.OpenAsOwnerAsync(story);
        await Assertions.Expect(LiveSession.PresenceOf(ana.Page, vic)).ToContainTextAsync("Vic");
        await Assertions.Expect(ana.Page.GetByTestId("annotate-claim").First).ToBeVisibleAsync();
        await ana.Page.Locator("[data-testid='claim-group'][data-verdict='disagree']").Locator("details.links summary").ClickAsync();
        await Assertions.Expect(ana.Page.GetByTestId("correct-not-same")).Not.ToHaveCountAsync(0);
    }

    [Fact]
    public async Task AnOutsiderWhoOpensTheStoryFindsNothingAndIsNotSeenThere()
    {
        var story = await LiveSession.StartAsync(app, "Members only", "Ana");
        var ana = await LiveSession.OpenAsOwnerAsync(story);
        var (outsider, _) = await Accounts.NewUserAsync(app, "Oscar");

        await outsider.GotoAsync(story.Path);
        await AppFixture.WaitForCircuitAsync(outsider);
        await Assertions.Expect(outsider.GetByRole(AriaRole.Heading, new() { Name = "Story not found" })).ToBeVisibleAsync();
        await Assertions.Expect(outsider.GetByTestId("article-column")).ToHaveCountAsync(0);
        await Assertions.Expect(outsider.GetByTestId("presence")).ToHaveCountAsync(0);
        await Assertions.Expect(outsider.Locator("body")).Not.ToContainTextAsync("Millbrook");
        Assert.Equal(404, (await outsider.APIRequest.GetAsync($"/api/stories/{story.Id}")).Status);

        // The outsider's circuit is up and past the point where a reader joins the story, yet the owner is alone,
        // and a change on the story reaches the owner's list but not the outsider.
        await Assertions.Expect(ana.Page.GetByTestId("presence").Locator("li")).ToHaveCountAsync(1);
        await Assertions.Expect(ana.Page.GetByTestId("presence")).Not.ToContainTextAsync("Oscar");
        var ben = await LiveSession.JoinAsync(app, story, "Ben", WorkspaceRole.Commenter);
        await Assertions.Expect(ana.Page.GetByTestId("presence").Locator("li")).ToHaveCountAsync(2);
        await Assertions.Expect(LiveSession.PresenceOf(ana.Page, ben)).ToContainTextAsync("Ben");
        await Assertions.Expect(ana.Page.GetByTestId("presence")).Not.ToContainTextAsync("Oscar");
        await Assertions.Expect(outsider.GetByRole(AriaRole.Heading, new() { Name = "Story not found" })).ToBeVisibleAsync();
        await Assertions.Expect(outsider.GetByTestId("article-column")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task SomeoneNewRegistersThroughAnInvitationJoinsAsCommenterAndAnnotatesAndTheLinkThenWorksNoMore()
    {
        var story = await LiveSession.StartAsync(app, "Invited", "Ana");
        var link = await LiveSession.CreateInvitationLinkAsync(app, story, WorkspaceRole.Commenter);
        var invitationPath = new Uri(link).AbsolutePath;

        var cleo = await app.NewPageAsync();
        await cleo.GotoAsync(link);
        await Assertions.Expect(cleo.GetByTestId("invitation-role")).ToHaveTextAsync("commenter");
        await Assertions.Expect(cleo.GetByTestId("invitation-accept")).ToHaveCountAsync(0);
        await cleo.GetByTestId("invitation-register").ClickAsync();
        await Assertions.Expect(cleo).ToHaveURLAsync($"{app.BaseUrl}/account/register?returnUrl={Uri.EscapeDataString(invitationPath)}");
        var cleoUser = await Accounts.RegisterOnThisPageAsync(cleo, app, "Cleo", invitationPath);

        await AppFixture.WaitForCircuitAsync(cleo);
        await Assertions.Expect(cleo.GetByTestId("invitation-accept")).ToHaveTextAsync("Join as Cleo");
        await cleo.GetByTestId("invitation-accept").ClickAsync();
        await Assertions.Expect(cleo).ToHaveURLAsync($"{app.BaseUrl}/workspaces/{story.WorkspaceId}");
        await Assertions.Expect(cleo.GetByTestId("workspace-role")).ToHaveTextAsync("commenter");

        // The owner sees the new member on the workspace page, and both are on the story.
        await story.Owner.ReloadAsync();
        await Assertions.Expect(story.Owner.Locator("[data-testid=member][data-role=commenter]")).ToContainTextAsync("Cleo");
        var ana = await LiveSession.OpenAsOwnerAsync(story);
        var cleoOnStory = await LiveSession.OpenAsync(cleo, cleoUser, story);
        await Assertions.Expect(LiveSession.PresenceOf(ana.Page, cleoOnStory)).ToContainTextAsync("Cleo");
        await ana.Page.GetByTestId("side-annotations").ClickAsync();

        await cleo.GetByTestId("side-claims").ClickAsync();
        await cleo.GetByTestId("annotate-claim").First.ClickAsync();
        await cleo.GetByTestId("annotation-note").FillAsync("Joined by invitation.");
        await cleo.GetByTestId("annotation-save").ClickAsync();
        await Assertions.Expect(cleo.GetByTestId("annotation").GetByTestId("annotation-body")).ToHaveTextAsync("Joined by invitation.");
        await Assertions.Expect(ana.Page.GetByTestId("annotation")).ToContainTextAsync("Cleo");
        await Assertions.Expect(ana.Page.GetByTestId("annotation").GetByTestId("annotation-body")).ToHaveTextAsync("Joined by invitation.");

        // Each link works once: someone else who is handed it afterwards is told so and cannot join.
        var (dan, _) = await Accounts.NewUserAsync(app, "Dan");
        await dan.GotoAsync(link);
        await Assertions.Expect(dan.GetByTestId("invitation-error")).ToContainTextAsync("already been used");
        await Assertions.Expect(dan.GetByTestId("invitation-accept")).ToHaveCountAsync(0);
        await Assertions.Expect(dan.GetByTestId("invitation-role")).ToHaveCountAsync(0);
        await dan.GotoAsync(story.Path);
        await Assertions.Expect(dan.GetByRole(AriaRole.Heading, new() { Name = "Story not found" })).ToBeVisibleAsync();
    }
}
