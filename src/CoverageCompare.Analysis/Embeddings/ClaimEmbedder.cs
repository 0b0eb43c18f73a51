using System.Security.Cryptography;
using System.Text;

namespace CoverageCompare.Analysis.Embeddings;

/// <summary>Vectors for the claims of a story: from the cache where it has them, the rest from the model in one batch.</summary>
internal static class ClaimEmbedder
{
    public static (float[][]? Vectors, EngineInfo Engine) Embed(
        IReadOnlyList<string> texts, IReadOnlyList<int> articleOf, int articles, ISentenceEncoder? encoder, IEmbeddingCache? cache, IProgress<AnalysisProgress>? progress)
    {
        if (encoder is null)
        {
            return (null, EngineInfo.Lexical);
        }
        var model = encoder.ModelId;
        var vectors = new float[texts.Count][];
        var missing = new List<int>[articles];
        var hashes = new string[texts.Count];
        for (var i = 0; i < texts.Count; i++)
        {
            hashes[i] = ClaimHash.Of(texts[i]);
            if (cache is not null && cache.TryGet(model, hashes[i], out var cached) && cached.Length > 0)
            {
                vectors[i] = cached;
            }
            else
            {
                (missing[articleOf[i]] ??= []).Add(i);
            }
        }
        // One article at a time, so a reader sees progress by article.
        for (var a = 0; a < articles; a++)
        {
            if (missing[a] is { } todo)
            {
                float[][] computed;
                try
                {
                    computed = encoder.Encode(todo.Select(i => texts[i]).ToArray());
                }
                catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
                {
                    // The model is an improvement, never a requirement: run on the lexical evidence and say so.
                    return (null, EngineInfo.Lexical with { Note = $"sentence model unavailable ({e.GetType().Name}: {e.Message}); lexical evidence only" });
                }
                for (var k = 0; k < todo.Count; k++)
                {
                    vectors[todo[k]] = computed[k];
                    cache?.Set(model, hashes[todo[k]], computed[k]);
                }
            }
            progress?.Report(new AnalysisProgress(a + 1, articles));
        }
        return (vectors, new EngineInfo("minilm", model, null));
    }
}

/// <summary>The key a claim's vector is kept under: the SHA-256 of its text, lower-case hex.</summary>
public static class ClaimHash
{
    public static string Of(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
