using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoverageCompare.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ImportedProvenance : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "ImportedCreated",
                table: "Annotations",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ImportedCreator",
                table: "Annotations",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ImportedFrom",
                table: "Annotations",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ImportedCreated",
                table: "Annotations");

            migrationBuilder.DropColumn(
                name: "ImportedCreator",
                table: "Annotations");

            migrationBuilder.DropColumn(
                name: "ImportedFrom",
                table: "Annotations");
        }
    }
}
