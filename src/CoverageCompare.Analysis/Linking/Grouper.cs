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
/// A compound sentence that reports two facts ("…, as Microsoft has started integrating its own AI …") belongs to the
/// group of its first fact and is an "also" member of the group its clause link points to, under the same rule.
/// </summary>
internal static class Grouper
{
    // Strictly more than this share of the cross-article pairs must be linked.
    private const double MinLinkedShare = 0.5;

    /// <param name="links">Each link, with <c>Compound</c> the claim whose clause made it (-1 when the whole sentences did).</param>
    public static List<ClaimGroup> Group(StoryFeatures story, IReadOnlyList<(int A, int B, Relation Relation, double Score, int Compound)> links,
        Func<int, string> claimId, Func<int, int, double> similarity, Func<int, string> text)
    {
        var linked = links.ToDictionary(l => (Math.Min(l.A, l.B), Math.Max(l.A, l.B)), l => l);
        var groupOf = new Dictionary<int, List<int>>();
        List<int> Of(int claim) => groupOf.TryGetValue(claim, out var g) ? g : groupOf[claim] = [claim];
        var ordered = links.OrderByDescending(l => l.Score).ThenBy(l => Math.Min(l.A, l.B)).ThenBy(l => Math.Max(l.A, l.B)).ToList();
        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var (a, b, _, _, compound) in ordered)
            {
                var ga = Of(a);
                var gb = Of(b);
                // A clause link makes its sentence an also member below; it never merges two groups, which would
                // put the compound sentence's first fact and its second in one.
                if (compound >= 0 || ReferenceEquals(ga, gb) || LinkedShare(story, ga, gb, linked) <= MinLinkedShare)
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
        // A clause link that crosses groups: the compound sentence reports its partner's fact too. It joins that group as
        // well when, like any member, it is linked to more than half of the group's claims from other articles.
        var also = new Dictionary<List<int>, SortedSet<int>>(ReferenceEqualityComparer.Instance);
        foreach (var (a, b, _, _, compound) in ordered)
        {
            if (compound < 0)
            {
                continue;
            }
            var own = Of(compound);
            var other = Of(compound == a ? b : a);
            if (!ReferenceEquals(own, other) && LinkedShare(story, [compound], other, linked) > MinLinkedShare)
            {
                (also.TryGetValue(other, out var set) ? set : also[other] = []).Add(compound);
            }
        }
        var groups = new List<ClaimGroup>();
        foreach (var group in groupOf.Values.Distinct().OrderBy(g => g.Min()))
        {
            var members = group.Order().ToList();
            var extra = also.TryGetValue(group, out var set) ? set.ToList() : [];
            var all = members.Concat(extra).ToList();
            var relations = all
                .SelectMany(x => all.Where(y => y > x).Select(y => (x, y)))
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
            // The label comes from the members: an also member's sentence tells another fact as well.
            groups.Add(new ClaimGroup(id, FactLabel.Extract(text(Central(members, similarity))), members.Select(claimId).ToArray(), verdict)
            {
                AlsoClaimIds = extra.Select(claimId).ToArray(),
            });
        }
        return groups;
    }

    private static double LinkedShare(StoryFeatures story, IReadOnlyList<int> ga, List<int> gb, Dictionary<(int, int), (int A, int B, Relation Relation, double Score, int Compound)> linked)
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
        if (members.Count == 1)
        {
            return members[0];
        }
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
