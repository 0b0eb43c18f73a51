using CoverageCompare.Analysis.Features;

namespace CoverageCompare.Analysis.Relations;

/// <summary>How two quotations line up word by word, and where their wording differs.</summary>
internal sealed record QuoteMatch(QuoteText A, QuoteText B, int Aligned, double Coverage, IReadOnlyList<WordHunk> Hunks);

/// <summary>A place where two quotations use different words; an empty side means the words are missing there.</summary>
internal sealed record WordHunk(string A, string B);

internal static class QuoteComparer
{
    private const int MaxWords = 400;

    public static QuoteMatch? BestMatch(ClaimFeatures a, ClaimFeatures b)
    {
        QuoteMatch? best = null;
        foreach (var qa in a.Quotes)
        {
            foreach (var qb in b.Quotes)
            {
                var match = Compare(qa, qb);
                if (best is null || match.Aligned > best.Aligned || match.Aligned == best.Aligned && match.Coverage > best.Coverage)
                {
                    best = match;
                }
            }
        }
        return best;
    }

    public static QuoteMatch Compare(QuoteText a, QuoteText b)
    {
        var x = a.Words.AsSpan(0, Math.Min(a.Words.Length, MaxWords));
        var y = b.Words.AsSpan(0, Math.Min(b.Words.Length, MaxWords));
        var ops = Align(x, y);
        var aligned = ops.Count(o => o.Kind == OpKind.Same);
        var shorter = Math.Max(1, Math.Min(x.Length, y.Length));
        var hunks = aligned == 0 ? [] : Hunks(ops, a, b);
        return new QuoteMatch(a, b, aligned, (double)aligned / shorter, hunks);
    }

    private enum OpKind { Same, OnlyA, OnlyB }

    private readonly record struct Op(OpKind Kind, int IndexA, int IndexB);

    /// <summary>Longest common subsequence of words.</summary>
    private static List<Op> Align(ReadOnlySpan<string> x, ReadOnlySpan<string> y)
    {
        var n = x.Length;
        var m = y.Length;
        var table = new int[(n + 1) * (m + 1)];
        for (var i = n - 1; i >= 0; i--)
        {
            for (var j = m - 1; j >= 0; j--)
            {
                table[i * (m + 1) + j] = string.Equals(x[i], y[j], StringComparison.Ordinal)
                    ? table[(i + 1) * (m + 1) + j + 1] + 1
                    : Math.Max(table[(i + 1) * (m + 1) + j], table[i * (m + 1) + j + 1]);
            }
        }
        var ops = new List<Op>(n + m);
        int p = 0, q = 0;
        while (p < n && q < m)
        {
            if (string.Equals(x[p], y[q], StringComparison.Ordinal))
            {
                ops.Add(new Op(OpKind.Same, p++, q++));
            }
            else if (table[(p + 1) * (m + 1) + q] >= table[p * (m + 1) + q + 1])
            {
                ops.Add(new Op(OpKind.OnlyA, p++, q));
            }
            else
            {
                ops.Add(new Op(OpKind.OnlyB, p, q++));
            }
        }
        while (p < n)
        {
            ops.Add(new Op(OpKind.OnlyA, p++, q));
        }
        while (q < m)
        {
            ops.Add(new Op(OpKind.OnlyB, p, q++));
        }
        return ops;
    }

    /// <summary>
    /// Differences between the first and last shared word only: a quote that starts or stops a few
    /// words later is a shorter excerpt, not a different wording.
    /// </summary>
    private static List<WordHunk> Hunks(List<Op> ops, QuoteText a, QuoteText b)
    {
        var first = ops.FindIndex(o => o.Kind == OpKind.Same);
        var last = ops.FindLastIndex(o => o.Kind == OpKind.Same);
        var hunks = new List<WordHunk>();
        var k = first;
        while (k <= last)
        {
            if (ops[k].Kind == OpKind.Same)
            {
                k++;
                continue;
            }
            var start = k;
            while (k <= last && ops[k].Kind != OpKind.Same)
            {
                k++;
            }
            var onlyA = ops.Skip(start).Take(k - start).Where(o => o.Kind == OpKind.OnlyA).Select(o => a.Surface[o.IndexA]).ToList();
            var onlyB = ops.Skip(start).Take(k - start).Where(o => o.Kind == OpKind.OnlyB).Select(o => b.Surface[o.IndexB]).ToList();
            if (onlyA.Count == 0 || onlyB.Count == 0)
            {
                // Show the word before a bare insertion so the reader can find it.
                var context = ops[start - 1];
                onlyA.Insert(0, a.Surface[context.IndexA]);
                onlyB.Insert(0, b.Surface[context.IndexB]);
            }
            hunks.Add(new WordHunk(string.Join(' ', onlyA), string.Join(' ', onlyB)));
        }
        return hunks;
    }
}
