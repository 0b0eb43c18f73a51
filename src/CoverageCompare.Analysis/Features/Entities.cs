using CoverageCompare.Analysis.Text;

namespace CoverageCompare.Analysis.Features;

/// <summary>A name in a claim. <see cref="Key"/> is shared by all its aliases in the story (Mr Altman, Sam Altman, Altman).</summary>
internal sealed record Entity(string Key, string Surface, bool IsPerson, int FirstToken, int LastToken);

/// <summary>A run of capitalised words before aliases are resolved.</summary>
internal sealed record NameRun(int FirstToken, int LastToken, string[] Keys, string Surface, bool Titled, bool SentenceInitial);

/// <summary>
/// Finds names and resolves their aliases across the whole story: a surname stands for the full
/// name, a company's first word for its longer name, and known short forms (msft, oai) for the company.
/// </summary>
internal sealed class EntityResolver
{
    private readonly Dictionary<string, int> _singleNames = new(StringComparer.Ordinal);
    private readonly HashSet<string> _midSentenceCapitals = new(StringComparer.Ordinal);
    private readonly HashSet<string> _surnames = new(StringComparer.Ordinal);
    private readonly HashSet<string> _titled = new(StringComparer.Ordinal);
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _displayNames = new(StringComparer.Ordinal);
    private readonly IReadOnlyDictionary<string, string> _aliases;

    public EntityResolver(IReadOnlyDictionary<string, string> extraAliases)
    {
        var aliases = new Dictionary<string, string>(Lexicon.BuiltInAliases, StringComparer.Ordinal);
        foreach (var (alias, canonical) in extraAliases)
        {
            aliases[Tokenizer.KeyOf(alias)] = Tokenizer.KeyOf(canonical);
        }
        _aliases = aliases;
    }

    public string Canonical(string key) => _aliases.TryGetValue(key, out var c) ? c : key;

    public static List<NameRun> FindRuns(string text, IReadOnlyList<Token> tokens, ReadOnlySpan<bool> insideQuote)
    {
        var runs = new List<NameRun>();
        var i = 0;
        while (i < tokens.Count)
        {
            if (!IsNameToken(tokens[i]))
            {
                i++;
                continue;
            }
            var j = i;
            while (j + 1 < tokens.Count && !IsPossessive(tokens[j].Surface) && IsNameToken(tokens[j + 1]) && OnlySpaceBetween(text, tokens[j].End, tokens[j + 1].Start) && insideQuote[j] == insideQuote[j + 1])
            {
                j++;
            }
            var initial = i == 0 || StartsClause(text, tokens[i - 1].End, tokens[i].Start);
            var first = i;
            // "The Harbor City council": a capitalised function word opening the sentence is not part of the name.
            while (first <= j && Lexicon.StopWords.Contains(tokens[first].Key) && !Lexicon.PersonTitles.Contains(tokens[first].Key) && initial)
            {
                first++;
            }
            if (first <= j)
            {
                runs.Add(Split(tokens, first, j, initial && first == i));
            }
            i = j + 1;
        }
        return runs;
    }

    private static NameRun Split(IReadOnlyList<Token> tokens, int first, int last, bool initial)
    {
        var keys = new string[last - first + 1];
        for (var k = first; k <= last; k++)
        {
            keys[k - first] = tokens[k].Key;
        }
        var surface = string.Join(' ', Enumerable.Range(first, last - first + 1).Select(k => WithoutPossessive(tokens[k].Surface)));
        return new NameRun(first, last, keys, surface, false, initial);
    }

    private static bool IsPossessive(string word) => word.EndsWith("'s", StringComparison.Ordinal) || word.EndsWith("’s", StringComparison.Ordinal);

    private static string WithoutPossessive(string word) =>
        word.EndsWith("'s", StringComparison.Ordinal) || word.EndsWith("’s", StringComparison.Ordinal) ? word[..^2] : word.TrimEnd('\'', '’');

