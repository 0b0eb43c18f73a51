using System.Globalization;
using System.Text.RegularExpressions;

namespace CoverageCompare.Analysis.Documents;

internal static partial class DateParsing
{
    private static readonly string[] Formats =
        ["yyyy-MM-dd", "MMM d, yyyy", "MMMM d, yyyy", "MMM. d, yyyy", "d MMMM yyyy", "d MMM yyyy"];

    public static DateOnly? Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        value = value.Trim();
        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
        {
            return DateOnly.FromDateTime(instant.UtcDateTime);
        }
        return DateOnly.TryParseExact(value, Formats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var date)
            ? date
            : null;
    }

    /// <summary>A date written near the top of a text, as in a dateline.</summary>
    public static DateOnly? FindNear(string text, int within)
    {
        var head = text.Length > within ? text[..within] : text;
        var match = DatePattern().Match(head);
        return match.Success ? Parse(match.Value) : null;
    }

    /// <summary>A line that says nothing but when, like "Jan 28, 2025, 12:00 AM" or "date 2025-01-29".</summary>
    public static bool IsDateline(string line)
    {
        var rest = DatePattern().Replace(line, "");
        return rest.Length < line.Length && TimeOrFiller().Replace(rest, "").Trim().Length == 0;
    }

    [GeneratedRegex(@"\b\d{1,2}:\d{2}\s*(AM|PM|am|pm)?|\b(date|updated|published|on)\b|[,:|·\-]", RegexOptions.IgnoreCase)]
    private static partial Regex TimeOrFiller();

    [GeneratedRegex(@"\b\d{4}-\d{2}-\d{2}\b|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \d{1,2}, \d{4}\b")]
    private static partial Regex DatePattern();
}
