namespace CoverageCompare.Data.Annotations;

/// <summary>The span an annotation (and its thread) points at; <see cref="Orphaned"/> when the text no longer has it.</summary>
public sealed record AnnotationTarget(int ArticleId, int Start, int End, string Exact, string Prefix, string Suffix, bool Orphaned);

public sealed record AnnotationView(
    Guid Id,
    int StoryId,
    Guid? ParentId,
    AnnotationTarget Target,
    string? Label,
    IReadOnlyList<string> Tags,
    string Note,
    string Author,
    [property: System.Text.Json.Serialization.JsonIgnore] string? CreatorId,
    DateTime CreatedAt,
    DateTime ModifiedAt,
    DateTime? ResolvedAt,
    DateTime? DeletedAt,
    int Version,
    IReadOnlyList<AnnotationView> Replies,
    ImportedProvenance? Imported = null)
{
    public bool IsReply => ParentId is not null;
}

/// <summary>A stamp of a story's annotations (<see cref="AnnotationStore.VersionAsync"/>): equal stamps, equal annotations.</summary>
public sealed record AnnotationsVersion(DateTime? StoryUpdatedAt, int Count, long Versions, int LastId);

/// <summary>
/// What an imported file said about an annotation it carried: unverified, shown as "creator as written" beside the
/// verified importer (<see cref="AnnotationView.Author"/>). Any part may be missing from the file.
/// </summary>
public sealed record ImportedProvenance(string? Creator, DateTime? Created, string? From);

/// <summary>A new annotation on the characters [<see cref="Start"/>, <see cref="End"/>) of one article's text.</summary>
public sealed record NewAnnotation(int ArticleId, int Start, int End, string? Label, IReadOnlyList<string>? Tags, string? Note, string Author, string? CreatorId = null);

public sealed record AnnotationEdit(string? Label, IReadOnlyList<string>? Tags, string? Note);

public sealed record AnnotationRevisionView(
    int Version,
    RevisionAction Action,
    string Author,
    DateTime At,
    string? Label,
    IReadOnlyList<string> Tags,
    string Note,
    int Start,
    int End,
    string Exact);

public enum ChangeStatus
{
    Ok,
    Invalid,
    NotFound,

    /// <summary>Someone else changed the annotation since the version the caller saw; <see cref="AnnotationChange.Annotation"/> is the current state.</summary>
    Conflict,
}

public sealed record AnnotationChange(ChangeStatus Status, AnnotationView? Annotation, string? Error)
{
    public static AnnotationChange Ok(AnnotationView annotation) => new(ChangeStatus.Ok, annotation, null);

    public static AnnotationChange Invalid(string error) => new(ChangeStatus.Invalid, null, error);

    public static AnnotationChange NotFound() => new(ChangeStatus.NotFound, null, "That annotation does not exist.");

    public static AnnotationChange Conflict(AnnotationView current) =>
        new(ChangeStatus.Conflict, current, "Someone else changed this annotation since you opened it; nothing was saved. Their version is shown.");
}

/// <summary>
/// An annotation read from an export file, checked and anchored again by the store before anything is saved.
/// <see cref="Creator"/>, <see cref="Created"/> and <see cref="From"/> are what the file claims and are kept only as
/// provenance: the stored author is the importing account and the stored time the import's.
/// </summary>
public sealed record ImportedAnnotation(
    Guid Id,
    Guid? ParentId,
    int ArticleId,
    int Start,
    int End,
    string Exact,
    string Prefix,
    string Suffix,
    string? Label,
    IReadOnlyList<string> Tags,
    string Note,
    string? Creator,
    DateTime? Created,
    string? From = null);

/// <summary>What happened to an article's annotations when its text was replaced.</summary>
public sealed record ArticleTextUpdate(int ArticleId, int Unchanged, int Moved, IReadOnlyList<Guid> Orphaned);
