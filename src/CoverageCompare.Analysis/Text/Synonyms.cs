namespace CoverageCompare.Analysis.Text;

/// <summary>
/// Words news writers use interchangeably for the same fact. Each group collapses to one term, so
/// "ousted" meets "dismissed" and "selfie" meets "photo". A lexical database (WordNet), when one is
/// installed, adds to this; without one the engine still links, only less often across paraphrases.
/// </summary>
internal static class Synonyms
{
    private static readonly string[][] Groups =
    [
        ["oust", "ousted", "dismiss", "dismissed", "fire", "fired", "sack", "sacked", "remove", "removed", "depose", "deposed", "expel", "expelled"],
        ["photo", "photos", "selfie", "selfies", "picture", "pictures", "photograph", "snapshot"],
        ["strong", "stronger", "robust", "solid", "sturdy"],
        ["independence", "independent", "autonomy", "autonomous"],
        ["integrate", "integrated", "integrating", "integration", "embed", "embedded", "incorporate", "incorporating"],
        ["cost", "costs", "price", "prices", "expense", "expenses", "costly", "expensive"],
        ["acknowledge", "acknowledged", "admit", "admitted", "concede", "conceded", "recognise", "recognised", "recognize", "recognized"],
        ["amazed", "amaze", "astonished", "astonish", "stunned", "wowed"],
        ["begin", "begins", "start", "starts", "started", "commence", "commences", "launch", "launches"],
        ["rival", "rivals", "competitor", "competitors", "rivalry", "competition", "compete", "competing", "competitive"],
        ["excitement", "enthusiasm", "excited", "enthusiastic"],
        ["reinstate", "reinstated", "restore", "restored", "rehire", "rehired"],
        ["relinquish", "relinquished", "surrender", "surrendered", "cede", "ceded", "forgo", "forgone"],
        ["deal", "deals", "agreement", "agreements", "pact", "accord", "contract"],
        ["talks", "negotiation", "negotiations", "discussion", "discussions"],
        ["tweet", "tweeted", "post", "posted", "posts"],
        ["company", "companies", "firm", "firms"],
        ["buy", "bought", "acquire", "acquired", "purchase", "purchased"],
        ["rise", "rose", "increase", "increased", "climb", "climbed", "jump", "jumped", "surge", "surged", "grow", "grew"],
        ["fall", "fell", "drop", "dropped", "decrease", "decreased", "plunge", "plunged", "decline", "declined"],
        ["big", "large", "huge", "major", "massive"],
        ["warn", "warned", "caution", "cautioned"],
        ["plan", "plans", "proposal", "proposals", "scheme"],
        ["car", "cars", "vehicle", "vehicles"],
        ["people", "residents", "citizens"],
        ["ahead", "upcoming", "forthcoming"],
        ["tension", "tensions", "strain", "strained", "friction", "strains"],
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
