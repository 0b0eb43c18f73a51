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

/// <summary>Why a document was refused, as a code for logs and counts; the message says it to people.</summary>
public enum DocumentRefusal { None, UnsupportedType, TooLarge, Binary, NotUtf8, Empty, NoVisibleText }

public sealed record DocumentReadResult(ArticleDocument? Document, string? Error, DocumentRefusal Refusal = DocumentRefusal.None)
{
    public bool Succeeded => Document is not null;

    public static DocumentReadResult Ok(ArticleDocument document) => new(document, null);

    public static DocumentReadResult Fail(DocumentRefusal refusal, string error) => new(null, error, refusal);
}
