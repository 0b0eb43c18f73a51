using System.Buffers.Binary;
using CoverageCompare.Analysis.Embeddings;

namespace CoverageCompare.Data.Analyses;

/// <summary>
/// The vectors of a story's claims as one blob: per claim the SHA-256 of its text (32 bytes), the vector's length
/// (4 bytes) and its floats, little-endian. Read into a cache before re-analysis, written from it afterwards.
/// </summary>
public static class ClaimVectors
{
    private const int HashBytes = 32;
    private const int MaxDimensions = 4096;

    public static void Load(byte[]? blob, string model, IEmbeddingCache cache)
    {
        var span = blob.AsSpan();
        while (span.Length >= HashBytes + 4)
        {
            var hash = Convert.ToHexStringLower(span[..HashBytes]);
            var count = BinaryPrimitives.ReadInt32LittleEndian(span[HashBytes..]);
            span = span[(HashBytes + 4)..];
            if (count <= 0 || count > MaxDimensions || span.Length < count * 4)
            {
                return;
            }
            var vector = new float[count];
            for (var i = 0; i < count; i++)
            {
                vector[i] = BinaryPrimitives.ReadSingleLittleEndian(span[(i * 4)..]);
            }
            span = span[(count * 4)..];
            cache.Set(model, hash, vector);
        }
    }

    public static byte[] Save(IEnumerable<string> texts, string model, IEmbeddingCache cache)
    {
        using var buffer = new MemoryStream();
        Span<byte> number = stackalloc byte[4];
        foreach (var hash in texts.Select(ClaimHash.Of).Distinct(StringComparer.Ordinal))
        {
            if (!cache.TryGet(model, hash, out var vector))
            {
                continue;
            }
            buffer.Write(Convert.FromHexString(hash));
            BinaryPrimitives.WriteInt32LittleEndian(number, vector.Length);
            buffer.Write(number);
            foreach (var value in vector)
            {
                BinaryPrimitives.WriteSingleLittleEndian(number, value);
                buffer.Write(number);
            }
        }
        return buffer.ToArray();
    }
}
