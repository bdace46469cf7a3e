using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Carnet.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class StaffAccounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {

        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}
