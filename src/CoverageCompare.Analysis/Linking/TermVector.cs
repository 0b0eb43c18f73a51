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

    public static TermVector From(ReadOnlySpan<TermOccurrence> occurrences, int[] documentFrequency, int documents)
    {
        // Sorted by id, each id's weights in the order given (so the sums are the same to the bit), then summed per id.
        // A sentence has a few dozen terms: the sort runs on the stack.
        Span<(int Id, int Order, float Weight)> sorted = occurrences.Length <= 128
            ? stackalloc (int, int, float)[occurrences.Length]
            : new (int, int, float)[occurrences.Length];
        for (var i = 0; i < occurrences.Length; i++)
        {
            sorted[i] = (occurrences[i].Term, i, occurrences[i].Weight);
        }
        sorted.Sort(static (x, y) => x.Id != y.Id ? x.Id.CompareTo(y.Id) : x.Order.CompareTo(y.Order));
        var distinct = 0;
        for (var i = 0; i < sorted.Length; i++)
        {
            if (i == 0 || sorted[i].Id != sorted[i - 1].Id)
            {
                distinct++;
            }
        }
        var ids = new int[distinct];
        var weights = new float[distinct];
        double norm = 0;
        var k = -1;
        for (var i = 0; i < sorted.Length; i++)
        {
            if (k < 0 || sorted[i].Id != ids[k])
            {
                k++;
                ids[k] = sorted[i].Id;
                weights[k] = 0;
            }
            weights[k] += sorted[i].Weight;
        }
        for (k = 0; k < ids.Length; k++)
        {
            var tf = weights[k];
            var w = (1 + MathF.Log(tf)) * MathF.Log(1f + (float)documents / documentFrequency[ids[k]]);
            weights[k] = w;
            norm += w * w;
        }
        var scale = norm > 0 ? (float)(1 / Math.Sqrt(norm)) : 0f;
        for (var i = 0; i < weights.Length; i++)
        {
            weights[i] *= scale;
        }
        return new TermVector(ids, weights);
    }
}
