using System.Globalization;
using System.Text;
using CoverageCompare.Data.Annotations;
using CoverageCompare.Data.Database;
using Microsoft.EntityFrameworkCore;

namespace CoverageCompare.Data.CheckLists;

/// <summary>
/// A story's check list: items, their tasks and history, and each workspace's status list. It checks every input
/// against <see cref="CheckListLimits"/> and every change against the version its caller saw; who may call it is for
/// the caller (the web app's check-list service) to decide.
/// </summary>
public sealed class CheckListStore(IDbContextFactory<CoverageDbContext> dbFactory, TimeProvider clock, CheckListLimits? limits = null)
{
    public CheckListLimits Limits { get; } = limits ?? new();

    public async Task<IReadOnlyList<CheckItemView>> ListAsync(int storyId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var items = await db.CheckItems.AsNoTracking().Include(i => i.Tasks)
            .Where(i => i.StoryId == storyId).OrderBy(i => i.Id).AsSplitQuery().ToListAsync(cancellationToken);
        var names = await NamesAsync(db, items.Select(i => i.AssigneeId), cancellationToken);
        return items.Select(i => ToView(i, names)).ToList();
    }

    public async Task<CheckItemView?> GetAsync(int itemId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await FindViewAsync(db, itemId, cancellationToken);
    }

