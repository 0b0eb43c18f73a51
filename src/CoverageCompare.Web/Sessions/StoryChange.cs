namespace CoverageCompare.Web.Sessions;

/// <summary>
/// What happened to a story, small enough to travel as a notification between servers: the kind, the story,
/// the id of what changed, who did it, and which connection did it so that connection can skip its own echo.
/// Readers reload what the kind names; the change never carries the data itself.
/// </summary>
public sealed record StoryChange(int StoryId, StoryChangeKind Kind, string? SubjectId = null, string? By = null, string? Origin = null);

public enum StoryChangeKind
{
    ViewerJoined,
    ViewerLeft,

    /// <summary>A viewer's name or the claim they are looking at changed.</summary>
    ViewerUpdated,

    AnnotationCreated,
    AnnotationReplied,

    /// <summary>Note, tags or verdict.</summary>
    AnnotationEdited,
    AnnotationResolved,
    AnnotationReopened,
    AnnotationDeleted,
    AnnotationRestored,
    AnnotationsImported,

    LinkCorrected,
    CorrectionUndone,

    ArticleAdded,
    ArticleEdited,
    ArticleRemoved,
    StoryRenamed,
    StoryDeleted,

    /// <summary>Changes were missed (a subscriber fell too far behind): reload everything.</summary>
    Resync,

    /// <summary>The story's workspace gained or lost a member or changed a role: everyone reads their role again.</summary>
    MembersChanged,

    /// <summary>A check-list item was added, changed, published or removed; the story itself is untouched.</summary>
    CheckListChanged,
}

public static class StoryChangeKinds
{
    public static bool IsPresence(this StoryChangeKind kind) =>
        kind is StoryChangeKind.ViewerJoined or StoryChangeKind.ViewerLeft or StoryChangeKind.ViewerUpdated;

    /// <summary>Changes that touch annotations only; everything else (corrections, articles, the story) needs the analysis again.</summary>
    public static bool IsAnnotationsOnly(this StoryChangeKind kind) => kind is >= StoryChangeKind.AnnotationCreated and <= StoryChangeKind.AnnotationsImported;
}
