using System.Net;
using System.Net.Http.Json;
using Bunit;
using CoverageCompare.Data.Annotations;
using CoverageCompare.Data.Stories;
using CoverageCompare.Data.Workspaces;
using CoverageCompare.Web.Accounts;
using CoverageCompare.Web.Api;
using CoverageCompare.Web.Components.Pages.Story;
using CoverageCompare.Web.Sessions;
using CoverageCompare.Web.Tests.Annotations;
using CoverageCompare.Web.Tests.Postgres;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;

namespace CoverageCompare.Web.Tests.Interactive;

/// <summary>
/// The annotation thread, the annotations panel's import, the import panel and the annotation API all write through
/// <see cref="StoryWrites"/>: access is asked at the moment of the write, the change stored, the story's viewers told;
/// a refused write or a stale edit stores and tells nothing.
/// </summary>
public sealed class AnnotationWritePathTests(AppFixture app) : InteractiveHost(app), IClassFixture<AppFixture>
{
    private AnnotationStore Store => App.Factory.Services.GetRequiredService<AnnotationStore>();

    [InProcessSessionsFact]
    public async Task ResolvingInTheThreadStoresItAndTellsTheViewers()
    {
        var (team, story, annotation) = await AnnotatedAsync("Res");
        var (heard, listening) = Listen(story.StoryId);
        using var stopListening = listening;
        var edits = new List<StoryEdit>();
        var cut = await RenderThreadAsync(story.StoryId, annotation, OwnerOf(team), WorkspaceRole.Owner, edits);

        cut.Find("[data-testid=annotation-resolve]").Click();

        cut.WaitForAssertion(() => Assert.Equal(StoryChangeKind.AnnotationResolved, Assert.Single(edits).Kind));
        Assert.NotNull((await Store.GetAsync(annotation.Id))!.ResolvedAt);
        cut.WaitForAssertion(() =>
        {
            lock (heard) Assert.Contains(heard, c => c.Kind == StoryChangeKind.AnnotationResolved && c.SubjectId == annotation.Id.ToString() && c.By == team.Owner.Name);
        });
    }

    [InProcessSessionsFact]
    public async Task AReplyFromSomeoneWithoutAccessIsRefusedAndNothingIsStoredOrTold()
    {
        var (_, story, annotation) = await AnnotatedAsync("Rep");
        var (outsider, _) = await App.Factory.SignedInAccountAsync("Ros");
        var (heard, listening) = Listen(story.StoryId);
        using var stopListening = listening;
        var edits = new List<StoryEdit>();
        // Rendered as a commenter would see it, as if they had been removed after the page opened: the write path asks again.
        var cut = await RenderThreadAsync(story.StoryId, annotation, new Reviewer(outsider.UserId, outsider.Name), WorkspaceRole.Commenter, edits);

        cut.Find("[data-testid=annotation-reply-open]").Click();
        cut.Find("[data-testid=annotation-reply-note]").Change("Sneaky reply.");
        await cut.Find("form.reply").SubmitAsync();

        cut.WaitForAssertion(() => Assert.Contains("do not have access", cut.Markup, StringComparison.Ordinal));
        Assert.Empty((await Store.GetAsync(annotation.Id))!.Replies);
        Assert.Empty(edits);
        lock (heard) Assert.Empty(heard);
    }

    [InProcessSessionsFact]
    public async Task ACommenterCannotRestoreSomeoneElsesAnnotation()
    {
        var (team, story, annotation) = await AnnotatedAsync("Cor");
        var deleted = await team.Client.PostAsJsonAsync($"/api/annotations/{annotation.Id}/delete", new AnnotationActionRequest(annotation.Version));
        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        var (commenter, _) = await App.Factory.SignedInAccountAsync("Cid");
        await App.Factory.JoinAsync(commenter, team.WorkspaceId, WorkspaceRole.Commenter);
        var (heard, listening) = Listen(story.StoryId);
        using var stopListening = listening;
        var current = (await Store.GetAsync(annotation.Id))!;
        // Shown with an editor's buttons; the write path still finds a commenter changing someone else's annotation.
        var cut = await RenderThreadAsync(story.StoryId, current, new Reviewer(commenter.UserId, commenter.Name), WorkspaceRole.Editor, []);

        cut.Find("[data-testid=annotation-restore]").Click();

        cut.WaitForAssertion(() => Assert.Contains("Your role here is commenter", cut.Markup, StringComparison.Ordinal));
        Assert.NotNull((await Store.GetAsync(annotation.Id))!.DeletedAt);
        lock (heard) Assert.Empty(heard);
    }