    /// <summary>The story an item belongs to, for the access check before anything else is read.</summary>
    public async Task<int?> StoryOfAsync(int itemId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.CheckItems.Where(i => i.Id == itemId).Select(i => (int?)i.StoryId).FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<int?> WorkspaceOfStoryAsync(int storyId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Stories.Where(s => s.Id == storyId).Select(s => (int?)s.WorkspaceId).FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<string>> StatusesAsync(int workspaceId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await StatusesAsync(db, workspaceId, cancellationToken);
    }

    public async Task<IReadOnlyList<string>> StatusesForStoryAsync(int storyId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var workspaceId = await db.Stories.Where(s => s.Id == storyId).Select(s => s.WorkspaceId).FirstOrDefaultAsync(cancellationToken);
        return await StatusesAsync(db, workspaceId, cancellationToken);
    }

    /// <summary>Replaces the workspace's workflow. Items in a status that is gone keep it until someone moves them.</summary>
    public async Task<(IReadOnlyList<string>? Statuses, string? Error)> SetStatusesAsync(int workspaceId, IReadOnlyList<string>? statuses, CancellationToken cancellationToken = default)
    {
        var names = (statuses ?? []).Select(s => s?.Trim() ?? "").ToList();
        if (names.Count is < 2 or > CheckListLimits.MaxStatuses) return (null, $"A workflow has from 2 to {CheckListLimits.MaxStatuses} statuses.");
        if (names.FirstOrDefault(n => n.Length is 0 or > CheckListLimits.StatusLength || n.Any(char.IsControl)) is { } bad)
            return (null, $"A status name has 1 to {CheckListLimits.StatusLength} characters and no control characters: \"{Cut(bad, 50)}\".");
        if (names.GroupBy(n => n, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1) is { } twice)
            return (null, $"\"{twice.Key}\" is in the list twice.");

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Workspaces.AnyAsync(w => w.Id == workspaceId, cancellationToken)) return (null, "That workspace does not exist.");
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.CheckStatuses.Where(s => s.WorkspaceId == workspaceId).ExecuteDeleteAsync(cancellationToken);
        db.CheckStatuses.AddRange(names.Select((n, i) => new CheckStatus { WorkspaceId = workspaceId, Position = i, Name = n }));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (names, null);
    }

    public async Task<CheckChange> AddAsync(int storyId, NewCheckItem draft, string author, CancellationToken cancellationToken = default)
    {
        if (draft.End - draft.Start > CheckListLimits.ClaimTextLength) return CheckChange.Invalid($"A claim has 1 to {CheckListLimits.ClaimTextLength:N0} characters.");
        if (draft.ClaimId?.Length > CheckListLimits.IdLength || draft.GroupId?.Length > CheckListLimits.IdLength) return CheckChange.Invalid("That claim id is too long.");
        if (AuthorError(author) is { } authorError) return CheckChange.Invalid(authorError);

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var article = await db.Articles.AsNoTracking().Where(a => a.Id == draft.ArticleId).Select(a => new { a.StoryId, a.Text }).FirstOrDefaultAsync(cancellationToken);
        if (article is null || article.StoryId != storyId) return CheckChange.Invalid("That article is not part of this story.");
        if (draft.Start < 0 || draft.End <= draft.Start || draft.End > article.Text.Length) return CheckChange.Invalid("That span is not in the article.");
        // The claim is the article's own words, never what the caller says they are.
        var text = OneLine(article.Text[draft.Start..draft.End]);
        if (text.Length == 0) return CheckChange.Invalid($"A claim has 1 to {CheckListLimits.ClaimTextLength:N0} characters.");
        if (await db.CheckItems.AnyAsync(i => i.StoryId == storyId && i.ArticleId == draft.ArticleId && i.Start == draft.Start && i.End == draft.End, cancellationToken))
            return CheckChange.Invalid("That claim is already on the check list.");
        var count = await db.CheckItems.CountAsync(i => i.StoryId == storyId, cancellationToken);
        if (count >= Limits.MaxItemsPerStory) return CheckChange.Invalid($"A story's check list holds at most {Limits.MaxItemsPerStory:N0} items; this one has {count:N0}.");

        var statuses = await StatusesForStoryAsync(db, storyId, cancellationToken);
        var now = clock.StoredNow();
        var item = new CheckItem
        {
            StoryId = storyId,
            ArticleId = draft.ArticleId,
            ClaimId = draft.ClaimId,
            GroupId = draft.GroupId,
            Start = draft.Start,
            End = draft.End,
            ClaimText = text,
            Status = statuses[0],
            CreatedAt = now,
            ModifiedAt = now,
            CreatedBy = author.Trim(),
            Version = 1,
            Tasks = CheckListLimits.DefaultTasks.Select((t, i) => new CheckTask { Position = i, Text = t }).ToList(),
        };
        item.Revisions.Add(new CheckItemRevision { Version = 1, Author = item.CreatedBy, At = now, Change = "added to the check list" });
        db.CheckItems.Add(item);
        await db.SaveChangesAsync(cancellationToken);
        return CheckChange.Ok((await FindViewAsync(db, item.Id, cancellationToken))!);
    }

    public Task<CheckChange> EditAsync(int itemId, CheckItemEdit edit, string author, int expectedVersion, CancellationToken cancellationToken = default) =>
        ChangeAsync(itemId, author, expectedVersion, async (db, item) =>
        {
            var changes = new List<string>();
            var statuses = await StatusesForStoryAsync(db, item.StoryId, cancellationToken);
            var status = edit.Status?.Trim() ?? "";
            if (status != item.Status)
            {
                if (!statuses.Contains(status)) return Failed($"\"{Cut(status, 50)}\" is not a status of this workspace's workflow.");
                changes.Add($"status: {item.Status} → {status}");
                item.Status = status;
            }

            var assignee = string.IsNullOrWhiteSpace(edit.AssigneeId) ? null : edit.AssigneeId;
            if (assignee != item.AssigneeId)
            {
                if (assignee is not null && !await IsMemberAsync(db, item.StoryId, assignee, cancellationToken))
                    return Failed("The assignee must be a member of the story's workspace.");
                var names = await NamesAsync(db, [item.AssigneeId, assignee], cancellationToken);
                changes.Add($"assignee: {NameOr(names, item.AssigneeId)} → {NameOr(names, assignee)}");
                item.AssigneeId = assignee;
            }

            if (edit.DueOn != item.DueOn)
            {
                if (edit.DueOn is { Year: < 2000 or > 2999 }) return Failed("A due date is between the years 2000 and 2999.");
                changes.Add($"due: {Date(item.DueOn)} → {Date(edit.DueOn)}");
                item.DueOn = edit.DueOn;
            }

            var verdict = string.IsNullOrWhiteSpace(edit.FinalVerdict) ? null : edit.FinalVerdict.Trim();
            if (verdict != item.FinalVerdict)
            {
                if (verdict is not null)
                {
                    var labels = await db.VerdictLabels.AsNoTracking().Select(l => l.Name).ToListAsync(cancellationToken);
                    if (labels.FirstOrDefault(l => string.Equals(l, verdict, StringComparison.OrdinalIgnoreCase)) is not { } label)
                        return Failed($"\"{Cut(verdict, 50)}\" is not one of the verdicts ({string.Join(", ", labels)}).");
                    verdict = label;
                }
                if (verdict is null && item.PublishedAt is not null) return Failed("Unpublish the item before clearing its final verdict.");
                changes.Add($"final verdict: {item.FinalVerdict ?? "none"} → {verdict ?? "none"}");
                item.FinalVerdict = verdict;
            }

            var summary = (edit.Summary ?? "").Trim();
            if (summary != item.Summary)
            {
                if (summary.Length > CheckListLimits.SummaryLength) return Failed($"A summary has at most {CheckListLimits.SummaryLength:N0} characters.");
                changes.Add("summary edited");
                item.Summary = summary;
            }
            return changes.Count == 0 ? Failed("Nothing changed.") : Done(string.Join("; ", changes));
        }, cancellationToken);

    public Task<CheckChange> AddTaskAsync(int itemId, string? text, string author, int expectedVersion, CancellationToken cancellationToken = default) =>
        ChangeAsync(itemId, author, expectedVersion, (db, item) =>
        {
            var task = OneLine(text ?? "");
            if (task.Length is 0 or > CheckListLimits.TaskLength) return Task.FromResult(Failed($"A task has 1 to {CheckListLimits.TaskLength} characters."));
            if (item.Tasks.Count >= Limits.MaxTasksPerItem) return Task.FromResult(Failed($"An item has at most {Limits.MaxTasksPerItem} tasks."));
            item.Tasks.Add(new CheckTask { Position = item.Tasks.Count == 0 ? 0 : item.Tasks.Max(t => t.Position) + 1, Text = task });
            return Task.FromResult(Done($"task added: {task}"));
        }, cancellationToken);

    public Task<CheckChange> SetTaskDoneAsync(int itemId, int taskId, bool done, string author, int expectedVersion, CancellationToken cancellationToken = default) =>
        ChangeAsync(itemId, author, expectedVersion, (db, item) =>
        {
            if (item.Tasks.FirstOrDefault(t => t.Id == taskId) is not { } task) return Task.FromResult(Failed("That task is not on this item."));
            if (task.Done == done) return Task.FromResult(Failed(done ? "That task is already done." : "That task is not done."));
            task.Done = done;
            return Task.FromResult(Done($"task {(done ? "done" : "reopened")}: {task.Text}"));
        }, cancellationToken);

    public Task<CheckChange> RemoveTaskAsync(int itemId, int taskId, string author, int expectedVersion, CancellationToken cancellationToken = default) =>
        ChangeAsync(itemId, author, expectedVersion, (db, item) =>
        {
            if (item.Tasks.FirstOrDefault(t => t.Id == taskId) is not { } task) return Task.FromResult(Failed("That task is not on this item."));
            item.Tasks.Remove(task);
            db.CheckTasks.Remove(task);
            return Task.FromResult(Done($"task removed: {task.Text}"));
        }, cancellationToken);

    /// <summary>Publishes a done item that has a final verdict; its address stays the same across unpublishing.</summary>
    public Task<CheckChange> PublishAsync(int itemId, string author, int expectedVersion, CancellationToken cancellationToken = default) =>
        ChangeAsync(itemId, author, expectedVersion, async (db, item) =>
        {
            if (item.PublishedAt is not null) return Failed("The item is already published.");
            var statuses = await StatusesForStoryAsync(db, item.StoryId, cancellationToken);
            if (item.Status != statuses[^1]) return Failed($"Only an item in \"{statuses[^1]}\" can be published.");
            if (item.FinalVerdict is null) return Failed("Set the team's final verdict before publishing.");
            item.Slug ??= Slug(item);
            item.PublishedAt = clock.StoredNow();
            return Done($"published at /factchecks/{item.Slug}");
        }, cancellationToken);

    public Task<CheckChange> UnpublishAsync(int itemId, string author, int expectedVersion, CancellationToken cancellationToken = default) =>
        ChangeAsync(itemId, author, expectedVersion, (db, item) =>
        {
            if (item.PublishedAt is null) return Task.FromResult(Failed("The item is not published."));
            item.PublishedAt = null;
            return Task.FromResult(Done("unpublished"));
        }, cancellationToken);

    public async Task<CheckChange> RemoveAsync(int itemId, int expectedVersion, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await FindViewAsync(db, itemId, cancellationToken) is not { } current) return CheckChange.NotFound();
        if (current.Version != expectedVersion) return CheckChange.Conflict(current);
        if (current.IsPublished) return CheckChange.Invalid("Unpublish the item before removing it.");
        var removed = await db.CheckItems.Where(i => i.Id == itemId && i.Version == expectedVersion).ExecuteDeleteAsync(cancellationToken);
        return removed == 1 ? CheckChange.Ok(current) : await FindViewAsync(db, itemId, cancellationToken) is { } changed ? CheckChange.Conflict(changed) : CheckChange.NotFound();
    }

