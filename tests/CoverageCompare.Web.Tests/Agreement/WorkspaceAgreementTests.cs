using CoverageCompare.Analysis.Agreement;
using CoverageCompare.Data.Annotations;

namespace CoverageCompare.Web.Tests.Agreement;

public sealed class WorkspaceAgreementTests
{
    private static readonly string[] Verdicts = ["Accurate", "Inaccurate"];

    [Fact]
    public void StoriesCombineWithEachClaimAUnitOfItsOwnStoryAndEachAccountOneReviewer()
    {
        // Both stories have a claim "c1": they are two units, not one. Ana and Ben agree on the first and not the second.
        // α by hand: o(A,A) = 2, o(A,I) = o(I,A) = 1, n_A = 3, n_I = 1, n = 4; D_o = 2/4, D_e = (16 − 9 − 1) / 12 = 1/2: α = 0.
        var first = Story(1, ("c1", "ana", "Accurate"), ("c1", "ben", "Accurate"));
        var second = Story(2, ("c1", "ana", "Accurate"), ("c1", "ben", "Inaccurate"));

        var combined = StoryAgreement.Combine([first, second], Verdicts);

        Assert.Equal(["1/c1", "2/c1"], combined.Units.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(2, combined.Units["2/c1"].StoryId);
        var pair = Assert.Single(combined.Report.Pairs);
        Assert.Equal((2, 0.5), (pair.Units, pair.Observed));
        Assert.Equal(0, combined.Report.Alpha!.Value, 9);
        Assert.Equal(["2/c1"], combined.Report.DisagreeingUnits);
        Assert.Equal("Ana", combined.NameOf("ana"));
    }

    private static StoryAgreement Story(int storyId, params (string Unit, string Reviewer, string Verdict)[] judged)
    {
        var judgements = judged.Select(j => new Judgement(j.Unit, j.Reviewer, j.Verdict)).ToList();
        var units = judged.GroupBy(j => j.Unit).ToDictionary(
            g => g.Key,
            g => new AgreementUnit(storyId, g.Key, g.Key, 1, "A claim.", Guid.NewGuid(), g.ToDictionary(j => j.Reviewer, j => j.Verdict)));
        var names = new Dictionary<string, string> { ["ana"] = "Ana", ["ben"] = "Ben" };
        return new StoryAgreement(ReviewerAgreement.Report(judgements), judgements, names, units, Verdicts);
    }
}
