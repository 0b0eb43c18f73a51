using CoverageCompare.Data;
using CoverageCompare.Data.Annotations;
using CoverageCompare.Data.CheckLists;
using CoverageCompare.Web.Accounts;
using CoverageCompare.Web.CheckLists;
using CoverageCompare.Web.Sessions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoverageCompare.Web.Tests.CheckLists;

public sealed class CheckListServiceTests(CheckListTeam team) : IClassFixture<CheckListTeam>
{
    private CheckListService Service => team.Factory.Services.GetRequiredService<CheckListService>();

    private static NewCheckItem FirstClaim(int articleId) => new(articleId, 0, 62, "c1");

    [Fact]
    public async Task EditorsAndOwnersChangeTheListOthersAreRefusedAndNothingIsStored()
    {
        var (storyId, articleId) = await team.NewStoryAsync();

        foreach (var (who, denial) in new[] { (Reviewer.Anonymous, AccessDenial.NotFound), (team.As(team.Outsider), AccessDenial.NotFound), (team.As(team.Viewer), AccessDenial.Forbidden), (team.As(team.Commenter), AccessDenial.Forbidden) })
        {
            var refused = await Service.AddAsync(storyId, who, FirstClaim(articleId));
            Assert.Equal(denial, refused.Decision.Denial);
            Assert.Null(refused.Value);
        }
        Assert.Empty((await Service.ListAsync(storyId, team.As(team.Owner))).Value!.Items);

        var added = await Service.AddAsync(storyId, team.As(team.Editor), FirstClaim(articleId));
        Assert.True(added.Value!.Succeeded, added.Value.Error);
        var item = added.Value.Item!;
        Assert.Equal("To check", item.Status);
        Assert.Equal(["Find the primary source", "Contact the subject"], item.Tasks.Select(t => t.Text));

        foreach (var who in new[] { team.As(team.Viewer), team.As(team.Commenter) })
        {
            Assert.Equal(AccessDenial.Forbidden, (await Service.EditAsync(item.Id, who, new("In progress", null, null, null, null), item.Version)).Decision.Denial);
            Assert.Equal(AccessDenial.Forbidden, (await Service.AddTaskAsync(item.Id, who, "Call the clerk", item.Version)).Decision.Denial);
            Assert.Equal(AccessDenial.Forbidden, (await Service.SetTaskDoneAsync(item.Id, item.Tasks[0].Id, true, who, item.Version)).Decision.Denial);
            Assert.Equal(AccessDenial.Forbidden, (await Service.PublishAsync(item.Id, who, item.Version)).Decision.Denial);
            Assert.Equal(AccessDenial.Forbidden, (await Service.RemoveAsync(item.Id, who, item.Version)).Decision.Denial);
            var read = await Service.ListAsync(storyId, who);
            Assert.True(read.Allowed);
            Assert.False(read.Value!.CanEdit);
            Assert.Single(read.Value.Items);
        }
        foreach (var who in new[] { Reviewer.Anonymous, team.As(team.Outsider) })
        {
            Assert.Equal(AccessDenial.NotFound, (await Service.ListAsync(storyId, who)).Decision.Denial);
            Assert.Equal(AccessDenial.NotFound, (await Service.GetAsync(item.Id, who)).Decision.Denial);
            Assert.Equal(AccessDenial.NotFound, (await Service.HistoryAsync(item.Id, who)).Decision.Denial);
            Assert.Equal(AccessDenial.NotFound, (await Service.EditAsync(item.Id, who, new("Done", null, null, null, null), item.Version)).Decision.Denial);
        }

        var unchanged = (await Service.GetAsync(item.Id, team.As(team.Owner))).Value!;
        Assert.Equal(item.Version, unchanged.Version);
        Assert.Equal("To check", unchanged.Status);
        Assert.True((await Service.ListAsync(storyId, team.As(team.Owner))).Value!.CanEdit);
    }

