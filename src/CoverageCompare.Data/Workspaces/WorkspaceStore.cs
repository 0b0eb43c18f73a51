using CoverageCompare.Data.Database;
using System.Security.Cryptography;
using System.Text;
using CoverageCompare.Data.Accounts;
using CoverageCompare.Data.Stories;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace CoverageCompare.Data.Workspaces;

/// <summary>Workspaces, their members and invitations. Every change names the person asking and checks their role here.</summary>
public sealed class WorkspaceStore(IDbContextFactory<CoverageDbContext> dbFactory, WorkspaceAccess access, TimeProvider clock, CapacityLimits? limits = null)
{
    public static readonly TimeSpan MaxInvitationLifetime = TimeSpan.FromDays(30);

    public const string OwnersOnly = "Only an owner of this workspace can do that.";

    public const string NeedsAnOwner = "A workspace needs an owner: make someone else an owner first.";

    private const string NotAMember = "That person is not a member of this workspace.";

    public async Task<StoreResult<int>> CreateAsync(string userId, string name, CancellationToken cancellationToken = default)
    {
        if (ValidateName(name) is { } error) return StoreResult<int>.Fail(error);

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var max = (limits ?? new()).MaxWorkspacesPerAccount;
        if (await db.WorkspaceMembers.CountAsync(m => m.UserId == userId && m.Role == WorkspaceRole.Owner, cancellationToken) >= max)
            return StoreResult<int>.Fail($"You own {max} workspaces, the most one account may; delete or hand one over first.");
        var now = Now();
        var workspace = new Workspace { Name = name.Trim(), CreatedAt = now };
        workspace.Members.Add(new WorkspaceMember { UserId = userId, Role = WorkspaceRole.Owner, JoinedAt = now });
        db.Workspaces.Add(workspace);
        await db.SaveChangesAsync(cancellationToken);
        return StoreResult<int>.Ok(workspace.Id);
    }

    /// <summary>
    /// A new account gets a workspace of its own. Only the first account of an install also becomes the owner of the
    /// public workspaces nobody owns yet (the demo, and stories written before accounts existed), so someone can manage
    /// them; a public workspace that lost its owners later is never handed to whoever registers next.
    /// </summary>
    public async Task<int> SetUpNewAccountAsync(string userId, string displayName, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = Now();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Two first registrations at once: the write lock taken first lets only one of them see an install without members.
        await LockAsync(db, db.Workspaces.Where(w => w.IsPublic), cancellationToken);
        if (!await db.WorkspaceMembers.AnyAsync(m => m.UserId != userId, cancellationToken))
        {
            var ownerless = await db.Workspaces.Where(w => w.IsPublic && !w.Members.Any()).Select(w => w.Id).ToListAsync(cancellationToken);
            foreach (var workspaceId in ownerless)
                db.WorkspaceMembers.Add(new WorkspaceMember { WorkspaceId = workspaceId, UserId = userId, Role = WorkspaceRole.Owner, JoinedAt = now });
        }

        var name = $"{displayName.Trim()}'s workspace";
        var own = new Workspace { Name = name.Length > Workspace.NameLength ? name[..Workspace.NameLength] : name, CreatedAt = now };
        own.Members.Add(new WorkspaceMember { UserId = userId, Role = WorkspaceRole.Owner, JoinedAt = now });
        db.Workspaces.Add(own);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return own.Id;
    }

