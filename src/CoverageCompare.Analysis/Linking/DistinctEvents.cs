using System.Text.RegularExpressions;
using CoverageCompare.Analysis.Features;

namespace CoverageCompare.Analysis.Linking;

/// <summary>
/// Two reports are of two events, not one fact told differently, when they disagree on both when and how much: the
/// dates they give cannot be the same day or period, and no figure of one measure matches. One outlet may misreport
/// a figure or a date; both at once says another event ("$31 million on March 4" and "$367 million on March 25").
/// However alike the sentences read, such a pair is never linked, so a sibling event cannot stand in for a fact an
/// article does not report.
/// </summary>
internal static partial class DistinctEvents
{
    public static bool Apart(ClaimFeatures a, ClaimFeatures b) => OtherDates(a, b) && OtherFigures(a, b);

    /// <summary>Both give dates that can be compared and none of one overlaps any of the other.</summary>
    public static bool OtherDates(ClaimFeatures a, ClaimFeatures b)
    {
        var compared = false;
        foreach (var da in a.Dates)
        {
            foreach (var db in b.Dates)
            {
                if (da.IsResolved && db.IsResolved)
                {
                    if (da.Overlaps(db))
                    {
                        return false;
                    }
                    compared = true;
                }
                else if (DayOfMonth(da.Text) is { } x && DayOfMonth(db.Text) is { } y)
                {
                    // "March 4" and "March 25" without a year (no article date): within one story, two days.
                    if (x == y)
                    {
                        return false;
                    }
                    compared = true;
                }
            }
        }
        return compared;
    }

    /// <summary>"March 4", "4 March", "Mar. 4th" as (month, day); null for anything else.</summary>
    public static (string Month, int Day)? DayOfMonth(string text)
    {
        var m = MonthDay().Match(text);
        return m.Success ? (m.Groups["month"].Value[..3].ToLowerInvariant(), int.Parse(m.Groups["day"].Value, System.Globalization.CultureInfo.InvariantCulture)) : null;
    }

    [GeneratedRegex(@"^(?:(?<month>[A-Za-z]{3,9})\.?\s+(?<day>\d{1,2})(?:st|nd|rd|th)?|(?<day>\d{1,2})(?:st|nd|rd|th)?\s+(?<month>[A-Za-z]{3,9}))$")]
    private static partial Regex MonthDay();

    /// <summary>Both give a figure of one measure, and no two figures of a shared measure agree.</summary>
    public static bool OtherFigures(ClaimFeatures a, ClaimFeatures b)
    {
        var measured = false;
        foreach (var qa in a.Quantities)
        {
            foreach (var qb in b.Quantities)
            {
                if (qa.SameMeasure(qb))
                {
                    if (qa.Overlaps(qb))
                    {
                        return false;
                    }
                    measured = true;
                }
            }
        }
        return measured;
    }
}
