using CoverageCompare.Data.Accounts;

namespace CoverageCompare.Data.Annotations;

/// <summary>Cleans what an imported file claims about an annotation before it is stored beside the verified author.</summary>
internal static class Provenance
{
    /// <summary>A creator name cleaned like a display name (no bidi overrides or invisible characters) and cut to length; null when nothing visible is left.</summary>
    public static string? Name(string? name)
    {
        var clean = DisplayNames.Clean(name);
        if (clean.Length == 0) return null;
        return clean.Length <= AnnotationLimits.AuthorLength ? clean : Cut(clean, AnnotationLimits.AuthorLength - 1) + "…";
    }

    /// <summary>An IRI without invisible characters or spaces; a longer one than fits is dropped rather than cut into another.</summary>
    public static string? Iri(string? iri)
    {
        if (string.IsNullOrEmpty(iri)) return null;
        var clean = new string(iri.Where(c => !DisplayNames.IsInvisible(c) && !char.IsWhiteSpace(c)).ToArray());
        return clean.Length is > 0 and <= AnnotationLimits.ImportedFromLength ? clean : null;
    }

    private static string Cut(string text, int length) => char.IsHighSurrogate(text[length - 1]) ? text[..(length - 1)] : text[..length];
}
