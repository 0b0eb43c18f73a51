using CoverageCompare.Analysis.Embeddings;
using CoverageCompare.Analysis.Features;
using CoverageCompare.Analysis.Relations;

namespace CoverageCompare.Analysis.Linking;

/// <summary>A link: <see cref="Cosine"/> is the sentence model's (null without it); <see cref="ByMeaning"/> when only the model found it;
/// <see cref="Specifics"/> counts the names, numbers, dates and rare words the two share; <see cref="Compound"/> is the claim
/// (A or B) one of whose clauses made the link, or -1 when the whole sentences did.</summary>
internal readonly record struct Candidate(int A, int B, double Score, double? Cosine = null, bool ByMeaning = false, int Specifics = 0, int Compound = -1);

/// <summary>
/// Finds pairs of claims from different articles that report the same fact. Candidates come from an
/// inverted index (only claims sharing a not-too-common term are ever compared) and, with the sentence
/// model, from each claim's nearest neighbours in meaning. The model recognises paraphrases; the evidence
/// (names, numbers, dates, rare words) confirms them, and the model refuses word overlap between sentences
/// about different things. Then a claim links to at most one claim of each other article: the mutual best.
/// </summary>
internal sealed class Linker(AnalyzerOptions options)
{
    private const double QuoteFloor = 0.55;
    private const double SameMeasureBonus = 0.25;
    private const double SameUnitBonus = 0.08;
    private const double SameDateBonus = 0.08;
    private const int MinSharedTerms = 2;
    private const double ClauseFactor = 0.8;

    // Relative cosines (the story's common direction removed): below RefuseBelow the model vetoes a word-overlap
    // link; from ParaphraseFloor a pair with shared specifics is the same fact; from SameMeaning no evidence is needed.
    private const double MeaningFloor = 0.35;
    private const double RefuseBelow = 0.25;
    private const double ParaphraseFloor = 0.45;
    private const double SameMeaning = 0.8;
    private const double RareShare = 0.05;
    private const double CompoundScore = 0.6;
    private const int SecondPartnerSpecifics = 1;
    private const double ClauseFloor = ParaphraseFloor;

