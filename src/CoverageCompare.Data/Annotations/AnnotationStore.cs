using CoverageCompare.Data.Database;
using CoverageCompare.Analysis.Anchoring;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CoverageCompare.Data.Annotations;

public sealed partial class AnnotationStore(IDbContextFactory<CoverageDbContext> dbFactory, TimeProvider clock, ILogger<AnnotationStore> logger, CapacityLimits? limits = null)
{
    /// <summary>The story's threads, oldest first: each root annotation with its replies. Deleted ones only when asked.</summary>
    public async Task<IReadOnlyList<AnnotationView>> ListAsync(int storyId, bool includeDeleted = false, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Annotations.AsNoTracking()
            .Where(a => a.StoryId == storyId && (includeDeleted || a.DeletedAt == null))
            .OrderBy(a => a.CreatedAt).ThenBy(a => a.Id)
            .ToListAsync(cancellationToken);
        return Threads(rows);
    }

    /// <summary>
    /// What changes whenever the story's annotations do, without reading them: every change adds a row or raises a
    /// row's version, and rows are only removed with an article or the story, which moves the story's time.
    /// </summary>
    public async Task<AnnotationsVersion> VersionAsync(int storyId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var story = await db.Stories.Where(s => s.Id == storyId).Select(s => (DateTime?)s.UpdatedAt).FirstOrDefaultAsync(cancellationToken);
        var rows = await db.Annotations.Where(a => a.StoryId == storyId)
            .GroupBy(a => a.StoryId)
            .Select(g => new { Count = g.Count(), Versions = g.Sum(a => (long)a.Version), LastId = g.Max(a => a.Id) })
            .FirstOrDefaultAsync(cancellationToken);
        return new AnnotationsVersion(story, rows?.Count ?? 0, rows?.Versions ?? 0, rows?.LastId ?? 0);
    }

