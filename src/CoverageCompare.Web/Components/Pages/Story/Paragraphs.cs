namespace CoverageCompare.Web.Components.Pages.Story;

public sealed record Paragraph(int Start, string Text);

public static class Paragraphs
{
    /// <summary>Splits at blank lines, keeping each paragraph's offset into the article text so highlights can be placed later.</summary>
    public static IReadOnlyList<Paragraph> Split(string text)
    {
        var paragraphs = new List<Paragraph>();
        var start = 0;
        while (start < text.Length)
        {
            var end = NextBlankLine(text, start);
            var slice = text[start..end];
            var trimmed = slice.TrimStart();
            if (trimmed.Length > 0)
            {
                paragraphs.Add(new Paragraph(start + slice.Length - trimmed.Length, trimmed.TrimEnd()));
            }
            start = end;
            while (start < text.Length && text[start] is '\n' or '\r') start++;
        }
        return paragraphs;
    }

    private static int NextBlankLine(string text, int from)
    {
        for (var i = text.IndexOf('\n', from); i >= 0; i = text.IndexOf('\n', i + 1))
        {
            var next = i + 1;
            while (next < text.Length && text[next] is ' ' or '\t' or '\r') next++;
            if (next >= text.Length || text[next] == '\n') return i;
        }
        return text.Length;
    }
}
