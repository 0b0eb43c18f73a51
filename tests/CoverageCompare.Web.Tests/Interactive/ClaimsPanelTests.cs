using Bunit;
using CoverageCompare.Analysis;
using CoverageCompare.Data.Analyses;
using CoverageCompare.Data.Workspaces;
using CoverageCompare.Web.Accounts;
using CoverageCompare.Web.Components.Pages.Story;

namespace CoverageCompare.Web.Tests.Interactive;

/// <summary>The claims panel's filters, its disagreement reasons and the intents it raises, clicked as a reader would.</summary>
public sealed class ClaimsPanelTests(AppFixture app) : InteractiveHost(app), IClassFixture<AppFixture>
{
    private static readonly Claim CeoA = new("c1", "a1", 0, 40, "Altman was ousted as OpenAI CEO in November.", ClaimKind.Statement, null);
    private static readonly Claim CeoB = new("c7", "a2", 0, 44, "Altman was dismissed from OpenAI's board in November.", ClaimKind.Statement, null);
    private static readonly Claim StakeA = new("c2", "a1", 41, 80, "Microsoft invested $13 billion.", ClaimKind.Statement, null);
    private static readonly Claim StakeB = new("c8", "a2", 45, 90, "Microsoft has invested $13 billion in OpenAI.", ClaimKind.Statement, null);
    private static readonly Claim OnlyB = new("c9", "a2", 91, 130, "DeepSeek released R1 in January.", ClaimKind.Statement, null);

    private static readonly IReadOnlyList<Fact> Facts =
    [
        new("g1", "g1", "Altman was ousted as OpenAI CEO", "disagree", [CeoA, CeoB],
            [new LinkView(CeoA, CeoB, Relation.Disagree, ["role: ousted as OpenAI CEO vs dismissed from OpenAI's board", "shared: Altman, November"], null)], 0),
        new("g2", "g2", "Microsoft invested $13 billion", "agree", [StakeA, StakeB],
            [new LinkView(StakeA, StakeB, Relation.Agree, ["shared: Microsoft, $13 billion"], null)], 1),
        new("c9", null, OnlyB.Text, "single", [OnlyB], [], 2),
    ];

    private static readonly Dictionary<string, string> Outlets = new() { ["a1"] = "Harbour Times", ["a2"] = "Valley Post" };

    private static readonly CorrectionView NotSame = new(
        41, 1, StakeA.Text, 2, StakeB.Text, CorrectionKind.NotSameFact, "Erin Editor", new DateTime(2026, 11, 30, 9, 15, 0, DateTimeKind.Utc), Applied: true);

    private IRenderedComponent<ClaimsPanel> RenderPanel(
        WorkspaceRole role,
        Action<Claim>? annotate = null,
        Action<(LinkView Link, CorrectionKind Kind)>? correct = null,
        Action<int>? undo = null,
        IReadOnlyList<CorrectionView>? corrections = null,
        IReadOnlyList<Fact>? facts = null) =>
        RenderInStory<ClaimsPanel>(1, new Reviewer("user-1", "Reviewer"), role, p => p
            .Add(c => c.Facts, facts ?? Facts)
            .Add(c => c.Outlets, Outlets)
            .Add(c => c.Corrections, corrections ?? [])
            .Add(c => c.OnAnnotate, (Claim claim) => annotate?.Invoke(claim))
            .Add(c => c.OnCorrect, ((LinkView Link, CorrectionKind Kind) intent) => correct?.Invoke(intent))
            .Add(c => c.OnUndo, (int id) => undo?.Invoke(id)));

    [Fact]
    public void TheFiltersNarrowTheListAndCountWhatTheyHold()
    {
        var popovers = Context.Render<MudBlazor.MudPopoverProvider>();
        var panel = RenderPanel(WorkspaceRole.Viewer);
        Assert.Equal(2, panel.FindAll("[data-testid=claim-group]").Count);
        Assert.Single(panel.FindAll("[data-testid=single-claim]"));
        // Each radio is named by its label, with what it holds.
        Assert.Equal("Disagreements 1", Normalised(panel.Find("[data-testid=filter-disagree]").Closest("label")!.TextContent));

        panel.Find("[data-testid=filter-disagree]").Click();
        Assert.Equal("g1", Assert.Single(panel.FindAll("[data-testid=claim-group]")).GetAttribute("data-group-id"));
        Assert.Empty(panel.FindAll("[data-testid=single-claim]"));
        Assert.True(panel.Find("[data-testid=filter-disagree]").HasAttribute("checked"));

        panel.Find("[data-testid=filter-single]").Click();
        Assert.Equal("c9", Assert.Single(panel.FindAll("[data-testid=single-claim]")).GetAttribute("data-claim-id"));

        panel.Find("[data-testid=filter-all]").Click();
        Context.Choose(popovers, panel.Find("[data-testid=filter-article]"), "Harbour Times");
        panel.WaitForAssertion(() => Assert.Empty(panel.FindAll("[data-testid=single-claim]")));
        Assert.Equal(2, panel.FindAll("[data-testid=claim-group]").Count);
        Assert.Equal("Harbour Times", panel.Find("[data-testid=filter-article]").GetAttribute("value"));

        Context.Choose(popovers, panel.Find("[data-testid=filter-article]"), "All articles");
        panel.WaitForAssertion(() => Assert.Single(panel.FindAll("[data-testid=single-claim]")));
    }

