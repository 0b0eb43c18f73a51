using System.Text.RegularExpressions;

namespace CoverageCompare.Analysis.Anchoring;

/// <summary>Makes anchors from selections and finds them again after the text has been edited.</summary>
public static partial class TextAnchoring
{
    /// <summary>Characters of prefix and suffix kept around a quote (fewer only at the text's start or end).</summary>
    public const int ContextLength = 32;

    /// <summary>The lowest combined score (quote and context) at which changed text still counts as the quoted text.</summary>
    public const double MinimumScore = 0.8;

    /// <summary>The lowest similarity of the quote alone that the fuzzy search looks for; it bounds the search's edit distance.</summary>
    public const double MinimumQuoteSimilarity = 0.75;

    /// <summary>An exact quote this long is evidence enough on its own; a shorter one also needs its context.</summary>
    public const int SelfEvidentQuoteLength = 32;

    /// <summary>Longer quotes are not searched approximately: the search would cost too much on a large article.</summary>
    public const int MaxFuzzyQuoteLength = 2000;

    private const double QuoteWeight = 0.7;
    private const double ContextWeight = 1 - QuoteWeight;

    public static SelectionResult Select(string text, int start, int end)
    {
        if (start < 0 || end > text.Length || start > end)
        {
            return SelectionResult.Fail($"The selection {start}–{end} is outside the article, which has {text.Length} characters.");
        }
        if (start == end || string.IsNullOrWhiteSpace(text[start..end])) return SelectionResult.Fail("The selection is empty.");
        if (char.IsLowSurrogate(text[start]) || (end < text.Length && char.IsLowSurrogate(text[end])))
        {
            return SelectionResult.Fail("The selection splits a character in two.");
        }
        return SelectionResult.Ok(AnchorAt(text, start, end));
    }

    public static Reanchored Reanchor(string text, TextAnchor anchor)
    {
        if (anchor.Exact.Length == 0) return new Reanchored(AnchorMethod.Orphaned, anchor, 0);

        var exact = FindExact(text, anchor);
        if (exact is not null) return exact;

        return FindApproximate(text, anchor) ?? new Reanchored(AnchorMethod.Orphaned, anchor, 0);
    }

    private static TextAnchor AnchorAt(string text, int start, int end)
    {
        var prefixStart = Math.Max(0, start - ContextLength);
        if (prefixStart > 0 && char.IsLowSurrogate(text[prefixStart])) prefixStart--;
        var suffixEnd = Math.Min(text.Length, end + ContextLength);
        if (suffixEnd < text.Length && char.IsLowSurrogate(text[suffixEnd])) suffixEnd++;
        return new TextAnchor(start, end, text[start..end], text[prefixStart..start], text[end..suffixEnd]);
    }

    private static Reanchored? FindExact(string text, TextAnchor anchor)
    {
        (int Start, double Context)? best = null;
        for (var at = text.IndexOf(anchor.Exact, StringComparison.Ordinal); at >= 0; at = text.IndexOf(anchor.Exact, at + 1, StringComparison.Ordinal))
        {
            var context = ContextSimilarity(text, at, at + anchor.Exact.Length, anchor);
            if (best is not { } current || context > current.Context
                || (context == current.Context && Math.Abs(at - anchor.Start) < Math.Abs(current.Start - anchor.Start)))
            {
                best = (at, context);
            }
        }
        if (best is not { } found) return null;

        var score = QuoteWeight + ContextWeight * found.Context;
        if (anchor.Exact.Length < SelfEvidentQuoteLength && score < MinimumScore) return null;

        var method = found.Start == anchor.Start ? AnchorMethod.Position : AnchorMethod.Quote;
        return new Reanchored(method, AnchorAt(text, found.Start, found.Start + anchor.Exact.Length), score);
    }

    private static Reanchored? FindApproximate(string text, TextAnchor anchor)
    {
        if (anchor.Exact.Length > MaxFuzzyQuoteLength) return null;

        var maxDistance = (int)Math.Floor(anchor.Exact.Length * (1 - MinimumQuoteSimilarity));
        if (maxDistance == 0) return null;

        var numbers = Numbers(anchor.Exact);
        Reanchored? best = null;
        foreach (var match in EditDistance.Search(text, anchor.Exact, maxDistance))
        {
            var (start, end) = Trim(text, match.Start, match.End);
            if (start >= end) continue;
            var candidate = text.AsSpan(start, end - start);

            // A changed number is a different claim, however similar the wording.
            if (!numbers.SequenceEqual(Numbers(candidate.ToString()))) continue;

            var quote = EditDistance.Similarity(candidate, anchor.Exact);
            if (quote < MinimumQuoteSimilarity) continue;
            var score = QuoteWeight * quote + ContextWeight * ContextSimilarity(text, start, end, anchor);
            if (score < MinimumScore) continue;

            if (best is null || score > best.Score
                || (score == best.Score && Math.Abs(start - anchor.Start) < Math.Abs(best.Anchor.Start - anchor.Start)))
            {
                best = new Reanchored(AnchorMethod.Fuzzy, AnchorAt(text, start, end), score);
            }
        }
        return best;
    }

    /// <summary>How well the text around a candidate matches the recorded prefix and suffix, 0 to 1.</summary>
    private static double ContextSimilarity(string text, int start, int end, TextAnchor anchor)
    {
        var prefix = anchor.Prefix.Length == 0
            ? start == 0 ? 1 : 0.5
            : EditDistance.Similarity(text.AsSpan(Math.Max(0, start - anchor.Prefix.Length), Math.Min(start, anchor.Prefix.Length)), anchor.Prefix);
        var suffix = anchor.Suffix.Length == 0
            ? end == text.Length ? 1 : 0.5
            : EditDistance.Similarity(text.AsSpan(end, Math.Min(text.Length - end, anchor.Suffix.Length)), anchor.Suffix);
        return (prefix + suffix) / 2;
    }

    /// <summary>Keeps an approximate match from starting or ending inside a character or on spaces the quote does not have.</summary>
    private static (int Start, int End) Trim(string text, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start])) start++;
        while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
        if (start > 0 && start < text.Length && char.IsLowSurrogate(text[start])) start--;
        if (end < text.Length && char.IsLowSurrogate(text[end])) end++;
        return (start, end);
    }

    private static List<string> Numbers(string value) => DigitRun().Matches(value).Select(m => m.Value).ToList();

    [GeneratedRegex(@"\d+")]
    private static partial Regex DigitRun();
}