    [InProcessSessionsFact]
    public async Task ImportingAnnotationsInThePanelStoresThemAndTellsTheViewers()
    {
        var (team, story, annotation) = await AnnotatedAsync("Imp");
        // The story's own export under a new id: an id imported before is refused.
        var file = (await team.Client.GetStringAsync($"/api/stories/{story.StoryId}/annotations/export/jsonld"))
            .Replace(annotation.Id.ToString(), Guid.NewGuid().ToString(), StringComparison.OrdinalIgnoreCase);
        var (heard, listening) = Listen(story.StoryId);
        using var stopListening = listening;
        var edits = new List<StoryEdit>();
        var cut = RenderPanel(story.StoryId, OwnerOf(team), WorkspaceRole.Owner, edits);

        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(file, "notes.jsonld"));

        cut.WaitForAssertion(() => Assert.Contains("Imported 1 annotations from notes.jsonld", cut.Find("[data-testid=import-annotations-message]").TextContent, StringComparison.Ordinal));
        Assert.Equal(2, (await Store.ListAsync(story.StoryId)).Count);
        Assert.Equal(StoryChangeKind.AnnotationsImported, Assert.Single(edits).Kind);
        cut.WaitForAssertion(() => { lock (heard) Assert.Contains(heard, c => c.Kind == StoryChangeKind.AnnotationsImported && c.By == team.Owner.Name); });
    }

    [InProcessSessionsFact]
    public async Task AnImportBySomeoneWithoutAccessIsRefusedAndNothingIsStoredOrTold()
    {
        var (team, story, _) = await AnnotatedAsync("Imq");
        var file = await team.Client.GetStringAsync($"/api/stories/{story.StoryId}/annotations/export/jsonld");
        var (outsider, _) = await App.Factory.SignedInAccountAsync("Iris");
        var (heard, listening) = Listen(story.StoryId);
        using var stopListening = listening;
        var edits = new List<StoryEdit>();
        var cut = RenderPanel(story.StoryId, new Reviewer(outsider.UserId, outsider.Name), WorkspaceRole.Owner, edits);

        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(file, "notes.jsonld"));

        cut.WaitForAssertion(() => Assert.Contains("do not have access", cut.Find("[data-testid=import-annotations-message]").TextContent, StringComparison.Ordinal));
        Assert.Single(await Store.ListAsync(story.StoryId));
        Assert.Empty(edits);
        lock (heard) Assert.Empty(heard);
    }

    [InProcessSessionsFact]
    public async Task AddingAPastedArticleStoresItAndTellsTheViewers()
    {
        var team = await Team.CreateAsync(App.Factory, "Pam");
        var story = await AnnotatedStory.CreateAsync(team.Client, "Paste");
        var (heard, listening) = Listen(story.StoryId);
        using var stopListening = listening;
        var imported = 0;
        var cut = RenderInStory<ImportPanel>(story.StoryId, OwnerOf(team), WorkspaceRole.Owner, p => p
            .Add(i => i.StoryId, story.StoryId)
            .Add(i => i.ArticleCount, 2)
            .Add(i => i.OnImported, () => imported++));

        cut.Find("[data-testid=import-text]").Change("The flood barrier held, the mayor said. Repairs start in May and will cost 2 million pounds.");
        await cut.Find("form.paste").SubmitAsync();
        cut.Find("[data-testid=draft-outlet]").Change("Hill Gazette");
        cut.Find("[data-testid=draft-title]").Change("Barrier holds");
        await cut.Find("form.drafts").SubmitAsync();

        cut.WaitForAssertion(() => Assert.Equal(1, imported));
        var added = (await App.Factory.Services.GetRequiredService<StoryStore>().GetAsync(story.StoryId))!.Articles.Single(a => a.Outlet == "Hill Gazette");
        Assert.Equal("Barrier holds", added.Title);
        Assert.Empty(cut.FindAll("[data-testid=import-draft]"));
        cut.WaitForAssertion(() => { lock (heard) Assert.Contains(heard, c => c.Kind == StoryChangeKind.ArticleAdded && c.SubjectId == added.Id.ToString()); });
    }

    [InProcessSessionsFact]
    public async Task AnArticleAddedBySomeoneWithoutAccessIsRefusedAndTheDraftKept()
    {
        var team = await Team.CreateAsync(App.Factory, "Pat");
        var story = await AnnotatedStory.CreateAsync(team.Client, "Paste refused");
        var (outsider, _) = await App.Factory.SignedInAccountAsync("Pia");
        var (heard, listening) = Listen(story.StoryId);
        using var stopListening = listening;
        var imported = 0;
        var cut = RenderInStory<ImportPanel>(story.StoryId, new Reviewer(outsider.UserId, outsider.Name), WorkspaceRole.Editor, p => p
            .Add(i => i.StoryId, story.StoryId)
            .Add(i => i.ArticleCount, 2)
            .Add(i => i.OnImported, () => imported++));

        cut.Find("[data-testid=import-text]").Change("The flood barrier held, the mayor said.");
        await cut.Find("form.paste").SubmitAsync();
        cut.Find("[data-testid=draft-outlet]").Change("Hill Gazette");
        await cut.Find("form.drafts").SubmitAsync();

        cut.WaitForAssertion(() => Assert.Contains("do not have access", cut.Markup, StringComparison.Ordinal));
        Assert.Equal(2, (await App.Factory.Services.GetRequiredService<StoryStore>().GetAsync(story.StoryId))!.Articles.Count);
        Assert.Single(cut.FindAll("[data-testid=import-draft]"));
        Assert.Equal(0, imported);
        lock (heard) Assert.Empty(heard);
    }

    [InProcessSessionsFact]
    public async Task AnApiEditIsToldToViewersAndAStaleOneIsRefusedWithTheCurrentVersionAndNotTold()
    {
        var (team, story, annotation) = await AnnotatedAsync("Api");
        var (heard, listening) = Listen(story.StoryId);
        using var stopListening = listening;

        var saved = await team.Client.PutAsJsonAsync($"/api/annotations/{annotation.Id}", new EditAnnotationRequest("Accurate", [], "Second note.", annotation.Version));
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var stale = await team.Client.PutAsJsonAsync($"/api/annotations/{annotation.Id}", new EditAnnotationRequest("False", [], "First note.", annotation.Version));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("Second note.", (await stale.Content.ReadFromJsonAsync<AnnotationConflict>())!.Current.Note);
        var current = (await Store.GetAsync(annotation.Id))!;
        Assert.Equal("Second note.", current.Note);
        var resolved = await team.Client.PostAsJsonAsync($"/api/annotations/{annotation.Id}/resolve", new AnnotationActionRequest(current.Version));
        Assert.Equal(HttpStatusCode.OK, resolved.StatusCode);

        // Changes reach a viewer in order: once the resolve has arrived, the refused edit would have too.
        await WaitUntilAsync(() => { lock (heard) return heard.Any(c => c.Kind == StoryChangeKind.AnnotationResolved); });
        lock (heard) Assert.Single(heard, c => c.Kind == StoryChangeKind.AnnotationEdited && c.By == team.Owner.Name);
    }

    private static Reviewer OwnerOf(Team team) => new(team.Owner.UserId, team.Owner.Name);

    private async Task<(Team Team, AnnotatedStory Story, AnnotationView Annotation)> AnnotatedAsync(string name)
    {
        var team = await Team.CreateAsync(App.Factory, name);
        var story = await AnnotatedStory.CreateAsync(team.Client, name + " story");
        var created = await story.AnnotateAsync(team.Client, story.First, "flood barrier", "Accurate", "First note.");
        // The API's answer leaves out who created it; the thread needs it, as the page's own load has it.
        return (team, story, (await Store.GetAsync(created.Id))!);
    }

    private async Task<IRenderedComponent<AnnotationThread>> RenderThreadAsync(int storyId, AnnotationView annotation, Reviewer reviewer, WorkspaceRole role, List<StoryEdit> edits)
    {
        var labels = await App.Factory.Services.GetRequiredService<VerdictLabelStore>().ListAsync();
        return RenderInStory<AnnotationThread>(storyId, reviewer, role, p => p
            .Add(t => t.Annotation, annotation)
            .Add(t => t.Labels, labels)
            .Add(t => t.OnChanged, (StoryEdit edit) => edits.Add(edit)));
    }

    private IRenderedComponent<AnnotationsPanel> RenderPanel(int storyId, Reviewer reviewer, WorkspaceRole role, List<StoryEdit> edits) =>
        RenderInStory<AnnotationsPanel>(storyId, reviewer, role, p => p
            .Add(a => a.StoryId, storyId)
            .Add(a => a.Threads, [])
            .Add(a => a.Labels, [])
            .Add(a => a.OnChanged, (StoryEdit edit) => edits.Add(edit)));

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var waited = 0; !condition(); waited += 20)
        {
            Assert.True(waited < 5000, "the change did not arrive within 5 s");
            await Task.Delay(20);
        }
    }
}
