namespace CoverageCompare.Analysis.Embeddings;

/// <summary>Turns sentences into unit-length vectors whose dot product measures closeness of meaning.</summary>
public interface ISentenceEncoder
{
    /// <summary>Names the model and its version; cached vectors are only reused under the same id.</summary>
    string ModelId { get; }

    /// <summary>One vector per text, in order. Throws when the model cannot be loaded.</summary>
    float[][] Encode(IReadOnlyList<string> texts);

    /// <summary>Starts loading the model in the background when the caller knows it will encode soon.</summary>
    void Preload()
    {
    }
}

/// <summary>Vectors kept between analyses, keyed by model and the SHA-256 of the claim's text.</summary>
public interface IEmbeddingCache
{
    bool TryGet(string modelId, string textHash, out float[] vector);

    void Set(string modelId, string textHash, float[] vector);
}