    [Fact]
    public async Task OnlyOwnersChangeTheWorkflowAndItemsFollowIt()
    {
        var (storyId, articleId) = await team.NewStoryAsync();
        Assert.Equal(CheckListLimits.DefaultStatuses, (await Service.StatusesAsync(team.Owner.WorkspaceId, team.As(team.Viewer))).Value);
        Assert.Equal(AccessDenial.Forbidden, (await Service.SetStatusesAsync(team.Owner.WorkspaceId, team.As(team.Editor), ["New", "Done"])).Decision.Denial);
        Assert.Equal(AccessDenial.NotFound, (await Service.SetStatusesAsync(team.Owner.WorkspaceId, team.As(team.Outsider), ["New", "Done"])).Decision.Denial);
        Assert.Equal(AccessDenial.NotFound, (await Service.StatusesAsync(team.Owner.WorkspaceId, Reviewer.Anonymous)).Decision.Denial);

        Assert.NotNull((await Service.SetStatusesAsync(team.Owner.WorkspaceId, team.As(team.Owner), ["Only one"])).Value.Error);
        Assert.NotNull((await Service.SetStatusesAsync(team.Owner.WorkspaceId, team.As(team.Owner), ["Same", "same"])).Value.Error);
        Assert.NotNull((await Service.SetStatusesAsync(team.Owner.WorkspaceId, team.As(team.Owner), ["A", new string('x', 41)])).Value.Error);
        Assert.NotNull((await Service.SetStatusesAsync(team.Owner.WorkspaceId, team.As(team.Owner), Enumerable.Range(0, 13).Select(i => $"S{i}").ToList())).Value.Error);
        try
        {
            var saved = await Service.SetStatusesAsync(team.Owner.WorkspaceId, team.As(team.Owner), ["Triage", "Checking", "Published"]);
            Assert.Null(saved.Value.Error);
            var item = (await Service.AddAsync(storyId, team.As(team.Editor), FirstClaim(articleId))).Value!.Item!;
            Assert.Equal("Triage", item.Status);
            Assert.Equal(ChangeStatus.Invalid, (await Service.EditAsync(item.Id, team.As(team.Editor), new("In review", null, null, null, null), item.Version)).Value!.Status);
            Assert.Equal("Published", (await Service.ListAsync(storyId, team.As(team.Viewer))).Value!.DoneStatus);
        }
        finally
        {
            await Service.SetStatusesAsync(team.Owner.WorkspaceId, team.As(team.Owner), [.. CheckListLimits.DefaultStatuses]);
        }
    }

