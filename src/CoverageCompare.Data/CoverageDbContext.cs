using CoverageCompare.Data.Accounts;
using CoverageCompare.Data.Analyses;
using CoverageCompare.Data.Annotations;
using CoverageCompare.Data.CheckLists;
using CoverageCompare.Data.Stories;
using CoverageCompare.Data.Workspaces;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace CoverageCompare.Data;

public sealed class CoverageDbContext(DbContextOptions<CoverageDbContext> options) : IdentityUserContext<AppUser>(options)
{
    public DbSet<Workspace> Workspaces => Set<Workspace>();

    public DbSet<WorkspaceMember> WorkspaceMembers => Set<WorkspaceMember>();

    public DbSet<WorkspaceInvitation> WorkspaceInvitations => Set<WorkspaceInvitation>();

    public DbSet<Story> Stories => Set<Story>();

    public DbSet<Article> Articles => Set<Article>();

    public DbSet<StoredAnalysis> Analyses => Set<StoredAnalysis>();

    public DbSet<LinkCorrection> LinkCorrections => Set<LinkCorrection>();

    public DbSet<Annotation> Annotations => Set<Annotation>();

    public DbSet<AnnotationRevision> AnnotationRevisions => Set<AnnotationRevision>();

    public DbSet<VerdictLabel> VerdictLabels => Set<VerdictLabel>();

    public DbSet<CheckItem> CheckItems => Set<CheckItem>();

    public DbSet<CheckTask> CheckTasks => Set<CheckTask>();

    public DbSet<CheckItemRevision> CheckItemRevisions => Set<CheckItemRevision>();

