namespace CoverageCompare.Analysis.Framing;

/// <summary>
/// Measures how each article frames the story from the engine's claims and groups: attribution, hedging, quotation,
/// which shared facts it covers, the wording each outlet chose for a fact, loaded words and the dates mentioned.
/// Pure and deterministic: the same articles and analysis give the same report.
/// </summary>
public sealed class FramingAnalyzer(FramingOptions? options = null)
{
    private readonly LoadedWordList _loaded = options?.ExtraLoadedWords is { Count: > 0 } extra
        ? LoadedWordList.Default.With(extra)
        : LoadedWordList.Default;

    public FramingReport Measure(IReadOnlyList<ArticleInput> articles, AnalysisResult analysis)
    {
        ArgumentNullException.ThrowIfNull(articles);
        ArgumentNullException.ThrowIfNull(analysis);
        var texts = articles.ToDictionary(a => a.Id, a => a.Text, StringComparer.Ordinal);
        // A title stands over its article's body and is checked against it (headlineIssues); framing measures the body.
        var bodied = analysis.Claims.Where(c => c.Kind != ClaimKind.Headline).Select(c => c.ArticleId).ToHashSet(StringComparer.Ordinal);
        var claims = analysis.Claims.Where(c => texts.ContainsKey(c.ArticleId) && !(c.Kind == ClaimKind.Headline && bodied.Contains(c.ArticleId))).ToList();
        var grouped = analysis.Groups.SelectMany(g => g.ClaimIds).ToHashSet(StringComparer.Ordinal);

        var perArticle = articles
            .Select(article => MeasureArticle(article, claims.Where(c => c.ArticleId == article.Id).ToList(), analysis.Groups, grouped))
            .ToArray();
        var byId = claims.ToDictionary(c => c.Id, StringComparer.Ordinal);
        var facts = analysis.Groups
            .Select(g => new SharedFact(g.Id, g.Label, g.Verdict,
                WordingDiff.Of(g.ClaimIds.Where(byId.ContainsKey).Select(id => byId[id]).ToList(), articles, texts, _loaded)))
            .ToArray();
        return new FramingReport(perArticle, facts, Timeline.Build(articles, claims));
    }

    private ArticleFraming MeasureArticle(ArticleInput article, List<Claim> claims, IReadOnlyList<ClaimGroup> groups, HashSet<string> grouped)
    {
        var ids = claims.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        var speakers = claims
            .Where(c => !string.IsNullOrEmpty(c.Speaker))
            .GroupBy(c => c.Speaker!, StringComparer.Ordinal)
            .Select(g => new SpeakerCount(g.Key, g.Count()))
            .OrderByDescending(s => s.Claims).ThenBy(s => s.Speaker, StringComparer.Ordinal)
            .ToArray();
        var hedges = claims.Select(c => Hedging.Find(article.Text, c.Start, c.End)).ToList();
        var covers = groups.ToLookup(g => g.ClaimIds.Any(ids.Contains));
        return new ArticleFraming(
            article.Id,
            claims.Count,
            speakers.Sum(s => s.Claims),
            speakers,
            hedges.Count(h => h.Count > 0),
            hedges.SelectMany(h => h).Distinct(StringComparer.Ordinal).ToArray(),
            claims.Count(c => c.Kind == ClaimKind.Quote),
            covers[true].Select(g => new FactRef(g.Id, g.Label)).ToArray(),
            covers[false].Select(g => new FactRef(g.Id, g.Label)).ToArray(),
            claims.Where(c => !grouped.Contains(c.Id)).Select(c => new ClaimRef(c.Id, c.Text)).ToArray(),
            claims
                .SelectMany(c => _loaded.Find(article.Text, c.Start, c.End).Select(span => new LoadedWord(article.Text[span.Start..span.End], c.Id, span.Start, span.End)))
                .ToArray());
    }
}
