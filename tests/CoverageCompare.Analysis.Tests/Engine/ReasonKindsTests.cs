namespace CoverageCompare.Analysis.Tests.Engine;

/// <summary>The app lists a disagreement's conflict reasons by their kind, so every disagreement must carry one it knows.</summary>
public sealed class ReasonKindsTests
{
    public static TheoryData<string, ArticleInput[]> Stories => new()
    {
        { "demo", [.. Fixtures.Stories.Demo()] },
        {
            "refuted",
            [
                new ArticleInput("a", "A fisherman photographed a glowing lake near Harrow Ridge on Sunday night."),
                new ArticleInput("b", "The fisherman's glowing lake photograph from Harrow Ridge is a hoax."),
            ]
        },
    };

    [Theory]
    [MemberData(nameof(Stories))]
    public void Every_disagreement_names_a_conflict_the_app_recognises(string story, ArticleInput[] articles)
    {
        var disagreements = new StoryAnalyzer().Analyze(articles).Links.Where(l => l.Relation == Relation.Disagree).ToList();

        Assert.NotEmpty(disagreements);
        Assert.All(disagreements, l => Assert.True(l.Reasons.Any(ReasonKinds.IsConflict), $"{story}: {string.Join("; ", l.Reasons)}"));
    }

    [Fact]
    public void Shared_and_added_evidence_is_not_a_conflict()
    {
        Assert.False(ReasonKinds.IsConflict("same number: $13 billion"));
        Assert.False(ReasonKinds.IsConflict("detail only in A: $13 billion"));
        Assert.True(ReasonKinds.IsConflict("refuted: glowing, lake vs is a hoax"));
    }
}
