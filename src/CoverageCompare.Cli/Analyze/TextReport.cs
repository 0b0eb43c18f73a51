using System.Text;
using CoverageCompare.Analysis;

namespace CoverageCompare.Cli.Analyze;

/// <summary>A short human summary: what each article is, the shared facts and how they differ, and what only one source says.</summary>
internal static class TextReport
{
    private const int Excerpt = 110;

    public static string Render(AnalysisDocument document)
    {
        var result = document.Result;
        var claims = result.Claims.ToDictionary(c => c.Id, StringComparer.Ordinal);
        var grouped = result.Groups.SelectMany(g => g.ClaimIds).ToHashSet(StringComparer.Ordinal);
        var text = new StringBuilder();

        text.AppendLine($"{document.Articles.Count} articles, {result.Claims.Count} claims, {result.Groups.Count} shared facts, {result.Links.Count(l => l.Relation == Relation.Disagree)} disagreements");
        foreach (var article in document.Articles)
        {
            var count = result.Claims.Count(c => c.ArticleId == article.Id);
            text.AppendLine($"  {article.Id}  {article.Path}{(article.Title is null ? "" : $"  \"{article.Title}\"")}  ({count} claims)");
        }

        text.AppendLine().AppendLine("Shared facts");
        foreach (var group in result.Groups)
        {
            text.AppendLine($"  {group.Id} [{group.Verdict.ToString().ToLowerInvariant()}] {group.Label}");
            foreach (var id in group.ClaimIds)
            {
                var claim = claims[id];
                text.AppendLine($"      {claim.ArticleId} {claim.Id}: {Shorten(claim.Text)}");
            }
            foreach (var id in group.AlsoClaimIds)
            {
                var claim = claims[id];
                text.AppendLine($"      {claim.ArticleId} {claim.Id} (also): {Shorten(claim.Text)}");
            }
            foreach (var link in result.Links.Where(l => l.Relation == Relation.Disagree && group.ClaimIds.Contains(l.A)))
            {
                text.AppendLine($"      ! {link.A} vs {link.B}: {string.Join("; ", link.Reasons)}");
            }
        }

        text.AppendLine().AppendLine("Reported by one source only");
        foreach (var article in document.Articles)
        {
            var single = result.Claims.Where(c => c.ArticleId == article.Id && !grouped.Contains(c.Id)).ToList();
            text.AppendLine($"  {article.Id}: {single.Count} claims");
            foreach (var claim in single)
            {
                text.AppendLine($"      {claim.Id}: {Shorten(claim.Text)}");
            }
        }
        return text.ToString();
    }

    private static string Shorten(string value)
    {
        var flat = value.ReplaceLineEndings(" ");
        return flat.Length <= Excerpt ? flat : flat[..Excerpt].TrimEnd() + "…";
    }
}
