using System.Globalization;
using System.Text.RegularExpressions;

namespace CoverageCompare.Analysis.Features;

/// <summary>A date or period as an inclusive day range. Relative ones are resolved against the article date when known.</summary>
internal sealed record DateMention(DateOnly? From, DateOnly? To, string Text, int Start, int End)
{
    public bool IsResolved => From is not null && To is not null;

    public bool Overlaps(DateMention other) => IsResolved && other.IsResolved
        ? From <= other.To && other.From <= To
        : string.Equals(Key, other.Key, StringComparison.Ordinal);

    private string Key => Text.ToLowerInvariant();
}

internal static partial class DateExtractor
{
    private const string MonthPattern = @"(?<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?";

    public static List<DateMention> Extract(string text, int start, int end, DateOnly? published)
    {
        var found = new List<DateMention>();
        published = published is { } date && ArticleDates.IsSupported(date) ? date : null;
        var length = end - start;
        foreach (var regex in Patterns(HasDigit(text.AsSpan(start, length))))
        {
            foreach (Match m in regex.Match(text, start, length) is { Success: true } first ? Enumerate(first) : [])
            {
                if (found.Any(f => f.Start < m.Index + m.Length && m.Index < f.End))
                {
                    continue;
                }
                var mention = Interpret(m, published);
                if (mention is not null)
                {
                    found.Add(mention);
                }
            }
        }
        found.Sort((a, b) => a.Start.CompareTo(b.Start));
        return found;
    }

    private static IEnumerable<Match> Enumerate(Match m)
    {
        for (; m.Success; m = m.NextMatch())
        {
            yield return m;
        }
    }

    /// <summary>The patterns in order of precedence; those that need a digit only when the text has one (most sentences have none).</summary>
    private static IEnumerable<Regex> Patterns(bool digits)
    {
        if (digits)
        {
            yield return Iso();
            yield return DayMonthYear();
            yield return MonthDayYear();
            yield return PartMonthYear();
            yield return MonthYear();
            yield return PartYear();
        }
        yield return Relative();
        yield return Season();
        if (digits)
        {
            yield return MonthDay();
        }
        yield return Weekday();
        if (digits)
        {
            yield return Year();
        }
    }

