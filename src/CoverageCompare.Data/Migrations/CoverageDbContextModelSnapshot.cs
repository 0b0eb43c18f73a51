using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace CoverageCompare.Data.Migrations;

// Written by hand (the EF design-time tools do not restore here); a test checks it matches the model.
[DbContext(typeof(CoverageDbContext))]
public sealed class CoverageDbContextModelSnapshot : ModelSnapshot
{
    protected override void BuildModel(ModelBuilder modelBuilder)
    {
        modelBuilder.HasAnnotation("ProductVersion", "10.0.14");

        modelBuilder.Entity("CoverageCompare.Data.Analyses.LinkCorrection", b =>
        {
            b.Property<int>("Id").ValueGeneratedOnAdd().HasColumnType("INTEGER");
            b.Property<int>("ArticleAId").HasColumnType("INTEGER");
            b.Property<int>("ArticleBId").HasColumnType("INTEGER");
            b.Property<string>("Author").IsRequired().HasMaxLength(200).HasColumnType("TEXT");
            b.Property<string>("ClaimAText").IsRequired().HasColumnType("TEXT");
            b.Property<string>("ClaimBText").IsRequired().HasColumnType("TEXT");
            b.Property<DateTime>("CreatedAt").HasColumnType("TEXT");
            b.Property<string>("Kind").IsRequired().HasMaxLength(16).HasColumnType("TEXT");
            b.Property<int>("StoryId").HasColumnType("INTEGER");
            b.HasKey("Id");
            b.HasIndex("StoryId");
            b.ToTable("LinkCorrections");
        });

        modelBuilder.Entity("CoverageCompare.Data.Analyses.StoredAnalysis", b =>
        {
            b.Property<int>("StoryId").HasColumnType("INTEGER");
            b.Property<DateTime>("ComputedAt").HasColumnType("TEXT");
            b.Property<string>("Fingerprint").IsRequired().HasMaxLength(64).HasColumnType("TEXT");
            b.Property<string>("ResultJson").IsRequired().HasColumnType("TEXT");
            b.Property<string>("VectorModel").HasMaxLength(100).HasColumnType("TEXT");
            b.Property<byte[]>("Vectors").HasColumnType("BLOB");
            b.HasKey("StoryId");
            b.ToTable("Analyses");
        });

        modelBuilder.Entity("CoverageCompare.Data.Annotations.Annotation", b =>
        {
            b.Property<int>("Id").ValueGeneratedOnAdd().HasColumnType("INTEGER");
            b.Property<int>("ArticleId").HasColumnType("INTEGER");
            b.Property<string>("Author").IsRequired().HasMaxLength(100).HasColumnType("TEXT");
            b.Property<DateTime>("CreatedAt").HasColumnType("TEXT");
            b.Property<DateTime?>("DeletedAt").HasColumnType("TEXT");
            b.Property<int>("End").HasColumnType("INTEGER");
            b.Property<string>("Exact").IsRequired().HasColumnType("TEXT");
            b.Property<string>("Label").HasMaxLength(50).HasColumnType("TEXT");
            b.Property<DateTime>("ModifiedAt").HasColumnType("TEXT");
            b.Property<string>("Note").IsRequired().HasMaxLength(20000).HasColumnType("TEXT");
            b.Property<bool>("Orphaned").HasColumnType("INTEGER");
            b.Property<int?>("ParentId").HasColumnType("INTEGER");
            b.Property<string>("Prefix").IsRequired().HasMaxLength(64).HasColumnType("TEXT");
            b.Property<Guid>("PublicId").HasColumnType("TEXT");
            b.Property<DateTime?>("ResolvedAt").HasColumnType("TEXT");
            b.Property<int>("Start").HasColumnType("INTEGER");
            b.Property<int>("StoryId").HasColumnType("INTEGER");
            b.Property<string>("Suffix").IsRequired().HasMaxLength(64).HasColumnType("TEXT");
            b.PrimitiveCollection<string>("Tags").IsRequired().HasColumnType("TEXT");
            b.Property<int>("Version").IsConcurrencyToken().HasColumnType("INTEGER");
            b.Property<string>("CreatorId").HasMaxLength(64).HasColumnType("TEXT");
            b.Property<DateTime?>("ImportedCreated").HasColumnType("TEXT");
            b.Property<string>("ImportedCreator").HasMaxLength(100).HasColumnType("TEXT");
            b.Property<string>("ImportedFrom").HasMaxLength(500).HasColumnType("TEXT");
            b.HasKey("Id");
            b.HasIndex("ArticleId");
            b.HasIndex("Label");
            b.HasIndex("ParentId");
            b.HasIndex("PublicId").IsUnique();
            b.HasIndex("StoryId", "CreatedAt");
            b.ToTable("Annotations");
        });

        modelBuilder.Entity("CoverageCompare.Data.Annotations.AnnotationRevision", b =>
        {
            b.Property<int>("Id").ValueGeneratedOnAdd().HasColumnType("INTEGER");
            b.Property<string>("Action").IsRequired().HasMaxLength(16).HasColumnType("TEXT");
            b.Property<int>("AnnotationId").HasColumnType("INTEGER");
            b.Property<DateTime>("At").HasColumnType("TEXT");
            b.Property<string>("Author").IsRequired().HasMaxLength(100).HasColumnType("TEXT");
            b.Property<int>("End").HasColumnType("INTEGER");
            b.Property<string>("Exact").IsRequired().HasColumnType("TEXT");
            b.Property<string>("Label").HasMaxLength(50).HasColumnType("TEXT");
            b.Property<string>("Note").IsRequired().HasMaxLength(20000).HasColumnType("TEXT");
            b.Property<int>("Start").HasColumnType("INTEGER");
            b.PrimitiveCollection<string>("Tags").IsRequired().HasColumnType("TEXT");
            b.Property<int>("Version").HasColumnType("INTEGER");
            b.HasKey("Id");
            b.HasIndex("AnnotationId", "Version");
            b.ToTable("AnnotationRevisions");
        });

        modelBuilder.Entity("CoverageCompare.Data.Annotations.VerdictLabel", b =>
        {
            b.Property<int>("Id").ValueGeneratedOnAdd().HasColumnType("INTEGER");
            b.Property<string>("Name").IsRequired().HasMaxLength(50).HasColumnType("TEXT");
            b.Property<int>("Position").HasColumnType("INTEGER");
            b.HasKey("Id");
            b.HasIndex("Name").IsUnique();
            b.ToTable("VerdictLabels");
        });

        modelBuilder.Entity("CoverageCompare.Data.CheckLists.CheckItem", b =>
        {
            b.Property<int>("Id").ValueGeneratedOnAdd().HasColumnType("INTEGER");
            b.Property<int?>("ArticleId").HasColumnType("INTEGER");
            b.Property<string>("AssigneeId").HasMaxLength(64).HasColumnType("TEXT");
            b.Property<string>("ClaimId").HasMaxLength(64).HasColumnType("TEXT");
            b.Property<string>("ClaimText").IsRequired().HasMaxLength(2000).HasColumnType("TEXT");
            b.Property<DateTime>("CreatedAt").HasColumnType("TEXT");
            b.Property<string>("CreatedBy").IsRequired().HasMaxLength(100).HasColumnType("TEXT");
            b.Property<DateOnly?>("DueOn").HasColumnType("TEXT");
            b.Property<int>("End").HasColumnType("INTEGER");
            b.Property<string>("FinalVerdict").HasMaxLength(50).HasColumnType("TEXT");
            b.Property<string>("GroupId").HasMaxLength(64).HasColumnType("TEXT");
            b.Property<DateTime>("ModifiedAt").HasColumnType("TEXT");
            b.Property<DateTime?>("PublishedAt").HasColumnType("TEXT");
            b.Property<string>("Slug").HasMaxLength(100).HasColumnType("TEXT");
            b.Property<int>("Start").HasColumnType("INTEGER");
            b.Property<string>("Status").IsRequired().HasMaxLength(40).HasColumnType("TEXT");
            b.Property<int>("StoryId").HasColumnType("INTEGER");
            b.Property<string>("Summary").IsRequired().HasMaxLength(20000).HasColumnType("TEXT");
            b.Property<int>("Version").IsConcurrencyToken().HasColumnType("INTEGER");
            b.HasKey("Id");
            b.HasIndex("ArticleId");
            b.HasIndex("Slug").IsUnique();
            b.HasIndex("StoryId");
            b.ToTable("CheckItems");
        });

        modelBuilder.Entity("CoverageCompare.Data.CheckLists.CheckItemRevision", b =>
        {
            b.Property<int>("Id").ValueGeneratedOnAdd().HasColumnType("INTEGER");
            b.Property<DateTime>("At").HasColumnType("TEXT");
            b.Property<string>("Author").IsRequired().HasMaxLength(100).HasColumnType("TEXT");
            b.Property<string>("Change").IsRequired().HasMaxLength(2000).HasColumnType("TEXT");
            b.Property<int>("ItemId").HasColumnType("INTEGER");
            b.Property<int>("Version").HasColumnType("INTEGER");
            b.HasKey("Id");
            b.HasIndex("ItemId");
            b.ToTable("CheckItemRevisions");
        });

        modelBuilder.Entity("CoverageCompare.Data.CheckLists.CheckStatus", b =>
        {
            b.Property<int>("Id").ValueGeneratedOnAdd().HasColumnType("INTEGER");
            b.Property<string>("Name").IsRequired().HasMaxLength(40).HasColumnType("TEXT");
            b.Property<int>("Position").HasColumnType("INTEGER");
            b.Property<int>("WorkspaceId").HasColumnType("INTEGER");
            b.HasKey("Id");
            b.HasIndex("WorkspaceId", "Position");
            b.ToTable("CheckStatuses");
        });

        modelBuilder.Entity("CoverageCompare.Data.CheckLists.CheckTask", b =>
        {
            b.Property<int>("Id").ValueGeneratedOnAdd().HasColumnType("INTEGER");
            b.Property<bool>("Done").HasColumnType("INTEGER");
            b.Property<int>("ItemId").HasColumnType("INTEGER");
            b.Property<int>("Position").HasColumnType("INTEGER");
            b.Property<string>("Text").IsRequired().HasMaxLength(200).HasColumnType("TEXT");
            b.HasKey("Id");
            b.HasIndex("ItemId");
            b.ToTable("CheckTasks");
        });

        modelBuilder.Entity("CoverageCompare.Data.Stories.Article", b =>
        {
            b.Property<int>("Id").ValueGeneratedOnAdd().HasColumnType("INTEGER");
            b.Property<string>("Author").HasMaxLength(200).HasColumnType("TEXT");
            b.Property<string>("ContentHash").IsRequired().HasMaxLength(64).HasColumnType("TEXT");
            b.Property<DateTime>("CreatedAt").HasColumnType("TEXT");
            b.Property<string>("Format").IsRequired().HasMaxLength(16).HasColumnType("TEXT");
            b.Property<string>("Outlet").IsRequired().HasMaxLength(200).HasColumnType("TEXT");
            b.Property<int>("Position").HasColumnType("INTEGER");
            b.Property<DateOnly?>("PublishedOn").HasColumnType("TEXT");
            b.Property<int>("StoryId").HasColumnType("INTEGER");
            b.Property<string>("Text").IsRequired().HasColumnType("TEXT");
            b.Property<string>("Title").IsRequired().HasMaxLength(300).HasColumnType("TEXT");
            b.Property<string>("Url").HasMaxLength(2048).HasColumnType("TEXT");
            b.HasKey("Id");
            b.HasIndex("StoryId", "ContentHash").IsUnique();
            b.HasIndex("StoryId", "Position");
            b.ToTable("Articles");
        });

        modelBuilder.Entity("CoverageCompare.Data.Stories.Story", b =>
        {
            b.Property<int>("Id").ValueGeneratedOnAdd().HasColumnType("INTEGER");
            b.Property<DateTime>("CreatedAt").HasColumnType("TEXT");
            b.Property<string>("Title").IsRequired().HasMaxLength(300).HasColumnType("TEXT");
            b.Property<DateTime>("UpdatedAt").HasColumnType("TEXT");
            b.Property<int>("WorkspaceId").HasColumnType("INTEGER");
            b.HasKey("Id");
            b.HasIndex("WorkspaceId");
            b.ToTable("Stories");
        });

        modelBuilder.Entity("CoverageCompare.Data.Accounts.AppUser", b =>
        {
            b.Property<string>("Id").HasColumnType("TEXT");
            b.Property<int>("AccessFailedCount").HasColumnType("INTEGER");
            b.Property<string>("ConcurrencyStamp").IsConcurrencyToken().HasColumnType("TEXT");
            b.Property<string>("DisplayName").IsRequired().HasMaxLength(100).HasColumnType("TEXT");
            b.Property<string>("Email").HasMaxLength(256).HasColumnType("TEXT");
            b.Property<bool>("EmailConfirmed").HasColumnType("INTEGER");
            b.Property<bool>("LockoutEnabled").HasColumnType("INTEGER");
            b.Property<DateTimeOffset?>("LockoutEnd").HasColumnType("TEXT");
            b.Property<string>("NormalizedEmail").HasMaxLength(256).HasColumnType("TEXT");
            b.Property<string>("NormalizedUserName").HasMaxLength(256).HasColumnType("TEXT");
            b.Property<string>("PasswordHash").HasColumnType("TEXT");
            b.Property<string>("PhoneNumber").HasColumnType("TEXT");
            b.Property<bool>("PhoneNumberConfirmed").HasColumnType("INTEGER");
            b.Property<string>("SecurityStamp").HasColumnType("TEXT");
            b.Property<bool>("TwoFactorEnabled").HasColumnType("INTEGER");
            b.Property<string>("UserName").HasMaxLength(256).HasColumnType("TEXT");
            b.HasKey("Id");
            b.HasIndex("NormalizedEmail").HasDatabaseName("EmailIndex");
            b.HasIndex("NormalizedUserName").IsUnique().HasDatabaseName("UserNameIndex");
            b.ToTable("AspNetUsers");
        });

        modelBuilder.Entity("Microsoft.AspNetCore.Identity.IdentityUserClaim<string>", b =>
        {
            b.Property<int>("Id").ValueGeneratedOnAdd().HasColumnType("INTEGER");
            b.Property<string>("ClaimType").HasColumnType("TEXT");
            b.Property<string>("ClaimValue").HasColumnType("TEXT");
            b.Property<string>("UserId").IsRequired().HasColumnType("TEXT");
            b.HasKey("Id");
            b.HasIndex("UserId");
            b.ToTable("AspNetUserClaims");
        });

        modelBuilder.Entity("Microsoft.AspNetCore.Identity.IdentityUserLogin<string>", b =>
        {
            b.Property<string>("LoginProvider").HasColumnType("TEXT");
            b.Property<string>("ProviderKey").HasColumnType("TEXT");
            b.Property<string>("ProviderDisplayName").HasColumnType("TEXT");
            b.Property<string>("UserId").IsRequired().HasColumnType("TEXT");
            b.HasKey("LoginProvider", "ProviderKey");
            b.HasIndex("UserId");
            b.ToTable("AspNetUserLogins");
        });

        modelBuilder.Entity("Microsoft.AspNetCore.Identity.IdentityUserToken<string>", b =>
        {
            b.Property<string>("UserId").HasColumnType("TEXT");
            b.Property<string>("LoginProvider").HasColumnType("TEXT");
            b.Property<string>("Name").HasColumnType("TEXT");
            b.Property<string>("Value").HasColumnType("TEXT");
            b.HasKey("UserId", "LoginProvider", "Name");
            b.ToTable("AspNetUserTokens");
        });

        modelBuilder.Entity("CoverageCompare.Data.Workspaces.Workspace", b =>
        {
            b.Property<int>("Id").ValueGeneratedOnAdd().HasColumnType("INTEGER");
            b.Property<DateTime>("CreatedAt").HasColumnType("TEXT");
            b.Property<bool>("IsPublic").HasColumnType("INTEGER");
            b.Property<string>("Name").IsRequired().HasMaxLength(100).HasColumnType("TEXT");
            b.HasKey("Id");
            b.ToTable("Workspaces");
        });

        modelBuilder.Entity("CoverageCompare.Data.Workspaces.WorkspaceInvitation", b =>
        {
            b.Property<int>("Id").ValueGeneratedOnAdd().HasColumnType("INTEGER");
            b.Property<DateTime?>("AcceptedAt").HasColumnType("TEXT");
            b.Property<string>("AcceptedById").HasColumnType("TEXT");
            b.Property<DateTime>("CreatedAt").HasColumnType("TEXT");
            b.Property<string>("CreatedById").IsRequired().HasColumnType("TEXT");
            b.Property<DateTime>("ExpiresAt").HasColumnType("TEXT");
            b.Property<string>("Label").HasMaxLength(100).HasColumnType("TEXT");
            b.Property<DateTime?>("RevokedAt").HasColumnType("TEXT");
            b.Property<string>("Role").IsRequired().HasMaxLength(16).HasColumnType("TEXT");
            b.Property<string>("TokenHash").IsRequired().HasMaxLength(64).HasColumnType("TEXT");
            b.Property<int>("WorkspaceId").HasColumnType("INTEGER");
            b.HasKey("Id");
            b.HasIndex("TokenHash").IsUnique();
            b.HasIndex("WorkspaceId");
            b.ToTable("WorkspaceInvitations");
        });

        modelBuilder.Entity("CoverageCompare.Data.Workspaces.WorkspaceMember", b =>
        {
            b.Property<int>("WorkspaceId").HasColumnType("INTEGER");
            b.Property<string>("UserId").HasColumnType("TEXT");
            b.Property<DateTime>("JoinedAt").HasColumnType("TEXT");
            b.Property<string>("Role").IsRequired().HasMaxLength(16).HasColumnType("TEXT");
            b.HasKey("WorkspaceId", "UserId");
            b.HasIndex("UserId");
            b.ToTable("WorkspaceMembers");
        });

        modelBuilder.Entity("CoverageCompare.Data.Analyses.LinkCorrection", b =>
        {
            b.HasOne("CoverageCompare.Data.Stories.Story", null)
                .WithMany()
                .HasForeignKey("StoryId")
                .OnDelete(DeleteBehavior.Cascade)
                .IsRequired();
        });

        modelBuilder.Entity("CoverageCompare.Data.Analyses.StoredAnalysis", b =>
        {
            b.HasOne("CoverageCompare.Data.Stories.Story", null)
                .WithOne()
                .HasForeignKey("CoverageCompare.Data.Analyses.StoredAnalysis", "StoryId")
                .OnDelete(DeleteBehavior.Cascade)
                .IsRequired();
        });

        modelBuilder.Entity("CoverageCompare.Data.Annotations.Annotation", b =>
        {
            b.HasOne("CoverageCompare.Data.Stories.Article", "Article")
                .WithMany()
                .HasForeignKey("ArticleId")
                .OnDelete(DeleteBehavior.Cascade)
                .IsRequired();
            b.HasOne("CoverageCompare.Data.Annotations.Annotation", "Parent")
                .WithMany()
                .HasForeignKey("ParentId")
                .OnDelete(DeleteBehavior.Cascade);
            b.Navigation("Article");
            b.Navigation("Parent");
        });

        modelBuilder.Entity("CoverageCompare.Data.Annotations.AnnotationRevision", b =>
        {
            b.HasOne("CoverageCompare.Data.Annotations.Annotation", "Annotation")
                .WithMany("Revisions")
                .HasForeignKey("AnnotationId")
                .OnDelete(DeleteBehavior.Cascade)
                .IsRequired();
            b.Navigation("Annotation");
        });

        modelBuilder.Entity("CoverageCompare.Data.Stories.Article", b =>
        {
            b.HasOne("CoverageCompare.Data.Stories.Story", "Story")
                .WithMany("Articles")
                .HasForeignKey("StoryId")
                .OnDelete(DeleteBehavior.Cascade)
                .IsRequired();
            b.Navigation("Story");
        });

        modelBuilder.Entity("Microsoft.AspNetCore.Identity.IdentityUserClaim<string>", b =>
        {
            b.HasOne("CoverageCompare.Data.Accounts.AppUser", null).WithMany().HasForeignKey("UserId").OnDelete(DeleteBehavior.Cascade).IsRequired();
        });

        modelBuilder.Entity("Microsoft.AspNetCore.Identity.IdentityUserLogin<string>", b =>
        {
            b.HasOne("CoverageCompare.Data.Accounts.AppUser", null).WithMany().HasForeignKey("UserId").OnDelete(DeleteBehavior.Cascade).IsRequired();
        });

        modelBuilder.Entity("Microsoft.AspNetCore.Identity.IdentityUserToken<string>", b =>
        {
            b.HasOne("CoverageCompare.Data.Accounts.AppUser", null).WithMany().HasForeignKey("UserId").OnDelete(DeleteBehavior.Cascade).IsRequired();
        });

        modelBuilder.Entity("CoverageCompare.Data.Workspaces.WorkspaceInvitation", b =>
        {
            b.HasOne("CoverageCompare.Data.Workspaces.Workspace", null).WithMany().HasForeignKey("WorkspaceId").OnDelete(DeleteBehavior.Cascade).IsRequired();
        });

        modelBuilder.Entity("CoverageCompare.Data.Workspaces.WorkspaceMember", b =>
        {
            b.HasOne("CoverageCompare.Data.Accounts.AppUser", null).WithMany().HasForeignKey("UserId").OnDelete(DeleteBehavior.Cascade).IsRequired();
            b.HasOne("CoverageCompare.Data.Workspaces.Workspace", "Workspace").WithMany("Members").HasForeignKey("WorkspaceId").OnDelete(DeleteBehavior.Cascade).IsRequired();
            b.Navigation("Workspace");
        });

        modelBuilder.Entity("CoverageCompare.Data.Stories.Story", b =>
        {
            b.HasOne("CoverageCompare.Data.Workspaces.Workspace", null).WithMany().HasForeignKey("WorkspaceId").OnDelete(DeleteBehavior.Cascade).IsRequired();
        });

        modelBuilder.Entity("CoverageCompare.Data.Workspaces.Workspace", b => b.Navigation("Members"));

        modelBuilder.Entity("CoverageCompare.Data.Annotations.Annotation", b => b.Navigation("Revisions"));

        modelBuilder.Entity("CoverageCompare.Data.CheckLists.CheckItem", b =>
        {
            b.HasOne("CoverageCompare.Data.Stories.Article", null).WithMany().HasForeignKey("ArticleId").OnDelete(DeleteBehavior.SetNull);
            b.HasOne("CoverageCompare.Data.Stories.Story", null).WithMany().HasForeignKey("StoryId").OnDelete(DeleteBehavior.Cascade).IsRequired();
        });

        modelBuilder.Entity("CoverageCompare.Data.CheckLists.CheckItemRevision", b =>
        {
            b.HasOne("CoverageCompare.Data.CheckLists.CheckItem", "Item").WithMany("Revisions").HasForeignKey("ItemId").OnDelete(DeleteBehavior.Cascade).IsRequired();
            b.Navigation("Item");
        });

        modelBuilder.Entity("CoverageCompare.Data.CheckLists.CheckStatus", b =>
        {
            b.HasOne("CoverageCompare.Data.Workspaces.Workspace", null).WithMany().HasForeignKey("WorkspaceId").OnDelete(DeleteBehavior.Cascade).IsRequired();
        });

        modelBuilder.Entity("CoverageCompare.Data.CheckLists.CheckTask", b =>
        {
            b.HasOne("CoverageCompare.Data.CheckLists.CheckItem", "Item").WithMany("Tasks").HasForeignKey("ItemId").OnDelete(DeleteBehavior.Cascade).IsRequired();
            b.Navigation("Item");
        });

        modelBuilder.Entity("CoverageCompare.Data.CheckLists.CheckItem", b =>
        {
            b.Navigation("Revisions");
            b.Navigation("Tasks");
        });

        modelBuilder.Entity("CoverageCompare.Data.Stories.Story", b => b.Navigation("Articles"));
    }
}
