using CoverageCompare.Data.Annotations;
using CoverageCompare.Data.Stories;
using CoverageCompare.Web.Accounts;

namespace CoverageCompare.Web.Sessions;

public enum AnnotationAction
{
    Delete,
    Restore,
    Resolve,
    Reopen,
}

/// <summary>
/// Every change to annotations, made the same way by the story page and by the API: through <see cref="StoryWrites"/>
/// (check access, store, publish). Edits and actions carry the version the person saw, so the store refuses one made
/// over someone else's change (a conflict) and nothing is published for it. <paramref name="origin"/> on each method is
/// the live connection that made the change, if any.
/// </summary>
public sealed class AnnotationWrites(StoryWrites writes, StoryAccess access, AnnotationStore annotations)
{
    public Task<StoryWrite<AnnotationChange>> CreateAsync(int storyId, Reviewer by, NewAnnotation draft, string? origin = null, CancellationToken cancellationToken = default) =>
        writes.RunAsync(storyId, by, StoryOperation.Annotate,
            token => annotations.CreateAsync(storyId, draft with { Author = by.Name ?? "", CreatorId = by.UserId }, token),
            created => Published(StoryChangeKind.AnnotationCreated, created, by, origin), cancellationToken);

    public Task<StoryWrite<AnnotationChange>> ReplyAsync(Guid annotationId, Reviewer by, string? note, string? origin = null, CancellationToken cancellationToken = default) =>
        OnAnnotationAsync(annotationId, StoryChangeKind.AnnotationReplied, by, origin, _ => StoryOperation.Annotate,
            token => annotations.ReplyAsync(annotationId, note, by.Name ?? "", by.UserId, token), cancellationToken);

    /// <summary>Saves an edit made on <paramref name="version"/>; a conflict comes back with the current annotation.</summary>
    public Task<StoryWrite<AnnotationChange>> EditAsync(Guid annotationId, Reviewer by, AnnotationEdit edit, int version, string? origin = null, CancellationToken cancellationToken = default) =>
        OnAnnotationAsync(annotationId, StoryChangeKind.AnnotationEdited, by, origin, Ownership(by),
            token => annotations.EditAsync(annotationId, edit, by.Name ?? "", version, token), cancellationToken);

    public Task<StoryWrite<AnnotationChange>> ActAsync(Guid annotationId, AnnotationAction action, Reviewer by, int version, string? origin = null, CancellationToken cancellationToken = default)
    {
        var name = by.Name ?? "";
        Func<CancellationToken, Task<AnnotationChange>> store = action switch
        {
            AnnotationAction.Delete => token => annotations.DeleteAsync(annotationId, name, version, token),
            AnnotationAction.Restore => token => annotations.RestoreAsync(annotationId, name, version, token),
            AnnotationAction.Resolve => token => annotations.ResolveAsync(annotationId, name, version, token),
            _ => token => annotations.ReopenAsync(annotationId, name, version, token),
        };
        // Deleting and restoring change the annotation itself; resolving and reopening belong to the discussion.
        var required = action is AnnotationAction.Delete or AnnotationAction.Restore ? Ownership(by) : _ => StoryOperation.Annotate;
        return OnAnnotationAsync(annotationId, KindOf(action), by, origin, required, store, cancellationToken);
    }

    public static StoryChangeKind KindOf(AnnotationAction action) => action switch
    {
        AnnotationAction.Delete => StoryChangeKind.AnnotationDeleted,
        AnnotationAction.Restore => StoryChangeKind.AnnotationRestored,
        AnnotationAction.Resolve => StoryChangeKind.AnnotationResolved,
        _ => StoryChangeKind.AnnotationReopened,
    };

    /// <summary>
    /// Adds a Web Annotation file's annotations, all or nothing. <paramref name="read"/> runs only once access is granted,
    /// so a refused import never reads the file.
    /// </summary>
    public Task<StoryWrite<StoreResult<int>>> ImportAsync(int storyId, Reviewer by, Func<CancellationToken, Task<StoreResult<IReadOnlyList<ImportedAnnotation>>>> read,
        string? origin = null, CancellationToken cancellationToken = default) =>
        writes.RunAsync(storyId, by, StoryOperation.ModerateAnnotations,
            async token =>
            {
                var parsed = await read(token);
                return parsed.Value is { } items
                    ? await annotations.ImportAsync(storyId, items, by.Name ?? "", by.UserId, token)
                    : StoreResult<int>.Fail(parsed.Error!);
            },
            imported => imported.Succeeded ? new StoryChange(storyId, StoryChangeKind.AnnotationsImported, null, by.Name, origin) : null, cancellationToken);

    private static Func<AnnotationView, StoryOperation> Ownership(Reviewer by) =>
        annotation => StoryAccess.OwnsAnnotation(by, annotation.CreatorId) ? StoryOperation.Annotate : StoryOperation.ModerateAnnotations;

    /// <summary>
    /// A change to an existing annotation: the story it belongs to and who wrote it decide who may make it. An annotation
    /// that does not exist looks like one the person may not see.
    /// </summary>
    private async Task<StoryWrite<AnnotationChange>> OnAnnotationAsync(Guid annotationId, StoryChangeKind kind, Reviewer by, string? origin,
        Func<AnnotationView, StoryOperation> required, Func<CancellationToken, Task<AnnotationChange>> store, CancellationToken cancellationToken)
    {
        if (await annotations.GetAsync(annotationId, cancellationToken) is not { } annotation)
            return new StoryWrite<AnnotationChange>(StoryAccess.Decide(null, by, StoryOperation.Read), null);
        return await writes.RunAsync(token => access.CheckAsync(annotation.StoryId, by, required(annotation), token), store,
            change => Published(kind, change, by, origin), cancellationToken);
    }

    // A thread is one subject to its viewers: a reply is published as a change to the annotation it answers.
    private static StoryChange? Published(StoryChangeKind kind, AnnotationChange change, Reviewer by, string? origin) =>
        change is { Status: ChangeStatus.Ok, Annotation: { } annotation }
            ? new StoryChange(annotation.StoryId, kind, (annotation.ParentId ?? annotation.Id).ToString(), by.Name?.Trim(), origin)
            : null;
}
