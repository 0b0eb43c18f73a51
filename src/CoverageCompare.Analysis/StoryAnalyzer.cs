using System.Globalization;
using CoverageCompare.Analysis.Embeddings;
using CoverageCompare.Analysis.Features;
using CoverageCompare.Analysis.Linking;
using CoverageCompare.Analysis.Relations;
using CoverageCompare.Analysis.Segmentation;

namespace CoverageCompare.Analysis;

/// <summary>
/// Finds the claims of each article, links the ones that report the same fact across articles and
/// says whether they agree. Deterministic: the same articles in the same order give the same result.
/// Holds no state between calls (the sentence model and vector cache are the caller's, in the options),
/// so one instance can serve concurrent requests.
/// </summary>
public sealed class StoryAnalyzer(AnalyzerOptions? options = null)
{
    private readonly AnalyzerOptions _options = options ?? AnalyzerOptions.Default;

    /// <summary>The sentence model in use, or null when the engine runs on lexical evidence alone.</summary>
    public string? ModelId => _options.Encoder?.ModelId;

    /// <param name="cache">Vectors for this run, in place of <see cref="AnalyzerOptions.EmbeddingCache"/> (a story's stored vectors).</param>
    public AnalysisResult Analyze(IReadOnlyList<ArticleInput> articles, IProgress<AnalysisProgress>? progress = null, IEmbeddingCache? cache = null)
    {
        ArgumentNullException.ThrowIfNull(articles);
        var segmented = articles.Select(a => Segmenter.Segment(a.Text ?? "")).ToList();
        var story = new FeatureBuilder(_options).Build(articles, segmented);

        var claims = story.Claims
            .Select(c =>
            {
                var text = articles[c.Article].Text;
                return new Claim(ClaimId(c.Index), articles[c.Article].Id, c.Segment.Start, c.Segment.End,
                    text[c.Segment.Start..c.Segment.End], c.Kind, c.Speaker);
            })
            .ToArray();

        var (vectors, engine) = ClaimEmbedder.Embed(
            claims.Select(c => c.Text).ToArray(), story.Claims.Select(c => c.Article).ToArray(), articles.Count,
            _options.Encoder, cache ?? _options.EmbeddingCache, progress);
        var space = vectors is null ? null : new SemanticSpace(vectors);

        var candidates = new Linker(_options).Link(story, space);
        var edges = new List<(int, int, Relation, double, int)>(candidates.Count);
        var verdicts = new Dictionary<(int, int), (Candidate Candidate, Verdict Verdict)>();
        foreach (var candidate in candidates)
        {
            var verdict = RelationClassifier.Classify(story.Claims[candidate.A], story.Claims[candidate.B], story);
            verdicts[(candidate.A, candidate.B)] = (candidate, verdict);
            edges.Add((candidate.A, candidate.B, verdict.Relation, candidate.Score, candidate.Compound));
        }
        double Similarity(int a, int b) => space?.Cosine(a, b) ?? Linker.Cosine(story.Claims[a], story.Claims[b]).Cosine;
        var groups = Grouper.Group(story, edges, ClaimId, Similarity, i => claims[i].Text);

        // A link between claims that ended in different facts is the chaining the grouping refused: it is not shown.
        // A compound sentence's clause link is shown when the sentence is an "also" member of its partner's group.
        var groupsOf = groups
            .SelectMany(g => g.ClaimIds.Concat(g.AlsoClaimIds).Select(id => (id, g.Id)))
            .ToLookup(p => p.id, p => p.Id, StringComparer.Ordinal);
        var links = new List<ClaimLink>(candidates.Count);
        foreach (var (a, b, _, _, _) in edges)
        {
            var (candidate, verdict) = verdicts[(a, b)];
            if (groupsOf[ClaimId(a)].Intersect(groupsOf[ClaimId(b)], StringComparer.Ordinal).Any())
            {
                links.Add(new ClaimLink(ClaimId(a), ClaimId(b), verdict.Relation, candidate.Score, Reasons(candidate, verdict)));
            }
        }
        return new AnalysisResult(claims, groups, links) { Engine = engine, HeadlineIssues = HeadlineCheck.Find(story, ClaimId) };
    }

    /// <summary>A link the model found names the cosine, so a reader knows the words alone did not make it.</summary>
    private static IReadOnlyList<string> Reasons(Candidate candidate, Verdict verdict)
    {
        if (!candidate.ByMeaning || candidate.Cosine is not { } cosine)
        {
            return verdict.Reasons;
        }
        var meaning = "same meaning (cosine " + cosine.ToString("0.00", CultureInfo.InvariantCulture) + ")";
        return verdict.Relation == Relation.Agree ? [meaning, .. verdict.Reasons] : [.. verdict.Reasons, meaning];
    }

    private static string ClaimId(int index) => "c" + (index + 1).ToString(CultureInfo.InvariantCulture);
}
