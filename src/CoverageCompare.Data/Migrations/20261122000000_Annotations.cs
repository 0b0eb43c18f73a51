using CoverageCompare.Data.Annotations;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CoverageCompare.Data.Migrations;

[DbContext(typeof(CoverageDbContext))]
[Migration("20261122000000_Annotations")]
public sealed class Annotations : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Annotations",
            columns: table => new
            {
                Id = table.Column<int>(type: "INTEGER", nullable: false).Annotation("Sqlite:Autoincrement", true),
                PublicId = table.Column<Guid>(type: "TEXT", nullable: false),
                StoryId = table.Column<int>(type: "INTEGER", nullable: false),
                ArticleId = table.Column<int>(type: "INTEGER", nullable: false),
                ParentId = table.Column<int>(type: "INTEGER", nullable: true),
                Start = table.Column<int>(type: "INTEGER", nullable: false),
                End = table.Column<int>(type: "INTEGER", nullable: false),
                Exact = table.Column<string>(type: "TEXT", nullable: false),
                Prefix = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                Suffix = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                Label = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                Tags = table.Column<string>(type: "TEXT", nullable: false),
                Note = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                Author = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                ModifiedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                ResolvedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                DeletedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                Orphaned = table.Column<bool>(type: "INTEGER", nullable: false),
                Version = table.Column<int>(type: "INTEGER", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Annotations", x => x.Id);
                table.ForeignKey(
                    name: "FK_Annotations_Annotations_ParentId",
                    column: x => x.ParentId,
                    principalTable: "Annotations",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
                table.ForeignKey(
                    name: "FK_Annotations_Articles_ArticleId",
                    column: x => x.ArticleId,
                    principalTable: "Articles",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "AnnotationRevisions",
            columns: table => new
            {
                Id = table.Column<int>(type: "INTEGER", nullable: false).Annotation("Sqlite:Autoincrement", true),
                AnnotationId = table.Column<int>(type: "INTEGER", nullable: false),
                Version = table.Column<int>(type: "INTEGER", nullable: false),
                Action = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                Author = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                At = table.Column<DateTime>(type: "TEXT", nullable: false),
                Label = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                Tags = table.Column<string>(type: "TEXT", nullable: false),
                Note = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                Start = table.Column<int>(type: "INTEGER", nullable: false),
                End = table.Column<int>(type: "INTEGER", nullable: false),
                Exact = table.Column<string>(type: "TEXT", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AnnotationRevisions", x => x.Id);
                table.ForeignKey(
                    name: "FK_AnnotationRevisions_Annotations_AnnotationId",
                    column: x => x.AnnotationId,
                    principalTable: "Annotations",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "VerdictLabels",
            columns: table => new
            {
                Id = table.Column<int>(type: "INTEGER", nullable: false).Annotation("Sqlite:Autoincrement", true),
                Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                Position = table.Column<int>(type: "INTEGER", nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_VerdictLabels", x => x.Id));

        migrationBuilder.CreateIndex(name: "IX_Annotations_PublicId", table: "Annotations", column: "PublicId", unique: true);
        migrationBuilder.CreateIndex(name: "IX_Annotations_StoryId_CreatedAt", table: "Annotations", columns: ["StoryId", "CreatedAt"]);
        migrationBuilder.CreateIndex(name: "IX_Annotations_ArticleId", table: "Annotations", column: "ArticleId");
        migrationBuilder.CreateIndex(name: "IX_Annotations_ParentId", table: "Annotations", column: "ParentId");
        migrationBuilder.CreateIndex(name: "IX_Annotations_Label", table: "Annotations", column: "Label");
        migrationBuilder.CreateIndex(name: "IX_AnnotationRevisions_AnnotationId_Version", table: "AnnotationRevisions", columns: ["AnnotationId", "Version"]);
        migrationBuilder.CreateIndex(name: "IX_VerdictLabels_Name", table: "VerdictLabels", column: "Name", unique: true);

        // The defaults are data a person may edit later, not part of the model, so they are inserted once here.
        for (var i = 0; i < VerdictLabel.Defaults.Count; i++)
        {
            migrationBuilder.InsertData(table: "VerdictLabels", columns: ["Name", "Position"], columnTypes: ["TEXT", "INTEGER"], values: [VerdictLabel.Defaults[i], i]);
        }
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "AnnotationRevisions");
        migrationBuilder.DropTable(name: "VerdictLabels");
        migrationBuilder.DropTable(name: "Annotations");
    }
}
