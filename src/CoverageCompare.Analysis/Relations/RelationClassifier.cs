using CoverageCompare.Analysis.Features;
using CoverageCompare.Analysis.Linking;
using CoverageCompare.Analysis.Text;

namespace CoverageCompare.Analysis.Relations;

internal sealed record Verdict(Relation Relation, IReadOnlyList<string> Reasons);

/// <summary>
/// Decides whether two linked claims agree. Every disagreement names the evidence: the two numbers,
/// the two dates, the negation, the two actors, or the words that differ in a quotation.
/// </summary>
internal static class RelationClassifier
{
    public static Verdict Classify(ClaimFeatures a, ClaimFeatures b, StoryFeatures story)
    {
        var conflicts = new List<string>();
        var matches = new List<string>();
        CompareNumbers(a, b, conflicts, matches);
        CompareDates(a, b, conflicts, matches);
        CompareNegation(a, b, conflicts);
        CompareActors(a, b, story.Resolver, conflicts);
        RoleComparer.Compare(a, b, conflicts);
        CompareQuotes(a, b, conflicts, matches);
        if (conflicts.Count > 0)
        {
            return new Verdict(Relation.Disagree, conflicts);
        }
        var hedgeA = a.Hedges.Except(b.Hedges, StringComparer.Ordinal).ToArray();
        var hedgeB = b.Hedges.Except(a.Hedges, StringComparer.Ordinal).ToArray();
        if (hedgeA.Length > 0 || hedgeB.Length > 0)
        {
            matches.Add($"hedged in one: {string.Join(", ", hedgeA.Concat(hedgeB))}");
        }
        if ((matches.Count == 0 || matches.All(m => m.StartsWith("hedged", StringComparison.Ordinal)))
            && string.Join(", ", SharedTerms(a, b, story.Terms, 4)) is { Length: > 0 } shared)
        {
            matches.Insert(0, $"same terms: {shared}");
        }
        AddedDetail(a, b, "A", matches);
        AddedDetail(b, a, "B", matches);
        return new Verdict(Relation.Agree, matches);
    }

    private static void CompareNumbers(ClaimFeatures a, ClaimFeatures b, List<string> conflicts, List<string> matches)
    {
        foreach (var qa in a.Quantities)
        {
            var comparable = b.Quantities.Where(qa.SameMeasure).ToList();
            if (comparable.Count == 0)
            {
                continue;
            }
            var equal = comparable.FirstOrDefault(qa.Overlaps);
            if (equal is not null)
            {
                matches.Add($"same number: {qa.Text}" + (Normalize(qa.Text) == Normalize(equal.Text) ? "" : $" ~ {equal.Text}"));
                continue;
            }
            var qb = comparable.FirstOrDefault(q => !a.Quantities.Any(x => x.SameMeasure(q) && x.Overlaps(q)));
            if (qb is not null)
            {
                conflicts.Add($"number: {qa.Text} vs {qb.Text}");
            }
        }
    }

    /// <summary>A figure, date or name one side gives and the other omits: more detail, not a contradiction.</summary>
    private static void AddedDetail(ClaimFeatures x, ClaimFeatures y, string side, List<string> matches)
    {
        var details = x.Quantities.Where(q => !y.Quantities.Any(q.SameMeasure)).Select(q => q.Text)
            .Concat(x.Dates.Where(d => d.IsResolved && !y.Dates.Any(o => o.IsResolved)).Select(d => d.Text))
            .Concat(x.Entities.Where(e => !x.InsideQuote[e.FirstToken] && !y.Entities.Any(o => o.Key == e.Key)).Select(e => e.Surface))
            .Distinct(StringComparer.Ordinal)
            .Take(4)
            .ToList();
        if (details.Count > 0)
        {
            matches.Add($"detail only in {side}: {string.Join(", ", details)}");
        }
    }

