using System.Text;
using CoverageCompare.Data.Analyses;
using CoverageCompare.Data.Stories;
using CoverageCompare.Web.Accounts;
using CoverageCompare.Web.Framing;

namespace CoverageCompare.Web.Api;

/// <summary>Downloads of a story's framing view: the per-article table as CSV and the teaching handouts.</summary>
public static class FramingApi
{
    public static IEndpointRouteBuilder MapFramingApi(this IEndpointRouteBuilder endpoints)
    {
        var story = endpoints.MapGroup("/api/stories/{storyId:int}").RequireStory(StoryOperation.Read);
        story.MapGet("/framing.csv", (int storyId, StoryStore stories, AnalysisStore analyses, CancellationToken ct) =>
            DownloadAsync(storyId, stories, analyses, FramingCsv.Write, "text/csv; charset=utf-8", "framing.csv", ct));
        story.MapGet("/framing/handout.html", (int storyId, StoryStore stories, AnalysisStore analyses, CancellationToken ct) =>
            DownloadAsync(storyId, stories, analyses, f => Encoding.UTF8.GetBytes(HtmlHandout.Write(f)), "text/html; charset=utf-8", "framing-handout.html", ct));
        story.MapGet("/framing/handout.md", (int storyId, StoryStore stories, AnalysisStore analyses, CancellationToken ct) =>
            DownloadAsync(storyId, stories, analyses, f => Encoding.UTF8.GetBytes(MarkdownHandout.Write(f)), "text/markdown; charset=utf-8", "framing-handout.md", ct));
        return endpoints;
    }

    private static async Task<IResult> DownloadAsync(
        int storyId, StoryStore stories, AnalysisStore analyses, Func<StoryFraming, byte[]> write, string contentType, string name, CancellationToken ct)
    {
        var framing = await StoryFraming.LoadAsync(storyId, stories, analyses, ct);
        return framing is null ? TypedResults.NotFound() : TypedResults.File(write(framing), contentType, $"story-{storyId}-{name}");
    }
}
