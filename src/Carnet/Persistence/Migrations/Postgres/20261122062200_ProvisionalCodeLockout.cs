using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Carnet.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ProvisionalCodeLockout : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ProvisionalCodeFailures",
                table: "Records",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ProvisionalCodeLockedUntil",
                table: "Records",
                type: "timestamp with time zone",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ProvisionalCodeFailures",
                table: "Records");

            migrationBuilder.DropColumn(
                name: "ProvisionalCodeLockedUntil",
                table: "Records");
        }
    }
}