    private static void CompareDates(ClaimFeatures a, ClaimFeatures b, List<string> conflicts, List<string> matches)
    {
        var da = a.Dates.Where(d => d.IsResolved).ToList();
        var db = b.Dates.Where(d => d.IsResolved).ToList();
        if (da.Count == 0 || db.Count == 0)
        {
            return;
        }
        foreach (var x in da)
        {
            var same = db.FirstOrDefault(x.Overlaps);
            if (same is not null)
            {
                matches.Add(Normalize(x.Text) == Normalize(same.Text) ? $"same date: {x.Text}" : $"compatible dates: {x.Text} ~ {same.Text}");
                return;
            }
        }
        conflicts.Add($"date: {da[0].Text} vs {db[0].Text}");
    }

    private static void CompareNegation(ClaimFeatures a, ClaimFeatures b, List<string> conflicts)
    {
        foreach (var (x, y, flip) in new[] { (a, b, false), (b, a, true) })
        {
            foreach (var cue in x.Polarity.Where(p => p.Negative))
            {
                if (!y.PositiveStems.Contains(cue.Predicate) || y.Polarity.Any(p => p.Negative && p.Predicate == cue.Predicate))
                {
                    continue;
                }
                var positive = PositiveSurface(y, cue.Predicate);
                conflicts.Add(flip ? $"negation: {positive} vs {cue.Text}" : $"negation: {cue.Text} vs {positive}");
                return;
            }
        }
    }

    private static string PositiveSurface(ClaimFeatures claim, string predicate)
    {
        var cue = claim.Polarity.FirstOrDefault(p => !p.Negative && p.Predicate == predicate);
        if (cue is not null)
        {
            return cue.Text;
        }
        var token = claim.Tokens.FirstOrDefault(t => t.Shape == TokenShape.Word && Stemmer.Stem(t.Key) == predicate);
        return token.Surface ?? predicate;
    }

    private static void CompareActors(ClaimFeatures a, ClaimFeatures b, EntityResolver resolver, List<string> conflicts)
    {
        var pa = Actors(a, resolver);
        var pb = Actors(b, resolver);
        if (pa.Count > 0 && pb.Count > 0 && !pa.Keys.Intersect(pb.Keys, StringComparer.Ordinal).Any())
        {
            conflicts.Add($"actor: {string.Join(", ", pa.Values)} vs {string.Join(", ", pb.Values)}");
        }
    }

    private static Dictionary<string, string> Actors(ClaimFeatures claim, EntityResolver resolver)
    {
        var actors = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var e in claim.Entities)
        {
            if (resolver.IsKnownPerson(e) && !claim.InsideQuote[e.FirstToken])
            {
                actors.TryAdd(e.Key, e.Surface);
            }
        }
        return actors;
    }

    private static void CompareQuotes(ClaimFeatures a, ClaimFeatures b, List<string> conflicts, List<string> matches)
    {
        if (a.SpeakerKey is not null && b.SpeakerKey is not null && a.SpeakerKey != b.SpeakerKey)
        {
            return;
        }
        var match = QuoteComparer.BestMatch(a, b);
        if (match is null || match.Aligned < 4 || match.Coverage < 0.5)
        {
            return;
        }
        if (match.Hunks.Count == 0)
        {
            matches.Add(match.A.Words.Length == match.B.Words.Length ? "same quotation" : "same quotation, one shorter");
            return;
        }
        var diff = string.Join("; ", match.Hunks.Take(4).Select(h => $"\"{h.A}\" vs \"{h.B}\""));
        conflicts.Add($"quote: {diff}" + (match.Hunks.Count > 4 ? $"; {match.Hunks.Count - 4} more" : ""));
    }

    public static IEnumerable<string> SharedTerms(ClaimFeatures a, ClaimFeatures b, TermTable terms, int count)
    {
        var shared = new List<(int Id, float Weight)>();
        int i = 0, j = 0;
        while (i < a.TermIds.Length && j < b.TermIds.Length)
        {
            if (a.TermIds[i] == b.TermIds[j])
            {
                shared.Add((a.TermIds[i], a.TermWeights[i] * b.TermWeights[j]));
                i++;
                j++;
            }
            else if (a.TermIds[i] < b.TermIds[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }
        return shared.OrderByDescending(s => s.Weight).ThenBy(s => s.Id).Take(count).Select(s => terms.Display(s.Id));
    }

    private static string Normalize(string s) => s.ToLowerInvariant().Replace('’', '\'');
}
