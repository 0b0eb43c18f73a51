using CoverageCompare.Analysis.Documents;

namespace CoverageCompare.Data.Stories;

public sealed class Article
{
    public int Id { get; set; }

    public int StoryId { get; set; }

    public Story? Story { get; set; }

    /// <summary>Column order on the story page.</summary>
    public int Position { get; set; }

    public required string Outlet { get; set; }

    public required string Title { get; set; }

    public string? Author { get; set; }

    public string? Url { get; set; }

    public DateOnly? PublishedOn { get; set; }

    public required string Text { get; set; }

    public DocumentFormat Format { get; set; }

    /// <summary>SHA-256 of the plain text, so the same article cannot be added to a story twice.</summary>
    public required string ContentHash { get; set; }

    public DateTime CreatedAt { get; set; }
}
