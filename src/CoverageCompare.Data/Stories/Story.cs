namespace CoverageCompare.Data.Stories;

public sealed class Story
{
    public int Id { get; set; }

    public int WorkspaceId { get; set; }

    public required string Title { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public List<Article> Articles { get; set; } = [];
}
