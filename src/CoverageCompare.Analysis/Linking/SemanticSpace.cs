using System.Numerics;
using System.Runtime.InteropServices;

namespace CoverageCompare.Analysis.Linking;

/// <summary>
/// The claims' sentence vectors. Every sentence of one story shares its topic (here: OpenAI and Microsoft), which
/// lifts every cosine; <see cref="Relative"/> compares the vectors after removing the story's mean direction, shrunk
/// for small stories (two sentences have no story to subtract). Neighbours are found through a coarse partition
/// of the space (the claims nearest to a few seed claims), never by comparing every pair.
/// </summary>
internal sealed class SemanticSpace
{
    private const int BruteForceBelow = 400;
    private const int Probes = 3;
    // Claims measured against one vector in one pass (Dots).
    private const int Batch = 4;
    private const double ShrinkClaims = 40;

    // Crowding: a claim's mean relative cosine to its nearest claims elsewhere, shrunk towards what an unrelated
    // sentence scores. Sentences that resemble everything (boilerplate, lists of common words) get no credit for
    // resembling each other; after cross-domain similarity local scaling (Conneau et al., 2018).
    private const int Nearest = 5;
    private const double PriorWeight = 5;
    private const double Unrelated = 0.2;
    private const double CrowdingWeight = 0.5;

    private double[] _crowding = [];

    private readonly float[][] _vectors;
    private readonly double[] _mean;
    private readonly int _dim;

    // Every claim's centred vector, one after another: the search reads them in order, hundreds of thousands of times.
    private readonly float[] _centered;

    public SemanticSpace(float[][] vectors)
    {
        _vectors = vectors;
        _dim = vectors.Length == 0 ? 0 : vectors[0].Length;
        var mean = new double[_dim];
        foreach (var v in vectors)
        {
            for (var d = 0; d < _dim; d++)
            {
                mean[d] += v[d];
            }
        }
        var weight = vectors.Length / (vectors.Length + ShrinkClaims) / Math.Max(1, vectors.Length);
        _mean = mean.Select(m => weight * m).ToArray();
        _centered = new float[vectors.Length * _dim];
        for (var c = 0; c < vectors.Length; c++)
        {
            CenterInto(vectors[c], _centered.AsSpan(c * _dim, _dim));
        }
    }

    /// <summary>A vector from outside the space (a clause's), with the story's common direction taken out.</summary>
    public float[] Center(float[] v)
    {
        var c = new float[_mean.Length];
        CenterInto(v, c);
        return c;
    }

    private void CenterInto(float[] v, Span<float> c)
    {
        double norm = 0;
        for (var d = 0; d < c.Length; d++)
        {
            c[d] = (float)(v[d] - _mean[d]);
            norm += c[d] * c[d];
        }
        var scale = norm > 0 ? (float)(1 / Math.Sqrt(norm)) : 0f;
        for (var d = 0; d < c.Length; d++)
        {
            c[d] *= scale;
        }
    }

    private ReadOnlySpan<float> Centered(int claim) => _centered.AsSpan(claim * _dim, _dim);

    /// <summary>The relative cosine of a <see cref="Center">centred</see> vector from outside the space to claim <paramref name="b"/>.</summary>
    public double Relative(float[] centered, int b) => Dot(centered, Centered(b));

    public int Count => _vectors.Length;

    /// <summary>Plain cosine of the two sentences.</summary>
    public double Cosine(int a, int b) => Dot(_vectors[a], _vectors[b]);

    /// <summary>Cosine once the story's common direction is taken out.</summary>
    public double Relative(int a, int b) => Dot(Centered(a), Centered(b));

    /// <summary>The relative cosine less (half) how much more crowded the two claims' neighbourhoods are than an ordinary claim's.</summary>
    public double Local(int a, int b) => Relative(a, b) - CrowdingWeight * Math.Max(0, (_crowding[a] + _crowding[b]) / 2 - Unrelated);

    /// <summary>Pairs of claims from different articles whose relative cosine reaches <paramref name="floor"/>, a &lt; b.</summary>
    /// <remarks>Also measures each claim's crowding, which <see cref="Local"/> needs: call it first.</remarks>
    public List<(int A, int B)> Neighbours(IReadOnlyList<int> articleOf, double floor)
    {
        var n = _vectors.Length;
        var article = new int[n];
        for (var c = 0; c < n; c++)
        {
            article[c] = articleOf[c];
        }
        var visit = new Visit(n, floor, article);
        if (n < BruteForceBelow)
        {
            for (var a = 0; a < n; a++)
            {
                for (var b = a + 1; b < n; b++)
                {
                    if (article[a] != article[b])
                    {
                        visit.Consider(a, b, Relative(a, b));
                    }
                }
            }
        }
        else
        {
            Probe(visit);
        }
        _crowding = visit.Crowding();
        visit.Pairs.Sort();
        return visit.Pairs;
    }

