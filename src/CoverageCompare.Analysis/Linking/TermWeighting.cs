using CoverageCompare.Analysis.Features;
using CoverageCompare.Analysis.Text;

namespace CoverageCompare.Analysis.Linking;

/// <summary>The story's vocabulary: term strings and a readable form of each term.</summary>
internal sealed class TermTable(List<string> terms, string[] display, int[] frequency)
{
    public int Count => terms.Count;

    /// <summary>How many claims of the story use the term.</summary>
    public int Frequency(int id) => frequency[id];
    public string Term(int id) => terms[id];
    public string Display(int id) => display[id];
}

/// <summary>
/// TF-IDF over stems, synonyms and resolved names. Besides the whole claim, each clause gets its own
/// vector: a long sentence often carries two facts, and each should be able to meet its counterpart.
/// </summary>
internal static class TermWeighting
{
    private const float EntityBoost = 1.2f;
    private const float UnitWeight = 0.6f;
    private const int MinClauseTerms = 3;
    private static readonly FrozenSet<string> JoinedPrefixes = new[] { "non", "multi", "co", "re", "pre", "anti", "semi", "self", "cross", "sub" }
        .ToFrozenSet(StringComparer.Ordinal);

    public static TermTable Weigh(IReadOnlyList<ClaimFeatures> claims, IReadOnlyList<string> texts, EntityResolver resolver)
    {
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var names = new List<string>();
        var surfaces = new List<Dictionary<string, int>>();
        var occurrences = new List<List<Occurrence>>(claims.Count);
        foreach (var claim in claims)
        {
            var found = new List<Occurrence>();
            void Add(int token, string term, float weight, string surface)
            {
                if (!ids.TryGetValue(term, out var id))
                {
                    id = names.Count;
                    ids[term] = id;
                    names.Add(term);
                    surfaces.Add(new Dictionary<string, int>(StringComparer.Ordinal));
                }
                found.Add(new Occurrence(token, id, weight));
                var s = surfaces[id];
                s[surface] = s.GetValueOrDefault(surface) + 1;
            }

            var inEntity = new bool[claim.Tokens.Count];
            foreach (var entity in claim.Entities)
            {
                for (var k = entity.FirstToken; k <= entity.LastToken; k++)
                {
                    inEntity[k] = true;
                }
                Add(entity.FirstToken, "@" + entity.Key, EntityBoost, entity.IsPerson ? resolver.DisplayName(entity) : entity.Surface);
            }
            var tokens = claim.Tokens;
            for (var k = 0; k < tokens.Count; k++)
            {
                var t = tokens[k];
                if (inEntity[k] || claim.Excluded[k] || t.Shape != TokenShape.Word || t.Key.Length < 2)
                {
                    continue;
                }
                var at = k;
                var key = t.Key;
                if (JoinedPrefixes.Contains(key) && k + 1 < tokens.Count && tokens[k + 1].Start == t.End + 1 && tokens[k + 1].Shape == TokenShape.Word)
                {
                    // "non-voting" and "nonvoting" are one word.
                    key += tokens[k + 1].Key;
                    k++;
                }
                key = resolver.Canonical(key);
                // Adverbs ("briefly", "notably") and framing nouns colour a sentence but do not identify its fact.
                if (Lexicon.StopWords.Contains(key) || Lexicon.PersonTitles.Contains(key) || Lexicon.LightNouns.Contains(key) || Lexicon.IsMannerAdverb(key) || QuantityExtractor.IsNumberWord(key))
                {
                    continue;
                }
                // "excluded" and "include", "lost" and "kept" talk about the same thing; polarity is judged separately.
                var term = Lexicon.PolarityWords.TryGetValue(key, out var polar) ? polar.Predicate : Synonyms.Map(Stemmer.Stem(key));
                Add(at, term, 1f, key);
            }
            foreach (var q in claim.Quantities)
            {
                if (q.Unit.Length > 0)
                {
                    var token = 0;
                    while (token < tokens.Count - 1 && tokens[token].End <= q.Start)
                    {
                        token++;
                    }
                    Add(token, "#" + q.Unit, UnitWeight, q.Unit);
                }
            }
            found.Sort((x, y) => x.Token != y.Token ? x.Token.CompareTo(y.Token) : x.Term.CompareTo(y.Term));
            occurrences.Add(found);
        }

        var df = new int[names.Count];
        foreach (var found in occurrences)
        {
            foreach (var id in found.Select(o => o.Term).Distinct())
            {
                df[id]++;
            }
        }
        for (var c = 0; c < claims.Count; c++)
        {
            var found = occurrences[c];
            var claim = claims[c];
            claim.Vector = TermVector.From(found.Select(o => (o.Term, o.Weight)), df, claims.Count);
            var ranges = Clauses(texts[claim.Article], claim, found);
            claim.Clauses = ranges
                .Select(range => TermVector.From(found.Where(o => o.Token >= range.Start && o.Token < range.End).Select(o => (o.Term, o.Weight)), df, claims.Count))
                .ToArray();
            // Quotation marks are no clause boundary for the model: a quoted title or a quotation cut in pieces reads as
            // fragments ("Next Phase of the Microsoft Partnership , comes at a time …"). Quotations have their own comparison.
            var quoted = texts[claim.Article].AsSpan(claim.Segment.Start, claim.Segment.End - claim.Segment.Start).IndexOfAny("\"“”") >= 0;
            claim.ClauseTexts = quoted ? [] : ranges
                .Select(range => texts[claim.Article][claim.Tokens[range.Start].Start..claim.Tokens[range.End - 1].End])
                .ToArray();
        }
        var display = surfaces.Select(s => s.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).First().Key).ToArray();
        return new TermTable(names, display, df);
    }

    /// <summary>Token ranges of the clauses (split at commas, semicolons, dashes, brackets), merged until each has a few terms.</summary>
    private static List<(int Start, int End)> Clauses(string text, ClaimFeatures claim, List<Occurrence> found)
    {
        var tokens = claim.Tokens;
        var cuts = new List<int> { 0 };
        for (var k = 1; k < tokens.Count; k++)
        {
            var gap = text.AsSpan(tokens[k - 1].End, tokens[k].Start - tokens[k - 1].End);
            if (gap.IndexOfAny(",;:—–()\"“”") >= 0)
            {
                cuts.Add(k);
            }
        }
        cuts.Add(tokens.Count);
        var ranges = new List<(int Start, int End)>();
        var start = 0;
        for (var i = 1; i < cuts.Count; i++)
        {
            var end = cuts[i];
            var terms = found.Count(o => o.Token >= start && o.Token < end);
            if (terms >= MinClauseTerms || i == cuts.Count - 1)
            {
                if (terms < MinClauseTerms && ranges.Count > 0)
                {
                    ranges[^1] = (ranges[^1].Start, end);
                }
                else
                {
                    ranges.Add((start, end));
                }
                start = end;
            }
        }
        return ranges.Count > 1 ? ranges : [];
    }

    private readonly record struct Occurrence(int Token, int Term, float Weight);
}
