namespace CoverageCompare.Analysis.Text;

/// <summary>Closed word lists the engine needs. Kept as data so that the rules read plainly.</summary>
internal static class Lexicon
{
    public static readonly FrozenSet<string> StopWords = Set(
        "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are", "as", "at",
        "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "could", "did", "do",
        "does", "doing", "down", "during", "each", "even", "few", "for", "from", "further", "had", "has", "have", "having",
        "he", "her", "here", "hers", "herself", "him", "himself", "his", "how", "i", "if", "in", "into", "is", "it", "its",
        "itself", "just", "me", "more", "most", "my", "myself", "no", "nor", "not", "now", "of", "off", "on", "once", "only",
        "or", "other", "our", "ours", "out", "over", "own", "same", "she", "should", "so", "some", "such", "than", "that",
        "the", "their", "theirs", "them", "themselves", "then", "there", "these", "they", "this", "those", "through", "to",
        "too", "under", "until", "up", "very", "was", "we", "were", "what", "when", "where", "which", "while", "who", "whom",
        "why", "will", "with", "would", "you", "your", "yours", "said", "say", "says", "saying", "told", "according", "mr",
        "mrs", "ms", "dr", "however", "meanwhile", "despite", "although", "though", "yet", "may", "might", "must", "shall",
        "it's", "that's", "there's", "one", "ever", "much", "many", "well", "still", "already", "way", "whether", "since",
        "like", "including", "along", "across", "within", "without", "upon", "via", "per", "s", "t", "don't", "isn't",
        "wasn't", "aren't", "weren't", "doesn't", "didn't", "won't", "can't", "couldn't", "wouldn't", "shouldn't", "hasn't",
        "haven't", "hadn't", "never", "none", "new", "being", "while");

    /// <summary>Nouns that frame a sentence rather than state its fact ("at the same time", "in terms of").</summary>
    public static readonly FrozenSet<string> LightNouns = Set(
        "time", "times", "way", "ways", "terms", "aspect", "aspects", "detail", "details", "notion", "idea", "ideas", "thing",
        "things", "fact", "facts", "part", "kind", "sort", "lot", "level", "series", "amount", "instance", "example",
        "incident", "period", "moment", "reality", "implications", "question", "questions", "matter", "case", "addition");

    /// <summary>Words ending in -ly that are not manner adverbs.</summary>
    public static readonly FrozenSet<string> NotAdverbs = Set(
        "family", "supply", "assembly", "italy", "rally", "reply", "apply", "monopoly", "anomaly", "ally", "july", "daily",
        "weekly", "monthly", "quarterly", "yearly", "early", "only", "fly", "butterfly", "belly", "jelly", "holy", "rely", "bully");

    public static bool IsMannerAdverb(string key) => key.Length >= 6 && key.EndsWith("ly", StringComparison.Ordinal) && !NotAdverbs.Contains(key);

    public static readonly FrozenSet<string> NegationCues = Set(
        "not", "no", "never", "none", "nor", "without", "cannot", "neither", "nobody", "nothing");

    /// <summary>Words that start a clause of their own, where a negation before them no longer reaches.</summary>
    public static readonly FrozenSet<string> ClauseOpeners = Set(
        "and", "but", "while", "whereas", "although", "though", "because", "since", "when", "which", "who", "after", "before",
        "yet", "so", "until", "unless", "whose");

    /// <summary>Words that call something false when they close a phrase after a copula: "the story is a hoax".</summary>
    public static readonly FrozenSet<string> FalsityWords = Set(
        "hoax", "fake", "false", "untrue", "unfounded", "baseless", "bogus", "fabricated", "fabrication", "lie", "lies", "myth");

    /// <summary>Words that call something false wherever they stand: "Snopes debunked the story", "she lied".</summary>
    public static readonly FrozenSet<string> AlwaysRefuting = Set("debunked", "debunks", "lied");

