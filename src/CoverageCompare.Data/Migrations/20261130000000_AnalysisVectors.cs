using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CoverageCompare.Data.Migrations;

/// <summary>Claim vectors kept with each stored analysis, so re-analysis only embeds what changed.</summary>
[DbContext(typeof(CoverageDbContext))]
[Migration("20261130000000_AnalysisVectors")]
public sealed class AnalysisVectors : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>(name: "VectorModel", table: "Analyses", type: "TEXT", maxLength: 100, nullable: true);
        migrationBuilder.AddColumn<byte[]>(name: "Vectors", table: "Analyses", type: "BLOB", nullable: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropColumn(name: "Vectors", table: "Analyses");
        migrationBuilder.DropColumn(name: "VectorModel", table: "Analyses");
    }
}
