using CoverageCompare.Data;
using CoverageCompare.Data.Stories;
using CoverageCompare.Web.Accounts;
using CoverageCompare.Web.Importing;
using CoverageCompare.Web.Sessions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Metadata;

namespace CoverageCompare.Web.Api;

/// <summary>A page to fetch and add to the story; the optional details replace what is read from the page.</summary>
public sealed record ImportUrlRequest(string Url, string? Outlet = null, string? Title = null, DateOnly? PublishedOn = null);

public static class UrlImportApi
{
    public static IEndpointRouteBuilder MapUrlImportApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/stories/{storyId:int}/articles/from-url", ImportAsync)
            .WithMetadata(new BodySizeLimit(16 * 1024))
            .RequireStory(StoryOperation.EditArticles)
            .RequireRateLimiting(RateLimits.Import);
        return endpoints;
    }

    private static async Task<IResult> ImportAsync(
        int storyId, ImportUrlRequest request, UrlImport urlImport, ArticleImporter importer, StoryStore stories, StoryWrites writes, HttpContext http, CancellationToken ct)
    {
        if (await stories.GetAsync(storyId, ct) is not { } story) return TypedResults.NotFound();
        // Checked before fetching too, so a full story never costs an outgoing request.
        if (story.Articles.Count >= StoryLimits.MaxArticlesPerStory)
        {
            return TypedResults.BadRequest(new ApiError($"A story holds at most {StoryLimits.MaxArticlesPerStory} articles; remove one before adding another."));
        }

        var prepared = await urlImport.PrepareAsync(storyId, request.Url ?? "", ct);
        if (prepared.Value is not { } candidate) return TypedResults.BadRequest(new ApiError(prepared.Error!));

        return await StoriesApi.AddArticleAsync(storyId, candidate, new StoriesApi.ArticleOverrides(request.Outlet, request.Title, request.PublishedOn), importer, stories, writes, http, ct);
    }

    private sealed class BodySizeLimit(long maxBytes) : IRequestSizeLimitMetadata
    {
        public long? MaxRequestBodySize => maxBytes;
    }
}
