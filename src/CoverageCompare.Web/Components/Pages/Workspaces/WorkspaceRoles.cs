using CoverageCompare.Data.Workspaces;

namespace CoverageCompare.Web.Components.Pages.Workspaces;

/// <summary>The roles an owner can give, weakest first, and how the workspace pages name them.</summary>
public static class WorkspaceRoles
{
    public static IReadOnlyList<WorkspaceRole> All { get; } = [WorkspaceRole.Viewer, WorkspaceRole.Commenter, WorkspaceRole.Editor, WorkspaceRole.Owner];

    public static string Name(WorkspaceRole role) => role.ToString().ToLowerInvariant();
}

/// <summary>An owner asked to give <see cref="Member"/> the role <see cref="Role"/>.</summary>
public sealed record RoleChange(MemberView Member, WorkspaceRole Role);
