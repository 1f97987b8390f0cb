using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ReliefDashboard.Data.Migrations
{
    /// <inheritdoc />
    public partial class PolicyClauseWording : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.UpdateData(
                table: "PolicySettings",
                keyColumn: "Key",
                keyValue: "status.atRisk.endingWithinDays",
                column: "Clause",
                value: "四(三) 督查考核（方案未明确，平台口径）");

            migrationBuilder.UpdateData(
                table: "PolicySettings",
                keyColumn: "Key",
                keyValue: "status.atRisk.verificationMaxAgeDays",
                column: "Clause",
                value: "四(三) 督查考核：走访核实时效（平台口径）");

            migrationBuilder.UpdateData(
                table: "PolicySettings",
                keyColumn: "Key",
                keyValue: "status.labour.weakCountsAsLabour",
                column: "Clause",
                value: "三、目标任务“有劳动力的搬迁户”口径（平台口径）");

            migrationBuilder.UpdateData(
                table: "PolicySettings",
                keyColumn: "Key",
                keyValue: "status.safetyNet.excludedFromDenominator",
                column: "Clause",
                value: "三(八) 社会兜底保障：整户无劳动能力户单列统计");

            migrationBuilder.UpdateData(
                table: "PolicySettings",
                keyColumn: "Key",
                keyValue: "status.stableEmployment.continuousMonths",
                column: "Clause",
                value: "一、总体目标“一人稳定就业”（方案未明确，平台口径）");

            migrationBuilder.UpdateData(
                table: "PolicySettings",
                keyColumn: "Key",
                keyValue: "status.stableEmployment.contractMonths",
                column: "Clause",
                value: "一、总体目标“一人稳定就业”；参照三(二)、三(四)“1年以上劳动合同/协议”");

            migrationBuilder.UpdateData(
                table: "PolicySettings",
                keyColumn: "Key",
                keyValue: "status.stableIndustry.months",
                column: "Clause",
                value: "一、总体目标“一项稳定脱贫产业”（方案未明确，平台口径）");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.UpdateData(
                table: "PolicySettings",
                keyColumn: "Key",
                keyValue: "status.atRisk.endingWithinDays",
                column: "Clause",
                value: "DOMAIN §4 预警");

            migrationBuilder.UpdateData(
                table: "PolicySettings",
                keyColumn: "Key",
                keyValue: "status.atRisk.verificationMaxAgeDays",
                column: "Clause",
                value: "DOMAIN §4 预警；§8 数据时效");

            migrationBuilder.UpdateData(
                table: "PolicySettings",
                keyColumn: "Key",
                keyValue: "status.labour.weakCountsAsLabour",
                column: "Clause",
                value: "DOMAIN §8 分母口径");

            migrationBuilder.UpdateData(
                table: "PolicySettings",
                keyColumn: "Key",
                keyValue: "status.safetyNet.excludedFromDenominator",
                column: "Clause",
                value: "三(八)；DOMAIN §8 分母口径");

            migrationBuilder.UpdateData(
                table: "PolicySettings",
                keyColumn: "Key",
                keyValue: "status.stableEmployment.continuousMonths",
                column: "Clause",
                value: "DOMAIN §4 稳定就业");

            migrationBuilder.UpdateData(
                table: "PolicySettings",
                keyColumn: "Key",
                keyValue: "status.stableEmployment.contractMonths",
                column: "Clause",
                value: "三(二)、三(四)；DOMAIN §4 稳定就业");

            migrationBuilder.UpdateData(
                table: "PolicySettings",
                keyColumn: "Key",
                keyValue: "status.stableIndustry.months",
                column: "Clause",
                value: "三(一)；DOMAIN §4 稳定产业");
        }
    }
}
