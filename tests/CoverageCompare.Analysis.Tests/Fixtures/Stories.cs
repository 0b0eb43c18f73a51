using CoverageCompare.Analysis.Documents;

namespace CoverageCompare.Analysis.Tests.Fixtures;

/// <summary>Loads the demo story and the seed articles the way the app and the CLI do: through the document reader.</summary>
internal static class Stories
{
    private const long MaxBytes = 5 * 1024 * 1024;

    public static IReadOnlyList<ArticleInput> Demo() => Load(Directory.GetFiles(TestPaths.DemoDirectory, "*.md"));

    public static IReadOnlyList<ArticleInput> Seeds() => Load(Directory.GetFiles(TestPaths.SeedsDirectory, "*.txt"));

    public static string[] SeedTexts() => Seeds().Select(a => a.Text).ToArray();

    /// <summary>Reads the files in file-name order, or in the order given.</summary>
    public static List<ArticleInput> Load(string[] files, bool sort = true)
    {
        if (sort) Array.Sort(files, StringComparer.Ordinal);
        var reader = new DocumentReader();
        var articles = new List<ArticleInput>();
        foreach (var file in files)
        {
            var result = reader.Read(file, File.ReadAllBytes(file), MaxBytes);
            var document = result.Document ?? throw new InvalidOperationException(result.Error);
            articles.Add(new ArticleInput($"a{articles.Count + 1}", document.Text, document.Published));
        }
        return articles;
    }
}
