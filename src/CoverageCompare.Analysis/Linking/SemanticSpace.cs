using System.Numerics;

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
    private readonly float[][] _centered;

    public SemanticSpace(float[][] vectors)
    {
        _vectors = vectors;
        var dim = vectors.Length == 0 ? 0 : vectors[0].Length;
        var mean = new double[dim];
        foreach (var v in vectors)
        {
            for (var d = 0; d < dim; d++)
            {
                mean[d] += v[d];
            }
        }
        var weight = vectors.Length / (vectors.Length + ShrinkClaims) / Math.Max(1, vectors.Length);
        _mean = mean.Select(m => weight * m).ToArray();
        _centered = vectors.Select(Center).ToArray();
    }

    private readonly double[] _mean;

    /// <summary>A vector from outside the space (a clause's), with the story's common direction taken out.</summary>
    public float[] Center(float[] v)
    {
        var c = new float[_mean.Length];
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
        return c;
    }

    /// <summary>The relative cosine of a <see cref="Center">centred</see> vector from outside the space to claim <paramref name="b"/>.</summary>
    public double Relative(float[] centered, int b) => Dot(centered, _centered[b]);

    public int Count => _vectors.Length;

    /// <summary>Plain cosine of the two sentences.</summary>
    public double Cosine(int a, int b) => Dot(_vectors[a], _vectors[b]);

    /// <summary>Cosine once the story's common direction is taken out.</summary>
    public double Relative(int a, int b) => Dot(_centered[a], _centered[b]);

    /// <summary>The relative cosine less (half) how much more crowded the two claims' neighbourhoods are than an ordinary claim's.</summary>
    public double Local(int a, int b) => Relative(a, b) - CrowdingWeight * Math.Max(0, (_crowding[a] + _crowding[b]) / 2 - Unrelated);

    /// <summary>Pairs of claims from different articles whose relative cosine reaches <paramref name="floor"/>, a &lt; b.</summary>
    /// <remarks>Also measures each claim's crowding, which <see cref="Local"/> needs: call it first.</remarks>
    public List<(int A, int B)> Neighbours(IReadOnlyList<int> articleOf, double floor)
    {
        var pairs = new List<(int, int)>();
        var n = _centered.Length;
        var nearest = new List<double>[n];
        for (var c = 0; c < n; c++)
        {
            nearest[c] = new List<double>(Nearest + 1);
        }
        void Consider(int a, int b, double r)
        {
            Keep(nearest[a], r);
            Keep(nearest[b], r);
            if (r >= floor)
            {
                pairs.Add(a < b ? (a, b) : (b, a));
            }
        }
        if (n < BruteForceBelow)
        {
            for (var a = 0; a < n; a++)
            {
                for (var b = a + 1; b < n; b++)
                {
                    if (articleOf[a] != articleOf[b])
                    {
                        Consider(a, b, Relative(a, b));
                    }
                }
            }
        }
        else
        {
            Probe(articleOf, Consider);
        }
        _crowding = nearest.Select(top => (top.Sum() + PriorWeight * Unrelated) / (top.Count + PriorWeight)).ToArray();
        pairs.Sort();
        return pairs;
    }

    private static void Keep(List<double> top, double value)
    {
        if (top.Count < Nearest)
        {
            top.Add(value);
            return;
        }
        var low = 0;
        for (var i = 1; i < top.Count; i++)
        {
            if (top[i] < top[low])
            {
                low = i;
            }
        }
        if (value > top[low])
        {
            top[low] = value;
        }
    }

    private void Probe(IReadOnlyList<int> articleOf, Action<int, int, double> consider)
    {
        var n = _centered.Length;
        // Cells around evenly spaced seed claims; each claim searches the few cells nearest to it.
        var cells = (int)Math.Ceiling(Math.Sqrt(n));
        var seeds = Enumerable.Range(0, cells).Select(k => _centered[(int)((long)k * n / cells)]).ToArray();
        var members = new List<int>[cells];
        var probes = new int[n][];
        for (var c = 0; c < n; c++)
        {
            var ranked = Enumerable.Range(0, cells).Select(k => (k, Dot(seeds[k], _centered[c]))).OrderByDescending(x => x.Item2).ThenBy(x => x.k).Take(Probes).Select(x => x.k).ToArray();
            probes[c] = ranked;
            (members[ranked[0]] ??= []).Add(c);
        }
        // A claim is a member of one cell only (its nearest) and probes distinct cells, so from a's side each b comes
        // up once; the pair came up before exactly when b was visited earlier and probed a's cell. This replaces a set
        // of visited pairs (millions at 100 articles) and keeps the same order of visits.
        for (var a = 0; a < n; a++)
        {
            foreach (var cell in probes[a])
            {
                if (members[cell] is not { } list)
                {
                    continue;
                }
                foreach (var b in list)
                {
                    if (b == a || articleOf[a] == articleOf[b])
                    {
                        continue;
                    }
                    if (b > a || Array.IndexOf(probes[b], probes[a][0]) < 0)
                    {
                        consider(a, b, Relative(a, b));
                    }
                }
            }
        }
    }

    private static double Dot(float[] x, float[] y)
    {
        var sum = Vector<float>.Zero;
        var i = 0;
        for (; i <= x.Length - Vector<float>.Count; i += Vector<float>.Count)
        {
            sum += new Vector<float>(x, i) * new Vector<float>(y, i);
        }
        var dot = Vector.Sum(sum);
        for (; i < x.Length; i++)
        {
            dot += x[i] * y[i];
        }
        return dot;
    }
}
