using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ReliefDashboard.Data.Migrations
{
    /// <inheritdoc />
    public partial class BenefitIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Benefits_Breaches",
                table: "Benefits");

            migrationBuilder.DropIndex(
                name: "IX_Benefits_Money",
                table: "Benefits");

            migrationBuilder.DropIndex(
                name: "IX_Benefits_TownId",
                table: "Benefits");

            migrationBuilder.CreateIndex(
                name: "IX_Industries_Programme",
                table: "Industries",
                columns: new[] { "Channel", "Park", "PvStation", "StartDate", "EndDate", "HouseholdId", "PvShareKw" });

            migrationBuilder.CreateIndex(
                name: "IX_Employments_Posts",
                table: "Employments",
                columns: new[] { "Channel", "PostType", "StartDate", "EndDate" });

            migrationBuilder.CreateIndex(
                name: "IX_Benefits_Breaches",
                table: "Benefits",
                columns: new[] { "Breaches", "VoidedAt", "TownId", "Kind", "HouseholdId" });

            migrationBuilder.CreateIndex(
                name: "IX_Benefits_Money",
                table: "Benefits",
                columns: new[] { "TownId", "Kind", "VoidedAt", "HouseholdId", "Amount" });

            migrationBuilder.CreateIndex(
                name: "IX_Benefits_PaidOn_Id",
                table: "Benefits",
                columns: new[] { "PaidOn", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Industries_Programme",
                table: "Industries");

            migrationBuilder.DropIndex(
                name: "IX_Employments_Posts",
                table: "Employments");

            migrationBuilder.DropIndex(
                name: "IX_Benefits_Breaches",
                table: "Benefits");

            migrationBuilder.DropIndex(
                name: "IX_Benefits_Money",
                table: "Benefits");

            migrationBuilder.DropIndex(
                name: "IX_Benefits_PaidOn_Id",
                table: "Benefits");

            migrationBuilder.CreateIndex(
                name: "IX_Benefits_Breaches",
                table: "Benefits",
                column: "Breaches");

            migrationBuilder.CreateIndex(
                name: "IX_Benefits_Money",
                table: "Benefits",
                columns: new[] { "VoidedAt", "TownId", "Kind", "HouseholdId", "Amount" });

            migrationBuilder.CreateIndex(
                name: "IX_Benefits_TownId",
                table: "Benefits",
                column: "TownId");
        }
    }
}