    [Fact]
    public async Task EveryInputHasALimit()
    {
        var (storyId, articleId) = await team.NewStoryAsync();
        var store = new CheckListStore(team.Factory.Services.GetRequiredService<IDbContextFactory<CoverageDbContext>>(), TimeProvider.System, new CheckListLimits(MaxItemsPerStory: 3, MaxTasksPerItem: 3));

        Assert.Contains("1 to 2,000", (await store.AddAsync(storyId, new NewCheckItem(articleId, 0, 2_001), "Eddie")).Error);
        Assert.Contains("1 to 2,000", (await store.AddAsync(storyId, new NewCheckItem(articleId, 3, 4), "Eddie")).Error);
        Assert.Contains("span", (await store.AddAsync(storyId, new NewCheckItem(articleId, 100, 1_000), "Eddie")).Error);
        Assert.Contains("span", (await store.AddAsync(storyId, new NewCheckItem(articleId, 5, 5), "Eddie")).Error);
        Assert.Contains("not part of this story", (await store.AddAsync(storyId + 1_000, new NewCheckItem(articleId, 0, 10), "Eddie")).Error);
        Assert.Contains("too long", (await store.AddAsync(storyId, new NewCheckItem(articleId, 0, 10, new string('c', 65)), "Eddie")).Error);

        var items = new List<CheckItemView>();
        for (var i = 0; i < 3; i++) items.Add((await store.AddAsync(storyId, new NewCheckItem(articleId, i, i + 5), "Eddie")).Item!);
        Assert.Contains("already on the check list", (await store.AddAsync(storyId, new NewCheckItem(articleId, 0, 5), "Eddie")).Error);
        var full = await store.AddAsync(storyId, new NewCheckItem(articleId, 20, 30), "Eddie");
        Assert.Equal(ChangeStatus.Invalid, full.Status);
        Assert.Contains("at most 3 items", full.Error);
        Assert.Equal(3, (await store.ListAsync(storyId)).Count);

        var item = items[0];
        var withTask = await store.AddTaskAsync(item.Id, "Call the clerk", "Eddie", item.Version);
        Assert.True(withTask.Succeeded, withTask.Error);
        Assert.Contains("at most 3 tasks", (await store.AddTaskAsync(item.Id, "One more", "Eddie", withTask.Item!.Version)).Error);
        Assert.Contains("1 to 200", (await store.AddTaskAsync(item.Id, new string('t', 201), "Eddie", withTask.Item.Version)).Error);

        var current = withTask.Item;
        Assert.Contains("at most 20,000", (await store.EditAsync(item.Id, new(current.Status, null, null, null, new string('s', 20_001)), "Eddie", current.Version)).Error);
        Assert.Contains("not a status", (await store.EditAsync(item.Id, new("Nonsense", null, null, null, null), "Eddie", current.Version)).Error);
        Assert.Contains("member", (await store.EditAsync(item.Id, new(current.Status, team.Outsider.UserId, null, null, null), "Eddie", current.Version)).Error);
        Assert.Contains("not one of the verdicts", (await store.EditAsync(item.Id, new(current.Status, null, null, "Pants on fire", null), "Eddie", current.Version)).Error);
        Assert.Contains("between the years", (await store.EditAsync(item.Id, new(current.Status, null, new DateOnly(1, 1, 1), null, null), "Eddie", current.Version)).Error);
        Assert.Contains("1 to 100", (await store.EditAsync(item.Id, new("In progress", null, null, null, null), new string('n', 101), current.Version)).Error);
        Assert.Equal(current.Version, (await store.GetAsync(item.Id))!.Version);
    }

    [Fact]
    public async Task AStaleEditIsReportedAsAConflictAndOverwritesNothing()
    {
        var (storyId, articleId) = await team.NewStoryAsync();
        var item = (await Service.AddAsync(storyId, team.As(team.Editor), FirstClaim(articleId))).Value!.Item!;

        var first = await Service.EditAsync(item.Id, team.As(team.Editor), new("In progress", team.Editor.UserId, null, null, null), item.Version);
        var second = await Service.EditAsync(item.Id, team.As(team.Owner), new("In review", null, null, "Accurate", null), item.Version);

        Assert.Equal(ChangeStatus.Ok, first.Value!.Status);
        Assert.Equal(ChangeStatus.Conflict, second.Value!.Status);
        Assert.Contains("Someone else changed this item", second.Value.Error);
        Assert.Equal("In progress", second.Value.Item!.Status);
        Assert.Equal("Eddie Editor", second.Value.Item.AssigneeName);
        Assert.Null((await Service.GetAsync(item.Id, team.As(team.Owner))).Value!.FinalVerdict);

        // The same race on tasks and publishing.
        Assert.Equal(ChangeStatus.Conflict, (await Service.SetTaskDoneAsync(item.Id, item.Tasks[0].Id, true, team.As(team.Owner), item.Version)).Value!.Status);
        Assert.Equal(ChangeStatus.Conflict, (await Service.RemoveAsync(item.Id, team.As(team.Owner), item.Version)).Value!.Status);
    }

