using System.Globalization;
using System.Text;
using CoverageCompare.Data;
using CoverageCompare.Data.Stories;
using CoverageCompare.Data.Workspaces;
using CoverageCompare.Web.Accounts;
using CoverageCompare.Web.Sessions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CoverageCompare.Web.Api;

/// <summary>Without a workspace the story goes to the first one the person may edit that is their own, not a public one.</summary>
public sealed record CreateStoryRequest(string Title, int? WorkspaceId = null);

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
        api.MapGet("/", ListAsync);
        api.MapGet("/{storyId:int}", GetStoryAsync).RequireStory(StoryOperation.Read);
        api.MapGet("/{storyId:int}/articles/{articleId:int}", GetArticleAsync).RequireStory(StoryOperation.Read);
        api.MapPost("/", CreateStoryAsync).RequireAuthorization();
        api.MapPost("/{storyId:int}/articles", ImportArticleAsync).RequireStory(StoryOperation.EditArticles)
            .WithMetadata(new RequestSizeLimitAttributeMetadata(MaxRequestBytes))
            .RequireRateLimiting(RateLimits.Import);
        api.MapDelete("/{storyId:int}/articles/{articleId:int}", DeleteArticleAsync).RequireStory(StoryOperation.EditArticles);
        return endpoints;
    }

    private static async Task<Results<Ok<StoryView>, NotFound>> GetStoryAsync(int storyId, StoryStore stories, CancellationToken ct) =>
        await stories.GetAsync(storyId, ct) is { } story ? TypedResults.Ok(story) : TypedResults.NotFound();

    /// <summary>The article that annotation targets name as their source.</summary>
    private static async Task<Results<Ok<ArticleView>, NotFound>> GetArticleAsync(int storyId, int articleId, StoryStore stories, CancellationToken ct) =>
        (await stories.GetAsync(storyId, ct))?.Articles.FirstOrDefault(a => a.Id == articleId) is { } article ? TypedResults.Ok(article) : TypedResults.NotFound();

    /// <summary>Removes an article without opening its story: an article the page cannot show can still be taken out.</summary>
    private static async Task<IResult> DeleteArticleAsync(int storyId, int articleId, StoryStore stories, StoryWrites writes, HttpContext http, CancellationToken ct)
    {
        var reviewer = Reviewer.From(http.User);
        var removed = await writes.RunAsync(storyId, reviewer, StoryOperation.EditArticles, token => stories.DeleteArticleAsync(articleId, storyId, token),
            done => done ? new StoryChange(storyId, StoryChangeKind.ArticleRemoved, articleId.ToString(CultureInfo.InvariantCulture), reviewer.Name) : null, ct);
        if (!removed.Allowed) return removed.Decision.ToResult();
        return removed.Value ? TypedResults.NoContent() : TypedResults.NotFound();
    }

    private static async Task<IReadOnlyList<StorySummary>> ListAsync(WorkspaceAccess workspaces, StoryStore stories, HttpContext http, CancellationToken ct)
    {
        var visible = await workspaces.VisibleAsync(Reviewer.From(http.User).UserId, ct);
        return await stories.ListAsync(visible.Select(w => w.Id).ToList(), ct);
    }

    private static async Task<IResult> CreateStoryAsync(CreateStoryRequest request, WorkspaceAccess workspaces, StoryStore stories, HttpContext http, CancellationToken ct)
    {
        var reviewer = Reviewer.From(http.User);
        var visible = await workspaces.VisibleAsync(reviewer.UserId, ct);
        var target = request.WorkspaceId is { } id
            ? visible.FirstOrDefault(w => w.Id == id)
            : visible.Where(w => w.Role >= WorkspaceRole.Editor).OrderBy(w => w.IsPublic).FirstOrDefault();
        if (target is null) return TypedResults.NotFound(new ApiError("That workspace does not exist, or you are not a member of it."));
        if (target.Role < WorkspaceRole.Editor)
            return TypedResults.Json(new ApiError("You need to be an editor of that workspace to start a story in it."), statusCode: StatusCodes.Status403Forbidden);

        var created = await stories.CreateAsync(target.Id, request.Title ?? "", ct);
        return created.Succeeded
            ? TypedResults.Created($"/api/stories/{created.Value}", new StorySummary(created.Value, target.Id, request.Title!.Trim(), 0, [], DateTime.UtcNow))
            : TypedResults.BadRequest(new ApiError(created.Error!));
    }

    private static async Task<IResult> ImportArticleAsync(
        int storyId, ImportArticleRequest request, ArticleImporter importer, StoryStore stories, StoryWrites writes, HttpContext http, CancellationToken ct)
    {
        if (await stories.GetAsync(storyId, ct) is null) return TypedResults.NotFound();

        var prepared = importer.Prepare(request.FileName ?? "", Encoding.UTF8.GetBytes(request.Content ?? ""));
        if (prepared.Value is not { } candidate) return TypedResults.BadRequest(new ApiError(prepared.Error!));

        return await AddArticleAsync(storyId, candidate, new ArticleOverrides(request.Outlet, request.Title, request.PublishedOn), importer, stories, writes, http, ct);
    }

    /// <summary>Details a request names in place of what was read from the document itself.</summary>
    internal sealed record ArticleOverrides(string? Outlet, string? Title, DateOnly? PublishedOn);

    /// <summary>The last step of every import through the API: store the article through the write path, answer with it.</summary>
    internal static async Task<IResult> AddArticleAsync(
        int storyId, ImportCandidate candidate, ArticleOverrides overrides, ArticleImporter importer, StoryStore stories, StoryWrites writes, HttpContext http, CancellationToken ct)
    {
        candidate = candidate with
        {
            Details = candidate.Details with
            {
                Outlet = overrides.Outlet ?? candidate.Details.Outlet,
                Title = overrides.Title ?? candidate.Details.Title,
                PublishedOn = overrides.PublishedOn ?? candidate.Details.PublishedOn,
            },
        };
        var reviewer = Reviewer.From(http.User);
        var added = await writes.RunAsync(storyId, reviewer, StoryOperation.EditArticles, token => importer.AddAsync(storyId, candidate, token),
            result => result.Succeeded ? new StoryChange(storyId, StoryChangeKind.ArticleAdded, result.Value.ToString(CultureInfo.InvariantCulture), reviewer.Name) : null, ct);
        if (!added.Allowed) return added.Decision.ToResult();
        if (!added.Value!.Succeeded) return TypedResults.BadRequest(new ApiError(added.Value.Error!));

        var article = (await stories.GetAsync(storyId, ct))!.Articles.Single(a => a.Id == added.Value.Value);
        return TypedResults.Created($"/api/stories/{storyId}", article);
    }

    private sealed class RequestSizeLimitAttributeMetadata(long maxBytes) : Microsoft.AspNetCore.Http.Metadata.IRequestSizeLimitMetadata
    {
        public long? MaxRequestBodySize => maxBytes;
    }
}
