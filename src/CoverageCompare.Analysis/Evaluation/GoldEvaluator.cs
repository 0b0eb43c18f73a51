namespace CoverageCompare.Analysis.Evaluation;

/// <summary>A count out of a total; an empty total scores 1 (nothing was asked).</summary>
public sealed record Ratio(int Count, int Total)
{
    public double Value => Total == 0 ? 1 : (double)Count / Total;

    public override string ToString() => $"{Count}/{Total} = {Value * 100:0.0}%";
}

/// <summary>What the engine got right and wrong against a gold alignment; every list entry is one readable line.</summary>
public sealed record EvaluationReport(
    Ratio Recall,
    Ratio Precision,
    Ratio RelationAccuracy,
    Ratio DisagreementRecall,
    IReadOnlyList<string> Missed,
    IReadOnlyList<string> Wrong,
    IReadOnlyList<string> WrongRelation,
    IReadOnlyList<string> UnflaggedDisagreements,
    IReadOnlyList<string> Unlocated);

/// <summary>
/// Scores an analysis against a <see cref="GoldStandard"/>. Definitions (also in docs/gold-format.md): the engine
/// "pairs" two claims of different articles when it links them or puts them in one group (a fact), which is what a
/// reader is shown; recall = gold pairs (two mentions of one fact in different files) the engine pairs, over all gold
/// pairs; precision = judged engine pairs joining two mentions (or "also" mentions) of one fact, over judged pairs, where
/// judged pairs are all of them when the gold is exhaustive and otherwise those whose two claims are both mentioned in
/// the gold; relation accuracy = directly linked gold pairs whose relation is the gold one; disagreement recall = listed
/// disagreements linked as disagree with a reason of the listed kind that names both sides ("X vs Y").
/// </summary>
public static class GoldEvaluator
{
    /// <summary>Where each quote is in the article texts, without analysing; throws <see cref="FormatException"/> for a quote not found exactly once.</summary>
    public static void CheckQuotes(GoldStandard gold, IReadOnlyList<ArticleInput> articles)
    {
        foreach (var mention in gold.Facts.SelectMany(f => f.Mentions.Concat(f.Also)))
        {
            Offset(gold, articles, mention);
        }
    }

