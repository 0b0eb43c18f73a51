using System.Text.Json;
using System.Text.RegularExpressions;
using CoverageCompare.Data.Workspaces;
using Microsoft.Playwright;

namespace CoverageCompare.E2E;

/// <summary>Someone in a browser context of their own, signed in to their account, and how the presence list knows them.</summary>
internal sealed record Participant(IPage Page, TestUser User, string Key);

/// <summary>A private story in its owner's workspace, with the owner's signed-in page.</summary>
internal sealed record SharedStory(int Id, int WorkspaceId, IPage Owner, TestUser OwnerUser)
{
    public string Path => $"/stories/{Id}";
}

/// <summary>
/// A story in its owner's own (private) workspace, opened by several people, each registered in a browser context
/// of their own and let into the workspace with an invitation.
/// </summary>
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

    /// <summary>Registers <paramref name="ownerName"/>, who creates the two-article story in their own workspace (through the API, with their cookie).</summary>
    public static async Task<SharedStory> StartAsync(AppFixture app, string title, string ownerName)
    {
        var (page, user) = await Accounts.NewUserAsync(app, ownerName);
        var created = await page.APIRequest.PostAsync("/api/stories", new() { DataObject = new { title } });
        Assert.True(created.Status == 201, $"creating the story answered {created.Status}: {await created.TextAsync()}");
        var summary = JsonDocument.Parse(await created.TextAsync()).RootElement;
        var story = new SharedStory(summary.GetProperty("id").GetInt32(), summary.GetProperty("workspaceId").GetInt32(), page, user);
        foreach (var (text, outlet) in new[] { (FirstText, "Harbour Times"), (SecondText, "Valley Post") })
        {
            var added = await page.APIRequest.PostAsync($"/api/stories/{story.Id}/articles", new() { DataObject = new { fileName = $"{outlet}.txt", content = text, outlet } });
            Assert.True(added.Status == 201, $"adding {outlet} answered {added.Status}: {await added.TextAsync()}");
        }
        return story;
    }

    /// <summary>The owner opens the story they started.</summary>
    public static async Task<Participant> OpenAsOwnerAsync(SharedStory story) => await OpenAsync(story.Owner, story.OwnerUser, story);

    /// <summary>
    /// Registers <paramref name="name"/> in a new browser context; the owner invites them with <paramref name="role"/>
    /// and they accept, both through the JSON API with their own sign-in cookies; then they open the story.
    /// </summary>
    public static async Task<Participant> JoinAsync(AppFixture app, SharedStory story, string name, WorkspaceRole role = WorkspaceRole.Editor)
    {
        var (page, user) = await Accounts.NewUserAsync(app, name);
        var invited = await story.Owner.APIRequest.PostAsync($"/api/workspaces/{story.WorkspaceId}/invitations", new() { DataObject = new { role = (int)role, validForDays = 1 } });
        Assert.True(invited.Status == 200, $"inviting answered {invited.Status}: {await invited.TextAsync()}");
        var token = JsonDocument.Parse(await invited.TextAsync()).RootElement.GetProperty("token").GetString();
        var accepted = await page.APIRequest.PostAsync($"/api/workspaces/{story.WorkspaceId}/invitations/accept", new() { DataObject = new { token } });
        Assert.True(accepted.Status == 200, $"accepting answered {accepted.Status}: {await accepted.TextAsync()}");
        return await OpenAsync(page, user, story);
    }

    /// <summary>
    /// The owner makes an invitation link with <paramref name="role"/> on the workspace page, as a person would, and
    /// returns it; their page is left on the workspace page.
    /// </summary>
    public static async Task<string> CreateInvitationLinkAsync(AppFixture app, SharedStory story, WorkspaceRole role)
    {
        var owner = story.Owner;
        await owner.GotoAsync($"/workspaces/{story.WorkspaceId}");
        await AppFixture.WaitForCircuitAsync(owner);
        await Assertions.Expect(owner.GetByTestId("workspace-role")).ToHaveTextAsync("owner");
        await owner.GetByTestId("invite-role").ChooseAsync(role.ToString().ToLowerInvariant());
        await owner.GetByTestId("invite-days").ChooseAsync("1 day");
        await owner.GetByTestId("invite-create").ClickAsync();
        var link = owner.GetByTestId("invite-link");
        await Assertions.Expect(link).ToHaveValueAsync(new Regex($"^{Regex.Escape(app.BaseUrl)}/invite/{story.WorkspaceId}/"));
        return await link.InputValueAsync();
    }

    /// <summary>
    /// Registers <paramref name="name"/> in a new browser context, who opens an invitation link the owner made on the
    /// workspace page, accepts it and opens the story.
    /// </summary>
    public static async Task<Participant> JoinThroughLinkAsync(AppFixture app, SharedStory story, string name, WorkspaceRole role)
    {
        var link = await CreateInvitationLinkAsync(app, story, role);
        var (page, user) = await Accounts.NewUserAsync(app, name);
        await page.GotoAsync(link);
        await AppFixture.WaitForCircuitAsync(page);
        await Assertions.Expect(page.GetByTestId("invitation-role")).ToHaveTextAsync(role.ToString().ToLowerInvariant());
        await page.GetByTestId("invitation-accept").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync($"{app.BaseUrl}/workspaces/{story.WorkspaceId}");
        await Assertions.Expect(page.GetByTestId("workspace-role")).ToHaveTextAsync(role.ToString().ToLowerInvariant());
        return await OpenAsync(page, user, story);
    }

    /// <summary>Opens the story in <paramref name="page"/>, waits until it is live and reads this person's presence key from the "(you)" entry.</summary>
    public static async Task<Participant> OpenAsync(IPage page, TestUser user, SharedStory story)
    {
        await page.GotoAsync(story.Path);
        await AppFixture.WaitForStoryPageAsync(page);
        var you = page.GetByTestId("presence").Locator("li.you");
        await Assertions.Expect(you).ToContainTextAsync(user.Name);
        var key = await you.GetAttributeAsync("data-user");
        Assert.StartsWith("user:", key);
        return new Participant(page, user, key!);
    }

    /// <summary>This participant's entry in the presence list shown on <paramref name="page"/>.</summary>
    public static ILocator PresenceOf(IPage page, Participant participant) =>
        page.GetByTestId("presence").Locator($"li[data-user='{participant.Key}']");
}
