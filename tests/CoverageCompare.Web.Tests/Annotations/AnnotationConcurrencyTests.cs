using CoverageCompare.Data.Annotations;
using Microsoft.Extensions.DependencyInjection;

namespace CoverageCompare.Web.Tests.Annotations;

public sealed class AnnotationConcurrencyTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task OfManySimultaneousEditsFromOneVersionExactlyOneIsSaved()
    {
        var client = (await Team.CreateAsync(app.Factory, "Ada")).Client;
        var store = app.Factory.Services.GetRequiredService<AnnotationStore>();
        var story = await AnnotatedStory.CreateAsync(client, "Race");
        var annotation = await story.AnnotateAsync(client, story.First, "flood barrier", "Accurate");

        var edits = await Task.WhenAll(Enumerable.Range(1, 8).Select(i =>
            Task.Run(() => store.EditAsync(annotation.Id, new AnnotationEdit("Accurate", [], $"Edit {i}"), $"Editor {i}", annotation.Version))));

        var saved = Assert.Single(edits, e => e.Status == ChangeStatus.Ok);
        Assert.All(edits.Where(e => e != saved), e => Assert.Equal(ChangeStatus.Conflict, e.Status));
        var current = await store.GetAsync(annotation.Id);
        Assert.Equal((saved.Annotation!.Note, 2), (current!.Note, current.Version));
        Assert.Single((await store.HistoryAsync(annotation.Id))!, r => r.Action == RevisionAction.Edited);
    }
}
