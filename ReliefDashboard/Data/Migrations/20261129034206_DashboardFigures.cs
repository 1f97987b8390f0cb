using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace ReliefDashboard.Data.Migrations
{
    /// <inheritdoc />
    public partial class DashboardFigures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "EmployedLabourMembers",
                table: "Households",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "EmploymentMask",
                table: "Households",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "IndustryMask",
                table: "Households",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "LabourMembers",
                table: "Households",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "LocalLabourMembers",
                table: "Households",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "WorkersInDistrict",
                table: "Households",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "WorkersInProvince",
                table: "Households",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "WorkersOutsideProvince",
                table: "Households",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            // Households stored before these columns existed have zeros in them; an old computation date makes the
            // status refresh at the next start recompute every household and fill them in.
            migrationBuilder.Sql("UPDATE Households SET StatusComputedOn = '2000-01-01';");

            migrationBuilder.CreateTable(
                name: "FigureMonths",
                columns: table => new
                {
                    Month = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    TakenAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FigureMonths", x => x.Month);
                });

            migrationBuilder.CreateTable(
                name: "MonthlyFigures",
                columns: table => new
                {
                    Month = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    TownId = table.Column<int>(type: "INTEGER", nullable: false),
                    ChannelMask = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Households = table.Column<int>(type: "INTEGER", nullable: false),
                    LabourHouseholds = table.Column<int>(type: "INTEGER", nullable: false),
                    LabourMembers = table.Column<int>(type: "INTEGER", nullable: false),
                    EmployedLabourMembers = table.Column<int>(type: "INTEGER", nullable: false),
                    LocalCoveredHouseholds = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MonthlyFigures", x => new { x.Month, x.TownId, x.ChannelMask, x.Status });
                    table.ForeignKey(
                        name: "FK_MonthlyFigures_Towns_TownId",
                        column: x => x.TownId,
                        principalTable: "Towns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.InsertData(
                table: "PolicySettings",
                columns: new[] { "Key", "Clause", "Label", "Value" },
                values: new object[,]
                {
                    { "assessment.attainment.amberFromPercent", "四(三) 督查考核：对工作滞后的追究责任（平台口径）", "达标率黄色档下限（%，低于即为红色、滞后）", "85" },
                    { "assessment.attainment.greenFromPercent", "四(三) 督查考核：表彰先进（平台口径）", "达标率绿色档下限（%，达到即为较好）", "95" },
                    { "assessment.attainment.targetPercent", "一、总体目标“全区2524户搬迁群众都有一项稳定脱贫产业或有一人稳定就业”", "达标率目标（%）", "100" }
                });

            migrationBuilder.CreateIndex(
                name: "IX_Households_Dashboard",
                table: "Households",
                columns: new[] { "TownId", "ChannelMask", "Status", "IndustryMask", "EmploymentMask", "HasLabour", "LabourMembers", "EmployedLabourMembers", "LocalLabourMembers", "WorkersInDistrict", "WorkersInProvince", "WorkersOutsideProvince" });

            migrationBuilder.CreateIndex(
                name: "IX_MonthlyFigures_TownId",
                table: "MonthlyFigures",
                column: "TownId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FigureMonths");

            migrationBuilder.DropTable(
                name: "MonthlyFigures");

            migrationBuilder.DropIndex(
                name: "IX_Households_Dashboard",
                table: "Households");

            migrationBuilder.DeleteData(
                table: "PolicySettings",
                keyColumn: "Key",
                keyValue: "assessment.attainment.amberFromPercent");

            migrationBuilder.DeleteData(
                table: "PolicySettings",
                keyColumn: "Key",
                keyValue: "assessment.attainment.greenFromPercent");

            migrationBuilder.DeleteData(
                table: "PolicySettings",
                keyColumn: "Key",
                keyValue: "assessment.attainment.targetPercent");

            migrationBuilder.DropColumn(
                name: "EmployedLabourMembers",
                table: "Households");

            migrationBuilder.DropColumn(
                name: "EmploymentMask",
                table: "Households");

            migrationBuilder.DropColumn(
                name: "IndustryMask",
                table: "Households");

            migrationBuilder.DropColumn(
                name: "LabourMembers",
                table: "Households");

            migrationBuilder.DropColumn(
                name: "LocalLabourMembers",
                table: "Households");

            migrationBuilder.DropColumn(
                name: "WorkersInDistrict",
                table: "Households");

            migrationBuilder.DropColumn(
                name: "WorkersInProvince",
                table: "Households");

            migrationBuilder.DropColumn(
                name: "WorkersOutsideProvince",
                table: "Households");
        }
    }
}
