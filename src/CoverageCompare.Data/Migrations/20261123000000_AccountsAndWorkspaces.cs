using CoverageCompare.Data.Workspaces;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CoverageCompare.Data.Migrations;

/// <summary>
/// Accounts, and workspaces that own stories. Stories written before this belong to a public "Demo" workspace, so
/// nothing stored disappears behind a sign-in; the first account registered becomes its owner.
/// </summary>
[DbContext(typeof(CoverageDbContext))]
[Migration("20261123000000_AccountsAndWorkspaces")]
public sealed class AccountsAndWorkspaces : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Workspaces",
            columns: table => new
            {
                Id = table.Column<int>(type: "INTEGER", nullable: false).Annotation("Sqlite:Autoincrement", true),
                Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                IsPublic = table.Column<bool>(type: "INTEGER", nullable: false),
                CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_Workspaces", x => x.Id));

        migrationBuilder.Sql($"INSERT INTO Workspaces (Id, Name, IsPublic, CreatedAt) VALUES ({Workspace.DemoId}, 'Demo', 1, strftime('%Y-%m-%d %H:%M:%f', 'now'));");

        RebuildStoriesWithWorkspace(migrationBuilder);
        migrationBuilder.AddColumn<string>(name: "CreatorId", table: "Annotations", type: "TEXT", maxLength: 64, nullable: true);

        migrationBuilder.CreateTable(
            name: "AspNetUsers",
            columns: table => new
            {
                Id = table.Column<string>(type: "TEXT", nullable: false),
                DisplayName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                NormalizedUserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                Email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                NormalizedEmail = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                EmailConfirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                PasswordHash = table.Column<string>(type: "TEXT", nullable: true),
                SecurityStamp = table.Column<string>(type: "TEXT", nullable: true),
                ConcurrencyStamp = table.Column<string>(type: "TEXT", nullable: true),
                PhoneNumber = table.Column<string>(type: "TEXT", nullable: true),
                PhoneNumberConfirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                TwoFactorEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                LockoutEnd = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                LockoutEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                AccessFailedCount = table.Column<int>(type: "INTEGER", nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_AspNetUsers", x => x.Id));

        migrationBuilder.CreateTable(
            name: "AspNetUserClaims",
            columns: table => new
            {
                Id = table.Column<int>(type: "INTEGER", nullable: false).Annotation("Sqlite:Autoincrement", true),
                UserId = table.Column<string>(type: "TEXT", nullable: false),
                ClaimType = table.Column<string>(type: "TEXT", nullable: true),
                ClaimValue = table.Column<string>(type: "TEXT", nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetUserClaims", x => x.Id);
                table.ForeignKey("FK_AspNetUserClaims_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "AspNetUserLogins",
            columns: table => new
            {
                LoginProvider = table.Column<string>(type: "TEXT", nullable: false),
                ProviderKey = table.Column<string>(type: "TEXT", nullable: false),
                ProviderDisplayName = table.Column<string>(type: "TEXT", nullable: true),
                UserId = table.Column<string>(type: "TEXT", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetUserLogins", x => new { x.LoginProvider, x.ProviderKey });
                table.ForeignKey("FK_AspNetUserLogins_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "AspNetUserTokens",
            columns: table => new
            {
                UserId = table.Column<string>(type: "TEXT", nullable: false),
                LoginProvider = table.Column<string>(type: "TEXT", nullable: false),
                Name = table.Column<string>(type: "TEXT", nullable: false),
                Value = table.Column<string>(type: "TEXT", nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetUserTokens", x => new { x.UserId, x.LoginProvider, x.Name });
                table.ForeignKey("FK_AspNetUserTokens_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "WorkspaceInvitations",
            columns: table => new
            {
                Id = table.Column<int>(type: "INTEGER", nullable: false).Annotation("Sqlite:Autoincrement", true),
                WorkspaceId = table.Column<int>(type: "INTEGER", nullable: false),
                TokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                Role = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                ExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                CreatedById = table.Column<string>(type: "TEXT", nullable: false),
                AcceptedById = table.Column<string>(type: "TEXT", nullable: true),
                AcceptedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                RevokedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_WorkspaceInvitations", x => x.Id);
                table.ForeignKey("FK_WorkspaceInvitations_Workspaces_WorkspaceId", x => x.WorkspaceId, "Workspaces", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "WorkspaceMembers",
            columns: table => new
            {
                WorkspaceId = table.Column<int>(type: "INTEGER", nullable: false),
                UserId = table.Column<string>(type: "TEXT", nullable: false),
                Role = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                JoinedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_WorkspaceMembers", x => new { x.WorkspaceId, x.UserId });
                table.ForeignKey("FK_WorkspaceMembers_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_WorkspaceMembers_Workspaces_WorkspaceId", x => x.WorkspaceId, "Workspaces", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex(name: "IX_AspNetUserClaims_UserId", table: "AspNetUserClaims", column: "UserId");
        migrationBuilder.CreateIndex(name: "IX_AspNetUserLogins_UserId", table: "AspNetUserLogins", column: "UserId");
        migrationBuilder.CreateIndex(name: "EmailIndex", table: "AspNetUsers", column: "NormalizedEmail");
        migrationBuilder.CreateIndex(name: "UserNameIndex", table: "AspNetUsers", column: "NormalizedUserName", unique: true);
        migrationBuilder.CreateIndex(name: "IX_WorkspaceInvitations_TokenHash", table: "WorkspaceInvitations", column: "TokenHash", unique: true);
        migrationBuilder.CreateIndex(name: "IX_WorkspaceInvitations_WorkspaceId", table: "WorkspaceInvitations", column: "WorkspaceId");
        migrationBuilder.CreateIndex(name: "IX_WorkspaceMembers_UserId", table: "WorkspaceMembers", column: "UserId");
    }

    /// <summary>
    /// SQLite cannot add a foreign key to a table, so Stories is copied into a new table that has it. Foreign keys are
    /// off meanwhile (outside the transaction, where the pragma works): dropping the old table must not cascade to its articles.
    /// </summary>
    private static void RebuildStoriesWithWorkspace(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("PRAGMA foreign_keys = 0;", suppressTransaction: true);
        migrationBuilder.Sql(
            """
            CREATE TABLE "ef_temp_Stories" (
                "Id" INTEGER NOT NULL CONSTRAINT "PK_Stories" PRIMARY KEY AUTOINCREMENT,
                "Title" TEXT NOT NULL,
                "CreatedAt" TEXT NOT NULL,
                "UpdatedAt" TEXT NOT NULL,
                "WorkspaceId" INTEGER NOT NULL,
                CONSTRAINT "FK_Stories_Workspaces_WorkspaceId" FOREIGN KEY ("WorkspaceId") REFERENCES "Workspaces" ("Id") ON DELETE CASCADE
            );
            """);
        migrationBuilder.Sql($"""INSERT INTO "ef_temp_Stories" ("Id", "Title", "CreatedAt", "UpdatedAt", "WorkspaceId") SELECT "Id", "Title", "CreatedAt", "UpdatedAt", {Workspace.DemoId} FROM "Stories";""");
        migrationBuilder.Sql("""DROP TABLE "Stories";""");
        migrationBuilder.Sql("""ALTER TABLE "ef_temp_Stories" RENAME TO "Stories";""");
        migrationBuilder.CreateIndex(name: "IX_Stories_WorkspaceId", table: "Stories", column: "WorkspaceId");
        migrationBuilder.Sql("PRAGMA foreign_keys = 1;", suppressTransaction: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "AspNetUserClaims");
        migrationBuilder.DropTable(name: "AspNetUserLogins");
        migrationBuilder.DropTable(name: "AspNetUserTokens");
        migrationBuilder.DropTable(name: "WorkspaceInvitations");
        migrationBuilder.DropTable(name: "WorkspaceMembers");
        migrationBuilder.DropTable(name: "AspNetUsers");
        migrationBuilder.DropIndex(name: "IX_Stories_WorkspaceId", table: "Stories");
        migrationBuilder.DropColumn(name: "WorkspaceId", table: "Stories");
        migrationBuilder.DropColumn(name: "CreatorId", table: "Annotations");
        migrationBuilder.DropTable(name: "Workspaces");
    }
}