    [Fact]
    public void ADisagreementAboutWhoDidWhatShowsItsReasonNamingBothSides()
    {
        var panel = RenderPanel(WorkspaceRole.Viewer);

        var disagreement = Assert.Single(panel.FindAll("[data-testid=disagreement]"));
        Assert.Contains("Harbour Times vs Valley Post", disagreement.TextContent);
        // Only the conflict is listed as the reason; the shared evidence stays in the link details.
        Assert.Equal("role: ousted as OpenAI CEO vs dismissed from OpenAI's board", Assert.Single(disagreement.QuerySelectorAll("[data-testid=reason]")).TextContent);
    }

    [Fact]
    public void ASourceCallingTheStoryFalseIsListedAsTheReason()
    {
        var stated = new Claim("c3", "a1", 0, 60, "A fisherman photographed a glowing lake near Harrow Ridge.", ClaimKind.Statement, null);
        var refuted = new Claim("c4", "a2", 0, 62, "The fisherman's glowing lake photograph is a hoax.", ClaimKind.Statement, null);
        Fact[] facts =
        [
            new("g3", "g3", "A fisherman photographed a glowing lake", "disagree", [stated, refuted],
                [new LinkView(stated, refuted, Relation.Disagree, ["refuted: fisherman, glowing, lake vs is a hoax", "same meaning (cosine 0.71)"], null)], 0),
        ];

        var panel = RenderPanel(WorkspaceRole.Viewer, facts: facts);

        var disagreement = Assert.Single(panel.FindAll("[data-testid=disagreement]"));
        Assert.Equal("refuted: fisherman, glowing, lake vs is a hoax", Assert.Single(disagreement.QuerySelectorAll("[data-testid=reason]")).TextContent);
    }

    [Fact]
    public void ACommenterCanAnnotateAClaimAndAViewerCannot()
    {
        Claim? annotated = null;
        var commenter = RenderPanel(WorkspaceRole.Commenter, claim => annotated = claim);
        commenter.Find("[data-testid=single-claim] [data-testid=annotate-claim]").Click();
        Assert.Equal(OnlyB, annotated);

        var viewer = RenderPanel(WorkspaceRole.Viewer);
        Assert.Empty(viewer.FindAll("[data-testid=annotate-claim]"));
    }

    [Fact]
    public void AnEditorOpensALinkAndCorrectsItAndAViewerOnlyReadsIt()
    {
        var intents = new List<(LinkView Link, CorrectionKind Kind)>();
        var editor = RenderPanel(WorkspaceRole.Editor, correct: intents.Add);
        Assert.Empty(editor.FindAll("[data-testid=link]"));

        var disputed = editor.Find("[data-group-id=g1] details.links");
        disputed.TriggerEvent("ontoggle", EventArgs.Empty);
        var link = Assert.Single(editor.FindAll("[data-testid=link]"));
        Assert.Equal("disagree", link.GetAttribute("data-relation"));
        // A disagreement can be corrected to an agreement, not to what it already is.
        Assert.Empty(link.QuerySelectorAll("[data-testid=correct-disagree]"));
        editor.Find("[data-testid=link] [data-testid=correct-agree]").Click();
        editor.Find("[data-testid=link] [data-testid=correct-not-same]").Click();
        Assert.Equal([(CeoA, CorrectionKind.Agree), (CeoA, CorrectionKind.NotSameFact)], intents.Select(i => (i.Link.A, i.Kind)));

        editor.Find("[data-group-id=g1] details.links").TriggerEvent("ontoggle", EventArgs.Empty);
        Assert.Empty(editor.FindAll("[data-testid=link]"));

        var viewer = RenderPanel(WorkspaceRole.Viewer);
        viewer.Find("[data-group-id=g1] details.links").TriggerEvent("ontoggle", EventArgs.Empty);
        Assert.Single(viewer.FindAll("[data-testid=link]"));
        Assert.Empty(viewer.FindAll("[data-testid=link] button"));
    }

    [Fact]
    public void APersonsCorrectionIsListedWithItsAuthorAndAnEditorCanUndoIt()
    {
        var undone = new List<int>();
        var editor = RenderPanel(WorkspaceRole.Editor, undo: undone.Add, corrections: [NotSame]);

        var correction = editor.Find("[data-testid=correction]");
        Assert.Contains("Marked “not the same fact” by Erin Editor, 30 Nov 2026 09:15 UTC", Normalised(correction.TextContent));
        Assert.Equal("1 correction by people", Normalised(editor.Find("[data-testid=corrections] summary").TextContent));
        correction.QuerySelector("button")!.Click();
        Assert.Equal([41], undone);

        var viewer = RenderPanel(WorkspaceRole.Viewer, corrections: [NotSame]);
        Assert.Empty(viewer.FindAll("[data-testid=correction] button"));
        Assert.Empty(RenderPanel(WorkspaceRole.Editor).FindAll("[data-testid=corrections]"));
    }

    private static string Normalised(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
