using CoverageCompare.Analysis.Features;

namespace CoverageCompare.Analysis.Framing;

/// <summary>A date or period as written, with its inclusive day range when it can be placed.</summary>
public sealed record DateMentionSpan(DateOnly? From, DateOnly? To, string Text, int Start, int End);

public static class DateMentions
{
    /// <summary>
    /// The dates and periods in <c>text[start..end]</c> ("June 2026", "last autumn", "next month"); relative ones are resolved
    /// against <paramref name="published"/>, and stay unplaced without it.
    /// </summary>
    public static IReadOnlyList<DateMentionSpan> Find(string text, int start, int end, DateOnly? published) =>
        DateExtractor.Extract(text, start, end, published)
            .Select(d => new DateMentionSpan(d.From, d.To, d.Text, d.Start, d.End))
            .ToArray();
}
