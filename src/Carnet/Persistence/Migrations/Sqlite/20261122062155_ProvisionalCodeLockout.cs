using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Carnet.Persistence.Migrations.Sqlite
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
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "ProvisionalCodeLockedUntil",
                table: "Records",
                type: "INTEGER",
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
