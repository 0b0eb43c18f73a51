using CoverageCompare.Data.Stories;

namespace CoverageCompare.Web.Components.Pages.Story;

/// <summary>How an article is named across the story page: its number in the story, its outlet, its title and its colour.</summary>
public sealed record Source(int ArticleId, int Number, string Outlet, string Title, string Colour)
{
    // Dark enough for white numbers on them (contrast ≥ 4.5:1) in light and dark mode; a story of more than twelve reuses them.
    private static readonly string[] Palette =
    [
        "#1d4ed8", "#c2410c", "#15803d", "#be123c", "#7e22ce", "#0e7490",
        "#a16207", "#475569", "#be185d", "#4d7c0f", "#9a3412", "#0f766e",
    ];

    public static IReadOnlyList<Source> Of(StoryView story) => story.Articles.Select(Of).ToList();

    /// <summary>The article at <paramref name="index"/> in its story.</summary>
    public static Source Of(ArticleView article, int index) =>
        new(article.Id, index + 1, article.DisplayOutlet, article.Title, Palette[index % Palette.Length]);
}
