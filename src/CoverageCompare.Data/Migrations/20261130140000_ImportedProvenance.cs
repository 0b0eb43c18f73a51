using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CoverageCompare.Data.Migrations;

/// <summary>
/// An imported annotation keeps the creator and time its file claimed beside, not instead of, the verified importer
/// and import time, so nobody can pass an import off as someone else's annotation.
/// </summary>
[DbContext(typeof(CoverageDbContext))]
[Migration("20261130140000_ImportedProvenance")]
public sealed class ImportedProvenance : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>(name: "ImportedCreator", table: "Annotations", type: "TEXT", maxLength: 100, nullable: true);
        migrationBuilder.AddColumn<DateTime>(name: "ImportedCreated", table: "Annotations", type: "TEXT", nullable: true);
        migrationBuilder.AddColumn<string>(name: "ImportedFrom", table: "Annotations", type: "TEXT", maxLength: 500, nullable: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropColumn(name: "ImportedCreator", table: "Annotations");
        migrationBuilder.DropColumn(name: "ImportedCreated", table: "Annotations");
        migrationBuilder.DropColumn(name: "ImportedFrom", table: "Annotations");
    }
}
