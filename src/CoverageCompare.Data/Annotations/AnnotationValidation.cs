namespace CoverageCompare.Data.Annotations;

internal static class AnnotationValidation
{
    public static string? Author(string? author) => string.IsNullOrWhiteSpace(author)
        ? "Give your name before annotating."
        : author.Trim().Length > AnnotationLimits.AuthorLength ? $"A name is at most {AnnotationLimits.AuthorLength} characters." : null;

    public static string? Note(string? note) => note?.Length > AnnotationLimits.NoteLength
        ? $"A note is at most {AnnotationLimits.NoteLength:N0} characters; this one has {note.Length:N0}."
        : null;

    /// <summary>Trims, drops blanks and repeats (ignoring case), or says why the tags cannot be kept.</summary>
    public static (List<string> Tags, string? Error) Tags(IReadOnlyList<string>? tags)
    {
        var clean = (tags ?? []).Select(t => t?.Trim() ?? "").Where(t => t.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (clean.Count > AnnotationLimits.MaxTags) return (clean, $"An annotation has at most {AnnotationLimits.MaxTags} tags.");
        if (clean.FirstOrDefault(t => t.Length > AnnotationLimits.TagLength) is { } longTag)
        {
            return (clean, $"A tag is at most {AnnotationLimits.TagLength} characters (\"{longTag[..20]}…\" is longer).");
        }
        return (clean, null);
    }

    /// <summary>The label as the list spells it, or an error naming the labels that exist.</summary>
    public static (string? Label, string? Error) Label(string? label, IReadOnlyList<string> known)
    {
        if (string.IsNullOrWhiteSpace(label)) return (null, null);
        var match = known.FirstOrDefault(k => string.Equals(k, label.Trim(), StringComparison.OrdinalIgnoreCase));
        return match is null ? (null, $"\"{label.Trim()}\" is not a verdict label; use one of: {string.Join(", ", known)}.") : (match, null);
    }
}
