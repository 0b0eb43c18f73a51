using System.Net;
using System.Net.Http.Json;
using CoverageCompare.Data.Annotations;
using CoverageCompare.Web.Api;

namespace CoverageCompare.Web.Tests.Annotations;

public sealed class VerdictLabelsApiTests(AppFixture app) : IClassFixture<AppFixture>
{
    private readonly HttpClient client = app.Factory.CreateClient();

    [Fact]
    public async Task TheDefaultsAreEditableButALabelInUseCannotBeRemoved()
    {
        var defaults = await client.GetFromJsonAsync<List<string>>("/api/annotation-labels");
        var story = await AnnotatedStory.CreateAsync(client, "Labels");
        await story.AnnotateAsync(client, story.First, "flood barrier", "Opinion");

        var removeInUse = await client.PutAsJsonAsync("/api/annotation-labels", new LabelsRequest(["Accurate", "Inaccurate"]));
        var reorder = await client.PutAsJsonAsync("/api/annotation-labels", new LabelsRequest(["Opinion", "Accurate", "Satire", "Inaccurate"]));
        var withNew = await story.AnnotateAsync(client, story.Second, "survived the storm", "satire");

        Assert.Equal(["Accurate", "Inaccurate", "Misleading", "Missing context", "Unverifiable", "Opinion"], defaults);
        Assert.Equal(HttpStatusCode.BadRequest, removeInUse.StatusCode);
        Assert.Contains("\"Opinion\"", (await removeInUse.Content.ReadFromJsonAsync<ApiError>())!.Error);
        Assert.Equal(HttpStatusCode.OK, reorder.StatusCode);
        Assert.Equal(["Opinion", "Accurate", "Satire", "Inaccurate"], await client.GetFromJsonAsync<List<string>>("/api/annotation-labels"));
        Assert.Equal("Satire", withNew.Label);
        var removed = await client.PostAsJsonAsync($"/api/stories/{story.StoryId}/annotations", AnnotatedStory.Request(story.Second, "officials confirmed", "Misleading"));
        Assert.Equal(HttpStatusCode.BadRequest, removed.StatusCode);
    }

    [Theory]
    [InlineData(new string[0], "at least one")]
    [InlineData(new[] { "Accurate", "accurate" }, "twice")]
    [InlineData(new[] { "Accurate", " " }, "needs a name")]
    public async Task BadLabelListsAreRefused(string[] labels, string message)
    {
        var before = await client.GetFromJsonAsync<List<string>>("/api/annotation-labels");

        var response = await client.PutAsJsonAsync("/api/annotation-labels", new LabelsRequest(labels));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, (await response.Content.ReadFromJsonAsync<ApiError>())!.Error);
        Assert.Equal(before, await client.GetFromJsonAsync<List<string>>("/api/annotation-labels"));
    }

    [Fact]
    public async Task ALabelLongerThanFiftyCharactersIsRefused()
    {
        var response = await client.PutAsJsonAsync("/api/annotation-labels", new LabelsRequest([new string('x', AnnotationLimits.LabelLength + 1)]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
