using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Carnet.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Documents : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DocumentFolders",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RecordId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DocumentFolders", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Documents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RecordId = table.Column<Guid>(type: "uuid", nullable: false),
                    MasterIdentifier = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    SubmissionId = table.Column<Guid>(type: "uuid", nullable: true),
                    BinaryId = table.Column<Guid>(type: "uuid", nullable: true),
                    Title = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Category = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    TypeCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    TypeSystem = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    ClassCode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    FormatCode = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    ContentType = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    Sha256 = table.Column<byte[]>(type: "bytea", maxLength: 32, nullable: false),
                    Sha1 = table.Column<byte[]>(type: "bytea", maxLength: 20, nullable: false),
                    BlobKey = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    RenditionBlobKey = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    RenditionContentType = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    RenditionSize = table.Column<long>(type: "bigint", nullable: true),
                    RenditionSha256 = table.Column<byte[]>(type: "bytea", maxLength: 32, nullable: true),
                    ClinicalDate = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DepositedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AuthorId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    AuthorName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    AuthorFiness = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: true),
                    DepositorKind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    DepositorId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    DepositorName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    DepositorClientId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    HiddenFromProfessionals = table.Column<bool>(type: "boolean", nullable: false),
                    InvisibleToHolder = table.Column<bool>(type: "boolean", nullable: false),
                    InvisibleToLegalRepresentatives = table.Column<bool>(type: "boolean", nullable: false),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ReplacesId = table.Column<Guid>(type: "uuid", nullable: true),
                    ReplacedById = table.Column<Guid>(type: "uuid", nullable: true),
                    DeletedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DeletedByKind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    FolderId = table.Column<Guid>(type: "uuid", nullable: true),
                    Pinned = table.Column<bool>(type: "boolean", nullable: false),
                    ReportedMisfiledAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Documents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DocumentSubmissions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RecordId = table.Column<Guid>(type: "uuid", nullable: false),
                    DepositorId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    IdempotencyKey = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    SourceIdentifier = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DocumentSubmissions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RecordKeys",
                columns: table => new
                {
                    RecordId = table.Column<Guid>(type: "uuid", nullable: false),
                    MasterKeyId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    WrappedKey = table.Column<byte[]>(type: "bytea", maxLength: 60, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RecordKeys", x => x.RecordId);
                });

            migrationBuilder.CreateTable(
                name: "StagedBinaries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RecordId = table.Column<Guid>(type: "uuid", nullable: false),
                    DepositorId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    BlobKey = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    Sha256 = table.Column<byte[]>(type: "bytea", maxLength: 32, nullable: false),
                    Sha1 = table.Column<byte[]>(type: "bytea", maxLength: 20, nullable: false),
                    StagedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DocumentId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StagedBinaries", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DocumentFolders_RecordId",
                table: "DocumentFolders",
                column: "RecordId");

            migrationBuilder.CreateIndex(
                name: "IX_Documents_BinaryId",
                table: "Documents",
                column: "BinaryId");

            migrationBuilder.CreateIndex(
                name: "IX_Documents_BlobKey",
                table: "Documents",
                column: "BlobKey");

            migrationBuilder.CreateIndex(
                name: "IX_Documents_MasterIdentifier",
                table: "Documents",
                column: "MasterIdentifier",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Documents_RecordId_DepositedAt",
                table: "Documents",
                columns: new[] { "RecordId", "DepositedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Documents_RenditionBlobKey",
                table: "Documents",
                column: "RenditionBlobKey");

            migrationBuilder.CreateIndex(
                name: "IX_Documents_SubmissionId",
                table: "Documents",
                column: "SubmissionId");

            migrationBuilder.CreateIndex(
                name: "IX_DocumentSubmissions_DepositorId_IdempotencyKey",
                table: "DocumentSubmissions",
                columns: new[] { "DepositorId", "IdempotencyKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RecordKeys_MasterKeyId",
                table: "RecordKeys",
                column: "MasterKeyId");

            migrationBuilder.CreateIndex(
                name: "IX_StagedBinaries_BlobKey",
                table: "StagedBinaries",
                column: "BlobKey");

            migrationBuilder.CreateIndex(
                name: "IX_StagedBinaries_ExpiresAt",
                table: "StagedBinaries",
                column: "ExpiresAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DocumentFolders");

            migrationBuilder.DropTable(
                name: "Documents");

            migrationBuilder.DropTable(
                name: "DocumentSubmissions");

            migrationBuilder.DropTable(
                name: "RecordKeys");

            migrationBuilder.DropTable(
                name: "StagedBinaries");
        }
    }
}
