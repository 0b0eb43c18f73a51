namespace CoverageCompare.Analysis.Text;

/// <summary>
/// Words that say the same thing in general English. Each group collapses to one term, so "autonomy" meets
/// "independence" and "photo" meets "photograph". A word is here only when WordNet 3.0 (Debian's wordnet-base) puts it in
/// a synset with another of its group or links the two directly (similar-to, derivation, participle): a kind of thing
/// ("selfie", "car"/"vehicle") or a word near in one story only ("post"/"tweet", "ahead"/"upcoming") is not a synonym.
/// </summary>
internal static class Synonyms
{
    private static readonly string[][] Groups =
    [
        ["oust", "ousted", "expel", "expelled"],
        ["dismiss", "dismissed", "fire", "fired", "sack", "sacked"],
        ["photo", "photos", "picture", "pictures", "photograph", "snapshot"],
        ["strong", "stronger", "robust", "solid", "sturdy"],
        ["independence", "independent", "autonomy", "autonomous"],
        ["integrate", "integrated", "integrating", "integration", "embed", "embedded", "incorporate", "incorporating"],
        ["cost", "costs", "price", "prices", "costly", "expensive"],
        ["acknowledge", "acknowledged", "admit", "admitted", "recognise", "recognised", "recognize", "recognized"],
        ["amazed", "amaze", "astonished", "astonish", "stunned"],
        ["begin", "begins", "start", "starts", "started", "commence", "commences", "launch", "launches"],
        ["rival", "rivals", "competitor", "competitors", "rivalry", "competition", "compete", "competing", "competitive"],
        ["enthusiasm", "enthusiastic"],
        ["reinstate", "reinstated", "restore", "restored"],
        ["relinquish", "relinquished", "forgo", "forgone"],
        ["surrender", "surrendered", "cede", "ceded"],
        ["agreement", "agreements", "pact", "accord"],
        ["talks", "negotiation", "negotiations"],
        ["buy", "bought", "purchase", "purchased"],
        ["rise", "rose", "increase", "increased", "climb", "climbed", "jump", "jumped", "grow", "grew"],
        ["fall", "fell", "drop", "dropped", "decrease", "decreased", "decline", "declined"],
        ["big", "large", "huge", "massive"],
        ["warn", "warned", "caution", "cautioned"],
        ["upcoming", "forthcoming"],
        ["tension", "tensions", "strain", "strained", "strains"],
    ];

    private static readonly FrozenDictionary<string, string> Canonical = Build();

    public static string Map(string stem) => Canonical.TryGetValue(stem, out var canonical) ? canonical : stem;

    private static FrozenDictionary<string, string> Build()
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var group in Groups)
        {
            var head = Stemmer.Stem(group[0]);
            foreach (var word in group)
            {
                map.TryAdd(Stemmer.Stem(word), head);
            }
        }
        return map.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
