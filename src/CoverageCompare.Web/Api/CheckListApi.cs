using System.Text;
using CoverageCompare.Data.Annotations;
using CoverageCompare.Data.CheckLists;
using CoverageCompare.Web.Accounts;
using CoverageCompare.Web.Annotations;
using CoverageCompare.Web.CheckLists;
using CoverageCompare.Web.FactChecks;
using CoverageCompare.Web.Sessions;

namespace CoverageCompare.Web.Api;

public sealed record NewCheckItemRequest(int ArticleId, int Start, int End, string? ClaimId = null, string? GroupId = null);

public sealed record CheckItemEditRequest(string? Status, string? AssigneeId, DateOnly? DueOn, string? FinalVerdict, string? Summary, int Version);

public sealed record CheckTaskRequest(string? Text, int Version);

public sealed record CheckTaskDoneRequest(bool Done, int Version);

public sealed record VersionRequest(int Version);

public sealed record StatusesRequest(IReadOnlyList<string>? Statuses);

/// <summary>
/// The check list over HTTP, and the public fact-check pages. Every handler goes through <see cref="CheckListService"/>,
/// which asks for access before it reads or writes.
/// </summary>
public static class CheckListApi
{
    public static IEndpointRouteBuilder MapCheckListApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/stories/{storyId:int}/checklist", async (int storyId, CheckListService service, HttpContext http, CancellationToken ct) =>
            Answer(await service.ListAsync(storyId, Reviewer.From(http.User), ct), list => TypedResults.Ok(list)));
        endpoints.MapPost("/api/stories/{storyId:int}/checklist", async (int storyId, NewCheckItemRequest request, CheckListService service, HttpContext http, CancellationToken ct) =>
            Changed(await service.AddAsync(storyId, Reviewer.From(http.User), new NewCheckItem(request.ArticleId, request.Start, request.End, request.ClaimId, request.GroupId), cancellationToken: ct), created: true));

        var item = endpoints.MapGroup("/api/checklist/{itemId:int}");
        item.MapGet("/", async (int itemId, CheckListService service, HttpContext http, CancellationToken ct) =>
            Answer(await service.GetAsync(itemId, Reviewer.From(http.User), ct), found => TypedResults.Ok(found)));
        item.MapPut("/", async (int itemId, CheckItemEditRequest request, CheckListService service, HttpContext http, CancellationToken ct) =>
            Changed(await service.EditAsync(itemId, Reviewer.From(http.User), new CheckItemEdit(request.Status ?? "", request.AssigneeId, request.DueOn, request.FinalVerdict, request.Summary), request.Version, cancellationToken: ct)));
        item.MapDelete("/", async (int itemId, int version, CheckListService service, HttpContext http, CancellationToken ct) =>
            Changed(await service.RemoveAsync(itemId, Reviewer.From(http.User), version, cancellationToken: ct)));
        item.MapGet("/history", async (int itemId, CheckListService service, HttpContext http, CancellationToken ct) =>
            Answer(await service.HistoryAsync(itemId, Reviewer.From(http.User), ct), history => TypedResults.Ok(history)));
        item.MapPost("/tasks", async (int itemId, CheckTaskRequest request, CheckListService service, HttpContext http, CancellationToken ct) =>
            Changed(await service.AddTaskAsync(itemId, Reviewer.From(http.User), request.Text, request.Version, cancellationToken: ct)));
        item.MapPost("/tasks/{taskId:int}", async (int itemId, int taskId, CheckTaskDoneRequest request, CheckListService service, HttpContext http, CancellationToken ct) =>
            Changed(await service.SetTaskDoneAsync(itemId, taskId, request.Done, Reviewer.From(http.User), request.Version, cancellationToken: ct)));
        item.MapPost("/publish", async (int itemId, VersionRequest request, CheckListService service, HttpContext http, CancellationToken ct) =>
            Changed(await service.PublishAsync(itemId, Reviewer.From(http.User), request.Version, cancellationToken: ct)));
        item.MapPost("/unpublish", async (int itemId, VersionRequest request, CheckListService service, HttpContext http, CancellationToken ct) =>
            Changed(await service.UnpublishAsync(itemId, Reviewer.From(http.User), request.Version, cancellationToken: ct)));

        endpoints.MapGet("/api/workspaces/{workspaceId:int}/check-statuses", async (int workspaceId, CheckListService service, HttpContext http, CancellationToken ct) =>
            Answer(await service.StatusesAsync(workspaceId, Reviewer.From(http.User), ct), statuses => TypedResults.Ok(statuses)));
        endpoints.MapPut("/api/workspaces/{workspaceId:int}/check-statuses", async (int workspaceId, StatusesRequest request, CheckListService service, HttpContext http, CancellationToken ct) =>
            Answer(await service.SetStatusesAsync(workspaceId, Reviewer.From(http.User), request.Statuses, ct),
                saved => saved.Error is { } error ? TypedResults.BadRequest(new ApiError(error)) : TypedResults.Ok(saved.Statuses)));

        // Public by design once published, like a handout: one HTML page with no script that runs.
        endpoints.MapGet("/factchecks/{slug}", async (string slug, CheckListStore store, ClaimReviewSettings settings, NoteRenderer notes, HttpRequest request, CancellationToken ct) =>
            await store.PublishedAsync(slug, ct) is { } check
                ? TypedResults.Text(FactCheckPage.Write(check, AnnotationIris.For(request), settings, notes), "text/html; charset=utf-8", Encoding.UTF8)
                : (IResult)TypedResults.NotFound());
        return endpoints;
    }

    private static IResult Answer<T>(StoryWrite<T> read, Func<T, IResult> ok) =>
        !read.Allowed ? read.Decision.ToResult() : read.Value is { } value ? ok(value) : TypedResults.NotFound();

    private static IResult Changed(StoryWrite<CheckChange> write, bool created = false)
    {
        if (!write.Allowed) return write.Decision.ToResult();
        var change = write.Value!;
        return change.Status switch
        {
            ChangeStatus.Ok when created => TypedResults.Created($"/api/checklist/{change.Item!.Id}", change.Item),
            ChangeStatus.Ok => TypedResults.Ok(change.Item),
            ChangeStatus.NotFound => TypedResults.NotFound(),
            ChangeStatus.Conflict => TypedResults.Json(new { error = change.Error, current = change.Item }, statusCode: StatusCodes.Status409Conflict),
            _ => TypedResults.BadRequest(new ApiError(change.Error!)),
        };
    }
}