    /// <summary>What one search keeps: the pairs over the floor and each claim's <see cref="Nearest"/> best relative cosines.</summary>
    /// <remarks>Flat arrays rather than a list per claim: the search visits hundreds of thousands of pairs.</remarks>
    private sealed class Visit(int n, double floor, int[] article)
    {
        private readonly double[] _top = new double[n * Nearest];
        private readonly int[] _kept = new int[n];
        private readonly double[] _lowest = new double[n];

        public int[] Article { get; } = article;
        public List<(int A, int B)> Pairs { get; } = [];

        public void Consider(int a, int b, double r)
        {
            Keep(a, r);
            Keep(b, r);
            if (r >= floor)
            {
                Pairs.Add(a < b ? (a, b) : (b, a));
            }
        }

        // Until a claim has Nearest values they are appended; then a higher value replaces the first lowest.
        private void Keep(int claim, double value)
        {
            var top = _top.AsSpan(claim * Nearest, Nearest);
            var count = _kept[claim];
            if (count < Nearest)
            {
                top[count] = value;
                _kept[claim] = count + 1;
                if (count + 1 == Nearest)
                {
                    _lowest[claim] = Lowest(top, out _);
                }
                return;
            }
            // Most values are below the kept ones: one comparison with the lowest, kept aside, turns them away.
            if (value > _lowest[claim])
            {
                Lowest(top, out var low);
                top[low] = value;
                _lowest[claim] = Lowest(top, out _);
            }
        }

        private static double Lowest(Span<double> top, out int low)
        {
            low = 0;
            for (var i = 1; i < top.Length; i++)
            {
                if (top[i] < top[low])
                {
                    low = i;
                }
            }
            return top[low];
        }

        public double[] Crowding()
        {
            var crowding = new double[_kept.Length];
            for (var c = 0; c < crowding.Length; c++)
            {
                double sum = 0;
                for (var i = 0; i < _kept[c]; i++)
                {
                    sum += _top[c * Nearest + i];
                }
                crowding[c] = (sum + PriorWeight * Unrelated) / (_kept[c] + PriorWeight);
            }
            return crowding;
        }
    }

    private void Probe(Visit visit)
    {
        var n = _vectors.Length;
        var article = visit.Article;
        // Cells around evenly spaced seed claims; each claim searches the few cells nearest to it.
        var cells = (int)Math.Ceiling(Math.Sqrt(n));
        var seeds = new int[cells];
        for (var k = 0; k < cells; k++)
        {
            seeds[k] = (int)((long)k * n / cells);
        }
        var size = new int[cells];
        var probes = new int[n * Probes];
        var best = new double[Probes];
        var scores = new double[Batch];
        for (var c = 0; c < n; c++)
        {
            // The Probes nearest seeds, nearest first, the lower cell first on a tie.
            var found = 0;
            var ranked = probes.AsSpan(c * Probes, Probes);
            var vc = Centered(c);
            for (var k = 0; k < cells; k++)
            {
                if (k % Batch == 0)
                {
                    Dots(vc, seeds.AsSpan(k, Math.Min(Batch, cells - k)), scores);
                }
                var score = scores[k % Batch];
                var at = found;
                while (at > 0 && score > best[at - 1])
                {
                    at--;
                }
                if (at >= Probes)
                {
                    continue;
                }
                for (var i = Math.Min(found, Probes - 1); i > at; i--)
                {
                    best[i] = best[i - 1];
                    ranked[i] = ranked[i - 1];
                }
                best[at] = score;
                ranked[at] = k;
                found = Math.Min(found + 1, Probes);
            }
            size[ranked[0]]++;
        }
        // Members of each cell in claim order, in one array.
        var offset = new int[cells + 1];
        for (var k = 0; k < cells; k++)
        {
            offset[k + 1] = offset[k] + size[k];
        }
        var members = new int[n];
        var fill = offset.AsSpan(0, cells).ToArray();
        for (var c = 0; c < n; c++)
        {
            members[fill[probes[c * Probes]]++] = c;
        }
        // A claim is a member of one cell only (its nearest) and probes distinct cells, so from a's side each b comes
        // up once; the pair came up before exactly when b was visited earlier and probed a's cell. This replaces a set
        // of visited pairs (millions at 100 articles) and keeps the same order of visits.
        // The claims a visits are measured Batch at a time (one pass over a's vector) and considered in visiting order.
        var pending = new int[Batch];
        var count = 0;
        for (var a = 0; a < n; a++)
        {
            var own = probes[a * Probes];
            var va = Centered(a);
            for (var p = 0; p < Probes; p++)
            {
                var cell = probes[a * Probes + p];
                for (var m = offset[cell]; m < offset[cell + 1]; m++)
                {
                    var b = members[m];
                    if (b == a || article[a] == article[b])
                    {
                        continue;
                    }
                    if (b > a || probes.AsSpan(b * Probes, Probes).IndexOf(own) < 0)
                    {
                        pending[count++] = b;
                        if (count == Batch)
                        {
                            ConsiderPending(visit, a, va, pending, count, scores);
                            count = 0;
                        }
                    }
                }
            }
            ConsiderPending(visit, a, va, pending, count, scores);
            count = 0;
        }
    }

