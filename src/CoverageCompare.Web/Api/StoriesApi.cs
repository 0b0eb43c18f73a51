using System.Text;
using CoverageCompare.Data;
using CoverageCompare.Data.Stories;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CoverageCompare.Web.Api;

public sealed record CreateStoryRequest(string Title);

/// <summary>An article sent as text with the name of the file it came from, which decides how it is read.</summary>
public sealed record ImportArticleRequest(string FileName, string Content, string? Outlet = null, string? Title = null, DateOnly? PublishedOn = null);

public sealed record ApiError(string Error);

public static class StoriesApi
{
    // JSON bodies only: a browser cannot send them cross-site without a CORS preflight, which this app never grants.
    private const long MaxRequestBytes = 2 * StoryLimits.MaxArticleBytes;

    public static IEndpointRouteBuilder MapStoriesApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/stories");
        api.MapGet("/", (StoryStore stories, CancellationToken ct) => stories.ListAsync(ct));
        api.MapGet("/{storyId:int}", GetStoryAsync);
        api.MapGet("/{storyId:int}/articles/{articleId:int}", GetArticleAsync);
        api.MapPost("/", CreateStoryAsync);
        api.MapPost("/{storyId:int}/articles", ImportArticleAsync)
            .WithMetadata(new RequestSizeLimitAttributeMetadata(MaxRequestBytes))
            .RequireRateLimiting(RateLimits.Import);
        return endpoints;
    }

    private static async Task<Results<Ok<StoryView>, NotFound>> GetStoryAsync(int storyId, StoryStore stories, CancellationToken ct) =>
        await stories.GetAsync(storyId, ct) is { } story ? TypedResults.Ok(story) : TypedResults.NotFound();

    /// <summary>The article that annotation targets name as their source.</summary>
    private static async Task<Results<Ok<ArticleView>, NotFound>> GetArticleAsync(int storyId, int articleId, StoryStore stories, CancellationToken ct) =>
        (await stories.GetAsync(storyId, ct))?.Articles.FirstOrDefault(a => a.Id == articleId) is { } article ? TypedResults.Ok(article) : TypedResults.NotFound();

    private static async Task<Results<Created<StorySummary>, BadRequest<ApiError>>> CreateStoryAsync(CreateStoryRequest request, StoryStore stories, CancellationToken ct)
    {
        var created = await stories.CreateAsync(request.Title ?? "", ct);
        return created.Succeeded
            ? TypedResults.Created($"/api/stories/{created.Value}", new StorySummary(created.Value, request.Title!.Trim(), 0, [], DateTime.UtcNow))
            : TypedResults.BadRequest(new ApiError(created.Error!));
    }

    private static async Task<Results<Created<ArticleView>, BadRequest<ApiError>, NotFound>> ImportArticleAsync(
        int storyId, ImportArticleRequest request, ArticleImporter importer, StoryStore stories, CancellationToken ct)
    {
        if (await stories.GetAsync(storyId, ct) is null) return TypedResults.NotFound();

        var prepared = importer.Prepare(request.FileName ?? "", Encoding.UTF8.GetBytes(request.Content ?? ""));
        if (prepared.Value is not { } candidate) return TypedResults.BadRequest(new ApiError(prepared.Error!));

        candidate = candidate with
        {
            Details = candidate.Details with
            {
                Outlet = request.Outlet ?? candidate.Details.Outlet,
                Title = request.Title ?? candidate.Details.Title,
                PublishedOn = request.PublishedOn ?? candidate.Details.PublishedOn,
            },
        };
        var added = await importer.AddAsync(storyId, candidate, ct);
        if (!added.Succeeded) return TypedResults.BadRequest(new ApiError(added.Error!));

        var story = await stories.GetAsync(storyId, ct);
        var article = story!.Articles.Single(a => a.Id == added.Value);
        return TypedResults.Created($"/api/stories/{storyId}", article);
    }

    private sealed class RequestSizeLimitAttributeMetadata(long maxBytes) : Microsoft.AspNetCore.Http.Metadata.IRequestSizeLimitMetadata
    {
        public long? MaxRequestBodySize => maxBytes;
    }
}
