using CoverageCompare.Analysis.Text;

namespace CoverageCompare.Analysis.Framing;

/// <summary>Hedges: words that report something as less than certain ("reportedly", "suggests", "may").</summary>
public static class Hedging
{
    // The engine's hedges leave out modals because they rarely change which fact a claim states; for framing they do hedge it.
    private static readonly FrozenSet<string> Modals = new[] { "may", "might", "could" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The hedge words in <c>text[start..end]</c>, lower case, each once, in order of first use.</summary>
    public static IReadOnlyList<string> Find(string text, int start, int end) => Tokenizer.Tokenize(text, start, end)
        .Where(t => Lexicon.Hedges.Contains(t.Key) || Modals.Contains(t.Key))
        .Select(t => t.Key)
        .Distinct(StringComparer.Ordinal)
        .ToArray();
}
