using System.Collections.Concurrent;

namespace CoverageCompare.Analysis.Embeddings;

/// <summary>Vectors for the life of the process (the command line); bounded so a long batch cannot exhaust memory.</summary>
public sealed class InMemoryEmbeddingCache(int capacity = 200_000) : IEmbeddingCache
{
    private readonly ConcurrentDictionary<(string, string), float[]> _vectors = new();

    public int Count => _vectors.Count;

    public bool TryGet(string modelId, string textHash, out float[] vector) =>
        _vectors.TryGetValue((modelId, textHash), out vector!);

    public void Set(string modelId, string textHash, float[] vector)
    {
        if (_vectors.Count < capacity)
        {
            _vectors[(modelId, textHash)] = vector;
        }
    }
}
