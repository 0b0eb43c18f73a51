using System.Globalization;
using CoverageCompare.Analysis.Text;

namespace CoverageCompare.Analysis.Features;

/// <summary>
/// A number as a value range in a unit: "$480 million" is [4.8e8, 4.8e8] usd, "over $13 billion" is
/// [1.3e10, 1.69e10] usd, "tens of billions" is [2e10, 9.9e10]. A vote tally keeps its two sides.
/// </summary>
internal sealed record Quantity(double Low, double High, string Unit, string Text, int Start, int End, string? Tally = null)
{
    /// <summary>Stem of the word the number measures ("cost" in "will cost $480 million"), when there is one.</summary>
    public string? Context { get; init; }

    /// <summary>Stem of the word right after it ("cost" in "at a fraction of the cost").</summary>
    public string? ContextAfter { get; init; }

    public bool SharesContext(Quantity other) =>
        Context is not null && (Context == other.Context || Context == other.ContextAfter)
        || ContextAfter is not null && (ContextAfter == other.Context || ContextAfter == other.ContextAfter);

    public bool Overlaps(Quantity other)
    {
        if (Tally is not null || other.Tally is not null)
        {
            return Tally == other.Tally;
        }
        const double tolerance = 0.005;
        return Low <= other.High * (1 + tolerance) && other.Low <= High * (1 + tolerance);
    }

    public bool SameMeasure(Quantity other)
    {
        if (Tally is not null || other.Tally is not null)
        {
            return Tally is not null && other.Tally is not null;
        }
        if (Unit == other.Unit)
        {
            return true;
        }
        // "tens of billions" often drops "of dollars".
        return Unit.Length == 0 && IsMoney(other.Unit) && Low >= 1e6 || other.Unit.Length == 0 && IsMoney(Unit) && other.Low >= 1e6;
    }

    private static bool IsMoney(string unit) => unit is "usd" or "eur" or "gbp";
}