    /// <summary>
    /// Whether a member other than <paramref name="userId"/> has a name that reads the same (<see cref="DisplayNames.Skeleton"/>):
    /// in one workspace, or, without one, in the public workspaces, where everyone signed in meets everyone.
    /// </summary>
    public async Task<bool> NameTakenAsync(string name, string? userId, int? workspaceId = null, CancellationToken cancellationToken = default)
    {
        var skeleton = DisplayNames.Skeleton(name);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var names = await db.WorkspaceMembers.AsNoTracking()
            .Where(m => workspaceId == null ? m.Workspace!.IsPublic : m.WorkspaceId == workspaceId)
            .Where(m => m.UserId != userId)
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => u.DisplayName)
            .Distinct()
            .ToListAsync(cancellationToken);
        return names.Any(n => DisplayNames.Skeleton(n) == skeleton);
    }

    public async Task<StoreResult<bool>> RenameAsync(int workspaceId, string actorId, string name, CancellationToken cancellationToken = default)
    {
        if (ValidateName(name) is { } error) return StoreResult<bool>.Fail(error);
        if (await access.RoleAsync(workspaceId, actorId, cancellationToken) != WorkspaceRole.Owner) return StoreResult<bool>.Fail(OwnersOnly);

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Workspaces.Where(w => w.Id == workspaceId).ExecuteUpdateAsync(u => u.SetProperty(w => w.Name, name.Trim()), cancellationToken);
        return StoreResult<bool>.Ok(true);
    }

    public async Task<IReadOnlyList<MemberView>> MembersAsync(int workspaceId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.WorkspaceMembers.AsNoTracking()
            .Where(m => m.WorkspaceId == workspaceId)
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { m.UserId, u.DisplayName, u.Email, m.Role, m.JoinedAt })
            .ToListAsync(cancellationToken);
        return rows
            .OrderByDescending(m => m.Role).ThenBy(m => m.DisplayName, StringComparer.CurrentCultureIgnoreCase)
            .Select(m => new MemberView(m.UserId, DisplayNames.Clean(m.DisplayName), m.Email, m.Role, Utc(m.JoinedAt)))
            .ToList();
    }

    public async Task<StoreResult<bool>> ChangeRoleAsync(int workspaceId, string actorId, string memberId, WorkspaceRole role, CancellationToken cancellationToken = default)
    {
        if (!Enum.IsDefined(role)) return StoreResult<bool>.Fail("That is not a role.");

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await BeginMembershipChangeAsync(db, workspaceId, cancellationToken);
        if (await MemberRoleAsync(db, workspaceId, actorId, cancellationToken) != WorkspaceRole.Owner) return StoreResult<bool>.Fail(OwnersOnly);
        var current = await MemberRoleAsync(db, workspaceId, memberId, cancellationToken);
        if (current is null) return StoreResult<bool>.Fail(NotAMember);

        var changed = await db.WorkspaceMembers
            .Where(m => m.WorkspaceId == workspaceId && m.UserId == memberId)
            .Where(m => m.Role != WorkspaceRole.Owner || role == WorkspaceRole.Owner || db.WorkspaceMembers.Any(o => o.WorkspaceId == workspaceId && o.Role == WorkspaceRole.Owner && o.UserId != memberId))
            .ExecuteUpdateAsync(u => u.SetProperty(m => m.Role, role), cancellationToken);
        if (changed == 0) return StoreResult<bool>.Fail(NeedsAnOwner);
        await transaction.CommitAsync(cancellationToken);
        return StoreResult<bool>.Ok(true);
    }

    /// <summary>Owners remove anyone; anyone may leave on their own. Never the last owner.</summary>
    public async Task<StoreResult<bool>> RemoveMemberAsync(int workspaceId, string actorId, string memberId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await BeginMembershipChangeAsync(db, workspaceId, cancellationToken);
        if (actorId != memberId && await MemberRoleAsync(db, workspaceId, actorId, cancellationToken) != WorkspaceRole.Owner)
            return StoreResult<bool>.Fail(OwnersOnly);
        if (await MemberRoleAsync(db, workspaceId, memberId, cancellationToken) is null) return StoreResult<bool>.Fail(NotAMember);

        var removed = await db.WorkspaceMembers
            .Where(m => m.WorkspaceId == workspaceId && m.UserId == memberId)
            .Where(m => m.Role != WorkspaceRole.Owner || db.WorkspaceMembers.Any(o => o.WorkspaceId == workspaceId && o.Role == WorkspaceRole.Owner && o.UserId != memberId))
            .ExecuteDeleteAsync(cancellationToken);
        if (removed == 0) return StoreResult<bool>.Fail(NeedsAnOwner);
        await transaction.CommitAsync(cancellationToken);
        return StoreResult<bool>.Ok(true);
    }

    public const int InvitationLabelLength = 100;

    /// <param name="label">Whom the invitation is meant for, shown to the owners beside it; optional.</param>
    public async Task<StoreResult<InvitationLink>> InviteAsync(int workspaceId, string actorId, WorkspaceRole role, TimeSpan validFor, string? label = null, CancellationToken cancellationToken = default)
    {
        if (!Enum.IsDefined(role)) return StoreResult<InvitationLink>.Fail("That is not a role.");
        label = string.IsNullOrWhiteSpace(label) ? null : label.Trim();
        if (label?.Length > InvitationLabelLength) return StoreResult<InvitationLink>.Fail($"Say whom it is for in {InvitationLabelLength} characters or fewer.");
        if (validFor <= TimeSpan.Zero || validFor > MaxInvitationLifetime)
            return StoreResult<InvitationLink>.Fail($"An invitation lasts between an hour and {MaxInvitationLifetime.TotalDays:0} days.");
        if (await access.RoleAsync(workspaceId, actorId, cancellationToken) != WorkspaceRole.Owner) return StoreResult<InvitationLink>.Fail(OwnersOnly);

        var token = Base64Url(RandomNumberGenerator.GetBytes(32));
        var now = Now();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var invitation = new WorkspaceInvitation
        {
            WorkspaceId = workspaceId,
            TokenHash = Hash(token),
            Role = role,
            CreatedAt = now,
            ExpiresAt = now + validFor,
            CreatedById = actorId,
            Label = label,
        };
        db.WorkspaceInvitations.Add(invitation);
        await db.SaveChangesAsync(cancellationToken);
        return StoreResult<InvitationLink>.Ok(new InvitationLink(workspaceId, token, role, Utc(invitation.ExpiresAt)));
    }

    public async Task<IReadOnlyList<InvitationView>> OpenInvitationsAsync(int workspaceId, CancellationToken cancellationToken = default)
    {
        var now = Now();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.WorkspaceInvitations.AsNoTracking()
            .Where(i => i.WorkspaceId == workspaceId && i.AcceptedAt == null && i.RevokedAt == null && i.ExpiresAt > now)
            .Join(db.Users, i => i.CreatedById, u => u.Id, (i, u) => new { i.Id, i.Role, i.CreatedAt, i.ExpiresAt, u.DisplayName, i.Label })
            .ToListAsync(cancellationToken);
        return rows.OrderBy(i => i.ExpiresAt).Select(i => new InvitationView(i.Id, i.Role, Utc(i.CreatedAt), Utc(i.ExpiresAt), i.DisplayName, i.Label)).ToList();
    }

    public async Task<StoreResult<bool>> RevokeInvitationAsync(int workspaceId, string actorId, int invitationId, CancellationToken cancellationToken = default)
    {
        if (await access.RoleAsync(workspaceId, actorId, cancellationToken) != WorkspaceRole.Owner) return StoreResult<bool>.Fail(OwnersOnly);

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var revoked = await db.WorkspaceInvitations
            .Where(i => i.Id == invitationId && i.WorkspaceId == workspaceId && i.RevokedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(i => i.RevokedAt, Now()), cancellationToken);
        return revoked == 1 ? StoreResult<bool>.Ok(true) : StoreResult<bool>.Fail("That invitation does not exist.");
    }

    /// <summary>What an invitation offers, so the person can decide before joining.</summary>
    public async Task<StoreResult<InvitationPreview>> PreviewInvitationAsync(int workspaceId, string token, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (invitation, error) = await FindUsableAsync(db, workspaceId, token, cancellationToken);
        if (invitation is null) return StoreResult<InvitationPreview>.Fail(error!);
        var name = await db.Workspaces.Where(w => w.Id == workspaceId).Select(w => w.Name).SingleAsync(cancellationToken);
        return StoreResult<InvitationPreview>.Ok(new InvitationPreview(workspaceId, name, invitation.Role, Utc(invitation.ExpiresAt)));
    }

    /// <summary>Joins with the invitation's role, or keeps a higher role the person already has. Each link works once.</summary>
    public async Task<StoreResult<WorkspaceRole>> AcceptInvitationAsync(int workspaceId, string token, string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (invitation, error) = await FindUsableAsync(db, workspaceId, token, cancellationToken);
        if (invitation is null) return StoreResult<WorkspaceRole>.Fail(error!);

        var joiner = await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).FirstOrDefaultAsync(cancellationToken);
        if (!await db.WorkspaceMembers.AnyAsync(m => m.WorkspaceId == workspaceId && m.UserId == userId, cancellationToken)
            && await NameTakenAsync(joiner ?? "", userId, workspaceId, cancellationToken))
            return StoreResult<WorkspaceRole>.Fail("Someone in this workspace already goes by a name that reads like yours, so others could not tell you apart. Ask the owner to invite you under another account name.");

        var now = Now();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var claimed = await db.WorkspaceInvitations
            .Where(i => i.Id == invitation.Id && i.AcceptedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(i => i.AcceptedAt, now).SetProperty(i => i.AcceptedById, userId), cancellationToken);
        if (claimed == 0) return StoreResult<WorkspaceRole>.Fail("This invitation has already been used.");

        var member = await db.WorkspaceMembers.FirstOrDefaultAsync(m => m.WorkspaceId == workspaceId && m.UserId == userId, cancellationToken);
        if (member is null)
        {
            member = new WorkspaceMember { WorkspaceId = workspaceId, UserId = userId, Role = invitation.Role, JoinedAt = now };
            db.WorkspaceMembers.Add(member);
        }
        else if (member.Role < invitation.Role)
        {
            member.Role = invitation.Role;
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return StoreResult<WorkspaceRole>.Ok(member.Role);
    }

    private async Task<(WorkspaceInvitation? Invitation, string? Error)> FindUsableAsync(CoverageDbContext db, int workspaceId, string token, CancellationToken cancellationToken)
    {
        const string unknown = "This invitation link is not valid. Ask the workspace owner for a new one.";
        if (string.IsNullOrWhiteSpace(token) || token.Length > 100) return (null, unknown);

        var hash = Hash(token);
        var invitation = await db.WorkspaceInvitations.FirstOrDefaultAsync(i => i.TokenHash == hash, cancellationToken);
        if (invitation is null || invitation.WorkspaceId != workspaceId) return (null, unknown);
        if (invitation.RevokedAt is not null) return (null, "This invitation was withdrawn by the workspace owner.");
        if (invitation.AcceptedAt is not null) return (null, "This invitation has already been used.");
        if (invitation.ExpiresAt <= Now()) return (null, "This invitation has expired. Ask the workspace owner for a new one.");
        return (invitation, null);
    }

    /// <summary>
    /// Every change that can take an owner away runs here: the transaction writes to the workspace's row before it reads
    /// anything, so a second change to the same workspace waits for the first to commit and then counts its owners
    /// afresh (SQLite's write lock; on PostgreSQL the row lock). Two owners demoting each other cannot both pass.
    /// </summary>
    private static async Task<IDbContextTransaction> BeginMembershipChangeAsync(CoverageDbContext db, int workspaceId, CancellationToken cancellationToken)
    {
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await LockAsync(db, db.Workspaces.Where(w => w.Id == workspaceId), cancellationToken);
        return transaction;
    }

    private static Task<int> LockAsync(CoverageDbContext db, IQueryable<Workspace> workspaces, CancellationToken cancellationToken) =>
        workspaces.ExecuteUpdateAsync(u => u.SetProperty(w => w.Name, w => w.Name), cancellationToken);

    private static Task<WorkspaceRole?> MemberRoleAsync(CoverageDbContext db, int workspaceId, string userId, CancellationToken cancellationToken) =>
        db.WorkspaceMembers.Where(m => m.WorkspaceId == workspaceId && m.UserId == userId).Select(m => (WorkspaceRole?)m.Role).FirstOrDefaultAsync(cancellationToken);

    private static string? ValidateName(string? name) =>
        string.IsNullOrWhiteSpace(name) ? "A workspace needs a name."
        : name.Trim().Length > Workspace.NameLength ? $"A workspace name is at most {Workspace.NameLength} characters."
        : null;

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private DateTime Now() => clock.StoredNow();

    private static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);
}
