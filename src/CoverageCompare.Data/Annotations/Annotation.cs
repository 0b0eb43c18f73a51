using CoverageCompare.Data.Stories;

namespace CoverageCompare.Data.Annotations;

/// <summary>
/// A note on a span of one article, or a reply in its thread (<see cref="ParentId"/> set). A reply carries its thread's
/// target so that re-anchoring an article moves whole threads together.
/// </summary>
public sealed class Annotation
{
    public int Id { get; set; }

    /// <summary>Stable across exports and imports: the last segment of the annotation's IRI.</summary>
    public Guid PublicId { get; set; }

    /// <summary>Copied from the article so a story's annotations are read without a join.</summary>
    public int StoryId { get; set; }

    public int ArticleId { get; set; }

    public Article? Article { get; set; }

    public int? ParentId { get; set; }

    public Annotation? Parent { get; set; }

    public int Start { get; set; }

    public int End { get; set; }

    public required string Exact { get; set; }

    public required string Prefix { get; set; }

    public required string Suffix { get; set; }

    /// <summary>The name of a <see cref="VerdictLabel"/>; null for a plain comment or a reply.</summary>
    public string? Label { get; set; }

    public List<string> Tags { get; set; } = [];

    public required string Note { get; set; }

    /// <summary>The author's display name when they wrote it, kept so exports and history read without a join.</summary>
    public required string Author { get; set; }

    /// <summary>The account that wrote it; null for annotations imported or written before accounts existed.</summary>
    public string? CreatorId { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>
    /// For an imported annotation, the creator's name as the file wrote it: unverified, shown only beside the verified
    /// <see cref="Author"/> (the importing account), never instead of it. Null for annotations written here.
    /// </summary>
    public string? ImportedCreator { get; set; }

    /// <summary>The creation time the imported file claimed; <see cref="CreatedAt"/> is when it was imported.</summary>
    public DateTime? ImportedCreated { get; set; }

    /// <summary>The IRI the imported annotation had in its file (or its <c>via</c>), so it can be traced back.</summary>
    public string? ImportedFrom { get; set; }

    public DateTime ModifiedAt { get; set; }

    public DateTime? ResolvedAt { get; set; }

    public DateTime? DeletedAt { get; set; }

    /// <summary>The text it pointed at is gone from the article; the quote is kept so a person can place it again.</summary>
    public bool Orphaned { get; set; }

    /// <summary>Raised by every change and checked on save, so a stale edit is refused instead of overwriting.</summary>
    public int Version { get; set; }

    public List<AnnotationRevision> Revisions { get; set; } = [];
}