    private void ConsiderPending(Visit visit, int a, ReadOnlySpan<float> va, int[] pending, int count, double[] scores)
    {
        Dots(va, pending.AsSpan(0, count), scores);
        for (var i = 0; i < count; i++)
        {
            visit.Consider(a, pending[i], scores[i]);
        }
    }


    /// <summary>
    /// <see cref="Dot"/> of <paramref name="x"/> with up to <see cref="Batch"/> claims' centred vectors in one pass. Each
    /// sum is formed exactly as <see cref="Dot"/> forms it (its own accumulator, the same order), so the values are the
    /// same to the bit; the four independent sums keep the core busy where one waits on each addition.
    /// </summary>
    private void Dots(ReadOnlySpan<float> x, ReadOnlySpan<int> claims, Span<double> result)
    {
        if (claims.Length < Batch)
        {
            for (var j = 0; j < claims.Length; j++)
            {
                result[j] = Dot(x, Centered(claims[j]));
            }
            return;
        }
        var y0 = Centered(claims[0])[..x.Length];
        var y1 = Centered(claims[1])[..x.Length];
        var y2 = Centered(claims[2])[..x.Length];
        var y3 = Centered(claims[3])[..x.Length];
        ref readonly var rx = ref MemoryMarshal.GetReference(x);
        ref readonly var r0 = ref MemoryMarshal.GetReference(y0);
        ref readonly var r1 = ref MemoryMarshal.GetReference(y1);
        ref readonly var r2 = ref MemoryMarshal.GetReference(y2);
        ref readonly var r3 = ref MemoryMarshal.GetReference(y3);
        var s0 = Vector<float>.Zero;
        var s1 = Vector<float>.Zero;
        var s2 = Vector<float>.Zero;
        var s3 = Vector<float>.Zero;
        var i = 0;
        for (; i <= x.Length - Vector<float>.Count; i += Vector<float>.Count)
        {
            var vx = Vector.LoadUnsafe(in rx, (nuint)i);
            s0 += vx * Vector.LoadUnsafe(in r0, (nuint)i);
            s1 += vx * Vector.LoadUnsafe(in r1, (nuint)i);
            s2 += vx * Vector.LoadUnsafe(in r2, (nuint)i);
            s3 += vx * Vector.LoadUnsafe(in r3, (nuint)i);
        }
        var d0 = Vector.Sum(s0);
        var d1 = Vector.Sum(s1);
        var d2 = Vector.Sum(s2);
        var d3 = Vector.Sum(s3);
        for (; i < x.Length; i++)
        {
            d0 += x[i] * y0[i];
            d1 += x[i] * y1[i];
            d2 += x[i] * y2[i];
            d3 += x[i] * y3[i];
        }
        result[0] = d0;
        result[1] = d1;
        result[2] = d2;
        result[3] = d3;
    }

    // The same sums in the same order as over arrays: the figures, and so the links, do not change.
    private static double Dot(ReadOnlySpan<float> x, ReadOnlySpan<float> y)
    {
        y = y[..x.Length];
        ref readonly var rx = ref MemoryMarshal.GetReference(x);
        ref readonly var ry = ref MemoryMarshal.GetReference(y);
        var sum = Vector<float>.Zero;
        var i = 0;
        for (; i <= x.Length - Vector<float>.Count; i += Vector<float>.Count)
        {
            sum += Vector.LoadUnsafe(in rx, (nuint)i) * Vector.LoadUnsafe(in ry, (nuint)i);
        }
        var dot = Vector.Sum(sum);
        for (; i < x.Length; i++)
        {
            dot += x[i] * y[i];
        }
        return dot;
    }
}
