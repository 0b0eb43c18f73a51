using System.Text.Json.Serialization;

namespace CoverageCompare.Data.Annotations;

[JsonConverter(typeof(JsonStringEnumConverter<RevisionAction>))]
public enum RevisionAction
{
    Created,
    Edited,
    Deleted,
    Restored,
    Resolved,
    Reopened,
    Moved,
    Orphaned,
    Imported,
}

/// <summary>One change to an annotation: who made it, when, and the annotation as it was after it.</summary>
public sealed class AnnotationRevision
{
    public int Id { get; set; }

    public int AnnotationId { get; set; }

    public Annotation? Annotation { get; set; }

    public int Version { get; set; }

    public RevisionAction Action { get; set; }

    public required string Author { get; set; }

    public DateTime At { get; set; }

    public string? Label { get; set; }

    public List<string> Tags { get; set; } = [];

    public required string Note { get; set; }

    public int Start { get; set; }

    public int End { get; set; }

    public required string Exact { get; set; }
}
