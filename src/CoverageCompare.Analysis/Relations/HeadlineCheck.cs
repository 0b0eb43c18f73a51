using CoverageCompare.Analysis.Features;
using CoverageCompare.Analysis.Segmentation;

namespace CoverageCompare.Analysis.Relations;

/// <summary>
/// A headline that says more than its own article's body: a figure, a date or a name the body never gives, or a claim
/// stated flatly that the body only hedges. Each reason names the headline's side and the body's side.
/// </summary>
internal static class HeadlineCheck
{
    public static IReadOnlyList<HeadlineIssue> Find(StoryFeatures story, Func<int, string> claimId)
    {
        var issues = new List<HeadlineIssue>();
        foreach (var headline in story.Claims.Where(c => c.Segment.Role == SegmentRole.Title))
        {
            var body = story.Claims.Where(c => c.Article == headline.Article && c.Segment.Role == SegmentRole.Body).ToList();
            if (body.Count == 0)
            {
                continue;
            }
            var reasons = Reasons(headline, body, story.Resolver);
            if (reasons.Count > 0)
            {
                issues.Add(new HeadlineIssue(claimId(headline.Index), reasons));
            }
        }
        return issues;
    }

    internal static List<string> Reasons(ClaimFeatures headline, IReadOnlyList<ClaimFeatures> body, EntityResolver resolver)
    {
        var reasons = new List<string>();
        foreach (var q in headline.Quantities)
        {
            if (body.Any(c => c.Quantities.Any(b => b.SameMeasure(q) && b.Overlaps(q))))
            {
                continue;
            }
            var other = body.SelectMany(c => c.Quantities).FirstOrDefault(q.SameMeasure);
            reasons.Add($"number: {q.Text} in the headline vs {(other is null ? "no such figure" : other.Text)} in the body");
        }
        foreach (var d in headline.Dates.Where(d => d.IsResolved))
        {
            if (body.Any(c => c.Dates.Any(d.Overlaps)))
            {
                continue;
            }
            var other = body.SelectMany(c => c.Dates).FirstOrDefault(x => x.IsResolved);
            reasons.Add($"date: {d.Text} in the headline vs {(other is null ? "no date" : other.Text)} in the body");
        }
        var named = body.SelectMany(c => c.Entities).Select(e => e.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var e in headline.Entities.Where(e => !headline.InsideQuote[e.FirstToken]).DistinctBy(e => e.Key))
        {
            if (!named.Contains(e.Key))
            {
                reasons.Add($"name: {(e.IsPerson ? resolver.DisplayName(e) : e.Surface)} in the headline vs not named in the body");
            }
        }
        // The body sentence closest to the headline hedges what the headline states as fact.
        var closest = body.MaxBy(c => c.PositiveStems.Count(headline.PositiveStems.Contains));
        if (headline.Hedges.Count == 0 && closest is not null && closest.Hedges.Count > 0 && closest.PositiveStems.Count(headline.PositiveStems.Contains) >= 2)
        {
            reasons.Add($"hedge: stated in the headline vs \"{string.Join(", ", closest.Hedges)}\" in the body");
        }
        return reasons;
    }
}