    public DbSet<CheckStatus> CheckStatuses => Set<CheckStatus>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);

        modelBuilder.Entity<AppUser>(user => user.Property(u => u.DisplayName).HasMaxLength(AppUser.DisplayNameLength));

        modelBuilder.Entity<Workspace>(workspace =>
        {
            workspace.Property(w => w.Name).HasMaxLength(Workspace.NameLength);
            workspace.HasMany(w => w.Members).WithOne(m => m.Workspace).HasForeignKey(m => m.WorkspaceId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<WorkspaceMember>(member =>
        {
            member.HasKey(m => new { m.WorkspaceId, m.UserId });
            member.HasIndex(m => m.UserId);
            member.Property(m => m.Role).HasConversion<string>().HasMaxLength(16);
            member.HasOne<AppUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<WorkspaceInvitation>(invitation =>
        {
            invitation.HasIndex(i => i.TokenHash).IsUnique();
            invitation.HasIndex(i => i.WorkspaceId);
            invitation.Property(i => i.TokenHash).HasMaxLength(64);
            invitation.Property(i => i.Label).HasMaxLength(WorkspaceStore.InvitationLabelLength);
            invitation.Property(i => i.Role).HasConversion<string>().HasMaxLength(16);
            invitation.HasOne<Workspace>().WithMany().HasForeignKey(i => i.WorkspaceId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<Story>(story =>
        {
            story.Property(s => s.Title).HasMaxLength(StoryLimits.TitleLength);
            story.HasIndex(s => s.WorkspaceId);
            story.HasOne<Workspace>().WithMany().HasForeignKey(s => s.WorkspaceId).OnDelete(DeleteBehavior.Cascade);
            story.HasMany(s => s.Articles).WithOne(a => a.Story).HasForeignKey(a => a.StoryId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<Article>(article =>
        {
            article.Property(a => a.Outlet).HasMaxLength(StoryLimits.OutletLength);
            article.Property(a => a.Title).HasMaxLength(StoryLimits.TitleLength);
            article.Property(a => a.Author).HasMaxLength(StoryLimits.AuthorLength);
            article.Property(a => a.Url).HasMaxLength(StoryLimits.UrlLength);
            article.Property(a => a.Format).HasConversion<string>().HasMaxLength(16);
            article.Property(a => a.ContentHash).HasMaxLength(64);
            article.HasIndex(a => new { a.StoryId, a.ContentHash }).IsUnique();
            article.HasIndex(a => new { a.StoryId, a.Position });
        });

        modelBuilder.Entity<StoredAnalysis>(analysis =>
        {
            analysis.HasKey(a => a.StoryId);
            analysis.Property(a => a.Fingerprint).HasMaxLength(64);
            analysis.Property(a => a.VectorModel).HasMaxLength(100);
            analysis.HasOne<Story>().WithOne().HasForeignKey<StoredAnalysis>(a => a.StoryId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<LinkCorrection>(correction =>
        {
            correction.Property(c => c.Kind).HasConversion<string>().HasMaxLength(16);
            correction.Property(c => c.Author).HasMaxLength(StoryLimits.AuthorLength);
            correction.HasIndex(c => c.StoryId);
            correction.HasOne<Story>().WithMany().HasForeignKey(c => c.StoryId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<Annotation>(annotation =>
        {
            annotation.HasIndex(a => a.PublicId).IsUnique();
            annotation.HasIndex(a => new { a.StoryId, a.CreatedAt });
            annotation.HasIndex(a => a.Label);
            annotation.HasOne(a => a.Article).WithMany().HasForeignKey(a => a.ArticleId).OnDelete(DeleteBehavior.Cascade);
            annotation.HasOne(a => a.Parent).WithMany().HasForeignKey(a => a.ParentId).OnDelete(DeleteBehavior.Cascade);
            annotation.HasMany(a => a.Revisions).WithOne(r => r.Annotation).HasForeignKey(r => r.AnnotationId).OnDelete(DeleteBehavior.Cascade);
            annotation.Property(a => a.Prefix).HasMaxLength(AnnotationLimits.ContextLength);
            annotation.Property(a => a.Suffix).HasMaxLength(AnnotationLimits.ContextLength);
            annotation.Property(a => a.Label).HasMaxLength(AnnotationLimits.LabelLength);
            annotation.Property(a => a.Note).HasMaxLength(AnnotationLimits.NoteLength);
            annotation.Property(a => a.Author).HasMaxLength(AnnotationLimits.AuthorLength);
            annotation.Property(a => a.CreatorId).HasMaxLength(64);
            annotation.Property(a => a.ImportedCreator).HasMaxLength(AnnotationLimits.AuthorLength);
            annotation.Property(a => a.ImportedFrom).HasMaxLength(AnnotationLimits.ImportedFromLength);
            annotation.Property(a => a.Version).IsConcurrencyToken();
        });

        modelBuilder.Entity<AnnotationRevision>(revision =>
        {
            revision.HasIndex(r => new { r.AnnotationId, r.Version });
            revision.Property(r => r.Action).HasConversion<string>().HasMaxLength(16);
            revision.Property(r => r.Author).HasMaxLength(AnnotationLimits.AuthorLength);
            revision.Property(r => r.Label).HasMaxLength(AnnotationLimits.LabelLength);
            revision.Property(r => r.Note).HasMaxLength(AnnotationLimits.NoteLength);
        });

        modelBuilder.Entity<VerdictLabel>(label =>
        {
            label.HasIndex(l => l.Name).IsUnique();
            label.Property(l => l.Name).HasMaxLength(AnnotationLimits.LabelLength);
        });

        modelBuilder.Entity<CheckItem>(item =>
        {
            item.HasIndex(i => i.StoryId);
            item.HasIndex(i => i.Slug).IsUnique();
            item.HasOne<Story>().WithMany().HasForeignKey(i => i.StoryId).OnDelete(DeleteBehavior.Cascade);
            item.HasOne<Article>().WithMany().HasForeignKey(i => i.ArticleId).OnDelete(DeleteBehavior.SetNull);
            item.HasMany(i => i.Tasks).WithOne(t => t.Item).HasForeignKey(t => t.ItemId).OnDelete(DeleteBehavior.Cascade);
            item.HasMany(i => i.Revisions).WithOne(r => r.Item).HasForeignKey(r => r.ItemId).OnDelete(DeleteBehavior.Cascade);
            item.Property(i => i.ClaimId).HasMaxLength(CheckListLimits.IdLength);
            item.Property(i => i.GroupId).HasMaxLength(CheckListLimits.IdLength);
            item.Property(i => i.ClaimText).HasMaxLength(CheckListLimits.ClaimTextLength);
            item.Property(i => i.Status).HasMaxLength(CheckListLimits.StatusLength);
            item.Property(i => i.AssigneeId).HasMaxLength(CheckListLimits.IdLength);
            item.Property(i => i.FinalVerdict).HasMaxLength(AnnotationLimits.LabelLength);
            item.Property(i => i.Summary).HasMaxLength(CheckListLimits.SummaryLength);
            item.Property(i => i.Slug).HasMaxLength(CheckListLimits.SlugLength);
            item.Property(i => i.CreatedBy).HasMaxLength(AnnotationLimits.AuthorLength);
            item.Property(i => i.Version).IsConcurrencyToken();
        });

        modelBuilder.Entity<CheckTask>(task => task.Property(t => t.Text).HasMaxLength(CheckListLimits.TaskLength));

        modelBuilder.Entity<CheckItemRevision>(revision =>
        {
            revision.Property(r => r.Author).HasMaxLength(AnnotationLimits.AuthorLength);
            revision.Property(r => r.Change).HasMaxLength(CheckListLimits.ChangeLength);
        });

        modelBuilder.Entity<CheckStatus>(status =>
        {
            status.HasIndex(s => new { s.WorkspaceId, s.Position });
            status.Property(s => s.Name).HasMaxLength(CheckListLimits.StatusLength);
            status.HasOne<Workspace>().WithMany().HasForeignKey(s => s.WorkspaceId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
