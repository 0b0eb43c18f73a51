using System.Text.RegularExpressions;

namespace CoverageCompare.Analysis.Documents;

internal static partial class PlainText
{
    private const int MaxTitleLength = 160;

    // Plain text keeps every character as given: analysis offsets refer to exactly this string.
    public static ArticleDocument Read(string text)
    {
        var frontMatter = FrontMatter.Parse(text);
        var byline = Byline.Find(text);
        var url = frontMatter.GetValueOrDefault("url");
        return new ArticleDocument(
            text,
            DocumentFormat.Text,
            frontMatter.GetValueOrDefault("title") ?? TitleLine(text),
            Sources.Outlet(frontMatter) ?? byline?.Outlet ?? Sources.HostOf(url),
            frontMatter.GetValueOrDefault("author") ?? byline?.Author,
            DateParsing.Parse(frontMatter.GetValueOrDefault("date")) ?? byline?.Published ?? DateParsing.FindNear(text, 300),
            url);
    }

    /// <summary>
    /// The opening line when it is a headline: short, not a sentence, not a dateline or byline, not a quoted post
    /// ("… — Satya Nadella (@satyanadella) January 28, 2025"). A text that opens with a sentence has no title line.
    /// </summary>
    private static string? TitleLine(string text)
    {
        var lines = text.Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0);
        if (text.StartsWith("---", StringComparison.Ordinal))
        {
            lines = lines.SkipWhile(l => l != "---").Skip(1).SkipWhile(l => l != "---").Skip(1);
        }
        var first = lines.FirstOrDefault(line => !DateParsing.IsDateline(line) && Byline.Parse(line) is null);
        return first is { Length: <= MaxTitleLength } && !".!?…:;".Contains(first[^1]) && !SignedPost().IsMatch(first) ? first : null;
    }

    [GeneratedRegex(@"[.!?""”]\s+[—–]{1,2}\s*\p{Lu}")]
    private static partial Regex SignedPost();
}
