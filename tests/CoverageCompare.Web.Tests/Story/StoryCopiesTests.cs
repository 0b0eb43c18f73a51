using CoverageCompare.Analysis;
using CoverageCompare.Analysis.Documents;
using CoverageCompare.Data.Analyses;
using CoverageCompare.Data.Annotations;
using CoverageCompare.Data.Stories;
using CoverageCompare.Data.Workspaces;
using CoverageCompare.Web.Components.Pages.Story;
using Microsoft.Extensions.DependencyInjection;

namespace CoverageCompare.Web.Tests.Story;

/// <summary>The copies of a story that all its circuits share: one per version, and a new one after any change.</summary>
public sealed class StoryCopiesTests(AppFixture app) : IClassFixture<AppFixture>
{
    private T Service<T>() where T : notnull => app.Factory.Services.GetRequiredService<T>();

    [Fact]
    public async Task ReadersOfOneVersionShareOneCopyAndEveryKindOfChangeGivesANewOne()
    {
        var copies = Service<StoryCopies>();
        var stories = Service<StoryStore>();
        var storyId = (await stories.CreateAsync(Workspace.DemoId, "Shared copy")).Value;
        var first = (await stories.AddArticleAsync(storyId, Draft("North", "The council approved the tram line on Thursday."))).Value;
        await stories.AddArticleAsync(storyId, Draft("South", "On Thursday the council approved the tram line."));

        var story = (await copies.StoryAsync(storyId))!;
        Assert.Same(story, await copies.StoryAsync(storyId));
        var analysis = (await copies.AnalysisAsync(story))!;
        Assert.Same(analysis, await copies.AnalysisAsync(story));
        var annotations = await copies.AnnotationsAsync(storyId);
        Assert.Same(annotations, await copies.AnnotationsAsync(storyId));
        var article = story.Story.Articles[0];
        Assert.Same(annotations.TextOf(story, analysis, article), annotations.TextOf(story, analysis, article));

        // A correction changes the analysis, not the articles.
        var link = analysis.Analysis.Result.Links.Single();
        var claims = analysis.Analysis.Result.Claims.ToDictionary(c => c.Id);
        Assert.True((await Service<AnalysisStore>().CorrectAsync(storyId, claims[link.A], claims[link.B], CorrectionKind.Disagree, "Ana")).Succeeded);
        Assert.Same(story, await copies.StoryAsync(storyId));
        var corrected = (await copies.AnalysisAsync(story))!;
        Assert.NotSame(analysis, corrected);
        Assert.Equal(Relation.Disagree, corrected.Analysis.Result.Links.Single().Relation);

        // An annotation, and a change of it, each give the annotations a new version.
        var created = await Service<AnnotationStore>().CreateAsync(storyId, new NewAnnotation(first, 4, 11, null, null, "First note", "Ana"));
        Assert.Equal(ChangeStatus.Ok, created.Status);
        var annotated = await copies.AnnotationsAsync(storyId);
        Assert.NotSame(annotations, annotated);
        Assert.Single(annotated.Threads);
        Assert.Single(annotated.MarksOf(first));
        Assert.Contains("data-annotation-id=\"" + created.Annotation!.Id + "\"", annotated.TextOf(story, corrected, article).Paragraphs[0].Html.Value);
        Assert.Equal(ChangeStatus.Ok, (await Service<AnnotationStore>().EditAsync(created.Annotation.Id, new AnnotationEdit(null, null, "Second note"), "Ana", 1)).Status);
        var edited = await copies.AnnotationsAsync(storyId);
        Assert.NotSame(annotated, edited);
        Assert.Equal("Second note", edited.Threads.Single().Note);

        // Renaming the story gives a new copy of it; its unchanged articles keep their highlights meanwhile.
        Assert.True((await stories.RenameAsync(storyId, "Shared copy, renamed")).Succeeded);
        var renamed = (await copies.StoryAsync(storyId))!;
        Assert.NotSame(story, renamed);
        Assert.Equal("Shared copy, renamed", renamed.Story.Title);
        Assert.Same(edited.TextOf(story, corrected, article), edited.TextOf(renamed, corrected, renamed.Story.Articles[0]));

        Assert.True(await stories.DeleteAsync(storyId));
        Assert.Null(await copies.StoryAsync(storyId));
    }

    [Fact]
    public void ArticleTextEncodesTheTextAndKeepsTheHooksOfClaimsAndOverlappingAnnotations()
    {
        const string text = "Mayor <b>Lee</b> said \"no\" & left.\n\nSecond <img src=x onerror=alert(1)> paragraph.";
        var claim = new ClaimMark(new Claim("c1", "1", 0, 16, "Mayor <b>Lee</b>", ClaimKind.Statement, null), "g1", "agree", "Agrees with \"Other\" <x>");
        var outer = new AnnotationMark(Guid.NewGuid(), 6, 34, "Misleading", Resolved: false);
        var inner = new AnnotationMark(Guid.NewGuid(), 9, 12, null, Resolved: true);

        var built = ArticleText.Build(text, [claim], [outer, inner]);
        var document = Html.Parse(string.Concat(built.Paragraphs.Select(p => $"<p data-offset=\"{p.Start}\">{p.Html}</p>")));

        var paragraphs = document.QuerySelectorAll("p");
        Assert.Equal([0, text.IndexOf("Second", StringComparison.Ordinal)], built.Paragraphs.Select(p => p.Start));
        Assert.Equal("Mayor <b>Lee</b> said \"no\" & left.", paragraphs[0].TextContent);
        Assert.Equal("Second <img src=x onerror=alert(1)> paragraph.", paragraphs[1].TextContent);
        Assert.Empty(document.QuerySelectorAll("b, img"));

        var span = Assert.Single(document.QuerySelectorAll("span.claim"));
        Assert.Equal(("c1", "g1", "agree", "0", "legend-agree"), (span.GetAttribute("data-claim-id"), span.GetAttribute("data-group-id"), span.GetAttribute("data-relation"), span.GetAttribute("tabindex"), span.GetAttribute("aria-describedby")));
        Assert.True(span.HasAttribute("data-roving"));
        Assert.Equal("Agrees with \"Other\" <x>", span.GetAttribute("title"));
        Assert.Equal("Mayor <b>Lee</b>", span.TextContent);

        // The inner annotation's text sits in both highlights, each its own mark; the outer one crosses the claim's end.
        var innerMark = Assert.Single(document.QuerySelectorAll($"mark[data-annotation-id='{inner.Id}']"));
        Assert.Equal(("annotation resolved", "Note", "Lee"), (innerMark.GetAttribute("class"), innerMark.GetAttribute("title"), innerMark.TextContent));
        Assert.Equal(outer.Id.ToString(), innerMark.ParentElement!.GetAttribute("data-annotation-id"));
        var outerMarks = document.QuerySelectorAll($"mark[data-annotation-id='{outer.Id}']");
        Assert.Equal(text[6..34], string.Concat(outerMarks.Select(m => m.TextContent)));
        Assert.All(outerMarks, m => Assert.Equal(("annotation", "Misleading"), (m.GetAttribute("class"), m.GetAttribute("title"))));
    }

    private static ArticleDraft Draft(string outlet, string text) =>
        new(new ArticleDetails(outlet, outlet + " report", null, null, null), text, DocumentFormat.Text);
}
