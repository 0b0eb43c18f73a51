using Bunit;
using CoverageCompare.Data;
using CoverageCompare.Data.Annotations;
using CoverageCompare.Data.Stories;
using CoverageCompare.Data.Workspaces;
using CoverageCompare.Web.Accounts;
using CoverageCompare.Web.Components.Pages.Story;
using CoverageCompare.Web.Tests.Annotations;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;

namespace CoverageCompare.Web.Tests.Interactive;

/// <summary>The story page's Mud form fields: the import panel's limits, the article details, the verdict and the view toggle.</summary>
public sealed class StoryFormsTests(AppFixture app) : InteractiveHost(app), IClassFixture<AppFixture>
{
    [Fact]
    public async Task TheImportPanelRefusesTooManyFilesAnEmptyOneAHugeOneAndEmptyPastedTextWithAMessage()
    {
        var team = await Team.CreateAsync(App.Factory, "Ivy");
        var story = await AnnotatedStory.CreateAsync(team.Client, "Refusals");
        var cut = RenderInStory<ImportPanel>(story.StoryId, OwnerOf(team), WorkspaceRole.Owner, p => p
            .Add(i => i.StoryId, story.StoryId)
            .Add(i => i.ArticleCount, 2));
        var upload = cut.FindComponent<InputFile>();
        // The test hook is on MudFileUpload's own file input, which is where the browser tests hand it files.
        Assert.Equal("file", cut.Find("[data-testid=import-file]").GetAttribute("type"));

        upload.UploadFiles(Enumerable.Range(1, StoryLimits.MaxArticlesPerStory - 1).Select(n => InputFileContent.CreateFromText($"Article {n}.", $"a{n}.txt")).ToArray());
        cut.WaitForAssertion(() => Assert.Equal("This story has room for 10 more articles; 11 files were chosen. Nothing was read.", cut.Find("[data-testid=import-error]").TextContent));
        Assert.Empty(cut.FindAll("[data-testid=import-draft]"));

        upload.UploadFiles(InputFileContent.CreateFromBinary([], "empty.txt"), InputFileContent.CreateFromBinary(new byte[StoryLimits.MaxArticleBytes + 1], "huge.txt"));
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=import-error]").Count));
        var errors = cut.FindAll("[data-testid=import-error]").Select(e => e.TextContent).ToList();
        Assert.Contains("empty", errors[0], StringComparison.Ordinal);
        Assert.Equal("huge.txt is 1 MB; the limit is 1 MB per article.", errors[1]);
        Assert.Empty(cut.FindAll("[data-testid=import-draft]"));

