namespace CoverageCompare.Analysis.Framing;

/// <summary>The dates and periods the articles' claims mention, one entry per distinct day range, in time order.</summary>
internal static class Timeline
{
    public static IReadOnlyList<TimelineEntry> Build(IReadOnlyList<ArticleInput> articles, IReadOnlyList<Claim> claims)
    {
        var published = articles.ToDictionary(a => a.Id, a => (a.Text, a.Published), StringComparer.Ordinal);
        var order = articles.Select((a, i) => (a.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        return claims
            .OrderBy(c => order[c.ArticleId]).ThenBy(c => c.Start)
            .SelectMany(c =>
            {
                var (text, date) = published[c.ArticleId];
                return DateMentions.Find(text, c.Start, c.End, date).Select(d => (d.From, d.To, Mention: new DateMentionRef(c.ArticleId, c.Id, d.Text, d.Start, d.End)));
            })
            // An unplaced mention can only be matched by its words.
            .GroupBy(m => m.From is null ? (null, null, m.Mention.Text.ToLowerInvariant()) : (m.From, m.To, (string?)null))
            .Select(g => new TimelineEntry(g.Key.From, g.Key.To,
                string.Join(" / ", g.Select(m => m.Mention.Text).Distinct(StringComparer.OrdinalIgnoreCase)),
                g.Select(m => m.Mention).ToArray()))
            .OrderBy(e => e.From is null).ThenBy(e => e.From).ThenBy(e => e.To).ThenBy(e => e.Label, StringComparer.Ordinal)
            .ToArray();
    }
}
