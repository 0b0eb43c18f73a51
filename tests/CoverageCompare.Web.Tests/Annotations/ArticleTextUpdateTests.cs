using System.Net.Http.Json;
using CoverageCompare.Data.Annotations;
using CoverageCompare.Data.Stories;
using CoverageCompare.Data.Workspaces;
using Microsoft.Extensions.DependencyInjection;

namespace CoverageCompare.Web.Tests.Annotations;

public sealed class ArticleTextUpdateTests(AppFixture app) : IClassFixture<AppFixture>, IAsyncLifetime
{
    private Team team = null!;
    private HttpClient client = null!;
    private readonly StoryStore stories = app.Factory.Services.GetRequiredService<StoryStore>();
    private readonly AnnotationStore annotations = app.Factory.Services.GetRequiredService<AnnotationStore>();

    public async Task InitializeAsync()
    {
        team = await Team.CreateAsync(app.Factory, "Ada");
        client = team.Client;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task EditingTheTextMovesAnnotationsAndOrphansThoseWhoseTextIsGone()
    {
        var story = await AnnotatedStory.CreateAsync(client, "Edited text");
        var moved = await story.AnnotateAsync(client, story.First, "2.4 million pounds", "Inaccurate");
        var bob = await team.MemberAsync("Bob", WorkspaceRole.Commenter);
        Assert.Equal(System.Net.HttpStatusCode.Created, (await bob.PostAsJsonAsync($"/api/annotations/{moved.Id}/replies", new Web.Api.ReplyRequest("Agreed."))).StatusCode);
        var kept = await story.AnnotateAsync(client, story.First, "The river authority said on Monday");
        var lost = await story.AnnotateAsync(client, story.First, "were allowed home on Sunday evening", "Accurate");
        var newText = story.First.Text
            .Replace("Engineers estimated", "After an inspection on Tuesday, engineers estimated")
            .Replace(" Residents who were evacuated on Saturday were allowed home on Sunday evening.", "");

        var result = await stories.UpdateArticleTextAsync(story.First.Id, newText);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal((1, 1), (result.Value!.Unchanged, result.Value.Moved));
        Assert.Equal([lost.Id], result.Value.Orphaned);
        var threads = (await annotations.ListAsync(story.StoryId)).ToDictionary(t => t.Id);
        Assert.Equal(newText.IndexOf("2.4 million pounds", StringComparison.Ordinal), threads[moved.Id].Target.Start);
        Assert.Equal(threads[moved.Id].Target.Start, Assert.Single(threads[moved.Id].Replies).Target.Start);
        Assert.Equal(kept.Target, threads[kept.Id].Target);
        Assert.True(threads[lost.Id].Target.Orphaned);
        Assert.Equal(lost.Target.Exact, threads[lost.Id].Target.Exact);
        Assert.Equal([RevisionAction.Created, RevisionAction.Orphaned], (await annotations.HistoryAsync(lost.Id))!.Select(r => r.Action));
        Assert.Equal([RevisionAction.Created, RevisionAction.Moved], (await annotations.HistoryAsync(moved.Id))!.Select(r => r.Action));
        var article = (await stories.GetAsync(story.StoryId))!.Articles.Single(a => a.Id == story.First.Id);
        Assert.Equal(newText, article.Text);
    }

    [Fact]
    public async Task AnEditWithTheWrongVersionAfterAMoveIsAConflict()
    {
        var story = await AnnotatedStory.CreateAsync(client, "Moved then edited");
        var annotation = await story.AnnotateAsync(client, story.First, "2.4 million pounds");
        await stories.UpdateArticleTextAsync(story.First.Id, "Update. " + story.First.Text);

        var edit = await annotations.EditAsync(annotation.Id, new AnnotationEdit(null, [], "Stale"), "Ada", annotation.Version);

        Assert.Equal(ChangeStatus.Conflict, edit.Status);
        Assert.Equal(8 + annotation.Target.Start, edit.Annotation!.Target.Start);
    }

    [Theory]
    [InlineData("  \n ", "empty")]
    [InlineData("duplicate", "same text")]
    public async Task BadTextIsRefusedAndNothingChanges(string newText, string message)
    {
        var story = await AnnotatedStory.CreateAsync(client, "Refused text " + message);
        var annotation = await story.AnnotateAsync(client, story.First, "2.4 million pounds");

        var result = await stories.UpdateArticleTextAsync(story.First.Id, newText == "duplicate" ? story.Second.Text : newText);

        Assert.Contains(message, result.Error);
        Assert.Equal(story.First.Text, (await stories.GetAsync(story.StoryId))!.Articles.Single(a => a.Id == story.First.Id).Text);
        Assert.Equal(annotation.Target, (await annotations.GetAsync(annotation.Id))!.Target);
    }

    [Fact]
    public async Task TextOverOneMegabyteIsRefused()
    {
        var story = await AnnotatedStory.CreateAsync(client, "Huge text");

        var result = await stories.UpdateArticleTextAsync(story.First.Id, new string('a', 1024 * 1024 + 1));

        Assert.Contains("larger than 1 MB", result.Error);
    }
}
