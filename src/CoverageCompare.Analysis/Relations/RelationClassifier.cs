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
        CompareRefutation(a, b, story, conflicts);
        CompareActors(a, b, story.Resolver, conflicts);
        RoleComparer.Compare(a, b, story.Resolver, conflicts);
        CompareQuotes(a, b, conflicts, matches);
        if (conflicts.Count > 0)
        {
            return new Verdict(Relation.Disagree, conflicts);
        }
        if (a.Hedges.Count > 0 || b.Hedges.Count > 0)
        {
            var hedgeA = a.Hedges.Except(b.Hedges, StringComparer.Ordinal).ToArray();
            var hedgeB = b.Hedges.Except(a.Hedges, StringComparer.Ordinal).ToArray();
            if (hedgeA.Length > 0 || hedgeB.Length > 0)
            {
                matches.Add($"hedged in one: {string.Join(", ", hedgeA.Concat(hedgeB))}");
            }
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

    // Loops rather than LINQ in the checks below: they run for every linked pair, and each Where, closure and list was
    // allocated once per pair.
    private static void CompareNumbers(ClaimFeatures a, ClaimFeatures b, List<string> conflicts, List<string> matches)
    {
        foreach (var qa in a.Quantities)
        {
            Quantity? firstComparable = null;
            Quantity? equal = null;
            foreach (var q in b.Quantities)
            {
                if (qa.SameMeasure(q))
                {
                    firstComparable ??= q;
                    if (qa.Overlaps(q))
                    {
                        equal = q;
                        break;
                    }
                }
            }
            if (firstComparable is null)
            {
                continue;
            }
            if (equal is not null)
            {
                matches.Add($"same number: {qa.Text}" + (Normalize(qa.Text) == Normalize(equal.Text) ? "" : $" ~ {equal.Text}"));
                continue;
            }
            var qb = FirstUnmatched(qa, b.Quantities, a.Quantities);
            if (qb is not null)
            {
                conflicts.Add($"number: {qa.Text} vs {qb.Text}");
            }
        }
    }

    /// <summary>The first of <paramref name="others"/>' figures of <paramref name="qa"/>'s measure that none of <paramref name="own"/> matches.</summary>
    private static Quantity? FirstUnmatched(Quantity qa, IReadOnlyList<Quantity> others, IReadOnlyList<Quantity> own)
    {
        foreach (var q in others)
        {
            if (!qa.SameMeasure(q))
            {
                continue;
            }
            var matched = false;
            foreach (var x in own)
            {
                if (x.SameMeasure(q) && x.Overlaps(q))
                {
                    matched = true;
                    break;
                }
            }
            if (!matched)
            {
                return q;
            }
        }
        return null;
    }

    /// <summary>A figure, date or name one side gives and the other omits: more detail, not a contradiction.</summary>
    private static void AddedDetail(ClaimFeatures x, ClaimFeatures y, string side, List<string> matches)
    {
        const int MaxDetails = 4;
        List<string>? details = null;
        void Add(string detail)
        {
            if (details is null || details.Count < MaxDetails && !details.Contains(detail))
            {
                (details ??= []).Add(detail);
            }
        }
        foreach (var q in x.Quantities)
        {
            var measured = false;
            foreach (var o in y.Quantities)
            {
                if (q.SameMeasure(o))
                {
                    measured = true;
                    break;
                }
            }
            if (!measured)
            {
                Add(q.Text);
            }
        }
        if (!HasResolved(y.Dates))
        {
            foreach (var d in x.Dates)
            {
                if (d.IsResolved)
                {
                    Add(d.Text);
                }
            }
        }
        foreach (var e in x.Entities)
        {
            if (x.InsideQuote[e.FirstToken])
            {
                continue;
            }
            var named = false;
            foreach (var o in y.Entities)
            {
                if (o.Key == e.Key)
                {
                    named = true;
                    break;
                }
            }
            if (!named)
            {
                Add(e.Surface);
            }
        }
        if (details is not null)
        {
            matches.Add($"detail only in {side}: {string.Join(", ", details)}");
        }
    }

    private static bool HasResolved(IReadOnlyList<DateMention> dates)
    {
        foreach (var d in dates)
        {
            if (d.IsResolved)
            {
                return true;
            }
        }
        return false;
    }

    private static void CompareDates(ClaimFeatures a, ClaimFeatures b, List<string> conflicts, List<string> matches)
    {
        if (!HasResolved(a.Dates) || !HasResolved(b.Dates))
        {
            return;
        }
        DateMention? firstA = null;
        DateMention? firstB = null;
        foreach (var x in a.Dates)
        {
            if (!x.IsResolved)
            {
                continue;
            }
            firstA ??= x;
            foreach (var y in b.Dates)
            {
                if (!y.IsResolved)
                {
                    continue;
                }
                firstB ??= y;
                if (x.Overlaps(y))
                {
                    matches.Add(Normalize(x.Text) == Normalize(y.Text) ? $"same date: {x.Text}" : $"compatible dates: {x.Text} ~ {y.Text}");
                    return;
                }
            }
        }
        conflicts.Add($"date: {firstA!.Text} vs {firstB!.Text}");
    }

    private static void CompareNegation(ClaimFeatures a, ClaimFeatures b, List<string> conflicts)
    {
        // "Did she adopt him to stop him becoming a werewolf?" states nothing that "destined to become one" could deny.
        if (a.IsQuestion || b.IsQuestion)
        {
            return;
        }
        if (!Negates(a, b, flip: false, conflicts))
        {
            Negates(b, a, flip: true, conflicts);
        }
    }

    private static bool Negates(ClaimFeatures x, ClaimFeatures y, bool flip, List<string> conflicts)
    {
        foreach (var cue in x.Polarity)
        {
            if (!cue.Negative || !y.PositiveStems.Contains(cue.Predicate) || NegatesToo(y, cue.Predicate))
            {
                continue;
            }
            var positive = PositiveSurface(y, cue.Predicate);
            conflicts.Add(flip ? $"negation: {positive} vs {cue.Text}" : $"negation: {cue.Text} vs {positive}");
            return true;
        }
        return false;
    }

    /// <summary>One source calls false what the other states: "the story is a hoax" against the story told plainly.</summary>
    private static void CompareRefutation(ClaimFeatures a, ClaimFeatures b, StoryFeatures story, List<string> conflicts)
    {
        if (conflicts.Count > 0 || (a.Refutation is null) == (b.Refutation is null))
        {
            return;
        }
        var (refuting, stating) = a.Refutation is not null ? (a, b) : (b, a);
        if (refuting.IsQuestion || stating.MentionsDispute || stating.IsQuestion || stating.Speaker is not null)
        {
            return;
        }
        var stated = string.Join(", ", SharedTerms(a, b, story.Terms, 3));
        if (stated.Length == 0)
        {
            return;
        }
        conflicts.Add(refuting == b ? $"refuted: {stated} vs {b.Refutation}" : $"refuted: {a.Refutation} vs {stated}");
    }

    private static bool NegatesToo(ClaimFeatures claim, string predicate)
    {
        foreach (var p in claim.Polarity)
        {
            if (p.Negative && p.Predicate == predicate)
            {
                return true;
            }
        }
        return false;
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
        var pa = ClaimRoles.Of(a, resolver).Actors;
        var pb = ClaimRoles.Of(b, resolver).Actors;
        if (pa.Count == 0 || pb.Count == 0)
        {
            return;
        }
        foreach (var key in pa.Keys)
        {
            if (pb.ContainsKey(key))
            {
                return;
            }
        }
        conflicts.Add($"actor: {string.Join(", ", pa.Values)} vs {string.Join(", ", pb.Values)}");
    }

    /// <summary>The people a claim names outside quotations, by key, each with its first surface.</summary>
    public static Dictionary<string, string> Actors(ClaimFeatures claim, EntityResolver resolver)
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
