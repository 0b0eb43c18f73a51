using System.Net;
using System.Net.Http.Json;
using CoverageCompare.Data.Annotations;
using CoverageCompare.Data.Workspaces;
using CoverageCompare.Web.Api;
using CoverageCompare.Web.Sessions;
using CoverageCompare.Web.Tests.Annotations;
using Microsoft.Extensions.DependencyInjection;

namespace CoverageCompare.Web.Tests.Sessions;

/// <summary>Changes made through the JSON API reach the people viewing the story, as changes made on the page do.</summary>
public sealed class ApiPublishingTests(AppFixture app) : IClassFixture<AppFixture>, IAsyncLifetime
{
    private readonly IStorySessions sessions = app.Factory.Services.GetRequiredService<IStorySessions>();
    private Team team = default!;
    private HttpClient client = default!;

    public async Task InitializeAsync()
    {
        team = await Team.CreateAsync(app.Factory, "Ada");
        client = team.Client;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task CreatingReplyingEditingAndDeletingThroughTheApiIsPublishedToTheStory()
    {
        var story = await AnnotatedStory.CreateAsync(client, "Published");
        var viewer = new ChangeRecorder();
        using var session = sessions.Join(story.StoryId, SessionViewer.Create("reviewer:watcher", "Watcher"), viewer.OnChangeAsync);

        var bob = await team.MemberAsync("Bob", WorkspaceRole.Editor);
        var annotation = await story.AnnotateAsync(client, story.First, "flood barrier");
        Assert.Equal((StoryChangeKind.AnnotationCreated, annotation.Id.ToString(), "Ada"), await NextAsync(viewer));

        await bob.PostAsJsonAsync($"/api/annotations/{annotation.Id}/replies", new ReplyRequest("Confirmed."));
        Assert.Equal((StoryChangeKind.AnnotationReplied, annotation.Id.ToString(), "Bob"), await NextAsync(viewer));

        var edited = await client.PutAsJsonAsync($"/api/annotations/{annotation.Id}", new EditAnnotationRequest("Accurate", [], "Checked.", 1));
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        Assert.Equal((StoryChangeKind.AnnotationEdited, annotation.Id.ToString(), "Ada"), await NextAsync(viewer));

        // A stale version stores nothing, so it tells no one: the next thing heard is the delete that follows.
        var stale = await bob.PostAsJsonAsync($"/api/annotations/{annotation.Id}/resolve", new AnnotationActionRequest(1));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        await bob.PostAsJsonAsync($"/api/annotations/{annotation.Id}/delete", new AnnotationActionRequest(2));
        Assert.Equal((StoryChangeKind.AnnotationDeleted, annotation.Id.ToString(), "Bob"), await NextAsync(viewer));
    }

    [Fact]
    public async Task AnArticleAddedThroughTheApiIsPublishedAndOtherStoriesHearNothing()
    {
        var story = await AnnotatedStory.CreateAsync(client, "Articles published");
        var other = await AnnotatedStory.CreateAsync(client, "Someone else's story");
        var viewer = new ChangeRecorder();
        using var session = sessions.Join(story.StoryId, SessionViewer.Create("reviewer:watcher", "Watcher"), viewer.OnChangeAsync);

        await other.AnnotateAsync(client, other.First, "flood barrier");
        var added = await client.PostAsJsonAsync($"/api/stories/{story.StoryId}/articles",
            new ImportArticleRequest("third.txt", "The barrier held, a third outlet reported on Monday evening.", "Third Outlet"));
        var article = (await added.Content.ReadFromJsonAsync<Data.Stories.ArticleView>())!;

        Assert.Equal((StoryChangeKind.ArticleAdded, article.Id.ToString(), "Ada"), await NextAsync(viewer));
    }

    private static async Task<(StoryChangeKind, string?, string?)> NextAsync(ChangeRecorder recorder)
    {
        var change = await recorder.NextContentAsync();
        return (change.Kind, change.SubjectId, change.By);
    }
}
