using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Carnet.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Passkeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_SignInChallenges_AspNetUsers_AccountId",
                table: "SignInChallenges");

            migrationBuilder.DropIndex(
                name: "IX_SignInChallenges_AccountId",
                table: "SignInChallenges");

            migrationBuilder.AlterColumn<Guid>(
                name: "AccountId",
                table: "SignInChallenges",
                type: "TEXT",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AddColumn<string>(
                name: "CeremonyState",
                table: "SignInChallenges",
                type: "TEXT",
                maxLength: 8000,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "CeremonyState",
                table: "SignInChallenges");

            migrationBuilder.AlterColumn<Guid>(
                name: "AccountId",
                table: "SignInChallenges",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "TEXT",
                oldNullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_SignInChallenges_AccountId",
                table: "SignInChallenges",
                column: "AccountId");

            migrationBuilder.AddForeignKey(
                name: "FK_SignInChallenges_AspNetUsers_AccountId",
                table: "SignInChallenges",
                column: "AccountId",
                principalTable: "AspNetUsers",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }
    }
}
