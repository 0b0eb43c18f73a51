using Xunit;

namespace CoverageCompare.Tests;

/// <summary>
/// ../shared (seed articles, W3C conformance suite) lives beside the repository, never inside it, so a fresh clone
/// has none. Tests that read it skip with one line saying why, unless COVERAGE_REQUIRE_SHARED=1 (set by .ci/run when
/// the folder exists): then they run, and fail if anything they need is missing.
/// </summary>
internal static class SharedFolder
{
    public const string RequireVariable = "COVERAGE_REQUIRE_SHARED";

    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>The full path of a folder under ../shared, e.g. "seeds".</summary>
    public static string PathOf(string folder) => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", folder));

    public static string? SkipReason(string folder)
    {
        var path = PathOf(folder);
        if (Directory.Exists(path) || Environment.GetEnvironmentVariable(RequireVariable) == "1") return null;
        return $"needs ../shared/{folder} beside the repository ({path} is absent)";
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CoverageCompare.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("CoverageCompare.sln not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>A fact that reads ../shared/<c>folder</c>; skipped with the reason when the folder is absent.</summary>
internal sealed class SharedFactAttribute : FactAttribute
{
    public SharedFactAttribute(string folder) => Skip = SharedFolder.SkipReason(folder);
}

/// <summary>A theory that reads ../shared/<c>folder</c>; its data is not even enumerated when the folder is absent.</summary>
internal sealed class SharedTheoryAttribute : TheoryAttribute
{
    public SharedTheoryAttribute(string folder) => Skip = SharedFolder.SkipReason(folder);
}
