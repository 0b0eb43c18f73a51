using System.Globalization;
using CoverageCompare.Analysis;

namespace CoverageCompare.Data.Analyses;

/// <summary>Applies people's link corrections over the engine's result; later corrections of the same link win.</summary>
internal static class Corrections
{
    public static StoryAnalysis Apply(AnalysisResult result, IReadOnlyList<LinkCorrection> corrections)
    {
        if (corrections.Count == 0) return new StoryAnalysis(result, []);

        var claimsByText = new Dictionary<(string Article, string Text), Claim>();
        foreach (var claim in result.Claims) claimsByText.TryAdd((claim.ArticleId, claim.Text), claim);

        var links = result.Links.ToDictionary(link => (link.A, link.B));
        var views = new List<CorrectionView>(corrections.Count);
        foreach (var correction in corrections)
        {
            var key = FindLink(correction, claimsByText, links);
            if (key is { } found)
            {
                var link = links[found];
                if (correction.Kind == CorrectionKind.NotSameFact)
                {
                    links.Remove(found);
                }
                else
                {
                    var relation = correction.Kind == CorrectionKind.Agree ? Relation.Agree : Relation.Disagree;
                    var note = $"corrected to {relation.ToString().ToLowerInvariant()} by {correction.Author} on {correction.CreatedAt.ToString("d MMM yyyy", CultureInfo.InvariantCulture)}";
                    links[found] = link with { Relation = relation, Reasons = [.. link.Reasons.Where(r => !r.StartsWith("corrected to ", StringComparison.Ordinal)), note] };
                }
            }
            views.Add(new CorrectionView(correction.Id, correction.ArticleAId, correction.ClaimAText, correction.ArticleBId, correction.ClaimBText,
                correction.Kind, correction.Author, correction.CreatedAt, key is not null));
        }

        var remaining = result.Links.Where(link => links.ContainsKey((link.A, link.B))).Select(link => links[(link.A, link.B)]).ToList();
        return new StoryAnalysis(result with { Links = remaining, Groups = Regroup(result.Groups, remaining) }, views);
    }

    private static (string, string)? FindLink(LinkCorrection correction, Dictionary<(string, string), Claim> claims, Dictionary<(string A, string B), ClaimLink> links)
    {
        if (!claims.TryGetValue((AnalysisStore.ArticleKey(correction.ArticleAId), correction.ClaimAText), out var a)
            || !claims.TryGetValue((AnalysisStore.ArticleKey(correction.ArticleBId), correction.ClaimBText), out var b))
        {
            return null;
        }
        if (links.ContainsKey((a.Id, b.Id))) return (a.Id, b.Id);
        if (links.ContainsKey((b.Id, a.Id))) return (b.Id, a.Id);
        return null;
    }

    /// <summary>Splits each group along the links that remain, so a claim cut off by a correction stands alone.</summary>
    private static IReadOnlyList<ClaimGroup> Regroup(IReadOnlyList<ClaimGroup> groups, IReadOnlyList<ClaimLink> links)
    {
        var regrouped = new List<ClaimGroup>();
        foreach (var group in groups)
        {
            var members = group.ClaimIds.ToHashSet();
            var groupLinks = links.Where(l => members.Contains(l.A) && members.Contains(l.B)).ToList();
            var parent = group.ClaimIds.ToDictionary(id => id, id => id);
            string Root(string id) => parent[id] == id ? id : parent[id] = Root(parent[id]);
            foreach (var link in groupLinks) parent[Root(link.A)] = Root(link.B);

            var parts = group.ClaimIds.GroupBy(Root).Select(part => part.ToList()).Where(part => part.Count > 1).ToList();
            for (var i = 0; i < parts.Count; i++)
            {
                var part = parts[i].ToHashSet();
                var relations = groupLinks.Where(l => part.Contains(l.A)).Select(l => l.Relation).Distinct().ToList();
                var verdict = relations.Count == 1
                    ? relations[0] == Relation.Agree ? GroupVerdict.Agree : GroupVerdict.Disagree
                    : GroupVerdict.Mixed;
                regrouped.Add(new ClaimGroup(i == 0 ? group.Id : $"{group.Id}-{i + 1}", group.Label, parts[i], verdict));
            }
        }
        return regrouped;
    }
}
