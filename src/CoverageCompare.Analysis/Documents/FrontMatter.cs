namespace CoverageCompare.Analysis.Documents;

/// <summary>The flat <c>key: value</c> block between <c>---</c> lines that opens many Markdown articles.</summary>
internal static class FrontMatter
{
    public static IReadOnlyDictionary<string, string> Parse(string markdown)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        using var reader = new StringReader(markdown);
        if (reader.ReadLine()?.Trim() != "---") return values;

        for (var line = reader.ReadLine(); line is not null && line.Trim() != "---"; line = reader.ReadLine())
        {
            var colon = line.IndexOf(':');
            if (colon <= 0) continue;
            var value = line[(colon + 1)..].Trim().Trim('"', '\'');
            if (value.Length > 0) values.TryAdd(line[..colon].Trim(), value);
        }
        return values;
    }
}
