using System.Globalization;
using CoverageCompare.Analysis.Features;

namespace CoverageCompare.Analysis.Linking;

/// <summary>Connected claims form a group, labelled by the terms its claims share most.</summary>
internal static class Grouper
{
    private const int LabelTerms = 3;

    public static List<ClaimGroup> Group(StoryFeatures story, IReadOnlyList<(int A, int B, Relation Relation)> links, Func<int, string> claimId)
    {
        var parent = Enumerable.Range(0, story.Claims.Count).ToArray();
        int Find(int x)
        {
            while (parent[x] != x)
            {
                parent[x] = parent[parent[x]];
                x = parent[x];
            }
            return x;
        }
        foreach (var (a, b, _) in links)
        {
            var ra = Find(a);
            var rb = Find(b);
            if (ra != rb)
            {
                parent[Math.Max(ra, rb)] = Math.Min(ra, rb);
            }
        }
        var members = new SortedDictionary<int, List<int>>();
        foreach (var (a, b, _) in links)
        {
            foreach (var c in new[] { a, b })
            {
                var root = Find(c);
                if (!members.TryGetValue(root, out var list))
                {
                    members[root] = list = [];
                }
                if (!list.Contains(c))
                {
                    list.Add(c);
                }
            }
        }
        var groups = new List<ClaimGroup>();
        foreach (var (root, list) in members.OrderBy(m => m.Value.Min()))
        {
            list.Sort();
            var relations = links.Where(l => Find(l.A) == root).Select(l => l.Relation).Distinct().ToList();
            var verdict = relations.Count > 1 ? GroupVerdict.Mixed : relations[0] == Relation.Agree ? GroupVerdict.Agree : GroupVerdict.Disagree;
            var id = "g" + (groups.Count + 1).ToString(CultureInfo.InvariantCulture);
            groups.Add(new ClaimGroup(id, Label(story, list), list.Select(claimId).ToArray(), verdict));
        }
        return groups;
    }

    private static string Label(StoryFeatures story, List<int> members)
    {
        var counts = new Dictionary<int, (int Claims, float Weight)>();
        foreach (var m in members)
        {
            var claim = story.Claims[m];
            for (var k = 0; k < claim.TermIds.Length; k++)
            {
                var id = claim.TermIds[k];
                var (n, w) = counts.GetValueOrDefault(id);
                counts[id] = (n + 1, w + claim.TermWeights[k]);
            }
        }
        var words = counts
            .Where(c => !story.Terms.Term(c.Key).StartsWith('#'))
            .OrderByDescending(c => c.Value.Claims)
            .ThenByDescending(c => c.Value.Weight)
            .ThenBy(c => c.Key)
            .Take(LabelTerms)
            .Select(c => story.Terms.Display(c.Key));
        return string.Join(' ', words);
    }
}
