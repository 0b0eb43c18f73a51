using CoverageCompare.Data.Workspaces;

namespace CoverageCompare.Web.Accounts;

/// <summary>The things one can do to a story, each allowed from one workspace role up.</summary>
public enum StoryOperation
{
    Read,

    /// <summary>Annotate, reply, resolve and reopen, and change or delete one's own annotations.</summary>
    Annotate,

    /// <summary>Change or delete anyone's annotations, and import annotations in bulk.</summary>
    ModerateAnnotations,

    CorrectLinks,

    /// <summary>Import, edit and delete articles, and rename the story.</summary>
    EditArticles,

    DeleteStory,

    /// <summary>Add, change, publish and remove check-list items.</summary>
    ManageCheckList,
}

public enum AccessDenial
{
    /// <summary>The story does not exist, or the person may not know it does: both look the same from outside.</summary>
    NotFound,
    SignInRequired,
    Forbidden,
}

public sealed record AccessDecision(WorkspaceRole? Role, AccessDenial? Denial, string? Message)
{
    public bool Allowed => Denial is null;

    public IResult ToResult() => Denial switch
    {
        null => TypedResults.Ok(),
        AccessDenial.NotFound => TypedResults.NotFound(),
        AccessDenial.SignInRequired => TypedResults.Json(new { error = Message }, statusCode: StatusCodes.Status401Unauthorized),
        _ => TypedResults.Json(new { error = Message }, statusCode: StatusCodes.Status403Forbidden),
    };
}

/// <summary>
/// The one place that decides whether a person may do something to a story. Pages, the API and live operations all
/// ask it before they act, reading the role afresh each time; a hidden button is only a courtesy.
/// </summary>
public sealed class StoryAccess(WorkspaceAccess workspaces)
{
    public static WorkspaceRole Requires(StoryOperation operation) => operation switch
    {
        StoryOperation.Read => WorkspaceRole.Viewer,
        StoryOperation.Annotate => WorkspaceRole.Commenter,
        StoryOperation.DeleteStory => WorkspaceRole.Owner,
        _ => WorkspaceRole.Editor,
    };

    public static bool Permits(WorkspaceRole? role, StoryOperation operation) => role >= Requires(operation);

    public async Task<AccessDecision> CheckAsync(int storyId, Reviewer reviewer, StoryOperation operation, CancellationToken cancellationToken = default) =>
        Decide(await workspaces.RoleForStoryAsync(storyId, reviewer.UserId, cancellationToken), reviewer, operation);

    /// <summary>Changing an annotation: one's own needs <see cref="StoryOperation.Annotate"/>, anyone else's needs moderation.</summary>
    public Task<AccessDecision> CheckAnnotationChangeAsync(int storyId, Reviewer reviewer, string? creatorId, CancellationToken cancellationToken = default) =>
        CheckAsync(storyId, reviewer, OwnsAnnotation(reviewer, creatorId) ? StoryOperation.Annotate : StoryOperation.ModerateAnnotations, cancellationToken);

    public static bool OwnsAnnotation(Reviewer reviewer, string? creatorId) => reviewer.IsSignedIn && creatorId == reviewer.UserId;

    public static AccessDecision Decide(WorkspaceRole? role, Reviewer reviewer, StoryOperation operation)
    {
        if (role is null) return new AccessDecision(null, AccessDenial.NotFound, "This story does not exist, or you do not have access to it.");
        if (operation != StoryOperation.Read && !reviewer.IsSignedIn)
            return new AccessDecision(role, AccessDenial.SignInRequired, "Sign in to change anything in this story.");
        return Permits(role, operation)
            ? new AccessDecision(role, null, null)
            : new AccessDecision(role, AccessDenial.Forbidden, $"Your role here is {role.Value.ToString().ToLowerInvariant()}, which cannot {Describe(operation)}.");
    }

    private static string Describe(StoryOperation operation) => operation switch
    {
        StoryOperation.Read => "read this story",
        StoryOperation.Annotate => "annotate or reply",
        StoryOperation.ModerateAnnotations => "change other people's annotations",
        StoryOperation.CorrectLinks => "correct links",
        StoryOperation.EditArticles => "add, edit or remove articles",
        StoryOperation.ManageCheckList => "change the check list",
        _ => "delete the story",
    };
}
