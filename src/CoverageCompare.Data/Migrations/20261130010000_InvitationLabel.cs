using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CoverageCompare.Data.Migrations;

/// <summary>An invitation may say whom it is meant for, so an owner can tell open invitations apart.</summary>
[DbContext(typeof(CoverageDbContext))]
[Migration("20261130010000_InvitationLabel")]
public sealed class InvitationLabel : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.AddColumn<string>(name: "Label", table: "WorkspaceInvitations", type: "TEXT", maxLength: 100, nullable: true);

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropColumn(name: "Label", table: "WorkspaceInvitations");
}
