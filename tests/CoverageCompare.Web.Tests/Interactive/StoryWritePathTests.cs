using Bunit;
using CoverageCompare.Data.Stories;
using CoverageCompare.Data.Workspaces;
using CoverageCompare.Web.Accounts;
using CoverageCompare.Web.Components.Pages.Story;
using CoverageCompare.Web.Sessions;
using CoverageCompare.Web.Tests.Annotations;
using CoverageCompare.Web.Tests.Postgres;
using Microsoft.Extensions.DependencyInjection;

namespace CoverageCompare.Web.Tests.Interactive;

/// <summary>
/// The story page's writes go one way, through <see cref="StoryWrites"/>: access is checked, the change stored, and the
/// story's viewers told; a refused write stores and tells nothing. The source strip names every article.
/// </summary>
public sealed class StoryWritePathTests(AppFixture app) : InteractiveHost(app), IClassFixture<AppFixture>
{
    [InProcessSessionsFact]
    public async Task RenamingAStoryStoresItAndTellsItsViewers()
    {
        var team = await Team.CreateAsync(App.Factory, "Ren");
        var story = await AnnotatedStory.CreateAsync(team.Client, "Old title");
        var (heard, listening) = Listen(story.StoryId);
        using var stopListening = listening;
        var stories = App.Factory.Services.GetRequiredService<StoryStore>();
        var edits = new List<StoryEdit>();
        var view = (await stories.GetAsync(story.StoryId))!;
        var cut = RenderInStory<StoryHeader>(story.StoryId, new Reviewer(team.Owner.UserId, team.Owner.Name), WorkspaceRole.Owner, p => p
            .Add(h => h.Story, view)
            .Add(h => h.OnRenamed, () => edits.Add(new StoryEdit(StoryChangeKind.StoryRenamed, null))));

        cut.Find("[data-testid=rename-story]").Click();
        cut.Find("[data-testid=story-title-input]").Change("New title");
        cut.Find("[data-testid=save-story-title]").Click();

        cut.WaitForAssertion(() => Assert.Single(edits));
        Assert.Equal("New title", (await stories.GetAsync(story.StoryId))!.Title);
        cut.WaitForAssertion(() => { lock (heard) Assert.Contains(heard, c => c.Kind == StoryChangeKind.StoryRenamed && c.By == team.Owner.Name); });
    }

    [InProcessSessionsFact]
    public async Task AnOutsiderCannotEditAnArticleAndNothingIsStoredOrTold()
    {
        var team = await Team.CreateAsync(App.Factory, "Vic");
        var story = await AnnotatedStory.CreateAsync(team.Client, "Read only");
        var (outsider, _) = await App.Factory.SignedInAccountAsync("Viv");
        var (heard, listening) = Listen(story.StoryId);
        using var stopListening = listening;
        var stories = App.Factory.Services.GetRequiredService<StoryStore>();
        var article = (await stories.GetAsync(story.StoryId))!.Articles[0];
        // Rendered as an editor would see it, as if they had been removed after the page opened: the write path asks again.
        var cut = RenderInStory<ArticleColumn>(story.StoryId, new Reviewer(outsider.UserId, outsider.Name), WorkspaceRole.Editor, p => p
            .Add(c => c.Article, article));

        cut.Find("[data-testid=edit-article]").Click();
        await cut.Find("form").SubmitAsync();

        cut.WaitForAssertion(() => Assert.Contains("do not have access", cut.Markup, StringComparison.Ordinal));
        Assert.Equal(article.Title, (await stories.GetAsync(story.StoryId))!.Articles[0].Title);
        lock (heard) Assert.Empty(heard);
    }

    [Fact]
    public async Task TheSourceStripNamesEveryArticleByNumberOutletTitleAndColour()
    {
        var team = await Team.CreateAsync(App.Factory, "Sol");
        var story = await AnnotatedStory.CreateAsync(team.Client, "Strip");
        var view = (await App.Factory.Services.GetRequiredService<StoryStore>().GetAsync(story.StoryId))!;
        var sources = Source.Of(view);

        var cut = Context.Render<SourceStrip>(p => p.Add(s => s.Sources, sources));

        var chips = cut.FindAll("[data-testid=source-chip]");
        Assert.Equal(view.Articles.Count, chips.Count);
        for (var i = 0; i < chips.Count; i++)
        {
            Assert.Equal(view.Articles[i].Id.ToString(), chips[i].GetAttribute("data-source-jump"));
            Assert.Equal($"{i + 1}", chips[i].QuerySelector(".number")!.TextContent);
            Assert.Equal(view.Articles[i].DisplayOutlet, chips[i].QuerySelector(".outlet")!.TextContent);
            Assert.Equal(view.Articles[i].Title, chips[i].QuerySelector(".title")!.TextContent);
        }
        Assert.Equal(sources.Count, sources.Select(s => s.Colour).Distinct().Count());
    }
}