    /// <summary>Words that show a sentence reports a dispute, not a fact: "hoaxer", "rumours", "disputed".</summary>
    public static readonly FrozenSet<string> DisputeWords = Set(
        "hoaxer", "hoaxes", "fakes", "faked", "debunk", "lying", "liar", "disputed", "disputes", "refuted", "refutes", "rumour",
        "rumours", "rumor", "rumors", "dismissed", "dismisses");

    /// <summary>Words with which a sentence passes on what others claim instead of stating it: "who claims to have had".</summary>
    public static readonly FrozenSet<string> PassedOn = Set(
        "allegedly", "reportedly", "purportedly", "supposedly", "claims", "claimed", "claiming", "rumoured", "rumored", "unconfirmed",
        "alleged", "purported");

    public static readonly FrozenSet<string> Copulas = Set(
        "is", "was", "are", "were", "be", "been", "being", "it's", "that's", "they're", "he's", "she's", "proved", "proven", "proves", "exposed", "revealed", "turned", "called",
        "branded", "dismissed");

    public static readonly FrozenSet<string> Modals = Set("may", "might", "could", "would", "should", "possibly", "perhaps", "maybe");

    /// <summary>Verbs that keep something from happening: "to stop him turning", "to avoid becoming".</summary>
    public static readonly FrozenSet<string> PreventionVerbs = Set(
        "stop", "stops", "stopped", "stopping", "prevent", "prevents", "prevented", "preventing", "avoid", "avoids", "avoided",
        "avoiding");

    /// <summary>Prepositions that make a negated "-ing" word the reason or manner of another act ("for not paying").</summary>
    public static readonly FrozenSet<string> AdjunctPrepositions = Set("for", "of", "by", "from", "about", "after", "over");

    /// <summary>What a denial can be of, before the statement denied: "denied reports that …".</summary>
    public static readonly FrozenSet<string> ReportNouns = Set(
        "report", "reports", "claim", "claims", "allegation", "allegations", "rumour", "rumours", "rumor", "rumors",
        "accusation", "accusations", "suggestion", "suggestions", "speculation", "story", "stories");

    /// <summary>The predicate of "denied" and its forms in <see cref="PolarityWords"/>.</summary>
    public const string DenialPredicate = "confirm";

