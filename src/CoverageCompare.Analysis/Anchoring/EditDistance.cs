namespace CoverageCompare.Analysis.Anchoring;

/// <summary>A place in a text whose characters are within a bounded number of edits of a pattern.</summary>
internal readonly record struct ApproximateMatch(int Start, int End, int Distance);

internal static class EditDistance
{
    /// <summary>1 for equal strings, falling to 0 as the Levenshtein distance reaches the longer length.</summary>
    public static double Similarity(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        var longer = Math.Max(a.Length, b.Length);
        return longer == 0 ? 1 : 1 - (double)Levenshtein(a, b) / longer;
    }

    public static int Levenshtein(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        var row = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) row[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            var diagonal = row[0];
            row[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var above = row[j];
                row[j] = Math.Min(Math.Min(above, row[j - 1]) + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1));
                diagonal = above;
            }
        }
        return row[b.Length];
    }

    /// <summary>
    /// Every stretch of <paramref name="text"/> within <paramref name="maxDistance"/> edits of <paramref name="pattern"/>,
    /// the best of each run of overlapping ends. Semi-global edit distance with Ukkonen's cut-off: only the rows that can
    /// still stay under the bound are computed, so the cost is about text length times the bound, not times the pattern.
    /// </summary>
    public static List<ApproximateMatch> Search(ReadOnlySpan<char> text, ReadOnlySpan<char> pattern, int maxDistance)
    {
        var m = pattern.Length;
        var matches = new List<ApproximateMatch>();
        if (m == 0) return matches;

        var outside = maxDistance + 1;
        var cost = new int[m + 1];
        var origin = new int[m + 1];
        for (var i = 0; i <= m; i++) cost[i] = i;
        var lastActive = Math.Min(maxDistance, m);

        ApproximateMatch? run = null;
        for (var j = 0; j < text.Length; j++)
        {
            var c = text[j];
            var diagonal = cost[0];
            var diagonalOrigin = origin[0];
            cost[0] = 0;
            origin[0] = j + 1;
            var top = Math.Min(m, lastActive + 1);
            for (var i = 1; i <= top; i++)
            {
                var previous = i <= lastActive ? cost[i] : outside;
                var previousOrigin = origin[i];
                var best = diagonal + (pattern[i - 1] == c ? 0 : 1);
                var bestOrigin = diagonalOrigin;
                if (cost[i - 1] + 1 < best) (best, bestOrigin) = (cost[i - 1] + 1, origin[i - 1]);
                if (previous + 1 < best) (best, bestOrigin) = (previous + 1, previousOrigin);
                diagonal = previous;
                diagonalOrigin = previousOrigin;
                cost[i] = best;
                origin[i] = bestOrigin;
            }

            lastActive = top;
            while (lastActive > 0 && cost[lastActive] > maxDistance) lastActive--;

            if (lastActive == m)
            {
                var match = new ApproximateMatch(origin[m], j + 1, cost[m]);
                if (run is { } current && match.Start < current.End)
                {
                    if (match.Distance < current.Distance) run = match;
                }
                else
                {
                    if (run is { } finished) matches.Add(finished);
                    run = match;
                }
            }
        }
        if (run is { } last) matches.Add(last);
        return matches;
    }
}