    private static bool IsNameToken(Token t) =>
        t.Shape == TokenShape.Word && (t.IsCapitalized || t.HasInnerCapital) && !Lexicon.Months.Contains(t.Key) && !Lexicon.Weekdays.Contains(t.Key) && t.Key != "i";

    private static bool OnlySpaceBetween(string text, int from, int to)
    {
        for (var k = from; k < to; k++)
        {
            if (!char.IsWhiteSpace(text[k]) && text[k] is not ('-' or '–' or '\'' or '’'))
            {
                return false;
            }
            if (text[k] is '-' or '–')
            {
                return false;
            }
        }
        return true;
    }

    private static bool StartsClause(string text, int from, int to)
    {
        for (var k = from; k < to; k++)
        {
            if (text[k] is '"' or '“' or '”' or '(' or ':' or '—' or '–' or '\n')
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>First pass: learn which names occur alone, mid-sentence, and with a title.</summary>
    public void Observe(NameRun run)
    {
        foreach (var part in SplitAtTitles(run))
        {
            _names.Add(string.Join(' ', part.Keys.Select(Canonical)));
            if (part.Keys.Length == 1)
            {
                var key = Canonical(part.Keys[0]);
                if (!run.SentenceInitial || part.FirstToken != run.FirstToken)
                {
                    _midSentenceCapitals.Add(key);
                }
                _singleNames[key] = _singleNames.GetValueOrDefault(key) + 1;
            }
            if (part.Titled)
            {
                _titled.Add(part.Keys[^1]);
            }
            if (part.Titled || LooksLikePersonName(part))
            {
                _surnames.Add(part.Keys[^1]);
                Remember(part.Keys[^1], part.Surface);
            }
        }
    }

    /// <summary>Second pass: resolved entities of one claim.</summary>
    public List<Entity> Resolve(IReadOnlyList<NameRun> runs, IReadOnlyList<Token> tokens)
    {
        var result = new List<Entity>();
        foreach (var run in runs)
        {
            foreach (var part in SplitAtTitles(run))
            {
                var entity = ResolvePart(part, run);
                if (entity is not null)
                {
                    result.Add(entity);
                }
            }
        }
        // Known lower-case short forms ("msft x oai").
        for (var i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            if (!t.IsCapitalized && _aliases.TryGetValue(t.Key, out var canonical) && _singleNames.ContainsKey(canonical) && !result.Any(e => e.FirstToken <= i && i <= e.LastToken))
            {
                result.Add(new Entity(canonical, t.Surface, false, i, i));
            }
        }
        return result;
    }

    /// <summary>Entities of a headline in title case: only the names the story's own sentences use.</summary>
    public List<Entity> ResolveKnown(IReadOnlyList<NameRun> runs, IReadOnlyList<Token> tokens) =>
        Resolve(runs.SelectMany(KnownParts).ToList(), tokens);

    private IEnumerable<NameRun> KnownParts(NameRun run)
    {
        var words = run.Surface.Split(' ');
        var k = 0;
        while (k < run.Keys.Length)
        {
            var length = run.Keys.Length - k;
            while (length > 0 && !IsKnownName(run.Keys[k..(k + length)], words[k]))
            {
                length--;
            }
            if (length == 0)
            {
                k++;
                continue;
            }
            yield return new NameRun(run.FirstToken + k, run.FirstToken + k + length - 1, run.Keys[k..(k + length)], string.Join(' ', words[k..(k + length)]), false, false);
            k += length;
        }
    }

    private bool IsKnownName(string[] keys, string firstWord)
    {
        var name = string.Join(' ', keys.Select(Canonical));
        return keys.Length > 1
            ? _names.Contains(name)
            : _midSentenceCapitals.Contains(name) || _surnames.Contains(name) || IsAcronymLike(firstWord) && _names.Contains(name);
    }

    private Entity? ResolvePart(NameRun part, NameRun run)
    {
        var keys = part.Keys.Select(Canonical).ToArray();
        if (keys.Length == 1)
        {
            var key = keys[0];
            var initialOnly = run.SentenceInitial && part.FirstToken == run.FirstToken;
            if (initialOnly && !part.Titled && !_midSentenceCapitals.Contains(key) && !_surnames.Contains(key) && !IsAcronymLike(part.Surface))
            {
                return null;
            }
            var person = part.Titled || _surnames.Contains(key);
            return new Entity(key, part.Surface, person, part.FirstToken, part.LastToken);
        }
        if (part.Titled || LooksLikePersonName(part))
        {
            return new Entity(keys[^1], part.Surface, true, part.FirstToken, part.LastToken);
        }
        // "Meta Platforms", "Apple's iPhone App Store": the longer name of something also named more briefly.
        return new Entity(ShortestKnownName(keys), part.Surface, false, part.FirstToken, part.LastToken);
    }

    private string ShortestKnownName(string[] keys)
    {
        for (var length = 1; length < keys.Length; length++)
        {
            for (var start = 0; start + length <= keys.Length; start++)
            {
                var candidate = string.Join(' ', keys[start..(start + length)]);
                if (_names.Contains(candidate) && (length > 1 || _singleNames.ContainsKey(candidate) && !Lexicon.PersonTitles.Contains(candidate)))
                {
                    return candidate;
                }
            }
        }
        return string.Join(' ', keys);
    }

    private static bool IsAcronymLike(string surface) => surface.Length >= 2 && surface.Count(char.IsUpper) >= 2;

    private void Remember(string key, string surface)
    {
        if (!_displayNames.TryGetValue(key, out var known) || surface.Length > known.Length || surface.Length == known.Length && string.CompareOrdinal(surface, known) < 0)
        {
            _displayNames[key] = surface;
        }
    }

    /// <summary>
    /// Whether the story itself shows a name to be a person's: given a title somewhere ("Councillor Tom Becker", "Mr
    /// Altman") or called by the surname alone ("Altman said"). Two capitalised words are not enough: "Beats Music",
    /// "Cape Cod" and, in a headline's title case, "Bear Attack" look the same to the name finder.
    /// </summary>
    public bool IsKnownPerson(Entity entity) =>
        entity.IsPerson && (_titled.Contains(entity.Key) || _singleNames.ContainsKey(entity.Key));

    /// <summary>The fullest form of a person's name seen in the story, for display.</summary>
    public string DisplayName(Entity entity) => _displayNames.TryGetValue(entity.Key, out var name) ? name : entity.Surface;

    private static bool LooksLikePersonName(NameRun part)
    {
        if (part.Keys.Length is < 2 or > 3 || Lexicon.NonPersonHeads.Contains(part.Keys[^1]))
        {
            return false;
        }
        var words = part.Surface.Split(' ');
        return words.All(w => w.Length >= 2 && char.IsUpper(w[0]) && w.Skip(1).All(ch => char.IsLower(ch) || ch is '\'' or '’'))
            && !part.Keys.Any(k => Lexicon.StopWords.Contains(k));
    }

    /// <summary>"OpenAI CEO Sam Altman" is two names: OpenAI, and the person Sam Altman.</summary>
    private static IEnumerable<NameRun> SplitAtTitles(NameRun run)
    {
        var words = run.Surface.Split(' ');
        var start = 0;
        var titled = false;
        for (var k = 0; k <= run.Keys.Length; k++)
        {
            var isTitle = k < run.Keys.Length && Lexicon.PersonTitles.Contains(run.Keys[k].TrimEnd('.'));
            if (k == run.Keys.Length || isTitle)
            {
                if (k > start)
                {
                    yield return new NameRun(run.FirstToken + start, run.FirstToken + k - 1, run.Keys[start..k], string.Join(' ', words[start..k]), titled, run.SentenceInitial && start == 0);
                }
                titled = isTitle || titled && k == start;
                start = k + 1;
            }
        }
    }
}
