using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Carnet.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AccessPolicy : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "EmergencyAccesses",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RecordId = table.Column<Guid>(type: "uuid", nullable: false),
                    IdNatPs = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    Mode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    OpenedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EmergencyAccesses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EmergencyAccesses_Records_RecordId",
                        column: x => x.RecordId,
                        principalTable: "Records",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProfessionalAuthorizations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RecordId = table.Column<Guid>(type: "uuid", nullable: false),
                    IdNatPs = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    ProfessionalName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Basis = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    GrantedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    EndedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    EndReason = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProfessionalAuthorizations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProfessionalAuthorizations_Records_RecordId",
                        column: x => x.RecordId,
                        principalTable: "Records",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProfessionalBlocks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RecordId = table.Column<Guid>(type: "uuid", nullable: false),
                    IdNatPs = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    ProfessionalName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    BlockedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    BlockedByKind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    BlockedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    LiftedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProfessionalBlocks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProfessionalBlocks_Records_RecordId",
                        column: x => x.RecordId,
                        principalTable: "Records",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RecordAccessSettings",
                columns: table => new
                {
                    RecordId = table.Column<Guid>(type: "uuid", nullable: false),
                    Centre15Allowed = table.Column<bool>(type: "boolean", nullable: false),
                    BreakTheGlassAllowed = table.Column<bool>(type: "boolean", nullable: false),
                    HiddenDocumentsInEmergency = table.Column<bool>(type: "boolean", nullable: false),
                    HideNewDocumentsSince = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RecordAccessSettings", x => x.RecordId);
                    table.ForeignKey(
                        name: "FK_RecordAccessSettings_Records_RecordId",
                        column: x => x.RecordId,
                        principalTable: "Records",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SecretConnections",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RecordId = table.Column<Guid>(type: "uuid", nullable: false),
                    IdNatPs = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    OpenedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SecretConnections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SecretConnections_Records_RecordId",
                        column: x => x.RecordId,
                        principalTable: "Records",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_EmergencyAccesses_RecordId_IdNatPs_ExpiresAt",
                table: "EmergencyAccesses",
                columns: new[] { "RecordId", "IdNatPs", "ExpiresAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ProfessionalAuthorizations_IdNatPs",
                table: "ProfessionalAuthorizations",
                column: "IdNatPs");

            migrationBuilder.CreateIndex(
                name: "IX_ProfessionalAuthorizations_RecordId_IdNatPs",
                table: "ProfessionalAuthorizations",
                columns: new[] { "RecordId", "IdNatPs" });

            migrationBuilder.CreateIndex(
                name: "IX_ProfessionalBlocks_RecordId_IdNatPs",
                table: "ProfessionalBlocks",
                columns: new[] { "RecordId", "IdNatPs" });

            migrationBuilder.CreateIndex(
                name: "IX_SecretConnections_RecordId_IdNatPs_ExpiresAt",
                table: "SecretConnections",
                columns: new[] { "RecordId", "IdNatPs", "ExpiresAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EmergencyAccesses");

            migrationBuilder.DropTable(
                name: "ProfessionalAuthorizations");

            migrationBuilder.DropTable(
                name: "ProfessionalBlocks");

            migrationBuilder.DropTable(
                name: "RecordAccessSettings");

            migrationBuilder.DropTable(
                name: "SecretConnections");
        }
    }
}