    [Fact]
    public async Task APublishedItemHasAPublicPageUntilItIsUnpublishedAndEveryStepIsInItsHistory()
    {
        var (storyId, articleId) = await team.NewStoryAsync();
        var editor = team.As(team.Editor);
        var item = (await Service.AddAsync(storyId, editor, FirstClaim(articleId))).Value!.Item!;

        var notDone = await Service.PublishAsync(item.Id, editor, item.Version);
        Assert.Contains("Only an item in \"Done\"", notDone.Value!.Error);
        item = (await Service.EditAsync(item.Id, editor, new("Done", team.Viewer.UserId, new DateOnly(2026, 12, 1), null, null), item.Version)).Value!.Item!;
        Assert.Contains("final verdict", (await Service.PublishAsync(item.Id, editor, item.Version)).Value!.Error);
        item = (await Service.EditAsync(item.Id, editor, new("Done", team.Viewer.UserId, new DateOnly(2026, 12, 1), "Misleading", "The vote was **nine to five**, per the [minutes](https://council.example/minutes)."), item.Version)).Value!.Item!;
        item = (await Service.SetTaskDoneAsync(item.Id, item.Tasks[0].Id, true, editor, item.Version)).Value!.Item!;

        var published = (await Service.PublishAsync(item.Id, editor, item.Version)).Value!;
        Assert.True(published.Succeeded, published.Error);
        Assert.StartsWith("the-council-approved-the-tram", published.Item!.Slug);

        using var anonymous = team.Factory.AnonymousClient();
        var page = await anonymous.GetAsync($"/factchecks/{published.Item.Slug}");
        Assert.Equal(System.Net.HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType!.MediaType);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("Misleading", html);
        Assert.Contains("https://harbour.example/tram-vote", html);
        Assert.Contains("<strong>nine to five</strong>", html);
        Assert.Contains("href=\"https://council.example/minutes\"", html);

        var unpublished = (await Service.UnpublishAsync(item.Id, editor, published.Item.Version)).Value!;
        Assert.True(unpublished.Succeeded, unpublished.Error);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await anonymous.GetAsync($"/factchecks/{published.Item.Slug}")).StatusCode);
        var again = (await Service.PublishAsync(item.Id, editor, unpublished.Item!.Version)).Value!;
        Assert.Equal(published.Item.Slug, again.Item!.Slug);

        var history = (await Service.HistoryAsync(item.Id, team.As(team.Viewer))).Value!;
        Assert.Collection(history,
            h => Assert.Equal("added to the check list", h.Change),
            h => Assert.Equal("status: To check → Done; assignee: nobody → Vic Viewer; due: none → 2026-12-01", h.Change),
            h => Assert.Equal("final verdict: none → Misleading; summary edited", h.Change),
            h => Assert.Equal("task done: Find the primary source", h.Change),
            h => Assert.StartsWith("published at /factchecks/the-council", h.Change),
            h => Assert.Equal("unpublished", h.Change),
            h => Assert.StartsWith("published", h.Change));
        Assert.All(history, h => Assert.Equal("Eddie Editor", h.Author));
        Assert.Equal(Enumerable.Range(1, 7), history.Select(h => h.Version));
    }

    [Fact]
    public async Task ChangesTravelToTheStorysOpenPages()
    {
        var (storyId, articleId) = await team.NewStoryAsync();
        var heard = new TaskCompletionSource<StoryChange>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = team.Factory.Services.GetRequiredService<IStorySessions>().Join(storyId, SessionViewer.Create("test:watcher", "Watcher"), change =>
        {
            if (change.Kind == StoryChangeKind.CheckListChanged) heard.TrySetResult(change);
            return Task.CompletedTask;
        });

        var item = (await Service.AddAsync(storyId, team.As(team.Editor), FirstClaim(articleId), origin: "elsewhere")).Value!.Item!;

        var change = await heard.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(item.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), change.SubjectId);
        Assert.Equal("Eddie Editor", change.By);
    }
}
