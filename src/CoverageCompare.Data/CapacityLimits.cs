namespace CoverageCompare.Data;

/// <summary>
/// How much one story, import, workspace or account may hold (section <c>Limits</c>). The defaults are far above what a
/// newsroom writes and low enough that one person cannot make a story unreadable or fill the disk.
/// </summary>
public sealed class CapacityLimits
{
    public const string Section = "Limits";

    public int MaxAnnotationsPerStory { get; set; } = 5_000;

    public int MaxAnnotationsPerImport { get; set; } = 2_000;

    public int MaxStoriesPerWorkspace { get; set; } = 500;

    public int MaxWorkspacesPerAccount { get; set; } = 20;
}
