using CoverageCompare.Data.Annotations;

namespace CoverageCompare.Web.Annotations;

/// <summary>
/// A three-way merge of an annotation edit: what the editor was opened at (base), what the person typed (mine) and
/// what someone else saved meanwhile (theirs). Each field keeps theirs unless this person changed it.
/// </summary>
public static class AnnotationMerge
{
    public static AnnotationEdit Merge(AnnotationEdit original, AnnotationEdit mine, AnnotationEdit theirs) => new(
        Changed(original.Label, mine.Label) ? mine.Label : theirs.Label,
        Changed(original.Tags ?? [], mine.Tags ?? []) ? mine.Tags : theirs.Tags,
        Changed(original.Note ?? "", mine.Note ?? "") ? mine.Note : theirs.Note);

    /// <summary>The fields both sides changed to different values: the merge keeps this person's, so they are told.</summary>
    public static IReadOnlyList<string> Clashes(AnnotationEdit original, AnnotationEdit mine, AnnotationEdit theirs)
    {
        var clashes = new List<string>();
        if (Changed(original.Label, mine.Label) && Changed(original.Label, theirs.Label) && Changed(mine.Label, theirs.Label)) clashes.Add("verdict");
        if (Changed(original.Tags ?? [], mine.Tags ?? []) && Changed(original.Tags ?? [], theirs.Tags ?? []) && Changed(mine.Tags ?? [], theirs.Tags ?? [])) clashes.Add("tags");
        if (Changed(original.Note ?? "", mine.Note ?? "") && Changed(original.Note ?? "", theirs.Note ?? "") && Changed(mine.Note ?? "", theirs.Note ?? "")) clashes.Add("note");
        return clashes;
    }

    public static AnnotationEdit EditOf(AnnotationView annotation) => new(annotation.Label, annotation.Tags, annotation.Note);

    private static bool Changed(string? before, string? after) => !string.Equals(before ?? "", after ?? "", StringComparison.Ordinal);

    private static bool Changed(IReadOnlyList<string> before, IReadOnlyList<string> after) => !before.SequenceEqual(after, StringComparer.Ordinal);
}
