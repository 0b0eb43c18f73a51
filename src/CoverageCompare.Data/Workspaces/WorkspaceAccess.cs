using Microsoft.EntityFrameworkCore;

namespace CoverageCompare.Data.Workspaces;

/// <summary>
/// What one person may do in a workspace, read from the database on every call so a role changed or a member removed
/// takes effect on their next operation, even in a circuit that is already open.
/// </summary>
public sealed class WorkspaceAccess(IDbContextFactory<CoverageDbContext> dbFactory)
{
    /// <summary>Null when the person may not even know the workspace exists.</summary>
    public async Task<WorkspaceRole?> RoleAsync(int workspaceId, string? userId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var workspace = await db.Workspaces.AsNoTracking()
            .Where(w => w.Id == workspaceId)
            .Select(w => new { w.IsPublic, Role = w.Members.Where(m => m.UserId == userId).Select(m => (WorkspaceRole?)m.Role).FirstOrDefault() })
            .FirstOrDefaultAsync(cancellationToken);
        return workspace is null ? null : Effective(workspace.Role, workspace.IsPublic, userId);
    }

    public async Task<WorkspaceRole?> RoleForStoryAsync(int storyId, string? userId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var workspace = await db.Stories.AsNoTracking()
            .Where(s => s.Id == storyId)
            .Join(db.Workspaces, s => s.WorkspaceId, w => w.Id, (s, w) => w)
            .Select(w => new { w.IsPublic, Role = w.Members.Where(m => m.UserId == userId).Select(m => (WorkspaceRole?)m.Role).FirstOrDefault() })
            .FirstOrDefaultAsync(cancellationToken);
        return workspace is null ? null : Effective(workspace.Role, workspace.IsPublic, userId);
    }

    /// <summary>The workspaces whose stories this person may read: their own, and the public ones.</summary>
    public async Task<IReadOnlyList<WorkspaceSummary>> VisibleAsync(string? userId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Workspaces.AsNoTracking()
            .Where(w => w.IsPublic || w.Members.Any(m => m.UserId == userId))
            .OrderBy(w => w.Name).ThenBy(w => w.Id)
            .Select(w => new { w.Id, w.Name, w.IsPublic, Role = w.Members.Where(m => m.UserId == userId).Select(m => (WorkspaceRole?)m.Role).FirstOrDefault() })
            .ToListAsync(cancellationToken);
        return rows.Select(w => new WorkspaceSummary(w.Id, w.Name, w.IsPublic, Effective(w.Role, w.IsPublic, userId)!.Value, w.Role is not null)).ToList();
    }

    private static WorkspaceRole? Effective(WorkspaceRole? memberRole, bool isPublic, string? userId) =>
        memberRole ?? (isPublic ? (userId is null ? WorkspaceRole.Viewer : WorkspaceRole.Commenter) : null);
}
