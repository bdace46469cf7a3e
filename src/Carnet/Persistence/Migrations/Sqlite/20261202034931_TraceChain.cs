using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Carnet.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TraceChain : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<byte[]>(
                name: "Hash",
                table: "Traces",
                type: "BLOB",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "Sequence",
                table: "Traces",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Traces_RecordId_Sequence",
                table: "Traces",
                columns: new[] { "RecordId", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Traces_Unsealed",
                table: "Traces",
                column: "Id",
                filter: "\"Sequence\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Traces_RecordId_Sequence",
                table: "Traces");

            migrationBuilder.DropIndex(
                name: "IX_Traces_Unsealed",
                table: "Traces");

            migrationBuilder.DropColumn(
                name: "Hash",
                table: "Traces");

            migrationBuilder.DropColumn(
                name: "Sequence",
                table: "Traces");
        }
    }
}
