using CoverageCompare.Data.Annotations;
using CoverageCompare.Data.Workspaces;

namespace CoverageCompare.Web.Accounts;

/// <summary>
/// What the story page shows to one person, cascaded to its parts. It only decides which controls appear; every
/// write asks <see cref="StoryAccess"/> again on the server before it happens.
/// </summary>
public sealed record StoryPermissions(int StoryId, Reviewer Reviewer, WorkspaceRole? Role)
{
    public bool Can(StoryOperation operation) => StoryAccess.Decide(Role, Reviewer, operation).Allowed;

    public bool CanChange(AnnotationView annotation) =>
        Can(StoryAccess.OwnsAnnotation(Reviewer, annotation.CreatorId) ? StoryOperation.Annotate : StoryOperation.ModerateAnnotations);

    public string RoleName => Role?.ToString().ToLowerInvariant() ?? "none";
}
