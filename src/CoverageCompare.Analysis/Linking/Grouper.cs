using System.Globalization;
using CoverageCompare.Analysis.Features;

namespace CoverageCompare.Analysis.Linking;

/// <summary>
/// Groups linked claims into facts by average linkage over the links: two groups merge only when more than half of
/// the pairs of claims between them (from different articles) are linked, so every member stays close to the group
/// as a whole and two facts never chain together through one loose link. Half is not enough: a claim linked to one
/// of two claims that report one fact, and not to the other, is as likely another fact as a missed link, and one-to-one
/// alignment already keeps each claim's best counterpart as a link. Each group is labelled with a short
/// extract of its most central claim.
/// </summary>
internal static class Grouper
{
    // Strictly more than this share of the cross-article pairs must be linked.
    private const double MinLinkedShare = 0.5;

    public static List<ClaimGroup> Group(StoryFeatures story, IReadOnlyList<(int A, int B, Relation Relation, double Score)> links,
        Func<int, string> claimId, Func<int, int, double> similarity, Func<int, string> text)
    {
        var linked = links.ToDictionary(l => (Math.Min(l.A, l.B), Math.Max(l.A, l.B)), l => l);
        var groupOf = new Dictionary<int, List<int>>();
        List<int> Of(int claim) => groupOf.TryGetValue(claim, out var g) ? g : groupOf[claim] = [claim];
        var ordered = links.OrderByDescending(l => l.Score).ThenBy(l => Math.Min(l.A, l.B)).ThenBy(l => Math.Max(l.A, l.B)).ToList();
        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var (a, b, _, _) in ordered)
            {
                var ga = Of(a);
                var gb = Of(b);
                if (ReferenceEquals(ga, gb) || LinkedShare(story, ga, gb, linked) <= MinLinkedShare)
                {
                    continue;
                }
                ga.AddRange(gb);
                foreach (var c in gb)
                {
                    groupOf[c] = ga;
                }
                changed = true;
            }
        }
        var groups = new List<ClaimGroup>();
        foreach (var members in groupOf.Values.Distinct().Select(g => g.Order().ToList()).OrderBy(g => g[0]))
        {
            var relations = members
                .SelectMany(x => members.Where(y => y > x).Select(y => (x, y)))
                .Where(linked.ContainsKey)
                .Select(p => linked[p].Relation)
                .Distinct()
                .ToList();
            if (relations.Count == 0)
            {
                continue;
            }
            var verdict = relations.Count > 1 ? GroupVerdict.Mixed : relations[0] == Relation.Agree ? GroupVerdict.Agree : GroupVerdict.Disagree;
            var id = "g" + (groups.Count + 1).ToString(CultureInfo.InvariantCulture);
            groups.Add(new ClaimGroup(id, FactLabel.Extract(text(Central(members, similarity))), members.Select(claimId).ToArray(), verdict));
        }
        return groups;
    }

    private static double LinkedShare(StoryFeatures story, List<int> ga, List<int> gb, Dictionary<(int, int), (int A, int B, Relation Relation, double Score)> linked)
    {
        int pairs = 0, found = 0;
        foreach (var x in ga)
        {
            foreach (var y in gb)
            {
                if (story.Claims[x].Article == story.Claims[y].Article)
                {
                    continue;
                }
                pairs++;
                if (linked.ContainsKey((Math.Min(x, y), Math.Max(x, y))))
                {
                    found++;
                }
            }
        }
        return pairs == 0 ? 0 : (double)found / pairs;
    }

    /// <summary>The member most similar, on average, to the others; the earliest on a tie.</summary>
    private static int Central(List<int> members, Func<int, int, double> similarity)
    {
        var best = members[0];
        var bestScore = double.MinValue;
        foreach (var m in members)
        {
            var score = Math.Round(members.Where(o => o != m).Average(o => similarity(m, o)), 4);
            if (score > bestScore)
            {
                (best, bestScore) = (m, score);
            }
        }
        return best;
    }
}