    // As the patterns' \d: any Unicode decimal digit.
    private static bool HasDigit(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (char.IsDigit(c))
            {
                return true;
            }
        }
        return false;
    }

    private static DateMention? Interpret(Match m, DateOnly? published)
    {
        var text = m.Value;
        var g = m.Groups;
        var year = g["year"].Success ? int.Parse(g["year"].Value, CultureInfo.InvariantCulture) : 0;
        DateMention Range(DateOnly from, DateOnly to) => new(from, to, text, m.Index, m.Index + m.Length);
        DateMention Unresolved() => new(null, null, text, m.Index, m.Index + m.Length);

        if (g["year"].Success && !ArticleDates.IsSupportedYear(year))
        {
            return Unresolved();
        }
        if (g["iso"].Success)
        {
            return DateOnly.TryParseExact(g["iso"].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? Range(d, d) : null;
        }
        var month = g["month"].Success ? MonthNumber(g["month"].Value) : 0;
        if (month > 0 && g["day"].Success)
        {
            var day = int.Parse(g["day"].Value, CultureInfo.InvariantCulture);
            var inYear = g["year"].Success ? year : published?.Year ?? 0;
            if (inYear == 0)
            {
                return Unresolved();
            }
            return day >= 1 && day <= DateTime.DaysInMonth(inYear, month) ? Range(new DateOnly(inYear, month, day), new DateOnly(inYear, month, day)) : null;
        }
        if (month > 0 && g["year"].Success)
        {
            var first = new DateOnly(year, month, 1);
            var last = first.AddMonths(1).AddDays(-1);
            return g["part"].Success ? PartOf(g["part"].Value, first, last, Range) : Range(first, last);
        }
        if (g["year"].Success)
        {
            var first = new DateOnly(year, 1, 1);
            return g["part"].Success ? PartOf(g["part"].Value, first, new DateOnly(year, 12, 31), Range) : Range(first, new DateOnly(year, 12, 31));
        }
        if (g["season"].Success)
        {
            return Season(g["which"].Value.ToLowerInvariant(), g["season"].Value.ToLowerInvariant(), published, Range) ?? Unresolved();
        }
        if (g["rel"].Success)
        {
            return Relative(g["rel"].Value.ToLowerInvariant(), g["unit"].Value.ToLowerInvariant(), published, Range) ?? Unresolved();
        }
        if (g["weekday"].Success)
        {
            if (published is not { } p)
            {
                return Unresolved();
            }
            var target = Enum.Parse<DayOfWeek>(g["weekday"].Value, ignoreCase: true);
            var back = ((int)p.DayOfWeek - (int)target + 7) % 7;
            var d = p.AddDays(-back);
            return Range(d, d);
        }
        return null;
    }

    private static DateMention PartOf(string part, DateOnly first, DateOnly last, Func<DateOnly, DateOnly, DateMention> range)
    {
        var days = last.DayNumber - first.DayNumber + 1;
        return part.ToLowerInvariant() switch
        {
            "early" or "beginning of" or "start of" => range(first, first.AddDays(days / 3)),
            "mid" or "mid-" or "middle of" => range(first.AddDays(days / 3), first.AddDays(2 * days / 3)),
            _ => range(first.AddDays(2 * days / 3 - 1), last),
        };
    }

    private static DateMention? Season(string which, string season, DateOnly? published, Func<DateOnly, DateOnly, DateMention> range)
    {
        if (published is not { } p)
        {
            return null;
        }
        var startMonth = season switch { "spring" => 3, "summer" => 6, "autumn" or "fall" => 9, _ => 12 };
        var year = p.Year;
        var start = new DateOnly(year, startMonth, 1);
        // "this"/"next" look forward from the article date, "last" backward.
        if (which == "last")
        {
            while (start.AddMonths(3) > p)
            {
                start = start.AddYears(-1);
            }
        }
        else if (which == "next")
        {
            while (start <= p)
            {
                start = start.AddYears(1);
            }
        }
        else if (start.AddMonths(3) <= p)
        {
            start = start.AddYears(1);
        }
        return range(start, start.AddMonths(3).AddDays(-1));
    }

    private static DateMention? Relative(string rel, string unit, DateOnly? published, Func<DateOnly, DateOnly, DateMention> range)
    {
        if (published is not { } p)
        {
            return null;
        }
        var offset = rel switch { "last" or "past" => -1, "next" or "coming" => 1, _ => 0 };
        switch (unit)
        {
            case "week":
                var monday = p.AddDays(-(((int)p.DayOfWeek + 6) % 7)).AddDays(7 * offset);
                return range(monday, monday.AddDays(6));
            case "month":
                var first = new DateOnly(p.Year, p.Month, 1).AddMonths(offset);
                var last = first.AddMonths(1).AddDays(-1);
                return rel switch
                {
                    "earlier this" => range(first, p),
                    "later this" => range(p, last),
                    _ => range(first, last),
                };
            case "year":
                var jan = new DateOnly(p.Year + offset, 1, 1);
                var dec = new DateOnly(p.Year + offset, 12, 31);
                return rel switch
                {
                    "earlier this" => range(jan, p),
                    "later this" => range(p, dec),
                    _ => range(jan, dec),
                };
            default:
                return unit switch
                {
                    "yesterday" => range(p.AddDays(-1), p.AddDays(-1)),
                    "today" => range(p, p),
                    "tomorrow" => range(p.AddDays(1), p.AddDays(1)),
                    _ => null,
                };
        }
    }

    private static int MonthNumber(string name) => name.ToLowerInvariant()[..3] switch
    {
        "jan" => 1, "feb" => 2, "mar" => 3, "apr" => 4, "may" => 5, "jun" => 6, "jul" => 7, "aug" => 8, "sep" => 9,
        "oct" => 10, "nov" => 11, "dec" => 12, _ => 0,
    };

    [GeneratedRegex(@"\b(?<iso>\d{4}-\d{2}-\d{2})\b")]
    private static partial Regex Iso();

    [GeneratedRegex(@"\b(?<day>\d{1,2})(st|nd|rd|th)?\s+" + MonthPattern + @",?\s+(?<year>\d{4})\b")]
    private static partial Regex DayMonthYear();

    [GeneratedRegex(@"\b" + MonthPattern + @"\s+(?<day>\d{1,2})(st|nd|rd|th)?,?\s+(?<year>\d{4})\b")]
    private static partial Regex MonthDayYear();

    [GeneratedRegex(@"\b(?<part>early|mid|late|the end of|end of|beginning of|start of)[\s-]+" + MonthPattern + @"\s+(?<year>\d{4})\b", RegexOptions.IgnoreCase)]
    private static partial Regex PartMonthYear();

    [GeneratedRegex(@"\b" + MonthPattern + @",?\s+(?<year>(1[89]|2[01])\d{2})\b")]
    private static partial Regex MonthYear();

    [GeneratedRegex(@"\b(?<part>early|mid|late|the end of|end of|beginning of|start of)[\s-]+(?<year>(1[89]|2[01])\d{2})\b", RegexOptions.IgnoreCase)]
    private static partial Regex PartYear();

    [GeneratedRegex(@"\b(?<rel>earlier this|later this|last|past|this|next|coming)\s+(?<unit>week|month|year)\b|\b(?<unit>yesterday|today|tomorrow)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Relative();

    [GeneratedRegex(@"\b(?<which>last|this|next)\s+(?<season>spring|summer|autumn|fall|winter)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Season();

    [GeneratedRegex(@"\b" + MonthPattern + @"\s+(?<day>\d{1,2})(st|nd|rd|th)?\b")]
    private static partial Regex MonthDay();

    [GeneratedRegex(@"\b(?<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")]
    private static partial Regex Weekday();

    [GeneratedRegex(@"\b(?<year>(19|20|21)\d{2})\b(?![-,.]?\d)")]
    private static partial Regex Year();
}
