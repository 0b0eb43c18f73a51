using CoverageCompare.Analysis;
using CoverageCompare.Analysis.Documents;

namespace CoverageCompare.Cli.Analyze;

/// <summary>A file read into an article, or the one-line reason it could not be.</summary>
internal sealed record LoadedArticle(AnalyzedArticle Listing, ArticleInput Input);

internal static class ArticleFiles
{
    public const long MaxBytes = 5 * 1024 * 1024;

    /// <summary>Reads the files in order; stops at the first that cannot be used and says which and why.</summary>
    public static List<LoadedArticle>? Load(IReadOnlyList<string> paths, Func<string, string> resolve, out string? error)
    {
        error = null;
        var reader = new DocumentReader();
        var articles = new List<LoadedArticle>(paths.Count);
        foreach (var path in paths)
        {
            var id = "a" + (articles.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var full = resolve(path);
            byte[] bytes;
            try
            {
                var info = new FileInfo(full);
                if (!info.Exists)
                {
                    error = $"{path}: no such file";
                    return null;
                }
                if (info.Length > MaxBytes)
                {
                    error = $"{path}: larger than the 5 MB limit";
                    return null;
                }
                bytes = File.ReadAllBytes(full);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                error = $"{path}: cannot be read ({e.GetType().Name})";
                return null;
            }
            var read = reader.Read(path, bytes, MaxBytes);
            if (read.Document is not { } document)
            {
                error = $"{path}: {Reason(path, read.Error)}";
                return null;
            }
            articles.Add(new LoadedArticle(
                new AnalyzedArticle(id, path, document.Title, document.Text.Length),
                new ArticleInput(id, document.Text, document.Published)));
        }
        return articles;
    }

    /// <summary>The reader names the file itself; keep the reason without repeating the name.</summary>
    private static string Reason(string path, string? error)
    {
        var message = (error ?? "cannot be read").ReplaceLineEndings(" ");
        var name = Path.GetFileName(path);
        if (message.StartsWith(name + ": ", StringComparison.Ordinal))
        {
            return message[(name.Length + 2)..];
        }
        return message.StartsWith(name + " ", StringComparison.Ordinal) ? message[(name.Length + 1)..] : message;
    }
}
