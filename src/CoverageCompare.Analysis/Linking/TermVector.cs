namespace CoverageCompare.Analysis.Linking;

/// <summary>A sparse, L2-normalised TF-IDF vector: term ids ascending, with their weights.</summary>
internal readonly record struct TermVector(int[] Ids, float[] Weights)
{
    public static TermVector Empty { get; } = new([], []);

    public (double Cosine, int Shared) Dot(TermVector other)
    {
        var shared = 0;
        double dot = 0;
        int i = 0, j = 0;
        var a = Ids;
        var b = other.Ids;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j])
            {
                dot += Weights[i] * other.Weights[j];
                shared++;
                i++;
                j++;
            }
            else if (a[i] < b[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }
        return (dot, shared);
    }

    public static TermVector From(IEnumerable<(int Id, float Weight)> occurrences, int[] documentFrequency, int documents)
    {
        var bag = new SortedDictionary<int, float>();
        foreach (var (id, weight) in occurrences)
        {
            bag[id] = bag.GetValueOrDefault(id) + weight;
        }
        var ids = new int[bag.Count];
        var weights = new float[bag.Count];
        double norm = 0;
        var k = 0;
        foreach (var (id, tf) in bag)
        {
            var w = (1 + MathF.Log(tf)) * MathF.Log(1f + (float)documents / documentFrequency[id]);
            ids[k] = id;
            weights[k] = w;
            norm += w * w;
            k++;
        }
        var scale = norm > 0 ? (float)(1 / Math.Sqrt(norm)) : 0f;
        for (var i = 0; i < weights.Length; i++)
        {
            weights[i] *= scale;
        }
        return new TermVector(ids, weights);
    }
}
