using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CoverageCompare.Data.Migrations;

/// <summary>
/// A story's check list: claims a team checks, each with a status from its workspace's workflow, an assignee, a due
/// date, tasks, the team's final verdict and a public summary, a published address, and its history.
/// </summary>
[DbContext(typeof(CoverageDbContext))]
[Migration("20261130180000_CheckLists")]
public sealed class CheckLists : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "CheckItems",
            columns: table => new
            {
                Id = table.Column<int>(type: "INTEGER", nullable: false).Annotation("Sqlite:Autoincrement", true),
                StoryId = table.Column<int>(type: "INTEGER", nullable: false),
                ArticleId = table.Column<int>(type: "INTEGER", nullable: true),
                ClaimId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                GroupId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                Start = table.Column<int>(type: "INTEGER", nullable: false),
                End = table.Column<int>(type: "INTEGER", nullable: false),
                ClaimText = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                AssigneeId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                DueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                FinalVerdict = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                Summary = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                Slug = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                PublishedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                ModifiedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                CreatedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                Version = table.Column<int>(type: "INTEGER", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_CheckItems", x => x.Id);
                table.ForeignKey(
                    name: "FK_CheckItems_Articles_ArticleId",
                    column: x => x.ArticleId,
                    principalTable: "Articles",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.SetNull);
                table.ForeignKey(
                    name: "FK_CheckItems_Stories_StoryId",
                    column: x => x.StoryId,
                    principalTable: "Stories",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "CheckTasks",
            columns: table => new
            {
                Id = table.Column<int>(type: "INTEGER", nullable: false).Annotation("Sqlite:Autoincrement", true),
                ItemId = table.Column<int>(type: "INTEGER", nullable: false),
                Position = table.Column<int>(type: "INTEGER", nullable: false),
                Text = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                Done = table.Column<bool>(type: "INTEGER", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_CheckTasks", x => x.Id);
                table.ForeignKey(
                    name: "FK_CheckTasks_CheckItems_ItemId",
                    column: x => x.ItemId,
                    principalTable: "CheckItems",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "CheckItemRevisions",
            columns: table => new
            {
                Id = table.Column<int>(type: "INTEGER", nullable: false).Annotation("Sqlite:Autoincrement", true),
                ItemId = table.Column<int>(type: "INTEGER", nullable: false),
                Version = table.Column<int>(type: "INTEGER", nullable: false),
                Author = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                At = table.Column<DateTime>(type: "TEXT", nullable: false),
                Change = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_CheckItemRevisions", x => x.Id);
                table.ForeignKey(
                    name: "FK_CheckItemRevisions_CheckItems_ItemId",
                    column: x => x.ItemId,
                    principalTable: "CheckItems",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "CheckStatuses",
            columns: table => new
            {
                Id = table.Column<int>(type: "INTEGER", nullable: false).Annotation("Sqlite:Autoincrement", true),
                WorkspaceId = table.Column<int>(type: "INTEGER", nullable: false),
                Position = table.Column<int>(type: "INTEGER", nullable: false),
                Name = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_CheckStatuses", x => x.Id);
                table.ForeignKey(
                    name: "FK_CheckStatuses_Workspaces_WorkspaceId",
                    column: x => x.WorkspaceId,
                    principalTable: "Workspaces",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex(name: "IX_CheckItems_ArticleId", table: "CheckItems", column: "ArticleId");
        migrationBuilder.CreateIndex(name: "IX_CheckItems_Slug", table: "CheckItems", column: "Slug", unique: true);
        migrationBuilder.CreateIndex(name: "IX_CheckItems_StoryId", table: "CheckItems", column: "StoryId");
        migrationBuilder.CreateIndex(name: "IX_CheckTasks_ItemId", table: "CheckTasks", column: "ItemId");
        migrationBuilder.CreateIndex(name: "IX_CheckItemRevisions_ItemId", table: "CheckItemRevisions", column: "ItemId");
        migrationBuilder.CreateIndex(name: "IX_CheckStatuses_WorkspaceId_Position", table: "CheckStatuses", columns: ["WorkspaceId", "Position"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "CheckItemRevisions");
        migrationBuilder.DropTable(name: "CheckTasks");
        migrationBuilder.DropTable(name: "CheckStatuses");
        migrationBuilder.DropTable(name: "CheckItems");
    }
}
