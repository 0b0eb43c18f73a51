using CoverageCompare.Analysis.Documents;

namespace CoverageCompare.Data.Stories;

public sealed record StorySummary(int Id, int WorkspaceId, string Title, int ArticleCount, IReadOnlyList<string> Outlets, DateTime UpdatedAt);

public sealed record StoryView(int Id, int WorkspaceId, string Title, DateTime UpdatedAt, IReadOnlyList<ArticleView> Articles);

public sealed record ArticleView(
    int Id,
    int Position,
    string Outlet,
    string Title,
    string? Author,
    string? Url,
    DateOnly? PublishedOn,
    string Text,
    DocumentFormat Format)
{
    /// <summary>The outlet, or "Article N" by its place in the story when no outlet was named: never a made-up outlet.</summary>
    public string DisplayOutlet => Outlet.Length > 0 ? Outlet : $"Article {Position + 1}";
}

/// <summary>What a person can edit about an article without changing its text.</summary>
public sealed record ArticleDetails(string Outlet, string Title, string? Author, string? Url, DateOnly? PublishedOn);

public sealed record ArticleDraft(ArticleDetails Details, string Text, DocumentFormat Format);

public sealed record StoreResult<T>(T? Value, string? Error)
{
    public bool Succeeded => Error is null;

    public static StoreResult<T> Ok(T value) => new(value, null);

    public static StoreResult<T> Fail(string error) => new(default, error);
}
