using CoverageCompare.Analysis;
using CoverageCompare.Analysis.Agreement;

namespace CoverageCompare.Data.Annotations;

/// <summary>
/// A thing reviewers judged: a claim of the analysis, or the exact span of an annotation that falls on no claim.
/// <see cref="Annotation"/> is one of the annotations on it, for a link that opens it.
/// </summary>
public sealed record AgreementUnit(int StoryId, string Key, string? ClaimId, int ArticleId, string Text, Guid Annotation, IReadOnlyDictionary<string, string> Verdicts);

/// <summary>The agreement figures of one story, or of several together, with what a page needs to name reviewers and units.</summary>
public sealed record StoryAgreement(
    AgreementReport Report,
    IReadOnlyList<Judgement> Judgements,
    IReadOnlyDictionary<string, string> ReviewerNames,
    IReadOnlyDictionary<string, AgreementUnit> Units,
    IReadOnlyList<string> Verdicts)
{
    public string NameOf(string reviewer) => ReviewerNames.GetValueOrDefault(reviewer, reviewer);

    public ConfusionTable Confusion(string a, string b) => ReviewerAgreement.Confusion(Judgements, a, b, Verdicts);

    /// <summary>
    /// Each reviewer's current verdict on each unit: the latest top-level annotation with a verdict that is not deleted
    /// (a resolved one still stands). An annotation belongs to the claim of its article it overlaps most.
    /// </summary>
    public static StoryAgreement Build(int storyId, IReadOnlyList<AnnotationView> threads, IReadOnlyList<Claim> claims, IReadOnlyList<string> verdictOrder)
    {
        var claimsByArticle = claims.ToLookup(c => c.ArticleId);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var latest = new Dictionary<(string Unit, string Reviewer), AnnotationView>();
        var units = new Dictionary<string, (string? ClaimId, int ArticleId, string Text, Guid Annotation)>(StringComparer.Ordinal);
        foreach (var thread in threads.Where(t => t.Label is not null && t.DeletedAt is null && !t.IsReply).OrderBy(t => t.ModifiedAt))
        {
            var claim = ClaimOf(thread.Target, claimsByArticle[Analyses.AnalysisStore.ArticleKey(thread.Target.ArticleId)]);
            var key = claim?.Id ?? $"span:{thread.Target.ArticleId}:{thread.Target.Start}-{thread.Target.End}";
            units.TryAdd(key, (claim?.Id, thread.Target.ArticleId, claim?.Text ?? thread.Target.Exact, thread.Id));
            // An account is one reviewer whatever their display name; annotations from before accounts go by name.
            var reviewer = thread.CreatorId ?? "name:" + thread.Author;
            names[reviewer] = thread.Author;
            latest[(key, reviewer)] = thread;
        }
        var judgements = latest.Select(x => new Judgement(x.Key.Unit, x.Key.Reviewer, x.Value.Label!)).ToList();
        var verdicts = judgements.ToLookup(j => j.Unit);
        var views = units.ToDictionary(
            u => u.Key,
            u => new AgreementUnit(storyId, u.Key, u.Value.ClaimId, u.Value.ArticleId, u.Value.Text, u.Value.Annotation,
                verdicts[u.Key].ToDictionary(j => j.Reviewer, j => j.Value, StringComparer.Ordinal)),
            StringComparer.Ordinal);
        return new StoryAgreement(ReviewerAgreement.Report(judgements), judgements, names, views, verdictOrder);
    }

    /// <summary>
    /// The stories' judgements as one set: a claim is a unit of its own story, and a reviewer is the same account in every
    /// story, so α and κ count everything each pair of reviewers judged in common.
    /// </summary>
    public static StoryAgreement Combine(IReadOnlyList<StoryAgreement> stories, IReadOnlyList<string> verdictOrder)
    {
        static string KeyOf(AgreementUnit unit) => $"{unit.StoryId}/{unit.Key}";
        var judgements = stories
            .SelectMany(s => s.Judgements.Select(j => j with { Unit = KeyOf(s.Units[j.Unit]) }))
            .ToList();
        var units = stories.SelectMany(s => s.Units.Values).ToDictionary(KeyOf, u => u with { Key = KeyOf(u) }, StringComparer.Ordinal);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (reviewer, name) in stories.SelectMany(s => s.ReviewerNames)) names[reviewer] = name;
        return new StoryAgreement(ReviewerAgreement.Report(judgements), judgements, names, units, verdictOrder);
    }

    private static Claim? ClaimOf(AnnotationTarget target, IEnumerable<Claim> claims) => target.Orphaned ? null : claims
        .Select(c => (Claim: c, Overlap: Math.Min(c.End, target.End) - Math.Max(c.Start, target.Start)))
        .Where(x => x.Overlap > 0)
        .OrderByDescending(x => x.Overlap)
        .ThenBy(x => x.Claim.Start)
        .Select(x => x.Claim)
        .FirstOrDefault();
}

/// <summary>Reads the judgements of a story, or of several: its annotations and the claims of its analysis (stored, or computed if stale).</summary>
public sealed class AgreementReader(AnnotationStore annotations, Analyses.AnalysisStore analyses, VerdictLabelStore labels)
{
    public async Task<StoryAgreement> ForStoryAsync(int storyId, CancellationToken cancellationToken = default)
    {
        var threads = await annotations.ListAsync(storyId, cancellationToken: cancellationToken);
        var analysis = await analyses.GetAsync(storyId, cancellationToken);
        return StoryAgreement.Build(storyId, threads, analysis?.Result.Claims ?? [], await labels.ListAsync(cancellationToken));
    }

    public async Task<StoryAgreement> ForStoriesAsync(IReadOnlyList<int> storyIds, CancellationToken cancellationToken = default)
    {
        var stories = new List<StoryAgreement>(storyIds.Count);
        foreach (var storyId in storyIds) stories.Add(await ForStoryAsync(storyId, cancellationToken));
        return StoryAgreement.Combine(stories, await labels.ListAsync(cancellationToken));
    }
}
