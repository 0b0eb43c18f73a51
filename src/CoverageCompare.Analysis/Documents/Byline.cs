using System.Text.RegularExpressions;

namespace CoverageCompare.Analysis.Documents;

/// <summary>What a byline says: "By Priya Nair, Riverton Radio, 12 March 2025" gives the author, the outlet and the date.</summary>
internal sealed partial record Byline(string Author, string? Outlet, DateOnly? Published)
{
    private const int LinesSearched = 8;

    /// <summary>The first byline among the opening lines of a text, if there is one.</summary>
    public static Byline? Find(string text)
    {
        foreach (var line in text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).Take(LinesSearched))
        {
            if (Parse(line) is { } byline) return byline;
        }
        return null;
    }

    public static Byline? Parse(string line)
    {
        var m = Pattern().Match(line);
        if (!m.Success) return null;
        var parts = Separator().Split(m.Groups["rest"].Value).Select(p => p.Trim()).Where(p => p.Length > 0).ToList();
        if (parts.Count == 0 || !IsName(parts[0], maxWords: 8)) return null;
        string? outlet = null;
        DateOnly? date = null;
        foreach (var part in parts.Skip(1))
        {
            if (DateParsing.Parse(part) is { } d)
            {
                date ??= d;
            }
            else if (outlet is null && IsName(part, maxWords: 6))
            {
                outlet = part;
            }
        }
        return new Byline(parts[0], outlet, date);
    }

    /// <summary>Capitalised words ("Riverton Radio", "The Harbor Ledger", "Priya Nair and Tom Lee"), no sentence.</summary>
    private static bool IsName(string text, int maxWords)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length <= maxWords
            && char.IsUpper(text[0])
            && !text.Any(char.IsDigit)
            && words.All(w => char.IsUpper(w[0]) || w is "and" or "of" or "the" or "for" or "de" or "van" or "von" or "&");
    }

    [GeneratedRegex(@"^By\s+(?<rest>\p{Lu}.{1,200})$")]
    private static partial Regex Pattern();

    // "for" introduces the outlet ("By Jo Lee for Riverton Radio"), as a comma or a bar does.
    [GeneratedRegex(@"\s*[,|·•]\s*|\s+[—–-]\s+|\s+for\s+")]
    private static partial Regex Separator();
}
