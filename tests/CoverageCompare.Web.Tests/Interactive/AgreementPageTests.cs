using Bunit;
using CoverageCompare.Data.Analyses;
using CoverageCompare.Data.Workspaces;
using CoverageCompare.Web.Accounts;
using CoverageCompare.Web.Components.Pages.Agreement;
using CoverageCompare.Web.Tests.Annotations;
using Microsoft.Extensions.DependencyInjection;

namespace CoverageCompare.Web.Tests.Interactive;

public sealed class AgreementPageTests(AppFixture app) : InteractiveHost(app), IClassFixture<AppFixture>
{
    private static readonly string[] Quotes = ["flood barrier", "2.4 million pounds", "allowed home on Sunday"];

    /// <summary>
    /// Two reviewers judge the same three claims: Ada says Accurate, Accurate, Misleading; Bob says Accurate, Inaccurate,
    /// Misleading. By hand: coincidences o_AA = 2, o_AI = o_IA = 1, o_MM = 2, so n = 6, n_A = 3, n_I = 1, n_M = 2 and
    /// α = 1 − 5 · 2 / (36 − 9 − 1 − 4) = 1 − 10/22 = 0.545; p_o = 2/3, p_e = 2/3 · 1/3 + 1/3 · 1/3 = 1/3, so κ = 0.5.
    /// </summary>
    [Fact]
    public async Task AViewerSeesAlphaKappaTheConfusionTableAndTheDisagreeingClaimOneClickAway()
    {
        var team = await Team.CreateAsync(App.Factory, "Ada Agree");
        var bob = await team.MemberAsync("Bob Agree", WorkspaceRole.Commenter);
        var viewer = await App.Factory.CreateAccountAsync("Vic Agree");
        await App.Factory.JoinAsync(viewer, team.WorkspaceId, WorkspaceRole.Viewer);
        var story = await AnnotatedStory.CreateAsync(team.Client, "Agreement");
        string[] ada = ["Accurate", "Accurate", "Misleading"];
        string[] bobs = ["Accurate", "Inaccurate", "Misleading"];
        for (var i = 0; i < Quotes.Length; i++)
        {
            await story.AnnotateAsync(team.Client, story.First, Quotes[i], ada[i]);
            await story.AnnotateAsync(bob, story.First, Quotes[i], bobs[i]);
        }
        var analysis = (await App.Factory.Services.GetRequiredService<AnalysisStore>().GetAsync(story.StoryId))!;
        var disputed = analysis.Result.Claims.Single(c => c.ArticleId == AnalysisStore.ArticleKey(story.First.Id) && c.Text.Contains(Quotes[1]));

        var cut = Context.Render<AgreementPage>(p => p
            .AddCascadingValue(new Reviewer(viewer.UserId, viewer.Name))
            .Add(a => a.StoryId, story.StoryId));

        var alpha = cut.WaitForElement("[data-testid=alpha]");
        Assert.Equal(1 - 10.0 / 22, double.Parse(alpha.GetAttribute("data-value")!, System.Globalization.CultureInfo.InvariantCulture), 10);
        Assert.Equal("0.545", alpha.TextContent);
        var pair = cut.Find("[data-testid=pair]");
        Assert.Equal("0.500", pair.Children[3].TextContent);
        Assert.Equal("3", pair.Children[1].TextContent);

        cut.Find("[data-testid=choose-pair]").Click();
        var cells = cut.FindAll("[data-testid=confusion-cell]").ToDictionary(c => (c.GetAttribute("data-row"), c.GetAttribute("data-column")), c => c.TextContent);
        var adaIsRows = pair.GetAttribute("data-a") == "Ada Agree";
        Assert.Equal(9, cells.Count);
        Assert.Equal("1", cells[("Accurate", "Accurate")]);
        Assert.Equal("1", cells[("Misleading", "Misleading")]);
        Assert.Equal("1", adaIsRows ? cells[("Accurate", "Inaccurate")] : cells[("Inaccurate", "Accurate")]);
        Assert.Equal(6, cells.Values.Count(v => v == "0"));

        var disagreement = Assert.Single(cut.FindAll("[data-testid=disagreement]"));
        Assert.Equal($"/stories/{story.StoryId}?claim={disputed.Id}", disagreement.QuerySelector("[data-testid=settle]")!.GetAttribute("href"));
        Assert.Contains("Ada Agree: Accurate", disagreement.TextContent);
        Assert.Contains("Bob Agree: Inaccurate", disagreement.TextContent);
    }

    [Fact]
    public async Task AnOutsiderAndAnAnonymousReaderOfAPrivateStorySeeNoFigures()
    {
        var team = await Team.CreateAsync(App.Factory, "Olga Agree");
        var story = await AnnotatedStory.CreateAsync(team.Client, "Private agreement");
        await story.AnnotateAsync(team.Client, story.First, Quotes[0], "Accurate");
        var outsider = await App.Factory.CreateAccountAsync("Otto Agree");

        foreach (var reviewer in new[] { new Reviewer(outsider.UserId, outsider.Name), Reviewer.Anonymous })
        {
            var cut = Context.Render<AgreementPage>(p => p.AddCascadingValue(reviewer).Add(a => a.StoryId, story.StoryId));

            cut.WaitForAssertion(() => Assert.Contains("Story not found", cut.Markup));
            Assert.Empty(cut.FindAll("[data-testid=alpha]"));
            Assert.DoesNotContain("Private agreement", cut.Markup);
        }
    }
}
