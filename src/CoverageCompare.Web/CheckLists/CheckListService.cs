using CoverageCompare.Data.CheckLists;
using CoverageCompare.Data.Workspaces;
using CoverageCompare.Web.Accounts;
using CoverageCompare.Web.Sessions;

namespace CoverageCompare.Web.CheckLists;

/// <summary>A story's check list as one reader may see it, with whether they may change it.</summary>
public sealed record CheckListView(int StoryId, IReadOnlyList<CheckItemView> Items, IReadOnlyList<string> Statuses, IReadOnlyList<Assignee> Assignees, bool CanEdit)
{
    public string DoneStatus => Statuses[^1];
}

/// <summary>Someone an item can be given to: a member of the story's workspace.</summary>
public sealed record Assignee(string UserId, string Name);

/// <summary>
/// Every check-list operation, for pages and the API alike: asks <see cref="StoryAccess"/> first (read for readers,
/// <see cref="StoryOperation.ManageCheckList"/> for editors and owners, the workflow itself for owners), then the
/// store, then tells the story's open pages through its live session.
/// </summary>
public sealed class CheckListService(CheckListStore store, StoryAccess access, StoryWrites writes, WorkspaceAccess workspaces, WorkspaceStore workspaceStore)
{
    private static readonly AccessDecision Missing = new(null, AccessDenial.NotFound, "That check-list item does not exist, or you do not have access to it.");

    public async Task<StoryWrite<CheckListView>> ListAsync(int storyId, Reviewer reviewer, CancellationToken cancellationToken = default)
    {
        var decision = await access.CheckAsync(storyId, reviewer, StoryOperation.Read, cancellationToken);
        if (!decision.Allowed) return new(decision, null);
        var items = await store.ListAsync(storyId, cancellationToken);
        var statuses = await store.StatusesForStoryAsync(storyId, cancellationToken);
        var canEdit = StoryAccess.Decide(decision.Role, reviewer, StoryOperation.ManageCheckList).Allowed;
        IReadOnlyList<Assignee> assignees = [];
        if (canEdit && await store.WorkspaceOfStoryAsync(storyId, cancellationToken) is { } workspaceId)
        {
            assignees = (await workspaceStore.MembersAsync(workspaceId, cancellationToken))
                .Select(m => new Assignee(m.UserId, m.DisplayName)).OrderBy(a => a.Name, StringComparer.CurrentCultureIgnoreCase).ToList();
        }
        return new(decision, new CheckListView(storyId, items, statuses, assignees, canEdit));
    }

    public async Task<StoryWrite<CheckItemView>> GetAsync(int itemId, Reviewer reviewer, CancellationToken cancellationToken = default)
    {
        if (await store.StoryOfAsync(itemId, cancellationToken) is not { } storyId) return new(Missing, null);
        var decision = await access.CheckAsync(storyId, reviewer, StoryOperation.Read, cancellationToken);
        return decision.Allowed ? new(decision, await store.GetAsync(itemId, cancellationToken)) : new(decision, null);
    }

    public async Task<StoryWrite<IReadOnlyList<CheckItemRevisionView>>> HistoryAsync(int itemId, Reviewer reviewer, CancellationToken cancellationToken = default)
    {
        if (await store.StoryOfAsync(itemId, cancellationToken) is not { } storyId) return new(Missing, null);
        var decision = await access.CheckAsync(storyId, reviewer, StoryOperation.Read, cancellationToken);
        return decision.Allowed ? new(decision, await store.HistoryAsync(itemId, cancellationToken)) : new(decision, null);
    }

    public Task<StoryWrite<CheckChange>> AddAsync(int storyId, Reviewer reviewer, NewCheckItem draft, string? origin = null, CancellationToken cancellationToken = default) =>
        writes.RunAsync(storyId, reviewer, StoryOperation.ManageCheckList,
            token => store.AddAsync(storyId, draft, Name(reviewer), token), change => Published(change, reviewer, origin), cancellationToken);

    public Task<StoryWrite<CheckChange>> EditAsync(int itemId, Reviewer reviewer, CheckItemEdit edit, int version, string? origin = null, CancellationToken cancellationToken = default) =>
        ChangeAsync(itemId, reviewer, origin, token => store.EditAsync(itemId, edit, Name(reviewer), version, token), cancellationToken);

