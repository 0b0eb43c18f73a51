namespace CoverageCompare.Data.Workspaces;

/// <summary>A workspace as one person sees it: <see cref="Role"/> is what they may do there.</summary>
public sealed record WorkspaceSummary(int Id, string Name, bool IsPublic, WorkspaceRole Role, bool IsMember);

public sealed record MemberView(string UserId, string DisplayName, string? Email, WorkspaceRole Role, DateTime JoinedAt);

public sealed record InvitationView(int Id, WorkspaceRole Role, DateTime CreatedAt, DateTime ExpiresAt, string CreatedBy, string? Label = null);

/// <summary>The secret half of an invitation: shown once to the owner who made it, never stored.</summary>
public sealed record InvitationLink(int WorkspaceId, string Token, WorkspaceRole Role, DateTime ExpiresAt);

public sealed record InvitationPreview(int WorkspaceId, string WorkspaceName, WorkspaceRole Role, DateTime ExpiresAt);
