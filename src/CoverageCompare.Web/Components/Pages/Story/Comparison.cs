using CoverageCompare.Analysis;
using CoverageCompare.Data.Analyses;
using CoverageCompare.Data.Stories;

namespace CoverageCompare.Web.Components.Pages.Story;

/// <summary>A claim as highlighted in its column; <see cref="Relation"/> is agree, disagree or single.</summary>
public sealed record ClaimMark(Claim Claim, string? GroupId, string Relation, string Description, string? HeadlineIssue = null)
{
    public bool IsHeadline => Claim.Kind == ClaimKind.Headline;
}

public sealed record LinkView(Claim A, Claim B, Relation Relation, IReadOnlyList<string> Reasons, QuoteDiff? Diff);

/// <summary>One fact of the story: a group of linked claims, or a claim only one article reports.</summary>
public sealed record Fact(string Id, string? GroupId, string Label, string Verdict, IReadOnlyList<Claim> Claims, IReadOnlyList<LinkView> Links, int Order)
{
    public IEnumerable<string> ArticleIds => Claims.Select(c => c.ArticleId).Distinct();

    public bool IsSingleSource => GroupId is null;
}

/// <summary>What the story page shows: the marks in each column and the facts for the claims panel and coverage matrix.</summary>
public sealed record Comparison(IReadOnlyDictionary<string, IReadOnlyList<ClaimMark>> MarksByArticle, IReadOnlyList<Fact> Facts, IReadOnlyList<CorrectionView> Corrections)
{
    public static Comparison Empty { get; } = new(new Dictionary<string, IReadOnlyList<ClaimMark>>(), [], []);

    public static Comparison Build(StoryView story, StoryAnalysis analysis)
    {
        var result = analysis.Result;
        var outlets = story.Articles.ToDictionary(a => AnalysisStore.ArticleKey(a.Id), a => a.DisplayOutlet);
        var claims = result.Claims.ToDictionary(c => c.Id);
        var order = result.Claims.Select((claim, index) => (claim.Id, index)).ToDictionary(x => x.Id, x => x.index);
        var groupOf = result.Groups.SelectMany(g => g.ClaimIds.Select(id => (id, g.Id))).ToDictionary(x => x.id, x => x.Item2);
        var linksOf = result.Links
            .SelectMany(l => new[] { (l.A, l), (l.B, l) })
            .ToLookup(x => x.Item1, x => x.l);

        var headlineIssues = result.HeadlineIssues.ToDictionary(i => i.ClaimId, i => string.Join("; ", i.Reasons));
        var marks = result.Claims
            .Select(claim =>
            {
                var relation = !linksOf[claim.Id].Any() ? "single"
                    : linksOf[claim.Id].Any(l => l.Relation == Relation.Disagree) ? "disagree" : "agree";
                var issue = headlineIssues.GetValueOrDefault(claim.Id);
                var description = issue is not null ? $"The headline says more than its article: {issue}"
                    : claim.Kind == ClaimKind.Headline && relation == "single" ? "Headline of this article"
                    : Describe(relation, claim, linksOf[claim.Id], claims, outlets);
                return new ClaimMark(claim, groupOf.GetValueOrDefault(claim.Id), relation, description, issue);
            })
            .GroupBy(m => m.Claim.ArticleId)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<ClaimMark>)g.OrderBy(m => m.Claim.Start).ToList());

        var facts = result.Groups
            .Select(group =>
            {
                // A compound sentence that reports this fact in one clause is shown here too, so its outlet is
                // credited with the fact; its own group stays the one it is highlighted with.
                var memberIds = group.ClaimIds.Concat(group.AlsoClaimIds).ToHashSet();
                var members = memberIds.Select(id => claims[id]).OrderBy(c => order[c.Id]).ToList();
                var links = result.Links
                    .Where(l => memberIds.Contains(l.A) && memberIds.Contains(l.B))
                    .Select(l => new LinkView(claims[l.A], claims[l.B], l.Relation, l.Reasons,
                        l.Reasons.Any(r => r.StartsWith("quote:", StringComparison.Ordinal)) ? QuoteDiff.Between(claims[l.A].Text, claims[l.B].Text) : null))
                    .ToList();
                return new Fact(group.Id, group.Id, group.Label, group.Verdict.ToString().ToLowerInvariant(), members, links, order[members[0].Id]);
            })
            .Concat(result.Claims
                // A title stands over its own article's claims; it is not a fact the other outlets omit.
                .Where(c => !groupOf.ContainsKey(c.Id) && c.Kind != ClaimKind.Headline)
                .Select(c => new Fact(c.Id, null, c.Text, "single", [c], [], order[c.Id])))
            .OrderBy(f => f.Order)
            .ToList();

        return new Comparison(marks, facts, analysis.Corrections);
    }

    private static string Describe(string relation, Claim claim, IEnumerable<ClaimLink> links, Dictionary<string, Claim> claims, Dictionary<string, string> outlets)
    {
        var others = links
            .Select(l => claims[l.A == claim.Id ? l.B : l.A].ArticleId)
            .Distinct()
            .Select(id => outlets.GetValueOrDefault(id, "another article"));
        return relation switch
        {
            "disagree" => $"Disputed claim: reported differently by {string.Join(", ", others)}",
            "agree" => $"Shared claim: also reported by {string.Join(", ", others)}",
            _ => "Reported by this article only",
        };
    }
}