        cut.Find("[data-testid=import-text]").Change("   ");
        await cut.Find("form.paste").SubmitAsync();
        cut.WaitForAssertion(() => Assert.Contains("empty", cut.Find("[data-testid=import-error]").TextContent, StringComparison.Ordinal));
        Assert.Empty(cut.FindAll("[data-testid=import-draft]"));
        Assert.Equal(2, (await App.Factory.Services.GetRequiredService<StoryStore>().GetAsync(story.StoryId))!.Articles.Count);
    }

    [Fact]
    public async Task ThePastedFormatIsChosenInTheSelectAndTheDraftReadWithIt()
    {
        var team = await Team.CreateAsync(App.Factory, "Iris");
        var story = await AnnotatedStory.CreateAsync(team.Client, "Format");
        var popovers = Context.Render<MudBlazor.MudPopoverProvider>();
        var cut = RenderInStory<ImportPanel>(story.StoryId, OwnerOf(team), WorkspaceRole.Owner, p => p
            .Add(i => i.StoryId, story.StoryId)
            .Add(i => i.ArticleCount, 2));

        Context.Choose(popovers, cut.Find("[data-testid=import-format]"), "Markdown");
        cut.Find("[data-testid=import-text]").Change("# Barrier holds\n\nThe flood barrier held, the mayor said.");
        await cut.Find("form.paste").SubmitAsync();

        cut.WaitForAssertion(() => Assert.Equal("Barrier holds", cut.Find("[data-testid=draft-title]").GetAttribute("value")));
    }

    [Fact]
    public async Task TheArticleDetailsFormSavesTheEditedDetails()
    {
        var team = await Team.CreateAsync(App.Factory, "Dora");
        var story = await AnnotatedStory.CreateAsync(team.Client, "Details");
        var stories = App.Factory.Services.GetRequiredService<StoryStore>();
        var article = (await stories.GetAsync(story.StoryId))!.Articles.Single(a => a.Id == story.First.Id);
        var cut = RenderInStory<ArticleColumn>(story.StoryId, OwnerOf(team), WorkspaceRole.Owner, p => p
            .Add(c => c.Article, article)
            .Add(c => c.Source, new Source(article.Id, 1, article.Outlet, article.Title, "#1f5f99"))
            .Add(c => c.Marks, [])
            .Add(c => c.Annotations, []));

        cut.Find("[data-testid=edit-article]").Click();
        cut.Find("[data-testid=details-outlet]").Change("Harbour Times Weekly");
        cut.Find("[data-testid=details-title]").Change("The barrier held");
        cut.Find("[data-testid=details-date]").Change("2026-03-14");
        await cut.Find("form.details-form").SubmitAsync();

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("form.details-form")));
        var saved = (await stories.GetAsync(story.StoryId))!.Articles.Single(a => a.Id == article.Id);
        Assert.Equal(("Harbour Times Weekly", "The barrier held", new DateOnly(2026, 3, 14)), (saved.Outlet, saved.Title, saved.PublishedOn));
    }

    [Fact]
    public async Task ChangingTheVerdictInTheEditorSavesItWithTheTagsAndNote()
    {
        var popovers = Context.Render<MudBlazor.MudPopoverProvider>();
        var saved = new List<AnnotationEdit>();
        var cut = Context.Render<AnnotationEditor>(p => p
            .Add(e => e.Quote, "The flood barrier held")
            .Add(e => e.Labels, ["Accurate", "Inaccurate"])
            .Add(e => e.Initial, new AnnotationEdit("Accurate", ["council"], "Checked."))
            .Add(e => e.OnSave, edit => saved.Add(edit)));
        Assert.Equal("Accurate", cut.Find("[data-testid=annotation-label]").GetAttribute("value"));

        Context.Choose(popovers, cut.Find("[data-testid=annotation-label]"), "Inaccurate");
        cut.WaitForAssertion(() => Assert.Equal("Inaccurate", cut.Find("[data-testid=annotation-label]").GetAttribute("value")));
        await cut.Find("form.annotation-editor").SubmitAsync();

        var edit = Assert.Single(saved);
        Assert.Equal(("Inaccurate", "Checked."), (edit.Label, edit.Note));
        Assert.Equal(["council"], edit.Tags);

        Context.Choose(popovers, cut.Find("[data-testid=annotation-label]"), "No verdict (a note)");
        await cut.Find("form.annotation-editor").SubmitAsync();
        Assert.Null(saved[^1].Label);
    }

    [Fact]
    public void EachViewIsALinkToItsOwnAddressAndTheCurrentOneIsMarked()
    {
        var cut = Context.Render<ViewSwitch>(p => p.Add(v => v.StoryId, 7).Add(v => v.View, StoryViewKind.Columns));

        // Anchors with an address, so a middle-click or "copy link" works; the app's router takes an ordinary click.
        var links = cut.FindAll("nav[aria-label=View] a[href]");
        Assert.Equal(["/stories/7", "/stories/7/matrix", "/stories/7/framing"], links.Select(a => a.GetAttribute("href")));
        Assert.Equal(["Side by side", "Matrix", "Framing"], links.Select(a => a.TextContent.Trim()));
        Assert.Equal("page", cut.Find("[data-testid=view-columns]").GetAttribute("aria-current"));
        Assert.Null(cut.Find("[data-testid=view-matrix]").GetAttribute("aria-current"));
        Assert.Empty(cut.FindAll("button"));

        cut.Render(p => p.Add(v => v.View, StoryViewKind.Framing));
        Assert.Equal("page", cut.Find("[data-testid=view-framing]").GetAttribute("aria-current"));
        Assert.Single(cut.FindAll("[aria-current]"));
        Assert.Contains("mud-button-filled", cut.Find("[data-testid=view-framing]").ClassName);
        Assert.DoesNotContain("mud-button-filled", cut.Find("[data-testid=view-columns]").ClassName);
    }

    private static Reviewer OwnerOf(Team team) => new(team.Owner.UserId, team.Owner.Name);
}
