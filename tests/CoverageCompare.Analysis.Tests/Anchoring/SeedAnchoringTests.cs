using CoverageCompare.Analysis.Anchoring;

namespace CoverageCompare.Analysis.Tests.Anchoring;

/// <summary>Anchoring on the real coverage in ../shared/seeds: five outlets telling one story, so look-alike text is everywhere.</summary>
public sealed class SeedAnchoringTests
{
    private const int SpanLength = 60;
    private const int Step = 150;

    public static TheoryData<string> Seeds() => new(SeedFiles().Select(Path.GetFileName)!);

    [SharedTheory("seeds")]
    [MemberData(nameof(Seeds))]
    public void EverySpanSurvivesAnEditBeforeIt(string seed)
    {
        var text = Read(seed);
        var edited = "Editor's note: this article was updated with a correction.\n\n" + text;

        foreach (var anchor in Spans(text))
        {
            var result = TextAnchoring.Reanchor(edited, anchor);

            Assert.False(result.IsOrphaned, $"lost \"{anchor.Exact}\"");
            Assert.Equal(anchor.Exact, result.Anchor.Exact);
            Assert.Equal(anchor.Start + edited.Length - text.Length, result.Anchor.Start);
        }
    }

    [SharedTheory("seeds")]
    [MemberData(nameof(Seeds))]
    public void NoSpanIsPlacedApproximatelyOnAnotherOutletsText(string seed)
    {
        var text = Read(seed);
        foreach (var other in SeedFiles().Where(f => Path.GetFileName(f) != seed).Select(File.ReadAllText))
        {
            foreach (var anchor in Spans(text))
            {
                var result = TextAnchoring.Reanchor(other, anchor);

                Assert.True(result.Method is AnchorMethod.Orphaned || other.Contains(anchor.Exact, StringComparison.Ordinal),
                    $"\"{anchor.Exact}\" was placed on \"{result.Anchor.Exact}\" ({result.Method}, score {result.Score:F2})");
            }
        }
    }

    private static IEnumerable<TextAnchor> Spans(string text)
    {
        for (var start = 0; start + SpanLength <= text.Length; start += Step)
        {
            if (TextAnchoring.Select(text, start, start + SpanLength).Anchor is { } anchor) yield return anchor;
        }
    }

    private static string Read(string seed) => File.ReadAllText(SeedFiles().Single(f => Path.GetFileName(f) == seed));

    private static List<string> SeedFiles() =>
        Directory.GetFiles(TestPaths.SeedsDirectory, "*.txt").Order(StringComparer.Ordinal).ToList();
}
