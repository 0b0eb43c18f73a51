using Bunit;
using CoverageCompare.Data.Annotations;
using CoverageCompare.Data.Workspaces;
using CoverageCompare.Web.Accounts;
using CoverageCompare.Web.Components.Pages.Story;
using CoverageCompare.Web.Tests.Annotations;
using Microsoft.Extensions.DependencyInjection;

namespace CoverageCompare.Web.Tests.Interactive;

/// <summary>The annotation editor saves against the version it was opened at and never silently overwrites.</summary>
public sealed class AnnotationThreadTests(AppFixture app) : InteractiveHost(app), IClassFixture<AppFixture>
{
    private AnnotationStore Store => App.Factory.Services.GetRequiredService<AnnotationStore>();

    [Fact]
    public async Task AVerdictSavedOverSomeoneElsesNewNoteShowsTheirVersionAndMergesWithoutLosingIt()
    {
        var (story, annotation, reviewer) = await AnnotatedAsync("Merge");
        var popovers = Context.Render<MudBlazor.MudPopoverProvider>();
        var cut = await RenderThreadAsync(story, annotation, reviewer);

        cut.Find("[data-testid=annotation-edit]").Click();
        var theirs = await Store.EditAsync(annotation.Id, new AnnotationEdit("Accurate", [], "Ben's note."), "Ben", annotation.Version);
        Assert.Equal(ChangeStatus.Ok, theirs.Status);
        // The live session reloads the thread with Ben's version while the editor is open.
        cut.Render(p => p.Add(t => t.Annotation, theirs.Annotation!));
        Assert.NotNull(cut.Find("[data-testid=annotation-changed-meanwhile]"));

        Context.Choose(popovers, cut.Find("[data-testid=annotation-label]"), "Inaccurate");
        await cut.Find("form.annotation-editor").SubmitAsync();

        cut.WaitForAssertion(() => Assert.Contains("Ben's note.", cut.Find("[data-testid=conflict-note]").TextContent));
        var stored = (await Store.GetAsync(annotation.Id))!;
        Assert.Equal(("Accurate", "Ben's note."), (stored.Label, stored.Note));

        cut.Find("[data-testid=annotation-merge]").Click();
        Assert.Equal("Ben's note.", cut.Find("[data-testid=annotation-note]").GetAttribute("value"));
        Assert.Equal("Inaccurate", cut.Find("[data-testid=annotation-label]").GetAttribute("value"));
        await cut.Find("form.annotation-editor").SubmitAsync();

        stored = (await Store.GetAsync(annotation.Id))!;
        Assert.Equal(("Inaccurate", "Ben's note.", 3), (stored.Label, stored.Note, stored.Version));
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=annotation-editor]")));
    }

    [Fact]
    public async Task DiscardingAfterAConflictKeepsTheirVersionAndClosesTheEditor()
    {
        var (story, annotation, reviewer) = await AnnotatedAsync("Discard");
        var cut = await RenderThreadAsync(story, annotation, reviewer);

        cut.Find("[data-testid=annotation-edit]").Click();
        await Store.EditAsync(annotation.Id, new AnnotationEdit(null, [], "Ben's note."), "Ben", annotation.Version);
        cut.Find("[data-testid=annotation-note]").Input("My note.");
        await cut.Find("form.annotation-editor").SubmitAsync();
        cut.WaitForAssertion(() => Assert.Contains("both changed the note", cut.Find("[data-testid=annotation-conflict]").TextContent));

        cut.Find("[data-testid=annotation-discard]").Click();

        Assert.Empty(cut.FindAll("[data-testid=annotation-editor]"));
        Assert.Equal("Ben's note.", (await Store.GetAsync(annotation.Id))!.Note);
    }

    [Fact]
    public async Task AnEditWithoutInterferenceSavesAtOnce()
    {
        var (story, annotation, reviewer) = await AnnotatedAsync("Plain edit");
        var cut = await RenderThreadAsync(story, annotation, reviewer);

        cut.Find("[data-testid=annotation-edit]").Click();
        cut.Find("[data-testid=annotation-tags]").Change("minutes, council");
        await cut.Find("form.annotation-editor").SubmitAsync();

        var stored = (await Store.GetAsync(annotation.Id))!;
        Assert.Equal(["minutes", "council"], stored.Tags);
        Assert.Equal("First note.", stored.Note);
        Assert.Empty(cut.FindAll("[data-testid=annotation-conflict]"));
    }

    [Fact]
    public async Task HistoryShowsEachVersionsNoteRenderedAndRawHtmlEscaped()
    {
        var (story, annotation, reviewer) = await AnnotatedAsync("History");
        await Store.EditAsync(annotation.Id, new AnnotationEdit("Accurate", [], "**Checked** <script>alert(1)</script>"), reviewer.Name!, annotation.Version);
        var cut = await RenderThreadAsync(story, (await Store.GetAsync(annotation.Id))!, reviewer);

        cut.Find("[data-testid=annotation-history]").Click();

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=annotation-revision-note]").Count));
        var notes = cut.FindAll("[data-testid=annotation-revision-note]");
        Assert.Contains(notes, n => n.QuerySelector("strong")?.TextContent == "Checked");
        Assert.Contains(notes, n => n.TextContent.Contains("First note.", StringComparison.Ordinal));
        Assert.Empty(cut.FindAll("[data-testid=annotation-history-list] script"));
    }

    [Fact]
    public async Task TheVerdictShowsAsAChipInTheAnnotationColourAndFollowsAnEdit()
    {
        var (story, annotation, reviewer) = await AnnotatedAsync("Chip");
        var popovers = Context.Render<MudBlazor.MudPopoverProvider>();
        var cut = await RenderThreadAsync(story, annotation, reviewer);

        Assert.Contains("mud-chip-color-tertiary", cut.Find("[data-testid=annotation-verdict]").ClassList);
        Assert.Equal("Accurate", cut.Find("[data-testid=annotation-verdict]").TextContent);

        cut.Find("[data-testid=annotation-edit]").Click();
        Context.Choose(popovers, cut.Find("[data-testid=annotation-label]"), "Inaccurate");
        await cut.Find("form.annotation-editor").SubmitAsync();
        cut.WaitForAssertion(() => Assert.Equal("Inaccurate", cut.Find("[data-testid=annotation-verdict]").TextContent));
    }

    [Fact]
    public async Task TheThreadsActionsReplyResolveReopenDeleteAndRestore()
    {
        var (story, annotation, reviewer) = await AnnotatedAsync("Actions");
        var dialogs = RenderProviders();
        var cut = await RenderThreadAsync(story, annotation, reviewer);

        var reply = cut.Find("[data-testid=annotation-reply-open]");
        Assert.Equal(("button", "false"), (reply.LocalName, reply.GetAttribute("aria-expanded")));
        reply.Click();
        Assert.Equal("true", cut.Find("[data-testid=annotation-reply-open]").GetAttribute("aria-expanded"));
        cut.Find("[data-testid=annotation-reply-note]").Change("A reply.");
        await cut.Find("form.reply").SubmitAsync();
        cut.WaitForAssertion(() => Assert.Contains("A reply.", cut.Find("[data-testid=annotation-reply]").TextContent));

        cut.Find("[data-testid=annotation-resolve]").Click();
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=annotation-reopen]")));
        Assert.NotNull((await Store.GetAsync(annotation.Id))!.ResolvedAt);
        cut.Find("[data-testid=annotation-reopen]").Click();
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=annotation-resolve]")));
        Assert.Null((await Store.GetAsync(annotation.Id))!.ResolvedAt);

        cut.Find("[data-testid=annotation-delete]").Click();
        dialogs.WaitForElement("[data-testid=confirm]").Click();
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=annotation-restore]")));
        Assert.NotNull((await Store.GetAsync(annotation.Id))!.DeletedAt);
        Assert.Empty(cut.FindAll("[data-testid=annotation-edit]"));
        cut.Find("[data-testid=annotation-restore]").Click();
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=annotation-edit]")));
        Assert.Null((await Store.GetAsync(annotation.Id))!.DeletedAt);
    }

    private async Task<(AnnotatedStory Story, AnnotationView Annotation, Reviewer Reviewer)> AnnotatedAsync(string title)
    {
        var team = await Team.CreateAsync(App.Factory, "Ada " + title);
        var story = await AnnotatedStory.CreateAsync(team.Client, title);
        var annotation = await story.AnnotateAsync(team.Client, story.First, "flood barrier", "Accurate", "First note.");
        return (story, annotation, new Reviewer(team.Owner.UserId, team.Owner.Name));
    }

    private async Task<IRenderedComponent<AnnotationThread>> RenderThreadAsync(AnnotatedStory story, AnnotationView annotation, Reviewer reviewer)
    {
        var labels = await App.Factory.Services.GetRequiredService<VerdictLabelStore>().ListAsync();
        IRenderedComponent<AnnotationThread>? cut = null;
        cut = RenderInStory<AnnotationThread>(story.StoryId, reviewer, WorkspaceRole.Owner, p => p
            .Add(t => t.Annotation, annotation)
            .Add(t => t.Labels, labels)
            // As the story page does: reload the thread after each change.
            .Add(t => t.OnChanged, async (StoryEdit _) =>
            {
                var fresh = (await Store.GetAsync(annotation.Id))!;
                var rendered = cut!;
                await rendered.InvokeAsync(() => rendered.Render(q => q.Add(t => t.Annotation, fresh)));
            }));
        return cut;
    }
}
