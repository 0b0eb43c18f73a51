namespace CoverageCompare.Data;

public static class StoryLimits
{
    public const int MaxArticlesPerStory = 12;
    public const int MaxArticleBytes = 1024 * 1024;
    public const int TitleLength = 300;
    public const int OutletLength = 200;
    public const int AuthorLength = 200;
    public const int UrlLength = 2048;
}
