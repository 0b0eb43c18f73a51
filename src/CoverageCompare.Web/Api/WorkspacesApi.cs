using CoverageCompare.Data.Stories;
using CoverageCompare.Data.Workspaces;
using CoverageCompare.Web.Accounts;
using CoverageCompare.Web.Sessions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CoverageCompare.Web.Api;

public sealed record CreateWorkspaceRequest(string Name);

public sealed record ChangeRoleRequest(WorkspaceRole Role);

public sealed record InviteRequest(WorkspaceRole Role, int ValidForDays = 7, string? Label = null);

/// <summary>The invitation as the owner shares it: the path to open, with the token that is shown only now.</summary>
public sealed record InvitationCreated(string Path, string Token, WorkspaceRole Role, DateTime ExpiresAt);

public sealed record AcceptInvitationRequest(string Token);

/// <summary>Workspaces, members and invitations. The stores check the caller's role themselves; this only names the caller.</summary>
public static class WorkspacesApi
{
    public static IEndpointRouteBuilder MapWorkspacesApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/workspaces").RequireAuthorization();
        api.MapGet("/", (WorkspaceAccess access, HttpContext http, CancellationToken ct) => access.VisibleAsync(Reviewer.From(http.User).UserId, ct));
        api.MapPost("/", CreateAsync);
        api.MapGet("/{workspaceId:int}/members", MembersAsync);
        api.MapPut("/{workspaceId:int}/members/{userId}", (int workspaceId, string userId, ChangeRoleRequest request, WorkspaceStore store, MembershipChanges changes, HttpContext http, CancellationToken ct) =>
            AnswerMembership(store.ChangeRoleAsync(workspaceId, UserId(http), userId, request.Role, ct), changes, workspaceId, http, ct));
        api.MapDelete("/{workspaceId:int}/members/{userId}", (int workspaceId, string userId, WorkspaceStore store, MembershipChanges changes, HttpContext http, CancellationToken ct) =>
            AnswerMembership(store.RemoveMemberAsync(workspaceId, UserId(http), userId, ct), changes, workspaceId, http, ct));
        api.MapPost("/{workspaceId:int}/invitations", InviteAsync);
        api.MapPost("/{workspaceId:int}/invitations/accept", AcceptAsync);
        return endpoints;
    }

    public static string InvitationPath(int workspaceId, string token) => $"/invite/{workspaceId}/{token}";

    private static string UserId(HttpContext http) => Reviewer.From(http.User).UserId!;

    private static async Task<IResult> CreateAsync(CreateWorkspaceRequest request, WorkspaceStore store, HttpContext http, CancellationToken ct)
    {
        var created = await store.CreateAsync(UserId(http), request.Name ?? "", ct);
        return created.Succeeded ? TypedResults.Created($"/api/workspaces/{created.Value}", new { id = created.Value }) : TypedResults.BadRequest(new ApiError(created.Error!));
    }

    private static async Task<IResult> MembersAsync(int workspaceId, WorkspaceStore store, HttpContext http, CancellationToken ct)
    {
        // Members only: a public workspace's readers do not get its member list.
        var members = await store.MembersAsync(workspaceId, ct);
        return members.Any(m => m.UserId == UserId(http)) ? TypedResults.Ok(members) : TypedResults.NotFound();
    }

    private static async Task<IResult> InviteAsync(int workspaceId, InviteRequest request, WorkspaceStore store, HttpContext http, CancellationToken ct)
    {
        // Checked before it becomes a TimeSpan: a day count near int.MaxValue does not fit one.
        var maxDays = (int)WorkspaceStore.MaxInvitationLifetime.TotalDays;
        if (request.ValidForDays is < 1 || request.ValidForDays > maxDays)
            return TypedResults.BadRequest(new ApiError($"An invitation lasts between 1 and {maxDays} days."));
        var created = await store.InviteAsync(workspaceId, UserId(http), request.Role, TimeSpan.FromDays(request.ValidForDays), request.Label, ct);
        return created.Value is { } link
            ? TypedResults.Ok(new InvitationCreated(InvitationPath(workspaceId, link.Token), link.Token, link.Role, link.ExpiresAt))
            : Refusal(created.Error!);
    }

    private static async Task<IResult> AcceptAsync(int workspaceId, AcceptInvitationRequest request, WorkspaceStore store, HttpContext http, CancellationToken ct)
    {
        var accepted = await store.AcceptInvitationAsync(workspaceId, request.Token ?? "", UserId(http), ct);
        return accepted.Succeeded ? TypedResults.Ok(new { role = accepted.Value }) : TypedResults.BadRequest(new ApiError(accepted.Error!));
    }

    private static async Task<IResult> AnswerMembership(Task<StoreResult<bool>> change, MembershipChanges changes, int workspaceId, HttpContext http, CancellationToken ct)
    {
        var result = await change;
        if (!result.Succeeded) return Refusal(result.Error!);
        await changes.PublishAsync(workspaceId, Reviewer.From(http.User).Name, ct);
        return TypedResults.NoContent();
    }

    private static IResult Refusal(string error) => error == WorkspaceStore.OwnersOnly
        ? TypedResults.Json(new ApiError(error), statusCode: StatusCodes.Status403Forbidden)
        : TypedResults.BadRequest(new ApiError(error));
}