    public async Task<AnnotationView?> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await FindViewAsync(db, id, cancellationToken);
    }

    public async Task<AnnotationChange> CreateAsync(int storyId, NewAnnotation draft, CancellationToken cancellationToken = default)
    {
        if (AnnotationValidation.Author(draft.Author) is { } authorError) return Refuse("Created", new(AnnotationRefusal.Author, authorError), storyId);
        if (AnnotationValidation.Note(draft.Note) is { } noteError) return Refuse("Created", new(AnnotationRefusal.Note, noteError), storyId);
        var (tags, tagError) = AnnotationValidation.Tags(draft.Tags);
        if (tagError is not null) return Refuse("Created", new(AnnotationRefusal.Tags, tagError), storyId);

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var article = await db.Articles.AsNoTracking().Where(a => a.Id == draft.ArticleId).Select(a => new { a.StoryId, a.Text }).FirstOrDefaultAsync(cancellationToken);
        if (article is null || article.StoryId != storyId) return Refuse("Created", new(AnnotationRefusal.Article, "That article is not part of this story."), storyId);
        if (await FullAsync(db, storyId, 1, cancellationToken) is { } full) return Refuse("Created", full, storyId);

        var (label, labelError) = AnnotationValidation.Label(draft.Label, await LabelNamesAsync(db, cancellationToken));
        if (labelError is not null) return Refuse("Created", new(AnnotationRefusal.Label, labelError), storyId);

        var selection = TextAnchoring.Select(article.Text, draft.Start, draft.End);
        if (selection.Anchor is not { } anchor) return Refuse("Created", new(AnnotationRefusal.Selection, selection.Error!), storyId);

        var now = Now();
        var annotation = new Annotation
        {
            PublicId = Guid.NewGuid(),
            StoryId = storyId,
            ArticleId = draft.ArticleId,
            Start = anchor.Start,
            End = anchor.End,
            Exact = anchor.Exact,
            Prefix = anchor.Prefix,
            Suffix = anchor.Suffix,
            Label = label,
            Tags = tags,
            Note = draft.Note ?? "",
            Author = draft.Author.Trim(),
            CreatorId = draft.CreatorId,
            CreatedAt = now,
            ModifiedAt = now,
            Version = 1,
        };
        annotation.Revisions.Add(Revision(annotation, RevisionAction.Created, annotation.Author, now));
        db.Annotations.Add(annotation);
        await db.SaveChangesAsync(cancellationToken);
        return AnnotationChange.Ok(ToView(annotation, []));
    }

    /// <summary>Adds a reply to the thread; a reply to a reply joins the same thread.</summary>
    public async Task<AnnotationChange> ReplyAsync(Guid annotationId, string? note, string author, string? creatorId = null, CancellationToken cancellationToken = default)
    {
        if (AnnotationValidation.Author(author) is { } authorError) return Refuse("Replied", new(AnnotationRefusal.Author, authorError), null, annotationId);
        if (string.IsNullOrWhiteSpace(note)) return Refuse("Replied", new(AnnotationRefusal.EmptyReply, "A reply needs some text."), null, annotationId);
        if (AnnotationValidation.Note(note) is { } noteError) return Refuse("Replied", new(AnnotationRefusal.Note, noteError), null, annotationId);

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var parent = await db.Annotations.FirstOrDefaultAsync(a => a.PublicId == annotationId && a.DeletedAt == null, cancellationToken);
        if (parent is null) return AnnotationChange.NotFound();
        if (parent.ParentId is { } rootId) parent = await db.Annotations.SingleAsync(a => a.Id == rootId, cancellationToken);
        if (await FullAsync(db, parent.StoryId, 1, cancellationToken) is { } full) return Refuse("Replied", full, parent.StoryId, annotationId);
        if (parent.DeletedAt is not null)
        {
            return Refuse("Replied", new(AnnotationRefusal.DeletedThread, "The annotation this thread belongs to was deleted; restore it before replying."), parent.StoryId, annotationId);
        }

        var now = Now();
        var reply = new Annotation
        {
            PublicId = Guid.NewGuid(),
            StoryId = parent.StoryId,
            ArticleId = parent.ArticleId,
            ParentId = parent.Id,
            Start = parent.Start,
            End = parent.End,
            Exact = parent.Exact,
            Prefix = parent.Prefix,
            Suffix = parent.Suffix,
            Orphaned = parent.Orphaned,
            Note = note,
            Author = author.Trim(),
            CreatorId = creatorId,
            CreatedAt = now,
            ModifiedAt = now,
            Version = 1,
        };
        reply.Revisions.Add(Revision(reply, RevisionAction.Created, reply.Author, now));
        db.Annotations.Add(reply);
        await db.SaveChangesAsync(cancellationToken);
        return AnnotationChange.Ok(ToView(reply, [], parent.PublicId));
    }

    public async Task<AnnotationChange> EditAsync(Guid id, AnnotationEdit edit, string author, int expectedVersion, CancellationToken cancellationToken = default)
    {
        if (AnnotationValidation.Note(edit.Note) is { } noteError) return Refuse("Edited", new(AnnotationRefusal.Note, noteError), null, id);
        var (tags, tagError) = AnnotationValidation.Tags(edit.Tags);
        if (tagError is not null) return Refuse("Edited", new(AnnotationRefusal.Tags, tagError), null, id);

        return await ChangeAsync(id, author, expectedVersion, RevisionAction.Edited, async (db, annotation) =>
        {
            if (annotation.DeletedAt is not null) return new(AnnotationRefusal.State, "Restore the annotation before editing it.");
            if (annotation.ParentId is not null)
            {
                if (edit.Label is not null || tags.Count > 0) return new(AnnotationRefusal.Label, "A reply has no label or tags.");
                if (string.IsNullOrWhiteSpace(edit.Note)) return new(AnnotationRefusal.EmptyReply, "A reply needs some text.");
            }

            var (label, labelError) = AnnotationValidation.Label(edit.Label, await LabelNamesAsync(db, cancellationToken));
            if (labelError is not null) return new(AnnotationRefusal.Label, labelError);
            annotation.Label = label;
            annotation.Tags = tags;
            annotation.Note = edit.Note ?? "";
            annotation.ModifiedAt = Now();
            return null;
        }, cancellationToken);
    }

    public Task<AnnotationChange> DeleteAsync(Guid id, string author, int expectedVersion, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, author, expectedVersion, RevisionAction.Deleted, (_, annotation) =>
        {
            if (annotation.DeletedAt is not null) return Task.FromResult(StateRefusal("The annotation is already deleted."));
            annotation.DeletedAt = Now();
            return Task.FromResult<Refusal?>(null);
        }, cancellationToken);

    public Task<AnnotationChange> RestoreAsync(Guid id, string author, int expectedVersion, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, author, expectedVersion, RevisionAction.Restored, async (db, annotation) =>
        {
            if (annotation.DeletedAt is null) return StateRefusal("The annotation is not deleted.");
            if (annotation.ParentId is { } parentId && await db.Annotations.AnyAsync(a => a.Id == parentId && a.DeletedAt != null, cancellationToken))
            {
                return new(AnnotationRefusal.DeletedThread, "Restore the annotation this reply belongs to first.");
            }
            annotation.DeletedAt = null;
            return null;
        }, cancellationToken);

    public Task<AnnotationChange> ResolveAsync(Guid id, string author, int expectedVersion, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, author, expectedVersion, RevisionAction.Resolved, (_, annotation) =>
        {
            string? error = annotation.ParentId is not null ? "Resolve the thread, not a reply."
                : annotation.DeletedAt is not null ? "Restore the annotation before resolving it."
                : annotation.ResolvedAt is not null ? "The annotation is already resolved."
                : null;
            if (error is null) annotation.ResolvedAt = Now();
            return Task.FromResult(StateRefusal(error));
        }, cancellationToken);

    public Task<AnnotationChange> ReopenAsync(Guid id, string author, int expectedVersion, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, author, expectedVersion, RevisionAction.Reopened, (_, annotation) =>
        {
            string? error = annotation.ResolvedAt is null ? "The annotation is not resolved." : null;
            if (error is null) annotation.ResolvedAt = null;
            return Task.FromResult(StateRefusal(error));
        }, cancellationToken);

    /// <summary>Every change to the annotation, oldest first; null when there is no such annotation.</summary>
    public async Task<IReadOnlyList<AnnotationRevisionView>?> HistoryAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var annotationId = await db.Annotations.Where(a => a.PublicId == id).Select(a => (int?)a.Id).FirstOrDefaultAsync(cancellationToken);
        if (annotationId is null) return null;
        var revisions = await db.AnnotationRevisions.AsNoTracking()
            .Where(r => r.AnnotationId == annotationId)
            .OrderBy(r => r.Id)
            .ToListAsync(cancellationToken);
        return revisions.Select(r => new AnnotationRevisionView(r.Version, r.Action, r.Author, Utc(r.At), r.Label, r.Tags, r.Note, r.Start, r.End, r.Exact)).ToList();
    }

    /// <summary>Loads, checks the version the caller saw, applies the change and saves it with a revision; a concurrent save in between is a conflict too.</summary>
    private async Task<AnnotationChange> ChangeAsync(
        Guid id, string author, int expectedVersion, RevisionAction action,
        Func<CoverageDbContext, Annotation, Task<Refusal?>> apply, CancellationToken cancellationToken)
    {
        var operation = action.ToString();
        if (AnnotationValidation.Author(author) is { } authorError) return Refuse(operation, new(AnnotationRefusal.Author, authorError), null, id);

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var annotation = await db.Annotations.FirstOrDefaultAsync(a => a.PublicId == id, cancellationToken);
        if (annotation is null) return AnnotationChange.NotFound();
        if (annotation.Version != expectedVersion)
        {
            logger.AnnotationConflict(operation, id, expectedVersion, annotation.Version);
            return AnnotationChange.Conflict((await FindViewAsync(db, id, cancellationToken))!);
        }

        if (await apply(db, annotation) is { } refusal) return Refuse(operation, refusal, annotation.StoryId, id);

        annotation.Version++;
        db.AnnotationRevisions.Add(Revision(annotation, action, author.Trim(), Now()));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            await using var fresh = await dbFactory.CreateDbContextAsync(cancellationToken);
            if (await FindViewAsync(fresh, id, cancellationToken) is not { } current) return AnnotationChange.NotFound();
            logger.AnnotationConflict(operation, id, expectedVersion, current.Version);
            return AnnotationChange.Conflict(current);
        }
        return AnnotationChange.Ok((await FindViewAsync(db, id, cancellationToken))!);
    }

    private DateTime Now() => clock.StoredNow();

    /// <summary>Logs the reason's code, never its message: messages quote labels and tags people typed.</summary>
    private CapacityLimits Limits { get; } = limits ?? new();

    /// <summary>Annotations and replies, deleted ones included (they can be restored), count towards a story's limit.</summary>
    private async Task<Refusal?> FullAsync(CoverageDbContext db, int storyId, int adding, CancellationToken cancellationToken)
    {
        var count = await db.Annotations.CountAsync(a => a.StoryId == storyId, cancellationToken);
        return count + adding > Limits.MaxAnnotationsPerStory
            ? new(AnnotationRefusal.StoryFull, $"A story holds at most {Limits.MaxAnnotationsPerStory:N0} annotations and replies; this one has {count:N0}.")
            : null;
    }

    private AnnotationChange Refuse(string operation, Refusal refusal, int? storyId, Guid? annotationId = null)
    {
        logger.AnnotationRefused(operation, refusal.Reason, storyId, annotationId);
        return AnnotationChange.Invalid(refusal.Error);
    }

    private static Refusal? StateRefusal(string? error) => error is null ? null : new(AnnotationRefusal.State, error);

    private sealed record Refusal(AnnotationRefusal Reason, string Error);

    private static async Task<IReadOnlyList<string>> LabelNamesAsync(CoverageDbContext db, CancellationToken cancellationToken) =>
        await db.VerdictLabels.AsNoTracking().OrderBy(l => l.Position).Select(l => l.Name).ToListAsync(cancellationToken);

    private static async Task<AnnotationView?> FindViewAsync(CoverageDbContext db, Guid id, CancellationToken cancellationToken)
    {
        var annotation = await db.Annotations.AsNoTracking().FirstOrDefaultAsync(a => a.PublicId == id, cancellationToken);
        if (annotation is null) return null;
        if (annotation.ParentId is { } parentId)
        {
            var parent = await db.Annotations.AsNoTracking().Where(a => a.Id == parentId).Select(a => a.PublicId).SingleAsync(cancellationToken);
            return ToView(annotation, [], parent);
        }
        var replies = await db.Annotations.AsNoTracking()
            .Where(a => a.ParentId == annotation.Id && a.DeletedAt == null)
            .OrderBy(a => a.CreatedAt).ThenBy(a => a.Id)
            .ToListAsync(cancellationToken);
        return ToView(annotation, replies.Select(r => ToView(r, [], annotation.PublicId)).ToList());
    }

    private static List<AnnotationView> Threads(List<Annotation> rows)
    {
        var publicIds = rows.ToDictionary(a => a.Id, a => a.PublicId);
        var replies = rows.Where(a => a.ParentId is not null).ToLookup(a => a.ParentId!.Value);
        return rows
            .Where(a => a.ParentId is null)
            .Select(root => ToView(root, replies[root.Id].Select(r => ToView(r, [], publicIds[root.Id])).ToList()))
            .ToList();
    }

    private static AnnotationView ToView(Annotation a, IReadOnlyList<AnnotationView> replies, Guid? parentId = null) => new(
        a.PublicId,
        a.StoryId,
        parentId,
        new AnnotationTarget(a.ArticleId, a.Start, a.End, a.Exact, a.Prefix, a.Suffix, a.Orphaned),
        a.Label,
        a.Tags,
        a.Note,
        a.Author,
        a.CreatorId,
        Utc(a.CreatedAt),
        Utc(a.ModifiedAt),
        a.ResolvedAt is { } resolved ? Utc(resolved) : null,
        a.DeletedAt is { } deleted ? Utc(deleted) : null,
        a.Version,
        replies,
        a.ImportedCreator is not null || a.ImportedCreated is not null || a.ImportedFrom is not null
            ? new ImportedProvenance(a.ImportedCreator, a.ImportedCreated is { } claimed ? Utc(claimed) : null, a.ImportedFrom)
            : null);

    // SQLite hands dates back without a kind; every date stored here is UTC.
    private static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);

    internal static AnnotationRevision Revision(Annotation a, RevisionAction action, string author, DateTime at) => new()
    {
        Annotation = a,
        Version = a.Version,
        Action = action,
        Author = author,
        At = at,
        Label = a.Label,
        Tags = [.. a.Tags],
        Note = a.Note,
        Start = a.Start,
        End = a.End,
        Exact = a.Exact,
    };
}