    public List<Candidate> Link(StoryFeatures story, SemanticSpace? space = null)
    {
        var claims = story.Claims;
        var cap = (int)Math.Clamp(options.MaxPostingShare * claims.Count, options.MinPostingCap, 4 * options.MinPostingCap);
        var postings = BuildPostings(claims, story.Terms.Count);
        var minPartial = options.LinkThreshold * 0.3;
        var scored = new List<Candidate>();
        // In order (a ascending, then b): the index visits a in order and sorts what it touched.
        var proposed = new List<(int A, int B)>();
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
                if (DistinctEvents.Apart(a, claims[b]))
                {
                    continue;
                }
                if (space is null)
                {
                    var score = Score(a, claims[b]);
                    if (score >= options.LinkThreshold)
                    {
                        scored.Add(new Candidate(a.Index, b, Math.Round(score, 2)));
                    }
                }
                else
                {
                    proposed.Add((a.Index, b));
                }
            }
            touched.Clear();
        }
        if (space is not null)
        {
            var articleOf = claims.Select(c => c.Article).ToArray();
            // Only pairs the index found (sharing an uncommon term) may link on words; the model's proposals need meaning.
            var neighbours = space.Neighbours(articleOf, ParaphraseFloor);
            // A word is rare when no more claims use it than one fact told once per article would, and only against
            // enough text to tell: in a story of a few sentences every word is "rare".
            var rare = Math.Min(claims.Select(c => c.Article + 1).DefaultIfEmpty(0).Max(), (int)(RareShare * claims.Count));
            foreach (var (a, b, indexed) in Union(proposed, neighbours))
            {
                if (Judge(claims[a], claims[b], space, story, rare, indexed) is { } candidate && !DistinctEvents.Apart(claims[a], claims[b]))
                {
                    scored.Add(candidate);
                }
            }
            if (options.Encoder is { } encoder && options.Signals == LinkSignals.Both)
            {
                scored.AddRange(ClauseMatches(claims, scored, space, story, rare, postings, encoder, options.EmbeddingCache));
            }
            if (options.Signals != LinkSignals.WordsOnly)
            {
                scored.AddRange(HeadlineMatches.Find(claims, scored, space));
            }
            scored.RemoveAll(c => HeadlineMatches.AsParaphrases(claims[c.A], claims[c.B])
                && !HeadlineMatches.SayTheSame(claims[c.A], claims[c.B], space.Cosine(c.A, c.B)));
        }
        scored.Sort((p, q) => p.A != q.A ? p.A.CompareTo(q.A) : p.B.CompareTo(q.B));
        // A clause link's evidence was checked clause by clause (ClauseMatches); a whole sentence's second partner needs evidence of the act.
        var rareWords = Math.Min(claims.Select(c => c.Article + 1).DefaultIfEmpty(0).Max(), (int)(RareShare * claims.Count));
        return KeepBest(scored, claims, space is null ? null : c => c.Compound >= 0 || SecondFact.SharesAct(claims[c.A], claims[c.B], story, rareWords));
    }

    /// <summary>
    /// A pair is linked on the words it shares (as without the model) unless the model finds the sentences unrelated,
    /// or on meaning when the model finds them close and a name, number, date or uncommon word confirms it.
    /// </summary>
    private Candidate? Judge(ClaimFeatures a, ClaimFeatures b, SemanticSpace space, StoryFeatures story, int rare, bool indexed)
    {
        var relative = space.Local(a.Index, b.Index);
        // Below RefuseBelow neither words nor meaning can link the pair, and off the index only meaning can: skip the
        // costlier evidence: the result is the same.
        if (relative < RefuseBelow || !indexed && relative < ParaphraseFloor)
        {
            return null;
        }
        var lexical = indexed ? Score(a, b) : 0;
        // Both signals on one scale: the meaning from the relative cosine, the words from the lexical score.
        var meaning = Math.Clamp((relative - MeaningFloor) / (SameMeaning - MeaningFloor), 0, 1);
        // Words are evidence only through the index, which ignores the story's common words: sentences that share
        // nothing but common words ("council", "residents", "report") are not the same fact however alike they read.
        var words = indexed ? Math.Min(1, lexical / (2 * options.LinkThreshold)) : 0;
        var byWords = indexed && lexical >= options.LinkThreshold && relative >= RefuseBelow;
        var specifics = Specifics(a, b, story, rare);
        // The model proposes, evidence confirms: a pair linked on meaning shares a specific a reader can check, unless
        // the meaning alone is very close. Shared common words are no confirmation: two sentences about the same people
        // and the same partnership ("Altman posted …" / "Altman spoke with Nadella …") can report different acts.
        var byMeaning = relative >= ParaphraseFloor && (relative >= SameMeaning || specifics > 0);
        var score = options.Signals switch
        {
            LinkSignals.WordsOnly => byWords ? lexical : 0,
            LinkSignals.MeaningOnly => byMeaning ? meaning : 0,
            _ => byWords || byMeaning ? (meaning + words) / 2 : 0,
        };
        return score > 0
            ? new Candidate(a.Index, b.Index, Math.Round(score, 2), Math.Round(space.Cosine(a.Index, b.Index), 2), !byWords, specifics)
            : null;
    }

    /// <summary>
    /// A compound sentence that reports two or three facts ("…, as Microsoft has started integrating …, alongside Apple
    /// and Meta") reads, as a whole, like none of them. Each of its clauses is compared with the claims of another article
    /// that share an uncommon word or a date with the clause, and the pair links when the clause and the claim mean the
    /// same and are each other's best match: no claim of the claim's article is closer to the clause, and no other
    /// sentence of the compound's article is closer to the claim. Where the sentence already has a match in that article,
    /// only a date both give or uncommon words the sentence does not share with that match can propose a second one, and
    /// never through the clause the first match stands on (the clause closest to that partner): only another clause can
    /// report another fact.
    /// </summary>
    /// <remarks>Only clauses of compound sentences that share a specific with a claim are embedded: a clause such as "the
    /// two tech giants entered a more competitive phase" is close in meaning to any sentence about the two companies, so
    /// meaning alone would link topic, not fact.</remarks>
    private static List<Candidate> ClauseMatches(IReadOnlyList<ClaimFeatures> claims, List<Candidate> scored, SemanticSpace space,
        StoryFeatures story, int rare, List<(int Claim, float Weight)>?[] postings, ISentenceEncoder encoder, IEmbeddingCache? cache)
    {
        // Each claim's partners so far, in the order of scored; a claim has few, so they are scanned, not hashed.
        var partnersOf = new List<int>?[claims.Count];
        foreach (var c in scored)
        {
            (partnersOf[c.A] ??= []).Add(c.B);
            (partnersOf[c.B] ??= []).Add(c.A);
        }
        var actWords = ActWords(story, rare, postings);
        var dated = claims.Where(HasResolvedDate).ToArray();
        var matchedIn = new bool[claims.Count == 0 ? 0 : claims.Max(c => c.Article) + 1];
        // Shared specifics per other claim for the current clause, and which entries the clause touched.
        var shared = new int[claims.Count];
        var touched = new List<int>();
        var second = new List<(int Other, int Term, List<int> Firsts)>();
        // The claim's partners in each article, built once per claim rather than once per posting.
        var firstsIn = new Dictionary<int, List<int>>();
        var asked = new List<(int Claim, int Clause, int Other, int Specifics)>();
        foreach (var claim in claims)
        {
            var partners = partnersOf[claim.Index] ?? [];
            firstsIn.Clear();
            foreach (var p in partners)
            {
                matchedIn[claims[p].Article] = true;
            }
            for (var k = 0; k < claim.ClauseTexts.Length; k++)
            {
                second.Clear();
                foreach (var term in claim.Clauses[k].Ids)
                {
                    if (!actWords[term])
                    {
                        continue;
                    }
                    foreach (var (other, _) in postings[term]!)
                    {
                        // A second match in an article the sentence already matches stands on a date (below), or on words
                        // the sentence does not share with its partner there (SecondFact.Unexplained): a word of what the
                        // two articles already have in common ("the two tech giants") is no sign of a second fact.
                        var article = claims[other].Article;
                        if (article == claim.Article || partners.Contains(other))
                        {
                            continue;
                        }
                        if (!matchedIn[article])
                        {
                            Count(shared, touched, other);
                        }
                        else
                        {
                            if (!firstsIn.TryGetValue(article, out var firsts))
                            {
                                firsts = partners.Where(p => claims[p].Article == article).ToList();
                                firstsIn[article] = firsts;
                            }
                            second.Add((other, term, firsts));
                        }
                    }
                }
                foreach (var (other, count) in second.Count == 0 ? [] : SecondFact.Unexplained(claims, second))
                {
                    for (var n = 0; n < count; n++)
                    {
                        Count(shared, touched, other);
                    }
                }
                // A date the clause gives and the claim overlaps ("traces back to late 2023" / "began in late 2023").
                foreach (var date in claim.Dates)
                {
                    if (!date.IsResolved || !claim.ClauseTexts[k].Contains(date.Text, StringComparison.Ordinal))
                    {
                        continue;
                    }
                    foreach (var other in dated)
                    {
                        if (other.Article != claim.Article && OverlapsAny(date, other.Dates) && !partners.Contains(other.Index))
                        {
                            Count(shared, touched, other.Index);
                        }
                    }
                }
                touched.Sort();
                foreach (var other in touched)
                {
                    asked.Add((claim.Index, k, other, shared[other]));
                    shared[other] = 0;
                }
                touched.Clear();
            }
            foreach (var p in partners)
            {
                matchedIn[claims[p].Article] = false;
            }
        }
        if (asked.Count == 0)
        {
            return [];
        }
        var vectors = new Dictionary<string, float[]>(StringComparer.Ordinal);
        // Every clause of an asked sentence: which clause an existing match stands on needs them all.
        var texts = asked.Select(x => x.Claim).Distinct().SelectMany(c => claims[c].ClauseTexts).Distinct(StringComparer.Ordinal).ToArray();
        var hashes = texts.Select(ClaimHash.Of).ToArray();
        var missing = new List<int>();
        for (var i = 0; i < texts.Length; i++)
        {
            if (cache is not null && cache.TryGet(encoder.ModelId, hashes[i], out var cached) && cached.Length > 0)
            {
                vectors[texts[i]] = space.Center(cached);
            }
            else
            {
                missing.Add(i);
            }
        }
        try
        {
            var encoded = missing.Count == 0 ? [] : encoder.Encode(missing.Select(i => texts[i]).ToArray());
            for (var m = 0; m < missing.Count; m++)
            {
                cache?.Set(encoder.ModelId, hashes[missing[m]], encoded[m]);
                vectors[texts[missing[m]]] = space.Center(encoded[m]);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
        {
            // The whole sentences were embedded; clauses are a refinement the engine can do without.
            return [];
        }
        // The clause each existing match stands on: the clause closest to the partner (the first on a tie). Asked for
        // every asked pair of the claim's article, so each (claim, partner) is measured once.
        var grounds = new Dictionary<(int, int), int>();
        int Grounds(int claim, int partner)
        {
            if (grounds.TryGetValue((claim, partner), out var known))
            {
                return known;
            }
            var texts = claims[claim].ClauseTexts;
            var (ground, closest) = (-1, 0.0);
            for (var k = 0; k < texts.Length; k++)
            {
                var relative = space.Relative(vectors[texts[k]], partner);
                if (ground < 0 || relative.CompareTo(closest) > 0)
                {
                    (ground, closest) = (k, relative);
                }
            }
            grounds[(claim, partner)] = ground;
            return ground;
        }
        var members = claims.GroupBy(c => c.Article).ToDictionary(g => g.Key, g => g.Select(c => c.Index).ToArray());
        var found = new List<Candidate>();
        // Whether a match of claim c in that article stands on clause k.
        bool StandsOn(int c, int k, int article)
        {
            if (partnersOf[c] is { } partners)
            {
                foreach (var p in partners)
                {
                    if (claims[p].Article == article && Grounds(c, p) == k)
                    {
                        return true;
                    }
                }
            }
            return false;
        }
        // The asked pairs come clause by clause: the clause's vector is looked up once per clause, not once per pair.
        var (lastClaim, lastClause, clause) = (-1, -1, Array.Empty<float>());
        foreach (var (c, k, other, specifics) in asked)
        {
            if (StandsOn(c, k, claims[other].Article))
            {
                continue;
            }
            if (c != lastClaim || k != lastClause)
            {
                (lastClaim, lastClause, clause) = (c, k, vectors[claims[c].ClauseTexts[k]]);
            }
            var relative = space.Relative(clause, other);
            if (relative >= ClauseFloor && !DistinctEvents.Apart(claims[c], claims[other])
                && NoneCloser(space, clause, other, members[claims[other].Article], relative)
                && NoneCloser(space, other, c, members[claims[c].Article], relative))
            {
                var meaning = Math.Clamp((relative - MeaningFloor) / (SameMeaning - MeaningFloor), 0, 1);
                found.Add(new Candidate(Math.Min(c, other), Math.Max(c, other), Math.Round(meaning / 2, 2), Math.Round(space.Cosine(c, other), 2), true, specifics, c));
            }
        }
        // A pair may come up from both sides' clauses: keep its best.
        return found.GroupBy(x => (x.A, x.B)).Select(g => g.MaxBy(x => x.Score)).ToList();
    }


    // Loops rather than Any with a lambda: these run for every clause-claim pair asked, and the lambda's closure
    // was allocated for each.
    /// <summary>No claim of <paramref name="members"/> but <paramref name="except"/> is closer to the clause than <paramref name="relative"/>.</summary>
    private static bool NoneCloser(SemanticSpace space, float[] clause, int except, int[] members, double relative)
    {
        foreach (var x in members)
        {
            if (x != except && space.Relative(clause, x) > relative)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>No claim of <paramref name="members"/> but <paramref name="except"/> is closer to claim <paramref name="claim"/> than <paramref name="relative"/>.</summary>
    private static bool NoneCloser(SemanticSpace space, int claim, int except, int[] members, double relative)
    {
        foreach (var x in members)
        {
            if (x != except && space.Relative(claim, x) > relative)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Per term: may a clause propose a pair on it (a specific word of the act itself, not a name)?</summary>
    private static bool[] ActWords(StoryFeatures story, int rare, List<(int Claim, float Weight)>?[] postings)
    {
        var act = new bool[story.Terms.Count];
        for (var term = 0; term < act.Length; term++)
        {
            // A shared name says who is involved, not what happened: a clause about another fact can name the
            // same company ("tech giants such as Google" / "new providers like Google Cloud"). The shared
            // specific must be a word of the act itself.
            act[term] = !story.Terms.Term(term).StartsWith('@') && IsSpecific(story, term, rare) && postings[term] is not null;
        }
        return act;
    }

    private static void Count(int[] shared, List<int> touched, int other)
    {
        if (shared[other]++ == 0)
        {
            touched.Add(other);
        }
    }

    private static bool OverlapsAny(DateMention date, IReadOnlyList<DateMention> dates)
    {
        foreach (var d in dates)
        {
            if (d.IsResolved && date.Overlaps(d))
            {
                return true;
            }
        }
        return false;
    }

    private static bool IsSpecific(StoryFeatures story, int term, int rare)
    {
        var name = story.Terms.Term(term);
        var frequency = story.Terms.Frequency(term);
        return name.StartsWith('@') ? frequency <= Math.Max(2, rare) : !name.StartsWith('#') && frequency <= rare;
    }

    /// <summary>Evidence a person can check: a name, number or date both give, or a word few claims of the story use.</summary>
    /// <remarks>A name counts when at most a few claims use it (two in a tiny story); a plain word only when the story is
    /// large enough for it to be rare there.</remarks>
    private static int Specifics(ClaimFeatures a, ClaimFeatures b, StoryFeatures story, int rare)
    {
        var count = 0;
        var sameDate = SharesDate(a, b);
        var otherDates = !sameDate && HasResolvedDate(a) && HasResolvedDate(b);
        // Two figures of one measure point to one fact (perhaps disagreeing on it), unless the dates say they are two
        // events: "$31 million on March 4" and "$367 million on March 25" are not one fact told twice.
        if (SharesMeasure(a, b, otherDates))
        {
            count++;
        }
        if (sameDate)
        {
            count++;
        }
        int i = 0, j = 0;
        while (i < a.TermIds.Length && j < b.TermIds.Length)
        {
            if (a.TermIds[i] == b.TermIds[j])
            {
                if (IsSpecific(story, a.TermIds[i], rare))
                {
                    count++;
                }
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
        return count;
    }

    // Loops rather than nested Any: these run for every pair judged, and a capturing lambda allocates each time.
    private static bool SharesDate(ClaimFeatures a, ClaimFeatures b)
    {
        foreach (var da in a.Dates)
        {
            if (da.IsResolved)
            {
                foreach (var db in b.Dates)
                {
                    if (db.IsResolved && da.Overlaps(db))
                    {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static bool HasResolvedDate(ClaimFeatures claim)
    {
        foreach (var d in claim.Dates)
        {
            if (d.IsResolved)
            {
                return true;
            }
        }
        return false;
    }

    private static bool SharesMeasure(ClaimFeatures a, ClaimFeatures b, bool otherDates)
    {
        foreach (var qa in a.Quantities)
        {
            foreach (var qb in b.Quantities)
            {
                if (qa.SameMeasure(qb) && (qa.Overlaps(qb) || !otherDates))
                {
                    return true;
                }
            }
        }
        return false;
    }

    /// <summary>The pairs of two sorted lists without repeats, in order, each marked when the first list has it.</summary>
    private static IEnumerable<(int A, int B, bool InFirst)> Union(List<(int A, int B)> first, List<(int A, int B)> second)
    {
        int i = 0, j = 0;
        while (i < first.Count || j < second.Count)
        {
            var order = i == first.Count ? 1 : j == second.Count ? -1 : first[i].CompareTo(second[j]);
            if (order <= 0)
            {
                yield return (first[i].A, first[i].B, true);
                i++;
                j += order == 0 ? 1 : 0;
            }
            else
            {
                yield return (second[j].A, second[j].B, false);
                j++;
            }
        }
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
    private static double DateBonus(ClaimFeatures a, ClaimFeatures b) => SharesDate(a, b) ? SameDateBonus : 0;

    public static (double Cosine, int Shared) Cosine(ClaimFeatures a, ClaimFeatures b) => a.Vector.Dot(b.Vector);

    /// <summary>The best match between a clause of one claim and a clause (or the whole) of the other.</summary>
    private static double ClauseCosine(ClaimFeatures a, ClaimFeatures b)
    {
        var best = 0.0;
        // Each clause, then the whole claim (index Length), without the enumerators Append would allocate per pair.
        for (var i = 0; i <= a.Clauses.Length; i++)
        {
            var ca = i < a.Clauses.Length ? a.Clauses[i] : a.Vector;
            for (var j = 0; j <= b.Clauses.Length; j++)
            {
                var cb = j < b.Clauses.Length ? b.Clauses[j] : b.Vector;
                var (cos, shared) = ca.Dot(cb);
                if (shared >= MinSharedTerms && cos > best)
                {
                    best = cos;
                }
            }
        }
        return best;
    }

    /// <summary>
    /// A pair stays when each claim is the other's best match in its article. A claim may keep a second partner in one
    /// article when it is that partner's own best match there and the two share specifics a reader can check (a name,
    /// number, date or rare word), of which one says what happened (<paramref name="secondFact"/>: a figure or a rare
    /// word, not only a name or a date): an article that tells one fact twice, or a compound sentence that reports two
    /// facts another article gives in two sentences.
    /// </summary>
    private static List<Candidate> KeepBest(List<Candidate> scored, IReadOnlyList<ClaimFeatures> claims, Func<Candidate, bool>? secondFact)
    {
        var best = new Dictionary<(int Claim, int Article), Candidate>();
        foreach (var c in scored)
        {
            Update(best, (c.A, claims[c.B].Article), c);
            Update(best, (c.B, claims[c.A].Article), c);
        }
        return scored
            .Where(c =>
            {
                var bestForA = best[(c.A, claims[c.B].Article)] == c;
                var bestForB = best[(c.B, claims[c.A].Article)] == c;
                return bestForA && bestForB
                    || (bestForA || bestForB) && (c.Specifics >= SecondPartnerSpecifics && (secondFact?.Invoke(c) ?? true) || c.Score >= CompoundScore && claims[bestForA ? c.B : c.A].Clauses.Length > 1);
            })
            .ToList();
    }

    private static void Update(Dictionary<(int, int), Candidate> best, (int, int) key, Candidate candidate)
    {
        if (!best.TryGetValue(key, out var current) || Better(candidate, current))
        {
            best[key] = candidate;
        }
    }

    private static bool Better(Candidate x, Candidate y) =>
        x.Score != y.Score ? x.Score > y.Score
        : (x.Cosine ?? 0) != (y.Cosine ?? 0) ? (x.Cosine ?? 0) > (y.Cosine ?? 0)
        : x.A != y.A ? x.A < y.A : x.B < y.B;
}
