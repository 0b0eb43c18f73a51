namespace CoverageCompare.Data.CheckLists;

/// <summary>How much a check list may hold, and the defaults a new item starts with.</summary>
public sealed record CheckListLimits(int MaxItemsPerStory = 2_000, int MaxTasksPerItem = 50)
{
    public const int ClaimTextLength = 2_000;
    public const int StatusLength = 40;
    public const int MaxStatuses = 12;
    public const int TaskLength = 200;
    public const int SummaryLength = 20_000;
    public const int SlugLength = 100;
    public const int ChangeLength = 2_000;
    public const int IdLength = 64;

    public static IReadOnlyList<string> DefaultStatuses { get; } = ["To check", "In progress", "In review", "Done"];

    public static IReadOnlyList<string> DefaultTasks { get; } = ["Find the primary source", "Contact the subject"];
}
