namespace CoverageCompare.Analysis.Documents;

internal static class PlainText
{
    private const int MaxTitleLength = 160;

    // Plain text keeps every character as given: analysis offsets refer to exactly this string.
    public static ArticleDocument Read(string text) =>
        new(text, DocumentFormat.Text, FirstTitleLine(text), Published: DateParsing.FindNear(text, 300));

    /// <summary>The first short line that is not a sentence and not just a dateline, if one opens the text.</summary>
    private static string? FirstTitleLine(string text) => text
        .Split('\n')
        .Select(line => line.Trim())
        .Where(line => line.Length > 0)
        .Take(4)
        .FirstOrDefault(line => line.Length <= MaxTitleLength && !line.EndsWith('.') && !DateParsing.IsDateline(line));
}
