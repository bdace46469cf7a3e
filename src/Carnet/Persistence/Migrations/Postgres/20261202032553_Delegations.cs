using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Carnet.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Delegations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CaregiverLinks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    HolderRecordId = table.Column<Guid>(type: "uuid", nullable: false),
                    CaregiverRecordId = table.Column<Guid>(type: "uuid", nullable: false),
                    InvitedByRecordId = table.Column<Guid>(type: "uuid", nullable: false),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    InvitedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AnsweredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    EndedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    EndedBy = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaregiverLinks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaregiverLinks_Records_CaregiverRecordId",
                        column: x => x.CaregiverRecordId,
                        principalTable: "Records",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CaregiverLinks_Records_HolderRecordId",
                        column: x => x.HolderRecordId,
                        principalTable: "Records",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RepresentativeInvitations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RecordId = table.Column<Guid>(type: "uuid", nullable: false),
                    InvitedByRecordId = table.Column<Guid>(type: "uuid", nullable: false),
                    InviteeRecordId = table.Column<Guid>(type: "uuid", nullable: false),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    InvitedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AnsweredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    EndedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RepresentationId = table.Column<Guid>(type: "uuid", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RepresentativeInvitations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RepresentativeInvitations_Records_RecordId",
                        column: x => x.RecordId,
                        principalTable: "Records",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CaregiverLinks_CaregiverRecordId_Status",
                table: "CaregiverLinks",
                columns: new[] { "CaregiverRecordId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_CaregiverLinks_HolderRecordId_Status",
                table: "CaregiverLinks",
                columns: new[] { "HolderRecordId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_RepresentativeInvitations_InviteeRecordId_Status",
                table: "RepresentativeInvitations",
                columns: new[] { "InviteeRecordId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_RepresentativeInvitations_RecordId_Status",
                table: "RepresentativeInvitations",
                columns: new[] { "RecordId", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CaregiverLinks");

            migrationBuilder.DropTable(
                name: "RepresentativeInvitations");
        }
    }
}
