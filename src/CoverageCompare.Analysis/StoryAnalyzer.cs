using System.Globalization;
using CoverageCompare.Analysis.Features;
using CoverageCompare.Analysis.Linking;
using CoverageCompare.Analysis.Relations;
using CoverageCompare.Analysis.Segmentation;

namespace CoverageCompare.Analysis;

/// <summary>
/// Finds the claims of each article, links the ones that report the same fact across articles and
/// says whether they agree. Deterministic: the same articles in the same order give the same result.
/// Holds no state between calls, so one instance can serve concurrent requests.
/// </summary>
public sealed class StoryAnalyzer(AnalyzerOptions? options = null)
{
    private readonly AnalyzerOptions _options = options ?? AnalyzerOptions.Default;

    public AnalysisResult Analyze(IReadOnlyList<ArticleInput> articles)
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

        var candidates = new Linker(_options).Link(story);
        var links = new List<ClaimLink>(candidates.Count);
        var edges = new List<(int, int, Relation)>(candidates.Count);
        foreach (var candidate in candidates)
        {
            var verdict = RelationClassifier.Classify(story.Claims[candidate.A], story.Claims[candidate.B], story);
            links.Add(new ClaimLink(ClaimId(candidate.A), ClaimId(candidate.B), verdict.Relation, candidate.Score, verdict.Reasons));
            edges.Add((candidate.A, candidate.B, verdict.Relation));
        }
        var groups = Grouper.Group(story, edges, ClaimId);
        return new AnalysisResult(claims, groups, links) { HeadlineIssues = HeadlineCheck.Find(story, ClaimId) };
    }

    private static string ClaimId(int index) => "c" + (index + 1).ToString(CultureInfo.InvariantCulture);
}