    public async Task<IReadOnlyList<CheckItemRevisionView>?> HistoryAsync(int itemId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.CheckItems.AnyAsync(i => i.Id == itemId, cancellationToken)) return null;
        var rows = await db.CheckItemRevisions.AsNoTracking().Where(r => r.ItemId == itemId).OrderBy(r => r.Id).ToListAsync(cancellationToken);
        return rows.Select(r => new CheckItemRevisionView(r.Version, r.Author, Utc(r.At), r.Change)).ToList();
    }

    /// <summary>The published item at this address, with where its claim appears; null when there is none (or it was unpublished).</summary>
    public async Task<PublishedCheck?> PublishedAsync(string slug, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(slug) || slug.Length > CheckListLimits.SlugLength) return null;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var id = await db.CheckItems.Where(i => i.Slug == slug && i.PublishedAt != null).Select(i => (int?)i.Id).FirstOrDefaultAsync(cancellationToken);
        if (id is null || await FindViewAsync(db, id.Value, cancellationToken) is not { } item) return null;
        var title = await db.Stories.Where(s => s.Id == item.StoryId).Select(s => s.Title).FirstAsync(cancellationToken);
        var article = item.ArticleId is { } articleId
            ? await db.Articles.AsNoTracking().Where(a => a.Id == articleId)
                .Select(a => new PublishedArticle(a.Id, a.Outlet.Length > 0 ? a.Outlet : "Article " + (a.Position + 1), a.Title, a.Author, a.Url, a.PublishedOn))
                .FirstOrDefaultAsync(cancellationToken)
            : null;
        return new PublishedCheck(item, title, article);
    }

    /// <summary>Loads the item with its tasks, checks the version the caller saw, applies the change and saves it with a line of history.</summary>
    private async Task<CheckChange> ChangeAsync(int itemId, string author, int expectedVersion,
        Func<CoverageDbContext, CheckItem, Task<Outcome>> apply, CancellationToken cancellationToken)
    {
        if (AuthorError(author) is { } authorError) return CheckChange.Invalid(authorError);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var item = await db.CheckItems.Include(i => i.Tasks).FirstOrDefaultAsync(i => i.Id == itemId, cancellationToken);
        if (item is null) return CheckChange.NotFound();
        if (item.Version != expectedVersion) return CheckChange.Conflict((await FindViewAsync(db, itemId, cancellationToken))!);

        var outcome = await apply(db, item);
        if (outcome.Error is { } error) return CheckChange.Invalid(error);

        var now = clock.StoredNow();
        item.Version++;
        item.ModifiedAt = now;
        db.CheckItemRevisions.Add(new CheckItemRevision { ItemId = item.Id, Version = item.Version, Author = author.Trim(), At = now, Change = Cut(outcome.Change!, CheckListLimits.ChangeLength) });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            await using var fresh = await dbFactory.CreateDbContextAsync(cancellationToken);
            return await FindViewAsync(fresh, itemId, cancellationToken) is { } current ? CheckChange.Conflict(current) : CheckChange.NotFound();
        }
        return CheckChange.Ok((await FindViewAsync(db, itemId, cancellationToken))!);
    }

    private sealed record Outcome(string? Change, string? Error);

    private static Outcome Done(string change) => new(change, null);

    private static Outcome Failed(string error) => new(null, error);

    private static async Task<CheckItemView?> FindViewAsync(CoverageDbContext db, int itemId, CancellationToken cancellationToken)
    {
        var item = await db.CheckItems.AsNoTracking().Include(i => i.Tasks).FirstOrDefaultAsync(i => i.Id == itemId, cancellationToken);
        return item is null ? null : ToView(item, await NamesAsync(db, [item.AssigneeId], cancellationToken));
    }

    private static CheckItemView ToView(CheckItem i, IReadOnlyDictionary<string, string> names) => new(
        i.Id, i.StoryId, i.ArticleId, i.ClaimId, i.GroupId, i.Start, i.End, i.ClaimText, i.Status,
        i.AssigneeId, i.AssigneeId is { } assignee ? names.GetValueOrDefault(assignee, "former member") : null,
        i.DueOn, i.FinalVerdict, i.Summary, i.Slug, i.PublishedAt is { } published ? Utc(published) : null,
        Utc(i.CreatedAt), Utc(i.ModifiedAt), i.CreatedBy, i.Version,
        i.Tasks.OrderBy(t => t.Position).ThenBy(t => t.Id).Select(t => new CheckTaskView(t.Id, t.Text, t.Done)).ToList());

    private static async Task<IReadOnlyDictionary<string, string>> NamesAsync(CoverageDbContext db, IEnumerable<string?> userIds, CancellationToken cancellationToken)
    {
        var ids = userIds.OfType<string>().Distinct().ToList();
        if (ids.Count == 0) return new Dictionary<string, string>();
        var users = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName, u.UserName }).ToListAsync(cancellationToken);
        return users.ToDictionary(u => u.Id, u => Accounts.DisplayNames.Clean(u.DisplayName ?? u.UserName ?? "member"));
    }

    private static string NameOr(IReadOnlyDictionary<string, string> names, string? userId) =>
        userId is null ? "nobody" : names.GetValueOrDefault(userId, "former member");

    private static async Task<bool> IsMemberAsync(CoverageDbContext db, int storyId, string userId, CancellationToken cancellationToken) =>
        await db.Stories.Where(s => s.Id == storyId)
            .Join(db.WorkspaceMembers, s => s.WorkspaceId, m => m.WorkspaceId, (s, m) => m)
            .AnyAsync(m => m.UserId == userId, cancellationToken);

    private static async Task<IReadOnlyList<string>> StatusesAsync(CoverageDbContext db, int workspaceId, CancellationToken cancellationToken)
    {
        var names = await db.CheckStatuses.AsNoTracking().Where(s => s.WorkspaceId == workspaceId).OrderBy(s => s.Position).Select(s => s.Name).ToListAsync(cancellationToken);
        return names.Count >= 2 ? names : CheckListLimits.DefaultStatuses;
    }

    private static async Task<IReadOnlyList<string>> StatusesForStoryAsync(CoverageDbContext db, int storyId, CancellationToken cancellationToken)
    {
        var workspaceId = await db.Stories.Where(s => s.Id == storyId).Select(s => s.WorkspaceId).FirstOrDefaultAsync(cancellationToken);
        return await StatusesAsync(db, workspaceId, cancellationToken);
    }

    /// <summary>The claim's first words and the item's id: readable, and unique because of the id.</summary>
    private static string Slug(CheckItem item)
    {
        var words = new StringBuilder();
        foreach (var c in item.ClaimText.Normalize(NormalizationForm.FormD))
        {
            if (words.Length >= 60) break;
            if (char.IsAsciiLetterOrDigit(c)) words.Append(char.ToLowerInvariant(c));
            else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark && words.Length > 0 && words[^1] != '-') words.Append('-');
        }
        var stem = words.ToString().Trim('-');
        return (stem.Length > 0 ? stem + "-" : "claim-") + item.Id.ToString(CultureInfo.InvariantCulture);
    }

    private static string? AuthorError(string? author) =>
        string.IsNullOrWhiteSpace(author) || author.Trim().Length > AnnotationLimits.AuthorLength ? $"A name has 1 to {AnnotationLimits.AuthorLength} characters." : null;

    private static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "none";

    private static string OneLine(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static string Cut(string text, int length) => text.Length <= length ? text : text[..length];

    private static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);
}