internal static class QuantityExtractor
{
    private static readonly FrozenDictionary<string, double> Scales = new Dictionary<string, double>
    {
        ["thousand"] = 1e3, ["k"] = 1e3, ["million"] = 1e6, ["m"] = 1e6, ["mn"] = 1e6, ["billion"] = 1e9, ["bn"] = 1e9,
        ["b"] = 1e9, ["trillion"] = 1e12, ["tn"] = 1e12,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, double> PluralScales = new Dictionary<string, double>
    {
        ["thousands"] = 1e3, ["millions"] = 1e6, ["billions"] = 1e9, ["trillions"] = 1e12,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, double> NumberWords = new Dictionary<string, double>
    {
        ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7, ["eight"] = 8,
        ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12, ["thirteen"] = 13, ["fourteen"] = 14,
        ["fifteen"] = 15, ["sixteen"] = 16, ["seventeen"] = 17, ["eighteen"] = 18, ["nineteen"] = 19, ["twenty"] = 20,
        ["thirty"] = 30, ["forty"] = 40, ["fifty"] = 50, ["sixty"] = 60, ["seventy"] = 70, ["eighty"] = 80,
        ["ninety"] = 90, ["hundred"] = 100, ["dozen"] = 12,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, string> Currencies = new Dictionary<string, string>
    {
        ["$"] = "usd", ["dollar"] = "usd", ["dollars"] = "usd", ["usd"] = "usd", ["€"] = "eur", ["euro"] = "eur",
        ["euros"] = "eur", ["£"] = "gbp", ["pound"] = "gbp", ["pounds"] = "gbp",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static bool IsNumberWord(string key) => NumberWords.ContainsKey(key);

    public static List<Quantity> Extract(string text, IReadOnlyList<Token> tokens, ReadOnlySpan<bool> taken)
    {
        var result = new List<Quantity>();
        var i = 0;
        while (i < tokens.Count)
        {
            var count = result.Count;
            var next = taken[i] ? -1 : TryRead(text, tokens, taken, i, result);
            if (result.Count > count)
            {
                var q = result[^1];
                result[^1] = q with { Context = ContextOf(tokens, q.Start), ContextAfter = ContextAfter(tokens, q.End) };
            }
            i = next > i ? next : i + 1;
        }
        return result;
    }

    private static string? ContextAfter(IReadOnlyList<Token> tokens, int end)
    {
        var first = 0;
        while (first < tokens.Count && tokens[first].Start < end)
        {
            first++;
        }
        for (var k = first; k < tokens.Count && k < first + 2; k++)
        {
            var t = tokens[k];
            if (t.Shape == TokenShape.Word && !Lexicon.StopWords.Contains(t.Key) && !Lexicon.Auxiliaries.Contains(t.Key))
            {
                return Stemmer.Stem(t.Key);
            }
        }
        return null;
    }

    private static string? ContextOf(IReadOnlyList<Token> tokens, int start)
    {
        var first = 0;
        while (first < tokens.Count && tokens[first].End <= start)
        {
            first++;
        }
        for (var k = first - 1; k >= 0 && k >= first - 3; k--)
        {
            var t = tokens[k];
            if (t.Shape == TokenShape.Word && !Lexicon.StopWords.Contains(t.Key) && !Lexicon.Auxiliaries.Contains(t.Key))
            {
                return Stemmer.Stem(t.Key);
            }
        }
        return null;
    }

    /// <summary>Reads a quantity starting at token <paramref name="i"/>; returns the token after it, or -1.</summary>
    private static int TryRead(string text, IReadOnlyList<Token> tokens, ReadOnlySpan<bool> taken, int i, List<Quantity> result)
    {
        var t = tokens[i];
        var (qualifier, qualifierStart) = Qualifier(tokens, i);

        // "a fraction of"
        if (t.Key == "fraction" && i > 0 && tokens[i - 1].Key == "a" && i + 1 < tokens.Count && tokens[i + 1].Key == "of")
        {
            result.Add(new Quantity(0, 1, "fraction", text[tokens[i - 1].Start..tokens[i + 1].End], tokens[i - 1].Start, tokens[i + 1].End));
            return i + 2;
        }
        // "tens of billions (of dollars)", "hundreds of millions"
        if (t.Key is "tens" or "hundreds" or "dozens" && i + 2 < tokens.Count && tokens[i + 1].Key == "of" && PluralScales.TryGetValue(tokens[i + 2].Key, out var plural))
        {
            var factor = t.Key switch { "tens" => 10.0, "dozens" => 12.0, _ => 100.0 };
            var (unit, end) = MoneyAfter(tokens, i + 3);
            result.Add(new Quantity(2 * factor * plural, 9.99 * factor * plural, unit, text[t.Start..tokens[i + 2].End], t.Start, tokens[i + 2].End));
            return end;
        }
        // "billions of dollars"
        if (PluralScales.TryGetValue(t.Key, out plural) && i + 2 < tokens.Count && tokens[i + 1].Key == "of" && Currencies.ContainsKey(tokens[i + 2].Key))
        {
            result.Add(new Quantity(2 * plural, 999 * plural, Currencies[tokens[i + 2].Key], text[t.Start..t.End], t.Start, t.End));
            return i + 3;
        }
        // "multi-billion dollar"
        if (t.Key == "multi" && i + 1 < tokens.Count && Scales.TryGetValue(tokens[i + 1].Key, out var multi) && multi >= 1e6)
        {
            var (unit, end) = MoneyAfter(tokens, i + 2);
            result.Add(new Quantity(2 * multi, 99 * multi, unit, text[t.Start..tokens[i + 1].End], t.Start, tokens[i + 1].End));
            return end;
        }

        var start = i;
        string? currency = null;
        if (t.Shape == TokenShape.Symbol && Currencies.TryGetValue(t.Key, out var symbolCurrency) && i + 1 < tokens.Count && tokens[i + 1].Shape == TokenShape.Number && tokens[i + 1].Start == t.End)
        {
            currency = symbolCurrency;
            i++;
        }
        if (!TryValue(tokens[i], out var value) || taken[i])
        {
            return -1;
        }
        var last = i;
        if (currency is null && tokens[i].Shape == TokenShape.Number && IsYearLike(tokens[i]))
        {
            return -1;
        }
        // Vote tallies: "voted 7 to 2", "a 7-2 vote".
        if (i + 1 < tokens.Count && currency is null)
        {
            var between = text.AsSpan(tokens[i].End, tokens[i + 1].Start - tokens[i].End).Trim();
            var to = i + 2 < tokens.Count && tokens[i + 1].Key == "to" && TryValue(tokens[i + 2], out _);
            var dashed = !to && between is "-" or "–" or "—" && TryValue(tokens[i + 1], out _);
            var end = to ? i + 2 : i + 1;
            if ((dashed || to) && TryValue(tokens[end], out var other) && LooksLikeTally(tokens, i, end))
            {
                var tally = $"{value.ToString(CultureInfo.InvariantCulture)}-{other.ToString(CultureInfo.InvariantCulture)}";
                result.Add(new Quantity(value, other, "tally", text[tokens[i].Start..tokens[end].End], tokens[i].Start, tokens[end].End, tally));
                return end + 1;
            }
        }
        // "twenty-five", "Thirty-three": one number written in two words.
        if (tokens[i].Shape == TokenShape.Word && value is >= 20 and < 100 && value % 10 == 0 && last + 1 < tokens.Count
            && tokens[last + 1].Shape == TokenShape.Word && TryValue(tokens[last + 1], out var units) && units is >= 1 and <= 9
            && text.AsSpan(tokens[last].End, tokens[last + 1].Start - tokens[last].End) is "-" or "‐" or "–")
        {
            value += units;
            last++;
        }
        if (last + 1 < tokens.Count && Scales.TryGetValue(tokens[last + 1].Key, out var scale) && (tokens[last + 1].Key.Length > 1 || tokens[last + 1].Start == tokens[last].End))
        {
            value *= scale;
            last++;
        }
        var unitName = currency ?? "";
        if (currency is null && last + 1 < tokens.Count && tokens[last + 1].Key == "per" && last + 2 < tokens.Count && tokens[last + 2].Key is "cent")
        {
            unitName = "percent";
            last += 2;
        }
        if (currency is null && last + 1 < tokens.Count)
        {
            var u = tokens[last + 1];
            if (Currencies.TryGetValue(u.Key, out var named))
            {
                unitName = named;
                last++;
            }
            else if (u.Key is "%" or "percent")
            {
                unitName = "percent";
                last++;
            }
            else if (u.Shape == TokenShape.Word && !Lexicon.StopWords.Contains(u.Key) && !taken[last + 1])
            {
                // "two tech giants" counts things in passing; "six minutes" measures.
                if (tokens[i].Shape == TokenShape.Word && last + 2 < tokens.Count && tokens[last + 2].Shape == TokenShape.Word
                    && !Lexicon.StopWords.Contains(tokens[last + 2].Key) && text.AsSpan(u.End, tokens[last + 2].Start - u.End).IsWhiteSpace())
                {
                    return -1;
                }
                unitName = Stemmer.Stem(Lexicon.BuiltInAliases.GetValueOrDefault(u.Key, u.Key));
                last++;
            }
        }
        if (unitName.Length == 0 || tokens[start].Key == "one")
        {
            // A bare number ("Microsoft 365", "one of the") says nothing checkable on its own.
            return -1;
        }
        var (low, high) = Apply(qualifier, value);
        var from = qualifier is null ? tokens[start].Start : qualifierStart;
        result.Add(new Quantity(low, high, unitName, text[from..tokens[last].End], from, tokens[last].End));
        return last + 1;
    }

    private static bool LooksLikeTally(IReadOnlyList<Token> tokens, int first, int last)
    {
        for (var k = Math.Max(0, first - 3); k < first; k++)
        {
            if (tokens[k].Key.StartsWith("vot", StringComparison.Ordinal) || tokens[k].Key is "margin" or "by" or "won" or "lost" or "beat")
            {
                return true;
            }
        }
        for (var k = last + 1; k < Math.Min(tokens.Count, last + 3); k++)
        {
            if (tokens[k].Key.StartsWith("vot", StringComparison.Ordinal) || tokens[k].Key is "favour" or "favor" or "against" or "majority" or "decision")
            {
                return true;
            }
        }
        return false;
    }

    private static (string Unit, int End) MoneyAfter(IReadOnlyList<Token> tokens, int k)
    {
        if (k < tokens.Count && Currencies.TryGetValue(tokens[k].Key, out var c))
        {
            return (c, k + 1);
        }
        if (k + 1 < tokens.Count && tokens[k].Key == "of" && Currencies.TryGetValue(tokens[k + 1].Key, out c))
        {
            return (c, k + 2);
        }
        return ("", k);
    }

    private static bool TryValue(Token t, out double value)
    {
        if (t.Shape == TokenShape.Number)
        {
            return double.TryParse(t.Surface.Replace(",", ""), NumberStyles.Float, CultureInfo.InvariantCulture, out value);
        }
        return NumberWords.TryGetValue(t.Key, out value);
    }

    private static bool IsYearLike(Token t) =>
        t.Surface.Length == 4 && int.TryParse(t.Surface, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= 1800 and <= 2199;

    private static (string? Qualifier, int Start) Qualifier(IReadOnlyList<Token> tokens, int i)
    {
        // Matched word by word, not on the two keys joined: this runs for every token of the story.
        if (i >= 2)
        {
            var two = (tokens[i - 2].Key, tokens[i - 1].Key) switch
            {
                ("more", "than") => "more than",
                ("at", "least") => "at least",
                ("less", "than") => "less than",
                ("fewer", "than") => "fewer than",
                ("up", "to") => "up to",
                ("just", "over") => "just over",
                ("just", "under") => "just under",
                ("as", "much") => "as much",
                ("as", "many") => "as many",
                _ => null,
            };
            if (two is not null)
            {
                return (two, tokens[i - 2].Start);
            }
        }
        if (i >= 1)
        {
            var one = tokens[i - 1].Key;
            if (one is "over" or "above" or "exceeding" or "nearly" or "almost" or "about" or "around" or "roughly" or "approximately" or "some" or "under" or "below" or "only")
            {
                return (one, tokens[i - 1].Start);
            }
        }
        return (null, 0);
    }

    private static (double Low, double High) Apply(string? qualifier, double v) => qualifier switch
    {
        "over" or "above" or "more than" or "exceeding" or "just over" => (v, v * 1.3),
        "at least" => (v, v * 1.5),
        "nearly" or "almost" or "just under" => (v * 0.85, v),
        "about" or "around" or "roughly" or "approximately" or "some" => (v * 0.9, v * 1.1),
        "under" or "below" or "less than" or "fewer than" or "up to" => (v * 0.5, v),
        _ => (v, v),
    };
}
