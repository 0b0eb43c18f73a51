using System.Runtime.InteropServices;
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
        var vocabulary = new Vocabulary();
        var occurrences = new List<TermOccurrence>[claims.Count];
        var inEntityBuffer = Array.Empty<bool>();
        for (var c = 0; c < claims.Count; c++)
        {
            var claim = claims[c];
            var found = new List<TermOccurrence>();
            var tokens = claim.Tokens;
            if (inEntityBuffer.Length < tokens.Count)
            {
                inEntityBuffer = new bool[2 * tokens.Count];
            }
            var inEntity = inEntityBuffer.AsSpan(0, tokens.Count);
            inEntity.Clear();
            foreach (var entity in claim.Entities)
            {
                for (var k = entity.FirstToken; k <= entity.LastToken; k++)
                {
                    inEntity[k] = true;
                }
                vocabulary.AddName(found, entity.FirstToken, entity.Key, entity.IsPerson ? resolver.DisplayName(entity) : entity.Surface);
            }
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
                vocabulary.Add(found, at, term, 1f, key);
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
                    vocabulary.AddUnit(found, token, q.Unit);
                }
            }
            found.Sort(static (x, y) => x.Token != y.Token ? x.Token.CompareTo(y.Token) : x.Term.CompareTo(y.Term));
            occurrences[c] = found;
        }

        var df = DocumentFrequencies(occurrences, vocabulary.Count);
        for (var c = 0; c < claims.Count; c++)
        {
            var found = CollectionsMarshal.AsSpan(occurrences[c]);
            var claim = claims[c];
            claim.Vector = TermVector.From(found, df, claims.Count);
            var ranges = Clauses(texts[claim.Article], claim, found);
            var clauses = new TermVector[ranges.Count];
            for (var r = 0; r < ranges.Count; r++)
            {
                clauses[r] = TermVector.From(Within(found, ranges[r]), df, claims.Count);
            }
            claim.Clauses = clauses;
            // Quotation marks are no clause boundary for the model: a quoted title or a quotation cut in pieces reads as
            // fragments ("Next Phase of the Microsoft Partnership , comes at a time …"). Quotations have their own comparison.
            var quoted = texts[claim.Article].AsSpan(claim.Segment.Start, claim.Segment.End - claim.Segment.Start).IndexOfAny("\"“”") >= 0;
            claim.ClauseTexts = quoted ? [] : ranges
                .Select(range => texts[claim.Article][claim.Tokens[range.Start].Start..claim.Tokens[range.End - 1].End])
                .ToArray();
        }
        return new TermTable(vocabulary.Names, vocabulary.Display(), df);
    }

    /// <summary>How many claims use each term.</summary>
    private static int[] DocumentFrequencies(List<TermOccurrence>[] occurrences, int terms)
    {
        var df = new int[terms];
        // The last claim counted for each term, so a term used twice in a claim counts once without a set per claim.
        var counted = new int[terms];
        Array.Fill(counted, -1);
        for (var c = 0; c < occurrences.Length; c++)
        {
            foreach (var o in occurrences[c])
            {
                if (counted[o.Term] != c)
                {
                    counted[o.Term] = c;
                    df[o.Term]++;
                }
            }
        }
        return df;
    }

    /// <summary>The occurrences in a range of tokens: a slice, as they are sorted by token.</summary>
    private static ReadOnlySpan<TermOccurrence> Within(ReadOnlySpan<TermOccurrence> found, (int Start, int End) range)
    {
        var first = 0;
        while (first < found.Length && found[first].Token < range.Start)
        {
            first++;
        }
        var last = first;
        while (last < found.Length && found[last].Token < range.End)
        {
            last++;
        }
        return found[first..last];
    }

    /// <summary>
    /// The story's terms in order of first use, and how often each was written in each way, for its readable form.
    /// Names and units have lookups of their own, so their prefixed term string is built once per term, not per use.
    /// </summary>
    private sealed class Vocabulary
    {
        private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _nameIds = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _unitIds = new(StringComparer.Ordinal);
        private readonly Dictionary<(int Term, string Surface), int> _surfaces = [];

        public List<string> Names { get; } = [];

        public int Count => Names.Count;

        public void Add(List<TermOccurrence> found, int token, string term, float weight, string surface) =>
            Use(found, token, Id(_ids, term, ""), weight, surface);

        public void AddName(List<TermOccurrence> found, int token, string key, string surface) =>
            Use(found, token, Id(_nameIds, key, "@"), EntityBoost, surface);

        public void AddUnit(List<TermOccurrence> found, int token, string unit) =>
            Use(found, token, Id(_unitIds, unit, "#"), UnitWeight, unit);

        /// <summary>The surface written most often, the first in ordinal order on a tie.</summary>
        public string[] Display()
        {
            var display = new string[Names.Count];
            var uses = new int[Names.Count];
            foreach (var ((term, surface), count) in _surfaces)
            {
                if (display[term] is null || count > uses[term] || count == uses[term] && string.CompareOrdinal(surface, display[term]) < 0)
                {
                    display[term] = surface;
                    uses[term] = count;
                }
            }
            return display;
        }

        private void Use(List<TermOccurrence> found, int token, int id, float weight, string surface)
        {
            found.Add(new TermOccurrence(token, id, weight));
            ref var count = ref CollectionsMarshal.GetValueRefOrAddDefault(_surfaces, (id, surface), out _);
            count++;
        }

        // A name's term is "@" and its key, a unit's "#" and the unit: the prefixes keep them apart from words.
        private int Id(Dictionary<string, int> ids, string key, string prefix)
        {
            ref var id = ref CollectionsMarshal.GetValueRefOrAddDefault(ids, key, out var exists);
            if (!exists)
            {
                id = Names.Count;
                Names.Add(prefix + key);
            }
            return id;
        }
    }

    /// <summary>Token ranges of the clauses (split at commas, semicolons, dashes, brackets), merged until each has a few terms.</summary>
    private static List<(int Start, int End)> Clauses(string text, ClaimFeatures claim, ReadOnlySpan<TermOccurrence> found)
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
            var terms = Within(found, (start, end)).Length;
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
}

/// <summary>A term at a token of a claim, with its weight before TF-IDF.</summary>
internal readonly record struct TermOccurrence(int Token, int Term, float Weight);
