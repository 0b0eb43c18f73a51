namespace CoverageCompare.Analysis.Tests;

internal static class TestPaths
{
    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>The shared seed articles live beside the repository, never inside it.</summary>
    public static string SeedsDirectory => SharedFolder.PathOf("seeds");

    public static string DemoDirectory => Path.Combine(RepoRoot, "src", "CoverageCompare.Data", "Demo");

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CoverageCompare.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("CoverageCompare.sln not found above " + AppContext.BaseDirectory);
    }
}
