using CoverageCompare.Analysis.Features;
using CoverageCompare.Analysis.Relations;

namespace CoverageCompare.Analysis.Linking;

internal readonly record struct Candidate(int A, int B, double Score);

/// <summary>
/// Finds pairs of claims from different articles that report the same fact. Candidates come from an
/// inverted index (only claims sharing a not-too-common term are ever compared), then each claim keeps
/// its best match in each other article.
/// </summary>
internal sealed class Linker(AnalyzerOptions options)
{
    private const double QuoteFloor = 0.55;
    private const double SameMeasureBonus = 0.25;
    private const double SameUnitBonus = 0.08;
    private const double SameDateBonus = 0.08;
    private const int MinSharedTerms = 2;
    private const double ClauseFactor = 0.8;

    public List<Candidate> Link(StoryFeatures story)
    {
        var claims = story.Claims;
        var cap = (int)Math.Clamp(options.MaxPostingShare * claims.Count, options.MinPostingCap, 4 * options.MinPostingCap);
        var postings = BuildPostings(claims, story.Terms.Count);
        var minPartial = options.LinkThreshold * 0.3;
        var scored = new List<Candidate>();
        var accumulator = new float[claims.Count];
        var touched = new List<int>();
        foreach (var a in claims)
        {
            // Score-at-a-time over the postings of a's terms: only claims sharing a term are ever visited.
            for (var k = 0; k < a.TermIds.Length; k++)
            {
                var list = postings[a.TermIds[k]];
                if (list is null || list.Count < 2 || list.Count > cap)
                {
                    continue;
                }
                var wa = a.TermWeights[k];
                for (var p = FirstAfter(list, a.Index); p < list.Count; p++)
                {
                    var (b, wb) = list[p];
                    if (claims[b].Article == a.Article)
                    {
                        continue;
                    }
                    if (accumulator[b] == 0)
                    {
                        touched.Add(b);
                    }
                    accumulator[b] += wa * wb;
                }
            }
            touched.Sort();
            foreach (var b in touched)
            {
                var partial = accumulator[b];
                accumulator[b] = 0;
                if (partial < minPartial && !(a.Quotes.Count > 0 && claims[b].Quotes.Count > 0))
                {
                    continue;
                }
                var score = Score(a, claims[b]);
                if (score >= options.LinkThreshold)
                {
                    scored.Add(new Candidate(a.Index, b, Math.Round(score, 2)));
                }
            }
            touched.Clear();
        }
        scored.Sort((p, q) => p.A != q.A ? p.A.CompareTo(q.A) : p.B.CompareTo(q.B));
        return KeepBest(scored, claims);
    }

    private static int FirstAfter(List<(int Claim, float Weight)> list, int claim)
    {
        int lo = 0, hi = list.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (list[mid].Claim <= claim)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }
        return lo;
    }

    private static List<(int Claim, float Weight)>?[] BuildPostings(IReadOnlyList<ClaimFeatures> claims, int termCount)
    {
        var postings = new List<(int, float)>?[termCount];
        foreach (var claim in claims)
        {
            for (var k = 0; k < claim.TermIds.Length; k++)
            {
                (postings[claim.TermIds[k]] ??= []).Add((claim.Index, claim.TermWeights[k]));
            }
        }
        return postings;
    }

    public static double Score(ClaimFeatures a, ClaimFeatures b)
    {
        var (cosine, shared) = Cosine(a, b);
        if (a.Clauses.Length > 0 || b.Clauses.Length > 0)
        {
            cosine = Math.Max(cosine, ClauseFactor * ClauseCosine(a, b));
        }
        var score = shared >= MinSharedTerms ? cosine + MeasureBonus(a, b) + DateBonus(a, b) : 0;
        if (a.Quotes.Count > 0 && b.Quotes.Count > 0 && QuoteComparer.BestMatch(a, b) is { } match && match.Coverage >= 0.5 && match.Aligned >= 4)
        {
            // The same words in quotation marks are strong evidence of the same statement.
            score = Math.Max(score, QuoteFloor + 0.4 * match.Coverage * Math.Min(1, cosine * 2.5));
        }
        return Math.Min(1, score);
    }

    /// <summary>Two numbers of the same kind about the same thing ("cost $480 million", "cost $520 million") point to one fact.</summary>
    private static double MeasureBonus(ClaimFeatures a, ClaimFeatures b)
    {
        var bonus = 0.0;
        foreach (var qa in a.Quantities)
        {
            foreach (var qb in b.Quantities)
            {
                if (qa.SameMeasure(qb))
                {
                    bonus = Math.Max(bonus, qa.SharesContext(qb) ? SameMeasureBonus : SameUnitBonus);
                }
            }
        }
        return bonus;
    }

    /// <summary>Dates that fit together (late 2023, November 2023) make the same event more likely.</summary>
    private static double DateBonus(ClaimFeatures a, ClaimFeatures b)
    {
        foreach (var da in a.Dates)
        {
            if (da.IsResolved && b.Dates.Any(db => db.IsResolved && da.Overlaps(db)))
            {
                return SameDateBonus;
            }
        }
        return 0;
    }

    public static (double Cosine, int Shared) Cosine(ClaimFeatures a, ClaimFeatures b) => a.Vector.Dot(b.Vector);

    /// <summary>The best match between a clause of one claim and a clause (or the whole) of the other.</summary>
    private static double ClauseCosine(ClaimFeatures a, ClaimFeatures b)
    {
        var best = 0.0;
        foreach (var ca in a.Clauses.Append(a.Vector))
        {
            foreach (var cb in b.Clauses.Append(b.Vector))
            {
                var (cos, shared) = ca.Dot(cb);
                if (shared >= MinSharedTerms && cos > best)
                {
                    best = cos;
                }
            }
        }
        return best;
    }

    /// <summary>A pair stays when each claim is the other's best match in its article, or when the score is high and it is the best for one of them.</summary>
    private List<Candidate> KeepBest(List<Candidate> scored, IReadOnlyList<ClaimFeatures> claims)
    {
        var best = new Dictionary<(int Claim, int Article), double>();
        foreach (var c in scored)
        {
            Update(best, (c.A, claims[c.B].Article), c.Score);
            Update(best, (c.B, claims[c.A].Article), c.Score);
        }
        var margin = options.BestMargin;
        var oneSided = options.LinkThreshold + options.OneSidedExtra;
        return scored
            .Where(c =>
            {
                var bestForA = c.Score >= best[(c.A, claims[c.B].Article)] - margin;
                var bestForB = c.Score >= best[(c.B, claims[c.A].Article)] - margin;
                // A claim can report two facts and so match two claims of another article; that needs a stronger score.
                return bestForA && bestForB || (bestForA || bestForB) && c.Score >= oneSided;
            })
            .ToList();
    }

    private static void Update(Dictionary<(int, int), double> best, (int, int) key, double score)
    {
        if (!best.TryGetValue(key, out var current) || score > current)
        {
            best[key] = score;
        }
    }
}
