namespace CoverageCompare.Data.Workspaces;

/// <summary>Owns stories; people reach them through a membership with a role.</summary>
public sealed class Workspace
{
    public const int NameLength = 100;

    /// <summary>The public workspace the accounts migration made for the demo and for every story written before it.</summary>
    public const int DemoId = 1;

    public int Id { get; set; }

    public required string Name { get; set; }

    /// <summary>Anyone may read its stories without an account, and anyone signed in may comment: the demo's first look needs no set-up.</summary>
    public bool IsPublic { get; set; }

    public DateTime CreatedAt { get; set; }

    public List<WorkspaceMember> Members { get; set; } = [];
}

public sealed class WorkspaceMember
{
    public int WorkspaceId { get; set; }

    public Workspace? Workspace { get; set; }

    public required string UserId { get; set; }

    public WorkspaceRole Role { get; set; }

    public DateTime JoinedAt { get; set; }
}

/// <summary>A link that lets whoever holds it join with a role until it expires; only the token's hash is stored.</summary>
public sealed class WorkspaceInvitation
{
    public int Id { get; set; }

    public int WorkspaceId { get; set; }

    public required string TokenHash { get; set; }

    public WorkspaceRole Role { get; set; }

    /// <summary>Whom the owner meant it for ("Sam, the new intern"), so open invitations can be told apart; optional.</summary>
    public string? Label { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime ExpiresAt { get; set; }

    public required string CreatedById { get; set; }

    public string? AcceptedById { get; set; }

    public DateTime? AcceptedAt { get; set; }

    public DateTime? RevokedAt { get; set; }
}
