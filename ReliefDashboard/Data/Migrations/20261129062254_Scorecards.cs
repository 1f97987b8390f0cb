using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace ReliefDashboard.Data.Migrations
{
    /// <inheritdoc />
    public partial class Scorecards : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Households_Dashboard",
                table: "Households");

            migrationBuilder.AddColumn<int>(
                name: "VerifiedHouseholds",
                table: "MonthlyFigures",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ScorePeriods",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    TakenAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Closed = table.Column<bool>(type: "INTEGER", nullable: false),
                    ClosedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ClosedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Rules = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    TotalGreenFrom = table.Column<decimal>(type: "TEXT", nullable: false),
                    TotalAmberFrom = table.Column<decimal>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScorePeriods", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ScoreRows",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PeriodId = table.Column<int>(type: "INTEGER", nullable: false),
                    TownId = table.Column<int>(type: "INTEGER", nullable: false),
                    Town = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Total = table.Column<decimal>(type: "TEXT", nullable: true),
                    Band = table.Column<int>(type: "INTEGER", nullable: true),
                    Rank = table.Column<int>(type: "INTEGER", nullable: true),
                    Commendation = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Accountability = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScoreRows", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ScoreRows_ScorePeriods_PeriodId",
                        column: x => x.PeriodId,
                        principalTable: "ScorePeriods",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ScoreRows_Towns_TownId",
                        column: x => x.TownId,
                        principalTable: "Towns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ScoreCells",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RowId = table.Column<long>(type: "INTEGER", nullable: false),
                    Indicator = table.Column<int>(type: "INTEGER", nullable: false),
                    Value = table.Column<decimal>(type: "TEXT", nullable: true),
                    Numerator = table.Column<int>(type: "INTEGER", nullable: true),
                    Denominator = table.Column<int>(type: "INTEGER", nullable: true),
                    Target = table.Column<decimal>(type: "TEXT", nullable: false),
                    Score = table.Column<decimal>(type: "TEXT", nullable: true),
                    Band = table.Column<int>(type: "INTEGER", nullable: true),
                    Weight = table.Column<decimal>(type: "TEXT", nullable: false),
                    HigherIsBetter = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScoreCells", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ScoreCells_ScoreRows_RowId",
                        column: x => x.RowId,
                        principalTable: "ScoreRows",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "PolicySettings",
                columns: new[] { "Key", "Clause", "Label", "Value" },
                values: new object[,]
                {
                    { "scorecard.accountability.redIndicators", "四(三) 对措施不落实、工作滞后的追究责任（平台口径）", "问责名单：或红色指标达到此项数（0为不按此条）", "3" },
                    { "scorecard.accountability.redTotal", "四(三) 对措施不落实、工作滞后的追究责任（平台口径）", "问责名单：总分为红色档", "true" },
                    { "scorecard.attainment.enabled", "一、总体目标“每户至少有一项稳定脱贫产业或一人稳定就业”", "考核指标·达标率：纳入镇街考核", "true" },
                    { "scorecard.attainment.higherIsBetter", "一、总体目标“每户至少有一项稳定脱贫产业或一人稳定就业”", "考核指标·达标率：越高越好（否则越低越好）", "true" },
                    { "scorecard.attainment.weight", "一、总体目标“每户至少有一项稳定脱贫产业或一人稳定就业”", "考核指标·达标率：权重", "40" },
                    { "scorecard.commend.allIndicatorsGreen", "四(三) 对工作成效好的镇街予以表彰（平台口径）", "表彰名单：各项指标均为绿色", "true" },
                    { "scorecard.commend.minTotal", "四(三) 对工作成效好的镇街予以表彰（平台口径）", "表彰名单：且总分不低于（分）", "85" },
                    { "scorecard.flagsClosedOnTime.amberFrom", "四(三) 督查考核：督办整改按期销号（平台口径）", "考核指标·督办按期销号率：黄色档：达到（%，低于即红色）", "70" },
                    { "scorecard.flagsClosedOnTime.enabled", "四(三) 督查考核：督办整改按期销号（平台口径）", "考核指标·督办按期销号率：纳入镇街考核", "true" },
                    { "scorecard.flagsClosedOnTime.greenFrom", "四(三) 督查考核：督办整改按期销号（平台口径）", "考核指标·督办按期销号率：绿色档：达到（%）", "90" },
                    { "scorecard.flagsClosedOnTime.higherIsBetter", "四(三) 督查考核：督办整改按期销号（平台口径）", "考核指标·督办按期销号率：越高越好（否则越低越好）", "true" },
                    { "scorecard.flagsClosedOnTime.target", "四(三) 督查考核：督办整改按期销号（平台口径）", "考核指标·督办按期销号率：目标值（%）", "100" },
                    { "scorecard.flagsClosedOnTime.weight", "四(三) 督查考核：督办整改按期销号（平台口径）", "考核指标·督办按期销号率：权重", "10" },
                    { "scorecard.freshness.amberFrom", "四(三) 督查考核：走访核实时效，窗口同“预警：超过此天数未走访核实”（平台口径）", "考核指标·数据时效（走访核实率）：黄色档：达到（%，低于即红色）", "70" },
                    { "scorecard.freshness.enabled", "四(三) 督查考核：走访核实时效，窗口同“预警：超过此天数未走访核实”（平台口径）", "考核指标·数据时效（走访核实率）：纳入镇街考核", "true" },
                    { "scorecard.freshness.greenFrom", "四(三) 督查考核：走访核实时效，窗口同“预警：超过此天数未走访核实”（平台口径）", "考核指标·数据时效（走访核实率）：绿色档：达到（%）", "90" },
                    { "scorecard.freshness.higherIsBetter", "四(三) 督查考核：走访核实时效，窗口同“预警：超过此天数未走访核实”（平台口径）", "考核指标·数据时效（走访核实率）：越高越好（否则越低越好）", "true" },
                    { "scorecard.freshness.target", "四(三) 督查考核：走访核实时效，窗口同“预警：超过此天数未走访核实”（平台口径）", "考核指标·数据时效（走访核实率）：目标值（%）", "100" },
                    { "scorecard.freshness.weight", "四(三) 督查考核：走访核实时效，窗口同“预警：超过此天数未走访核实”（平台口径）", "考核指标·数据时效（走访核实率）：权重", "10" },
                    { "scorecard.labourEmployment.amberFrom", "三(二)至三(五) 就业渠道（平台口径）", "考核指标·劳动力就业率：黄色档：达到（%，低于即红色）", "20" },
                    { "scorecard.labourEmployment.enabled", "三(二)至三(五) 就业渠道（平台口径）", "考核指标·劳动力就业率：纳入镇街考核", "true" },
                    { "scorecard.labourEmployment.greenFrom", "三(二)至三(五) 就业渠道（平台口径）", "考核指标·劳动力就业率：绿色档：达到（%）", "30" },
                    { "scorecard.labourEmployment.higherIsBetter", "三(二)至三(五) 就业渠道（平台口径）", "考核指标·劳动力就业率：越高越好（否则越低越好）", "true" },
                    { "scorecard.labourEmployment.target", "三(二)至三(五) 就业渠道（平台口径）", "考核指标·劳动力就业率：目标值（%）", "40" },
                    { "scorecard.labourEmployment.weight", "三(二)至三(五) 就业渠道（平台口径）", "考核指标·劳动力就业率：权重", "10" },
                    { "scorecard.localCoverage.amberFrom", "三(一)至三(三) 就地就近就业（平台口径）", "考核指标·就地就近就业覆盖率：黄色档：达到（%，低于即红色）", "35" },
                    { "scorecard.localCoverage.enabled", "三(一)至三(三) 就地就近就业（平台口径）", "考核指标·就地就近就业覆盖率：纳入镇街考核", "true" },
                    { "scorecard.localCoverage.greenFrom", "三(一)至三(三) 就地就近就业（平台口径）", "考核指标·就地就近就业覆盖率：绿色档：达到（%）", "50" },
                    { "scorecard.localCoverage.higherIsBetter", "三(一)至三(三) 就地就近就业（平台口径）", "考核指标·就地就近就业覆盖率：越高越好（否则越低越好）", "true" },
                    { "scorecard.localCoverage.target", "三(一)至三(三) 就地就近就业（平台口径）", "考核指标·就地就近就业覆盖率：目标值（%）", "60" },
                    { "scorecard.localCoverage.weight", "三(一)至三(三) 就地就近就业（平台口径）", "考核指标·就地就近就业覆盖率：权重", "10" },
                    { "scorecard.noMeasure.amberFrom", "一、总体目标；零就业家庭动态清零（平台口径）", "考核指标·无措施户：黄色档：不超过（户，超过即红色）", "2" },
                    { "scorecard.noMeasure.enabled", "一、总体目标；零就业家庭动态清零（平台口径）", "考核指标·无措施户：纳入镇街考核", "true" },
                    { "scorecard.noMeasure.greenFrom", "一、总体目标；零就业家庭动态清零（平台口径）", "考核指标·无措施户：绿色档：不超过（户）", "0" },
                    { "scorecard.noMeasure.higherIsBetter", "一、总体目标；零就业家庭动态清零（平台口径）", "考核指标·无措施户：越高越好（否则越低越好）", "false" },
                    { "scorecard.noMeasure.pointsPerUnit", "一、总体目标；零就业家庭动态清零（平台口径）", "考核指标·无措施户：每超目标1户扣分", "10" },
                    { "scorecard.noMeasure.target", "一、总体目标；零就业家庭动态清零（平台口径）", "考核指标·无措施户：目标值（户）", "0" },
                    { "scorecard.noMeasure.weight", "一、总体目标；零就业家庭动态清零（平台口径）", "考核指标·无措施户：权重", "20" },
                    { "scorecard.total.amberFrom", "四(三) 督查考核：对工作滞后的追究责任（平台口径）", "考核总分：黄色档下限（分，低于即红色）", "70" },
                    { "scorecard.total.greenFrom", "四(三) 督查考核：表彰先进（平台口径）", "考核总分：绿色档下限（分）", "85" }
                });

            migrationBuilder.CreateIndex(
                name: "IX_Households_Dashboard",
                table: "Households",
                columns: new[] { "TownId", "ChannelMask", "Status", "IndustryMask", "EmploymentMask", "HasLabour", "LabourMembers", "EmployedLabourMembers", "LocalLabourMembers", "WorkersInDistrict", "WorkersInProvince", "WorkersOutsideProvince", "LastVerifiedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_ScoreCells_RowId",
                table: "ScoreCells",
                column: "RowId");

            migrationBuilder.CreateIndex(
                name: "IX_ScorePeriods_Kind_Year_Number",
                table: "ScorePeriods",
                columns: new[] { "Kind", "Year", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ScoreRows_PeriodId_TownId",
                table: "ScoreRows",
                columns: new[] { "PeriodId", "TownId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ScoreRows_TownId",
                table: "ScoreRows",
                column: "TownId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ScoreCells");

            migrationBuilder.DropTable(
                name: "ScoreRows");

            migrationBuilder.DropTable(
                name: "ScorePeriods");

            migrationBuilder.DropIndex(
                name: "IX_Households_Dashboard",
                table: "Households");

            migrationBuilder.DeleteData(
                table: "PolicySettings",
                keyColumn: "Key",
                keyValue: "scorecard.accountability.redIndicators");

            migrationBuilder.DeleteData(
                table: "PolicySettings",
                keyColumn: "Key",
                keyValue: "scorecard.accountability.redTotal");

            migrationBuilder.DeleteData(
                table: "PolicySettings",
                keyColumn: "Key",
                keyValue: "scorecard.attainment.enabled");

            migrationBuilder.DeleteData(
                table: "PolicySettings",
                keyColumn: "Key",
                keyValue: "scorecard.attainment.higherIsBetter");

            migrationBuilder.DeleteData(
                table: "PolicySettings",
                keyColumn: "Key",
                keyValue: "scorecard.attainment.weight");

            migrationBuilder.DeleteData(
                table: "PolicySettings",
                keyColumn: "Key",
                keyValue: "scorecard.commend.allIndicatorsGreen");

            migrationBuilder.DeleteData(
                table: "PolicySettings",
                keyColumn: "Key",
                keyValue: "scorecard.commend.minTotal");

            migrationBuilder.DeleteData(
                table: "PolicySettings",
                keyColumn: "Key",
                keyValue: "scorecard.flagsClosedOnTime.amberFrom");

            migrationBuilder.DeleteData(
                table: "PolicySettings",
                keyColumn: "Key",
                keyValue: "scorecard.flagsClosedOnTime.enabled");

            migrationBuilder.DeleteData(
                table: "PolicySettings",
                keyColumn: "Key",
                keyValue: "scorecard.flagsClosedOnTime.greenFrom");

            migrationBuilder.DeleteData(
                table: "PolicySettings",
                keyColumn: "Key",
                keyValue: "scorecard.flagsClosedOnTime.higherIsBetter");

            migrationBuilder.DeleteData(
                table: "PolicySettings",
                keyColumn: "Key",
                keyValue: "scorecard.flagsClosedOnTime.target");

            migrationBuilder.DeleteData(
                table: "PolicySettings",
                keyColumn: "Key",
                keyValue: "scorecard.flagsClosedOnTime.weight");

            migrationBuilder.DeleteData(
                table: "PolicySettings",
                keyColumn: "Key",
                keyValue: "scorecard.freshness.amberFrom");

            migrationBuilder.DeleteData(
                table: "PolicySettings",
                keyColumn: "Key",
                keyValue: "scorecard.freshness.enabled");

            migrationBuilder.DeleteData(
                table: "PolicySettings",
                keyColumn: "Key",
                keyValue: "scorecard.freshness.greenFrom");

            migrationBuilder.DeleteData(
                table: "PolicySettings",
                keyColumn: "Key",
                keyValue: "scorecard.freshness.higherIsBetter");

            migrationBuilder.DeleteData(
                table: "PolicySettings",
                keyColumn: "Key",
                keyValue: "scorecard.freshness.target");

            migrationBuilder.DeleteData(
                table: "PolicySettings",
                keyColumn: "Key",
                keyValue: "scorecard.freshness.weight");

            migrationBuilder.DeleteData(
                table: "PolicySettings",
                keyColumn: "Key",
                keyValue: "scorecard.labourEmployment.amberFrom");

            migrationBuilder.DeleteData(
                table: "PolicySettings",
                keyColumn: "Key",
                keyValue: "scorecard.labourEmployment.enabled");

            migrationBuilder.DeleteData(
                table: "PolicySettings",
                keyColumn: "Key",
                keyValue: "scorecard.labourEmployment.greenFrom");

            migrationBuilder.DeleteData(
                table: "PolicySettings",
                keyColumn: "Key",
                keyValue: "scorecard.labourEmployment.higherIsBetter");

            migrationBuilder.DeleteData(
                table: "PolicySettings",
                keyColumn: "Key",
                keyValue: "scorecard.labourEmployment.target");

            migrationBuilder.DeleteData(
                table: "PolicySettings",
                keyColumn: "Key",
                keyValue: "scorecard.labourEmployment.weight");

            migrationBuilder.DeleteData(
                table: "PolicySettings",
                keyColumn: "Key",
                keyValue: "scorecard.localCoverage.amberFrom");

            migrationBuilder.DeleteData(
                table: "PolicySettings",
                keyColumn: "Key",
                keyValue: "scorecard.localCoverage.enabled");

            migrationBuilder.DeleteData(
                table: "PolicySettings",
                keyColumn: "Key",
                keyValue: "scorecard.localCoverage.greenFrom");

            migrationBuilder.DeleteData(
                table: "PolicySettings",
                keyColumn: "Key",
                keyValue: "scorecard.localCoverage.higherIsBetter");

            migrationBuilder.DeleteData(
                table: "PolicySettings",
                keyColumn: "Key",
                keyValue: "scorecard.localCoverage.target");

            migrationBuilder.DeleteData(
                table: "PolicySettings",
                keyColumn: "Key",
                keyValue: "scorecard.localCoverage.weight");

            migrationBuilder.DeleteData(
                table: "PolicySettings",
                keyColumn: "Key",
                keyValue: "scorecard.noMeasure.amberFrom");

            migrationBuilder.DeleteData(
                table: "PolicySettings",
                keyColumn: "Key",
                keyValue: "scorecard.noMeasure.enabled");

            migrationBuilder.DeleteData(
                table: "PolicySettings",
                keyColumn: "Key",
                keyValue: "scorecard.noMeasure.greenFrom");

            migrationBuilder.DeleteData(
                table: "PolicySettings",
                keyColumn: "Key",
                keyValue: "scorecard.noMeasure.higherIsBetter");

            migrationBuilder.DeleteData(
                table: "PolicySettings",
                keyColumn: "Key",
                keyValue: "scorecard.noMeasure.pointsPerUnit");

            migrationBuilder.DeleteData(
                table: "PolicySettings",
                keyColumn: "Key",
                keyValue: "scorecard.noMeasure.target");

            migrationBuilder.DeleteData(
                table: "PolicySettings",
                keyColumn: "Key",
                keyValue: "scorecard.noMeasure.weight");

            migrationBuilder.DeleteData(
                table: "PolicySettings",
                keyColumn: "Key",
                keyValue: "scorecard.total.amberFrom");

            migrationBuilder.DeleteData(
                table: "PolicySettings",
                keyColumn: "Key",
                keyValue: "scorecard.total.greenFrom");

            migrationBuilder.DropColumn(
                name: "VerifiedHouseholds",
                table: "MonthlyFigures");

            migrationBuilder.CreateIndex(
                name: "IX_Households_Dashboard",
                table: "Households",
                columns: new[] { "TownId", "ChannelMask", "Status", "IndustryMask", "EmploymentMask", "HasLabour", "LabourMembers", "EmployedLabourMembers", "LocalLabourMembers", "WorkersInDistrict", "WorkersInProvince", "WorkersOutsideProvince" });
        }
    }
}
