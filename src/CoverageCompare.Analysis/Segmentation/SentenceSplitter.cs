namespace CoverageCompare.Analysis.Segmentation;

internal readonly record struct SentenceSpan(int Start, int End, IReadOnlyList<TextSpan> Quotes);

/// <summary>
/// Splits a paragraph into sentences. A quotation is never cut: a quote that runs over several
/// sentences stays in one span. If the quotes of a paragraph do not balance, they are ignored.
/// </summary>
internal static class SentenceSplitter
{
    private const int MaxQuoteLength = 2000;

    private static readonly FrozenSet<string> Abbreviations = new[]
    {
        "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "vs", "inc", "corp", "co", "ltd", "no", "nos", "gov", "sen",
        "rep", "gen", "lt", "col", "capt", "sgt", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
        "nov", "dec", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "approx", "dept", "est",
        "fig", "vol", "rev", "mt", "ft", "av", "ave", "blvd", "e.g", "i.e", "cf", "al", "etc", "ca", "pp", "op", "govt",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> SentenceStarters = new[]
    {
        "the", "but", "it", "this", "he", "she", "they", "we", "in", "on", "at", "a", "an", "and", "its", "his", "her",
        "their", "there", "that", "these", "those", "i", "you", "officials", "however", "meanwhile",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    public static List<SentenceSpan> Split(string text, int start, int end) =>
        TrySplit(text, start, end, trackQuotes: true) ?? TrySplit(text, start, end, trackQuotes: false)!;

    private static List<SentenceSpan>? TrySplit(string text, int start, int end, bool trackQuotes)
    {
        var result = new List<SentenceSpan>();
        var quotes = new List<TextSpan>();
        var segStart = start;
        var quoteOpen = -1;
        var i = start;
        while (i < end)
        {
            var c = text[i];
            int boundary;
            if (trackQuotes && IsQuoteMark(c))
            {
                if (quoteOpen < 0 && OpensQuote(text, i, start, end))
                {
                    quoteOpen = i;
                    i++;
                    continue;
                }
                if (quoteOpen >= 0 && ClosesQuote(c, text[quoteOpen]))
                {
                    quotes.Add(new TextSpan(quoteOpen, i + 1));
                    quoteOpen = -1;
                    if (i > start && IsTerminal(text[i - 1]))
                    {
                        boundary = AfterClosers(text, i + 1, end);
                        if (TryBoundary(text, segStart, i - 1, boundary, end, out var next))
                        {
                            Emit(result, text, segStart, boundary, quotes);
                            segStart = next;
                            i = next;
                            continue;
                        }
                    }
                    i++;
                    continue;
                }
                if (quoteOpen < 0)
                {
                    // A closing mark with no opening one: the paragraph's quotes are unreliable.
                    return null;
                }
                i++;
                continue;
            }
            if (quoteOpen >= 0)
            {
                if (i - quoteOpen > MaxQuoteLength)
                {
                    return null;
                }
                i++;
                continue;
            }
            if (!IsTerminal(c))
            {
                i++;
                continue;
            }
            var j = i + 1;
            while (j < end && IsTerminal(text[j]))
            {
                j++;
            }
            if (trackQuotes && j < end && IsQuoteMark(text[j]))
            {
                // A closing quote right after the punctuation is handled by the quote branch.
                i = j;
                continue;
            }
            boundary = AfterClosers(text, j, end);
            if (TryBoundary(text, segStart, i, boundary, end, out var nextStart))
            {
                Emit(result, text, segStart, boundary, quotes);
                segStart = nextStart;
                i = nextStart;
                continue;
            }
            i = j;
        }
        if (quoteOpen >= 0)
        {
            return null;
        }
        Emit(result, text, segStart, end, quotes);
        return result;
    }

    private static void Emit(List<SentenceSpan> result, string text, int start, int end, List<TextSpan> quotes)
    {
        var (s, e) = Segmenter.Trim(text, start, end);
        if (s < e)
        {
            result.Add(new SentenceSpan(s, e, quotes.Where(q => q.Start >= s && q.End <= e).ToArray()));
        }
        quotes.RemoveAll(q => q.End <= end);
    }

    private static bool IsTerminal(char c) => c is '.' or '!' or '?' or '…';

    private static bool IsQuoteMark(char c) => c is '"' or '“' or '”' or '«' or '»' or '„';

    private static bool OpensQuote(string text, int i, int start, int end)
    {
        var c = text[i];
        if (c is '“' or '«' or '„')
        {
            return true;
        }
        if (c is '”' or '»')
        {
            return false;
        }
        var before = i == start ? ' ' : text[i - 1];
        var after = i + 1 < end ? text[i + 1] : ' ';
        return !char.IsWhiteSpace(after) && (char.IsWhiteSpace(before) || before is '(' or '[' or '—' or '–' or '-' or ':' or '/');
    }

    private static bool ClosesQuote(char c, char opener) => opener switch
    {
        '«' => c == '»',
        '“' or '„' => c is '”' or '“' or '"',
        _ => c is '"' or '”',
    };

    private static int AfterClosers(string text, int j, int end)
    {
        while (j < end && text[j] is ')' or ']' or '’' or '\'' or '"' or '”' or '»')
        {
            j++;
        }
        return j;
    }

    /// <summary>Is there a sentence end between the punctuation at <paramref name="punct"/> and the next sentence?</summary>
    private static bool TryBoundary(string text, int segStart, int punct, int boundary, int end, out int nextStart)
    {
        nextStart = boundary;
        if (boundary >= end)
        {
            return false;
        }
        if (!char.IsWhiteSpace(text[boundary]))
        {
            return false;
        }
        var k = boundary;
        while (k < end && char.IsWhiteSpace(text[k]))
        {
            k++;
        }
        if (k >= end)
        {
            return false;
        }
        var n = text[k];
        var startsSentence = char.IsUpper(n) || char.IsDigit(n) || n is '"' or '“' or '«' or '(' or '[' or '‘' or '\''
            || char.IsLetter(n) && !char.IsLower(n) || char.IsSurrogate(n);
        if (!startsSentence)
        {
            return false;
        }
        if (text[punct] == '.' && IsAbbreviation(text, segStart, punct, k, end))
        {
            return false;
        }
        nextStart = k;
        return true;
    }

    private static bool IsAbbreviation(string text, int segStart, int dot, int next, int end)
    {
        var w = dot;
        while (w > segStart && (char.IsLetter(text[w - 1]) || text[w - 1] == '.'))
        {
            w--;
        }
        if (w == dot)
        {
            return false;
        }
        var word = text.AsSpan(w, dot - w);
        if (word.Length == 1 && char.IsUpper(word[0]))
        {
            return true; // an initial: "Donald J. Trump"
        }
        var lookup = Abbreviations.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.Contains(word))
        {
            return true;
        }
        if (word.Contains('.'))
        {
            // "U.S." ends a sentence only when a typical sentence opener follows.
            var e = next;
            while (e < end && char.IsLetter(text[e]))
            {
                e++;
            }
            return !SentenceStarters.GetAlternateLookup<ReadOnlySpan<char>>().Contains(text.AsSpan(next, e - next));
        }
        return false;
    }
}
