using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Carnet.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class EstablishmentKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ClientKeys",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    EstablishmentClientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kid = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Algorithm = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    PublicJwk = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    AddedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RevokedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClientKeys", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ClientKeys_EstablishmentClients_EstablishmentClientId",
                        column: x => x.EstablishmentClientId,
                        principalTable: "EstablishmentClients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TokenSigningKeys",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Generation = table.Column<int>(type: "INTEGER", nullable: false),
                    Kid = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    PublicJwk = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    ProtectedPrivateKey = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SignsFrom = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TokenSigningKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "UsedClientAssertions",
                columns: table => new
                {
                    ClientId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Jti = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UsedClientAssertions", x => new { x.ClientId, x.Jti });
                });

            migrationBuilder.CreateIndex(
                name: "IX_ClientKeys_EstablishmentClientId_Kid",
                table: "ClientKeys",
                columns: new[] { "EstablishmentClientId", "Kid" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TokenSigningKeys_Generation",
                table: "TokenSigningKeys",
                column: "Generation",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TokenSigningKeys_Kid",
                table: "TokenSigningKeys",
                column: "Kid",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_UsedClientAssertions_ExpiresAt",
                table: "UsedClientAssertions",
                column: "ExpiresAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ClientKeys");

            migrationBuilder.DropTable(
                name: "TokenSigningKeys");

            migrationBuilder.DropTable(
                name: "UsedClientAssertions");
        }
    }
}
