namespace CoverageCompare.Analysis.Documents;

public enum DocumentFormat { Text, Markdown, Html }

/// <summary>An article reduced to its visible plain text, with whatever metadata the document carried.</summary>
public sealed record ArticleDocument(
    string Text,
    DocumentFormat Format,
    string? Title = null,
    string? Outlet = null,
    string? Author = null,
    DateOnly? Published = null,
    string? Url = null);

public sealed record DocumentReadResult(ArticleDocument? Document, string? Error)
{
    public bool Succeeded => Document is not null;

    public static DocumentReadResult Ok(ArticleDocument document) => new(document, null);

    public static DocumentReadResult Fail(string error) => new(null, error);
}