    /// <param name="articles">The gold's files in its order, as the engine read them.</param>
    public static EvaluationReport Evaluate(GoldStandard gold, IReadOnlyList<ArticleInput> articles, AnalysisResult result)
    {
        ArgumentNullException.ThrowIfNull(gold);
        if (articles.Count != gold.Files.Count) throw new ArgumentException("one article per gold file, in its order", nameof(articles));
        var claims = result.Claims.ToDictionary(c => c.Id, StringComparer.Ordinal);
        var links = result.Links.ToDictionary(l => Key(l.A, l.B));
        // A compound sentence may be an "also" member of a second group: it is shown as one fact with that group's claims too.
        var members = result.Groups.Select(g => g.ClaimIds.Concat(g.AlsoClaimIds).ToList()).ToList();
        var groupsOf = members.SelectMany((ids, g) => ids.Select(id => (id, g))).ToLookup(p => p.id, p => p.g, StringComparer.Ordinal);
        bool Grouped(string a, string b) => groupsOf[a].Intersect(groupsOf[b]).Any();
        // Every cross-article pair of claims the reader sees as one fact: the links, and the other pairs inside a group.
        var shown = result.Links.Select(l => Key(l.A, l.B))
            .Concat(members.SelectMany(ids => ids.SelectMany(x => ids.Where(y => string.CompareOrdinal(x, y) < 0 && claims[x].ArticleId != claims[y].ArticleId).Select(y => Key(x, y)))))
            .Distinct()
            .ToList();
        var unlocated = new List<string>();
        var located = new Dictionary<GoldMention, Claim>();
        foreach (var mention in gold.Facts.SelectMany(f => f.Mentions.Concat(f.Also)).Distinct())
        {
            var article = articles[gold.IndexOf(mention.File)];
            var at = Offset(gold, articles, mention);
            var claim = result.Claims.FirstOrDefault(c => c.ArticleId == article.Id && c.Start <= at && at + mention.Quote.Length <= c.End);
            if (claim is null) unlocated.Add($"no claim holds {mention}");
            else located[mention] = claim;
        }

        var factsOf = new Dictionary<string, HashSet<int>>(StringComparer.Ordinal);
        for (var f = 0; f < gold.Facts.Count; f++)
        {
            foreach (var claim in gold.Facts[f].Mentions.Concat(gold.Facts[f].Also).Where(located.ContainsKey).Select(m => located[m]))
            {
                (factsOf.TryGetValue(claim.Id, out var set) ? set : factsOf[claim.Id] = []).Add(f);
            }
        }

        var pairs = new HashSet<(string, string)>();
        var missed = new List<string>();
        var wrongRelation = new List<string>();
        int total = 0, found = 0, linkedPairs = 0, relationRight = 0;
        foreach (var fact in gold.Facts)
        {
            foreach (var (a, b) in Pairs(fact.Mentions))
            {
                if (!located.TryGetValue(a, out var ca) || !located.TryGetValue(b, out var cb))
                {
                    total++;
                    missed.Add($"{fact.Name}: {a} / {b} (no claim)");
                    continue;
                }
                if (!pairs.Add(Key(ca.Id, cb.Id))) continue;
                total++;
                if (!links.TryGetValue(Key(ca.Id, cb.Id), out var link))
                {
                    if (Grouped(ca.Id, cb.Id))
                    {
                        found++;
                    }
                    else
                    {
                        missed.Add($"{fact.Name}: {a} / {b}");
                    }
                    continue;
                }
                found++;
                linkedPairs++;
                var expected = fact.Disagreements.Any(d => d.A == a && d.B == b || d.A == b && d.B == a) ? Relation.Disagree : Relation.Agree;
                if (link.Relation == expected) relationRight++;
                else wrongRelation.Add($"{fact.Name}: {a} / {b} is {Name(link.Relation)}, expected {Name(expected)} ({string.Join("; ", link.Reasons)})");
            }
        }

        var judged = shown.Where(p => gold.Exhaustive || factsOf.ContainsKey(p.Item1) && factsOf.ContainsKey(p.Item2)).ToList();
        var wrong = judged
            .Where(p => !(factsOf.TryGetValue(p.Item1, out var fa) && factsOf.TryGetValue(p.Item2, out var fb) && fa.Overlaps(fb)))
            .Select(p => (First: claims[p.Item1], Second: claims[p.Item2], Linked: links.ContainsKey(p)))
            .OrderBy(w => w.First.Start).ThenBy(w => w.Second.Start)
            .Select(w => $"{Short(w.First.Text)} / {Short(w.Second.Text)}{(w.Linked ? "" : " (grouped, not linked)")}")
            .ToList();

        var listed = gold.Facts.SelectMany(f => f.Disagreements.Select(d => (Fact: f, d))).ToList();
        var unflagged = new List<string>();
        foreach (var (fact, d) in listed)
        {
            var link = located.TryGetValue(d.A, out var ca) && located.TryGetValue(d.B, out var cb) ? links.GetValueOrDefault(Key(ca.Id, cb.Id)) : null;
            var problem = link is null ? "not linked"
                : link.Relation != Relation.Disagree ? $"linked as agree ({string.Join("; ", link.Reasons)})"
                : !link.Reasons.Any(r => NamesBothSides(r, d.Reason)) ? $"no {(d.Reason is null ? "" : d.Reason + " ")}reason naming both sides ({string.Join("; ", link.Reasons)})"
                : null;
            if (problem is not null) unflagged.Add($"{fact.Name}: {d.A} / {d.B}: {problem}");
        }

        return new EvaluationReport(
            new Ratio(found, total),
            new Ratio(judged.Count - wrong.Count, judged.Count),
            new Ratio(relationRight, linkedPairs),
            new Ratio(listed.Count - unflagged.Count, listed.Count),
            missed, wrong, wrongRelation, unflagged, unlocated);
    }

    /// <summary>"number: over $13 billion vs tens of billions" names both sides; the kind, when the gold gives one, must match.</summary>
    private static bool NamesBothSides(string reason, string? kind)
    {
        var colon = reason.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0) return false;
        if (kind is not null && !string.Equals(reason[..colon], kind, StringComparison.Ordinal)) return false;
        var vs = reason.IndexOf(" vs ", colon, StringComparison.Ordinal);
        return vs > colon + 1 && reason.Length > vs + 4;
    }

    private static int Offset(GoldStandard gold, IReadOnlyList<ArticleInput> articles, GoldMention mention)
    {
        var text = articles[gold.IndexOf(mention.File)].Text;
        var at = text.IndexOf(mention.Quote, StringComparison.Ordinal);
        if (at < 0) throw new FormatException($"{mention}: the quote is not in the file");
        if (text.IndexOf(mention.Quote, at + 1, StringComparison.Ordinal) >= 0) throw new FormatException($"{mention}: the quote is in the file more than once; make it longer");
        return at;
    }

    private static IEnumerable<(GoldMention, GoldMention)> Pairs(IReadOnlyList<GoldMention> mentions)
    {
        for (var i = 0; i < mentions.Count; i++)
        {
            for (var j = i + 1; j < mentions.Count; j++)
            {
                if (mentions[i].File != mentions[j].File) yield return (mentions[i], mentions[j]);
            }
        }
    }

    private static (string, string) Key(string a, string b) => string.CompareOrdinal(a, b) < 0 ? (a, b) : (b, a);

    private static string Name(Relation relation) => relation == Relation.Agree ? "agree" : "disagree";

    private static string Short(string text) => text.Length <= 70 ? text : text[..70] + "…";
}
