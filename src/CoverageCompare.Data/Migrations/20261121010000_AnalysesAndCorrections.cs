using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CoverageCompare.Data.Migrations;

[DbContext(typeof(CoverageDbContext))]
[Migration("20261121010000_AnalysesAndCorrections")]
public sealed class AnalysesAndCorrections : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Analyses",
            columns: table => new
            {
                StoryId = table.Column<int>(type: "INTEGER", nullable: false),
                Fingerprint = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                ResultJson = table.Column<string>(type: "TEXT", nullable: false),
                ComputedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Analyses", x => x.StoryId);
                table.ForeignKey(
                    name: "FK_Analyses_Stories_StoryId",
                    column: x => x.StoryId,
                    principalTable: "Stories",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "LinkCorrections",
            columns: table => new
            {
                Id = table.Column<int>(type: "INTEGER", nullable: false).Annotation("Sqlite:Autoincrement", true),
                StoryId = table.Column<int>(type: "INTEGER", nullable: false),
                ArticleAId = table.Column<int>(type: "INTEGER", nullable: false),
                ClaimAText = table.Column<string>(type: "TEXT", nullable: false),
                ArticleBId = table.Column<int>(type: "INTEGER", nullable: false),
                ClaimBText = table.Column<string>(type: "TEXT", nullable: false),
                Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                Author = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_LinkCorrections", x => x.Id);
                table.ForeignKey(
                    name: "FK_LinkCorrections_Stories_StoryId",
                    column: x => x.StoryId,
                    principalTable: "Stories",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex(name: "IX_LinkCorrections_StoryId", table: "LinkCorrections", column: "StoryId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "LinkCorrections");
        migrationBuilder.DropTable(name: "Analyses");
    }
}
