using System.Globalization;
using System.Text.RegularExpressions;

namespace CoverageCompare.Analysis.Segmentation;

/// <summary>Recognises lines that belong to the page rather than to the story.</summary>
internal static partial class Boilerplate
{
    private static readonly FrozenSet<string> Lines = new[]
    {
        "highlights", "key points", "opinions", "opinion", "story", "you've reached the end", "you’ve reached the end",
        "advertisement", "related", "related articles", "read more", "share", "share this article", "subscribe",
        "skip to content", "most read", "more from", "comments", "sign up", "newsletter", "listen to this article",
        "what to know", "key takeaways", "summary", "sponsored", "continue reading", "show comments", "top stories",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    public static bool IsBoilerplateLine(ReadOnlySpan<char> line)
    {
        var trimmed = line.Trim().TrimEnd(".:!".AsSpan()).Trim();
        if (trimmed.IsEmpty)
        {
            return true;
        }
        var lookup = Lines.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.Contains(trimmed))
        {
            return true;
        }
        var text = trimmed.ToString();
        return Byline().IsMatch(text) || DateOnlyLine().IsMatch(text) || MarkdownRule().IsMatch(text);
    }

    public static bool IsDateOnlyLine(ReadOnlySpan<char> line) => DateOnlyLine().IsMatch(line.Trim().TrimEnd('.'));

    /// <summary>Length of a dateline that prefixes the first sentence of a line ("date 2025-01-29 ", "LONDON (Reuters) - ").</summary>
    public static int DatelinePrefixLength(ReadOnlySpan<char> line)
    {
        var text = line.Length > 200 ? line[..200].ToString() : line.ToString();
        var m = DatePrefix().Match(text);
        if (m.Success)
        {
            return m.Length;
        }
        m = WirePrefix().Match(text);
        return m.Success ? m.Length : 0;
    }

    /// <summary>The publication date a dateline states, if the line is one.</summary>
    public static DateOnly? DatelineDate(ReadOnlySpan<char> line)
    {
        var text = line.Trim().ToString();
        if (text.Length > 80)
        {
            text = text[..80];
        }
        var iso = IsoDate().Match(text);
        if (iso.Success && DateOnly.TryParseExact(iso.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            return d;
        }
        var m = MonthDayYear().Match(text);
        if (m.Success && DateOnly.TryParse($"{m.Groups[1].Value} {m.Groups[2].Value} {m.Groups[3].Value}", CultureInfo.InvariantCulture, DateTimeStyles.None, out d))
        {
            return d;
        }
        return null;
    }

    [GeneratedRegex(@"^By\s+\p{Lu}[\p{L}.'’\-]*(\s+(\p{Lu}[\p{L}.'’\-]*|and|&|,|\|))*(\s*[|,·•-].*)?$")]
    private static partial Regex Byline();

    [GeneratedRegex(@"^(Published|Updated|Posted)?\s*:?\s*((\p{L}{3,9}\.?\s+\d{1,2},?\s+\d{4})|(\d{1,2}\s+\p{L}{3,9}\s+\d{4})|(\d{4}-\d{2}-\d{2}))(,?\s*(at\s+)?\d{1,2}[:.]\d{2}\s*([AaPp]\.?[Mm]\.?)?(\s*[A-Z]{2,4})?)?$|^date\s+\d{4}-\d{2}-\d{2}$")]
    private static partial Regex DateOnlyLine();

    [GeneratedRegex(@"^[-*_=]{3,}$")]
    private static partial Regex MarkdownRule();

    [GeneratedRegex(@"^\s*date\s+\d{4}-\d{2}-\d{2}\s+")]
    private static partial Regex DatePrefix();

    [GeneratedRegex(@"^\s*\p{Lu}[\p{Lu} .,'’]{2,40}(\s*\([^)]{1,40}\))?\s+[-—–]\s+")]
    private static partial Regex WirePrefix();

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}")]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"(\p{L}{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})")]
    private static partial Regex MonthDayYear();
}