    public Task<StoryWrite<CheckChange>> AddTaskAsync(int itemId, Reviewer reviewer, string? text, int version, string? origin = null, CancellationToken cancellationToken = default) =>
        ChangeAsync(itemId, reviewer, origin, token => store.AddTaskAsync(itemId, text, Name(reviewer), version, token), cancellationToken);

    public Task<StoryWrite<CheckChange>> SetTaskDoneAsync(int itemId, int taskId, bool done, Reviewer reviewer, int version, string? origin = null, CancellationToken cancellationToken = default) =>
        ChangeAsync(itemId, reviewer, origin, token => store.SetTaskDoneAsync(itemId, taskId, done, Name(reviewer), version, token), cancellationToken);

    public Task<StoryWrite<CheckChange>> RemoveTaskAsync(int itemId, int taskId, Reviewer reviewer, int version, string? origin = null, CancellationToken cancellationToken = default) =>
        ChangeAsync(itemId, reviewer, origin, token => store.RemoveTaskAsync(itemId, taskId, Name(reviewer), version, token), cancellationToken);

    public Task<StoryWrite<CheckChange>> PublishAsync(int itemId, Reviewer reviewer, int version, string? origin = null, CancellationToken cancellationToken = default) =>
        ChangeAsync(itemId, reviewer, origin, token => store.PublishAsync(itemId, Name(reviewer), version, token), cancellationToken);

    public Task<StoryWrite<CheckChange>> UnpublishAsync(int itemId, Reviewer reviewer, int version, string? origin = null, CancellationToken cancellationToken = default) =>
        ChangeAsync(itemId, reviewer, origin, token => store.UnpublishAsync(itemId, Name(reviewer), version, token), cancellationToken);

    public Task<StoryWrite<CheckChange>> RemoveAsync(int itemId, Reviewer reviewer, int version, string? origin = null, CancellationToken cancellationToken = default) =>
        ChangeAsync(itemId, reviewer, origin, token => store.RemoveAsync(itemId, version, token), cancellationToken);

    /// <summary>A workspace's workflow: any member reads it, only an owner changes it.</summary>
    public async Task<StoryWrite<IReadOnlyList<string>>> StatusesAsync(int workspaceId, Reviewer reviewer, CancellationToken cancellationToken = default)
    {
        var role = await workspaces.RoleAsync(workspaceId, reviewer.UserId, cancellationToken);
        var decision = WorkspaceDecision(role, reviewer, WorkspaceRole.Viewer);
        return decision.Allowed ? new(decision, await store.StatusesAsync(workspaceId, cancellationToken)) : new(decision, null);
    }

    public async Task<StoryWrite<(IReadOnlyList<string>? Statuses, string? Error)>> SetStatusesAsync(int workspaceId, Reviewer reviewer, IReadOnlyList<string>? statuses, CancellationToken cancellationToken = default)
    {
        var role = await workspaces.RoleAsync(workspaceId, reviewer.UserId, cancellationToken);
        var decision = WorkspaceDecision(role, reviewer, WorkspaceRole.Owner);
        return decision.Allowed ? new(decision, await store.SetStatusesAsync(workspaceId, statuses, cancellationToken)) : new(decision, default);
    }

    private static AccessDecision WorkspaceDecision(WorkspaceRole? role, Reviewer reviewer, WorkspaceRole required) =>
        role is null ? new(null, AccessDenial.NotFound, "This workspace does not exist, or you do not have access to it.")
        : required > WorkspaceRole.Viewer && !reviewer.IsSignedIn ? new(role, AccessDenial.SignInRequired, "Sign in to change the workflow.")
        : role >= required ? new(role, null, null)
        : new(role, AccessDenial.Forbidden, "Only the workspace's owners change its workflow.");

    private async Task<StoryWrite<CheckChange>> ChangeAsync(int itemId, Reviewer reviewer, string? origin, Func<CancellationToken, Task<CheckChange>> change, CancellationToken cancellationToken)
    {
        if (await store.StoryOfAsync(itemId, cancellationToken) is not { } storyId) return new(Missing, null);
        return await writes.RunAsync(storyId, reviewer, StoryOperation.ManageCheckList, change, result => Published(result, reviewer, origin), cancellationToken);
    }

    private static StoryChange? Published(CheckChange change, Reviewer reviewer, string? origin) =>
        change is { Succeeded: true, Item: { } item }
            ? new StoryChange(item.StoryId, StoryChangeKind.CheckListChanged, item.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), reviewer.Name, origin)
            : null;

    private static string Name(Reviewer reviewer) => reviewer.Name ?? "Member";
}
