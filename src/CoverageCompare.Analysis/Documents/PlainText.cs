namespace CoverageCompare.Analysis.Documents;

internal static class PlainText
{
    // Plain text keeps every character as given: analysis offsets refer to exactly this string.
    public static ArticleDocument Read(string text)
    {
        var firstLine = text.TrimStart().Split('\n', 2)[0].Trim();
        var title = firstLine.Length is > 0 and <= 160 && !firstLine.EndsWith('.') ? firstLine : null;
        return new ArticleDocument(text, DocumentFormat.Text, title, Published: DateParsing.FindNear(text, 300));
    }
}
