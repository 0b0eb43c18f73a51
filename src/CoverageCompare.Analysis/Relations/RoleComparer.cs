using CoverageCompare.Analysis.Features;
using CoverageCompare.Analysis.Text;

namespace CoverageCompare.Analysis.Relations;

/// <summary>
/// Disagreements about who and what, each from words a reader can find in both sentences: the same title held by
/// different people ("OpenAI CEO Sam Altman" vs "OpenAI CEO Mira Murati"), the same act on a different post ("ousted as
/// OpenAI CEO" vs "dismissed from OpenAI's board"), the same act credited to different agents ("after pressure from
/// Microsoft" vs "an outcry from stakeholders"), and different companies placed alongside the same peers.
/// </summary>
internal static class RoleComparer
{
    private static readonly FrozenSet<string> Titles = new[]
    {
        "ceo", "cfo", "coo", "cto", "president", "chairman", "chairwoman", "chair", "founder", "cofounder", "spokesperson",
        "spokesman", "spokeswoman", "minister", "mayor", "governor", "secretary", "director", "chancellor",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, string> Acts = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["ousted"] = "removed", ["dismissed"] = "removed", ["fired"] = "removed", ["sacked"] = "removed", ["removed"] = "removed",
        ["expelled"] = "removed", ["deposed"] = "removed", ["resigned"] = "removed", ["stepped"] = "removed",
        ["appointed"] = "named", ["named"] = "named", ["hired"] = "named", ["elected"] = "named", ["reinstated"] = "named", ["promoted"] = "named",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, string> Posts = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["ceo"] = "ceo", ["executive"] = "ceo", ["board"] = "board", ["chair"] = "chair", ["chairman"] = "chair", ["chairwoman"] = "chair",
        ["president"] = "president", ["director"] = "director", ["directors"] = "board", ["cfo"] = "cfo", ["cto"] = "cto",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenSet<string> Pressures = new[]
    {
        "pressure", "outcry", "calls", "demands", "backlash", "protests", "protest", "intervention", "lobbying", "push", "criticism",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> Determiners = new[] { "the", "its", "their", "his", "her", "a", "an" }.ToFrozenSet(StringComparer.Ordinal);

    public static void Compare(ClaimFeatures a, ClaimFeatures b, EntityResolver resolver, List<string> conflicts)
    {
        var (ra, rb) = (ClaimRoles.Of(a, resolver), ClaimRoles.Of(b, resolver));
        CompareTitles(ra.Holders, rb.Holders, conflicts);
        Once(ra.Acts, rb.Acts, (x, y) => x.Kind == y.Kind && x.Post != y.Post, "role", conflicts);
        Once(ra.Agents, rb.Agents, (x, y) => x.Key != y.Key, "actor", conflicts);
        Once(ra.Placements, rb.Placements, (x, y) => x.Key != y.Key && x.Peers.Overlaps(y.Peers), "role", conflicts);
    }

    private static void Once<T>(List<T> xs, List<T> ys, Func<T, T, bool> differ, string kind, List<string> conflicts) where T : IPhrase
    {
        foreach (var x in xs)
        {
            foreach (var y in ys)
            {
                if (differ(x, y))
                {
                    conflicts.Add($"{kind}: {x.Phrase} vs {y.Phrase}");
                    return;
                }
            }
        }
    }

    /// <summary>"Microsoft CEO Satya Nadella": the organisation and title before a person's name.</summary>
    private static void CompareTitles(List<Holder> ours, List<Holder> theirs, List<string> conflicts)
    {
        foreach (var (role, person, phrase) in ours)
        {
            foreach (var other in theirs)
            {
                if (other.Role == role && other.Person != person)
                {
                    conflicts.Add($"role: {phrase} vs {other.Phrase}");
                    return;
                }
            }
        }
    }

    public static List<Holder> Holders(ClaimFeatures claim)
    {
        var found = new List<Holder>();
        var tokens = claim.Tokens;
        foreach (var person in claim.Entities.Where(e => e.IsPerson && e.FirstToken >= 2 && !claim.InsideQuote[e.FirstToken]))
        {
            var title = tokens[person.FirstToken - 1];
            var org = tokens[person.FirstToken - 2];
            if (Titles.Contains(title.Key) && org.IsCapitalized && org.Shape == TokenShape.Word)
            {
                found.Add(new Holder($"{org.Key} {title.Key}", person.Key, Phrase(tokens, person.FirstToken - 2, person.LastToken)));
            }
        }
        return found;
    }

    /// <summary>"ousted as OpenAI CEO", "dismissed from OpenAI's board": an act of removing or naming, and the post it concerns.</summary>
    public static List<Act> ActsOn(ClaimFeatures claim)
    {
        var found = new List<Act>();
        var tokens = claim.Tokens;
        for (var i = 0; i < tokens.Count - 2; i++)
        {
            if (!Acts.TryGetValue(tokens[i].Key, out var act) || claim.InsideQuote[i])
            {
                continue;
            }
            var at = tokens[i + 1].Key is "as" or "from" ? i + 1 : tokens[i + 1].Key is "down" && i + 2 < tokens.Count && tokens[i + 2].Key is "as" or "from" ? i + 2 : -1;
            if (at < 0)
            {
                continue;
            }
            for (var k = at + 1; k < Math.Min(tokens.Count, at + 6); k++)
            {
                if (Posts.TryGetValue(tokens[k].Key, out var post))
                {
                    found.Add(new Act(act, post, Phrase(tokens, i, k)));
                    break;
                }
                if (tokens[k].Shape == TokenShape.Symbol && tokens[k].Key is not ("'" or "’"))
                {
                    break;
                }
            }
        }
        return found;
    }

    /// <summary>"after pressure from Microsoft", "an outcry from stakeholders": who brought something about.</summary>
    public static List<Agent> Agents(ClaimFeatures claim)
    {
        var found = new List<Agent>();
        var tokens = claim.Tokens;
        for (var i = 0; i < tokens.Count - 2; i++)
        {
            if (!Pressures.Contains(tokens[i].Key) || tokens[i + 1].Key != "from" || claim.InsideQuote[i])
            {
                continue;
            }
            var k = i + 2;
            while (k < tokens.Count - 1 && Determiners.Contains(tokens[k].Key))
            {
                k++;
            }
            if (tokens[k].Shape != TokenShape.Word)
            {
                continue;
            }
            var entity = claim.Entities.FirstOrDefault(e => e.FirstToken == k);
            var last = entity?.LastToken ?? k;
            found.Add(new Agent(entity?.Key ?? Stemmer.Stem(tokens[k].Key), Phrase(tokens, i, last)));
        }
        return found;
    }

    /// <summary>"OpenAI … alongside Apple and Meta": the company placed beside a set of peers.</summary>
    public static List<Placement> Alongside(ClaimFeatures claim)
    {
        var found = new List<Placement>();
        var tokens = claim.Tokens;
        for (var i = 1; i < tokens.Count; i++)
        {
            if (tokens[i].Key != "alongside" || claim.InsideQuote[i])
            {
                continue;
            }
            var peers = claim.Entities.Where(e => e.FirstToken > i).Select(e => e.Key).ToHashSet(StringComparer.Ordinal);
            var placed = claim.Entities.LastOrDefault(e => e.LastToken < i && !peers.Contains(e.Key));
            if (peers.Count > 0 && placed is not null)
            {
                var names = claim.Entities.Where(e => e.FirstToken > i).Select(e => e.Surface).Distinct(StringComparer.Ordinal);
                found.Add(new Placement(placed.Key, peers, $"{placed.Surface} alongside {string.Join(", ", names)}"));
            }
        }
        return found;
    }

    /// <summary>The words from token <paramref name="first"/> to <paramref name="last"/> with their spacing as written.</summary>
    private static string Phrase(IReadOnlyList<Token> tokens, int first, int last)
    {
        var text = new System.Text.StringBuilder(tokens[first].Surface);
        for (var k = first + 1; k <= last; k++)
        {
            if (tokens[k].Start > tokens[k - 1].End)
            {
                text.Append(' ');
            }
            text.Append(tokens[k].Surface);
        }
        return text.ToString();
    }

    internal interface IPhrase
    {
        string Phrase { get; }
    }

    internal readonly record struct Holder(string Role, string Person, string Phrase);

    internal sealed record Act(string Kind, string Post, string Phrase) : IPhrase;

    internal sealed record Agent(string Key, string Phrase) : IPhrase;

    internal sealed record Placement(string Key, HashSet<string> Peers, string Phrase) : IPhrase;
}
