using System.Globalization;
using CoverageCompare.Data.Workspaces;
using Microsoft.Playwright;

namespace CoverageCompare.E2E;

/// <summary>
/// Two reviewers judge the same three claims in their own browsers; the agreement page then shows the figures worked out
/// by hand below, for the story and for its workspace, and the claim they disagree on is one click away.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class ReviewerAgreementTests(AppFixture app)
{
    // Ana: Accurate, Accurate, Misleading. Ben: Accurate, Inaccurate, Misleading.
    // Krippendorff's α (nominal): coincidences o(A,A) = 2, o(A,I) = o(I,A) = 1, o(M,M) = 2; n = 6 with n_A = 3, n_I = 1,
    // n_M = 2. D_o = 2/6, D_e = (36 − 9 − 1 − 4) / (6 · 5) = 22/30, so α = 1 − (1/3) / (22/30) = 12/22 ≈ 0.545.
    // Cohen's κ: p_o = 2/3; p_e = (2/3)(1/3) + (1/3)(1/3) = 1/3, so κ = (2/3 − 1/3) / (1 − 1/3) = 0.5.
    private static readonly string[] AnaVerdicts = ["Accurate", "Accurate", "Misleading"];
    private static readonly string[] BenVerdicts = ["Accurate", "Inaccurate", "Misleading"];

    [Fact]
    public async Task TwoReviewersJudgingTheSameThreeClaimsGetTheHandComputedAlphaAndKappa()
    {
        var story = await LiveSession.StartAsync(app, "Agreement", "Ana");
        var ana = await LiveSession.OpenAsOwnerAsync(story);
        await JudgeAsync(ana.Page, "Ana", AnaVerdicts);
        var ben = await LiveSession.JoinAsync(app, story, "Ben", WorkspaceRole.Editor);
        await JudgeAsync(ben.Page, "Ben", BenVerdicts);

        var page = ana.Page;
        await page.GotoAsync($"/stories/{story.Id}/agreement");
        var alpha = page.GetByTestId("alpha");
        await Assertions.Expect(alpha).ToHaveTextAsync("0.545");
        Assert.Equal(12.0 / 22.0, double.Parse((await alpha.GetAttributeAsync("data-value"))!, CultureInfo.InvariantCulture), 9);
        await Assertions.Expect(page.GetByTestId("agreement-summary")).ToContainTextAsync("over 3 claims judged by two or more reviewers");

        var pair = page.GetByTestId("pair");
        await Assertions.Expect(pair).ToHaveCountAsync(1);
        Assert.Equal(0.5, double.Parse((await pair.GetAttributeAsync("data-kappa"))!, CultureInfo.InvariantCulture), 9);
        await Assertions.Expect(pair).ToContainTextAsync("67%");

        await pair.GetByTestId("choose-pair").ClickAsync();
        var confusion = page.GetByTestId("confusion");
        await Assertions.Expect(Cell(confusion, "Accurate", "Accurate")).ToHaveTextAsync("1");
        await Assertions.Expect(Cell(confusion, "Misleading", "Misleading")).ToHaveTextAsync("1");
        var offDiagonal = await Cell(confusion, "Accurate", "Inaccurate").TextContentAsync() + await Cell(confusion, "Inaccurate", "Accurate").TextContentAsync();
        Assert.Contains(offDiagonal, new[] { "10", "01" });

        // The workspace's page counts the same judgements: this is its only story.
        await page.GotoAsync($"/workspaces/{story.WorkspaceId}/agreement");
        await Assertions.Expect(page.GetByTestId("alpha")).ToHaveTextAsync("0.545");
        await Assertions.Expect(page.GetByTestId("disagreement")).ToContainTextAsync("Agreement:");
        await page.GotoAsync($"/stories/{story.Id}/agreement");

        var disagreements = page.GetByTestId("disagreement");
        await Assertions.Expect(disagreements).ToHaveCountAsync(1);
        await disagreements.GetByTestId("settle").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/stories/{story.Id}"));
    }

    private static ILocator Cell(ILocator confusion, string row, string column) =>
        confusion.Locator($"[data-testid=confusion-cell][data-row='{row}'][data-column='{column}']");

    /// <summary>Annotates the first claims of the claims panel, in its order, with one verdict each.</summary>
    private static async Task JudgeAsync(IPage page, string reviewer, IReadOnlyList<string> verdicts)
    {
        for (var i = 0; i < verdicts.Count; i++)
        {
            await page.GetByTestId("side-claims").ClickAsync();
            var annotate = page.GetByTestId("claims-panel").GetByTestId("annotate-claim");
            await Assertions.Expect(annotate.Nth(i)).ToBeVisibleAsync();
            await annotate.Nth(i).ClickAsync();
            await page.GetByTestId("annotation-label").ChooseAsync(verdicts[i]);
            await page.GetByTestId("annotation-save").ClickAsync();
            await Assertions.Expect(page.GetByTestId("annotation").Filter(new() { HasText = reviewer })).ToHaveCountAsync(i + 1);
        }
    }
}