    /// <summary>Words whose meaning is the negation of another: word → (the positive form's stem, is negative).</summary>
    public static readonly FrozenDictionary<string, (string Predicate, bool Negative)> PolarityWords = new Dictionary<string, (string, bool)>
    {
        ["excluded"] = ("includ", true), ["excludes"] = ("includ", true), ["exclude"] = ("includ", true), ["excluding"] = ("includ", true),
        ["omitted"] = ("includ", true), ["omits"] = ("includ", true),
        ["lost"] = ("retain", true), ["lose"] = ("retain", true), ["loses"] = ("retain", true), ["losing"] = ("retain", true), ["loss"] = ("retain", true),
        ["kept"] = ("retain", false), ["keeps"] = ("retain", false), ["retained"] = ("retain", false), ["retains"] = ("retain", false),
        ["denied"] = ("confirm", true), ["denies"] = ("confirm", true), ["deny"] = ("confirm", true), ["denying"] = ("confirm", true),
        ["rejected"] = ("approv", true), ["rejects"] = ("approv", true), ["reject"] = ("approv", true), ["blocked"] = ("approv", true),
        ["refused"] = ("accept", true), ["refuses"] = ("accept", true), ["declined"] = ("accept", true),
        ["opposed"] = ("support", true), ["opposes"] = ("support", true), ["backed"] = ("support", false), ["supports"] = ("support", false),
        ["fell"] = ("ris", true), ["falls"] = ("ris", true), ["dropped"] = ("ris", true), ["decreased"] = ("ris", true),
        ["rose"] = ("ris", false), ["rises"] = ("ris", false), ["increased"] = ("ris", false), ["grew"] = ("ris", false),
        ["cancelled"] = ("proceed", true), ["canceled"] = ("proceed", true), ["scrapped"] = ("proceed", true), ["abandoned"] = ("proceed", true),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static readonly FrozenSet<string> Hedges = Set(
        "reportedly", "allegedly", "suggests", "suggest", "suggested", "apparently", "appears", "likely", "unlikely",
        "possibly", "perhaps", "rumoured", "rumored", "believed", "expected", "estimated", "unconfirmed", "hinted");

    public static readonly FrozenSet<string> Auxiliaries = Set(
        "do", "does", "did", "is", "are", "was", "were", "be", "been", "has", "have", "had", "will", "would", "can",
        "could", "should", "may", "might", "must", "longer", "yet", "ever", "always", "to", "a", "an", "the", "any");

    public static readonly FrozenSet<string> AttributionVerbs = Set(
        "said", "says", "say", "saying", "wrote", "writes", "writing", "write", "added", "adds", "adding", "told", "tells",
        "stated", "states", "announced", "announces", "tweeted", "posted", "responded", "replied", "explained", "noted",
        "warned", "argued", "claimed", "insisted", "confirmed", "acknowledged", "remarked", "declared", "reiterated",
        "indicated", "hinted", "denied", "admitted", "conceded", "estimated", "predicted", "promised", "vowed");

    /// <summary>Titles stripped from names; they also mark the following name as a person.</summary>
    public static readonly FrozenSet<string> PersonTitles = Set(
        "mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "dame", "mayor", "councillor", "councilor", "councilwoman",
        "councilman", "president", "ceo", "cfo", "cto", "chairman", "chairwoman", "chair", "senator", "sen", "rep",
        "representative", "governor", "gov", "minister", "secretary", "chancellor", "judge", "justice", "director",
        "spokesman", "spokeswoman", "spokesperson", "founder", "chief", "executive", "officer", "commissioner", "superintendent",
        "deputy", "vice", "king", "queen", "prince", "princess", "pope", "general", "captain", "lord", "lady");

    /// <summary>Last words that make a capitalised name a place, organisation or thing rather than a person.</summary>
    public static readonly FrozenSet<string> NonPersonHeads = Set(
        "station", "street", "st", "road", "avenue", "city", "county", "state", "states", "project", "store", "service",
        "services", "cloud", "platforms", "platform", "inc", "corp", "corporation", "co", "ltd", "llc", "group", "bank",
        "university", "college", "school", "council", "party", "report", "office", "house", "park", "bridge", "center",
        "centre", "hall", "airport", "port", "river", "lake", "island", "valley", "museum", "hospital", "court", "agency",
        "department", "ministry", "committee", "commission", "board", "association", "foundation", "institute", "times",
        "post", "news", "daily", "wire", "ledger", "courier", "journal", "review", "magazine", "press", "media", "phase",
        "partnership", "source", "paradox", "act", "law", "bill", "plan", "line", "model", "models", "app", "ai", "labs",
        "technologies", "systems", "motors", "airlines", "pharmaceuticals", "energy", "capital", "partners", "fund",
        "market", "markets", "exchange", "union", "league", "cup", "games", "olympics", "festival", "awards", "prize");

    public static readonly FrozenSet<string> Months = Set(
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
        "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec");

    public static readonly FrozenSet<string> Weekdays = Set(
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday");

    /// <summary>Common short forms that name the same thing. Applied to word keys before stemming.</summary>
    public static readonly FrozenDictionary<string, string> BuiltInAliases = new Dictionary<string, string>
    {
        ["msft"] = "microsoft", ["oai"] = "openai", ["u.s"] = "us", ["u.s."] = "us", ["usa"] = "us", ["u.k."] = "uk",
        ["gen"] = "generation", ["km"] = "kilometre", ["kilometer"] = "kilometre", ["kilometers"] = "kilometre",
        ["kilometres"] = "kilometre", ["mi"] = "mile", ["govt"] = "government", ["favor"] = "favour",
        ["twitter"] = "x", ["ai's"] = "ai", ["centre"] = "center", ["neighbourhoods"] = "neighborhoods",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static FrozenSet<string> Set(params string[] words) => words.ToFrozenSet(StringComparer.Ordinal);
}
