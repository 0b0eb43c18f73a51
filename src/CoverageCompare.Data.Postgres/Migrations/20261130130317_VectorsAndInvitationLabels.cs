using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoverageCompare.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class VectorsAndInvitationLabels : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Label",
                table: "WorkspaceInvitations",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "VectorModel",
                table: "Analyses",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "Vectors",
                table: "Analyses",
                type: "bytea",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Label",
                table: "WorkspaceInvitations");

            migrationBuilder.DropColumn(
                name: "VectorModel",
                table: "Analyses");

            migrationBuilder.DropColumn(
                name: "Vectors",
                table: "Analyses");
        }
    }
}
