using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ReliefDashboard.Data.Migrations
{
    /// <inheritdoc />
    public partial class HouseholdSearchColumns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ChannelMask",
                table: "Households",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "MemberCount",
                table: "Households",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateIndex(
                name: "IX_Households_LastVerifiedOn",
                table: "Households",
                column: "LastVerifiedOn");

            migrationBuilder.CreateIndex(
                name: "IX_Households_MemberCount",
                table: "Households",
                column: "MemberCount");

            // The new columns are derived from each household's records: mark every stored status as stale so the
            // status refresh at start-up recomputes them with the same C# rules that every save uses.
            migrationBuilder.Sql("UPDATE Households SET StatusComputedOn = '0001-01-01';");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Households_LastVerifiedOn",
                table: "Households");

            migrationBuilder.DropIndex(
                name: "IX_Households_MemberCount",
                table: "Households");

            migrationBuilder.DropColumn(
                name: "ChannelMask",
                table: "Households");

            migrationBuilder.DropColumn(
                name: "MemberCount",
                table: "Households");
        }
    }
}
