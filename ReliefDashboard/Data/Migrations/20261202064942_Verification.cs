using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace ReliefDashboard.Data.Migrations
{
    /// <inheritdoc />
    public partial class Verification : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Verification",
                table: "Trainings",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "VerifiedAttainedHouseholds",
                table: "MonthlyFigures",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Verification",
                table: "Industries",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<bool>(
                name: "VerifiedAttained",
                table: "Households",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "Verification",
                table: "Employments",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Verification",
                table: "Coverages",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "DepartmentLists",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Department = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    DataMonth = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ImportedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ImportedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Rows = table.Column<int>(type: "INTEGER", nullable: false),
                    Matched = table.Column<int>(type: "INTEGER", nullable: false),
                    Months = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ReplacedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DepartmentLists", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DepartmentRecords",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ListId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    IdNumber = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    Organisation = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Category = table.Column<int>(type: "INTEGER", nullable: false),
                    Month = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    From = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    To = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Amount = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DepartmentRecords", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Findings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Key = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Rule = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    HouseholdId = table.Column<int>(type: "INTEGER", nullable: false),
                    TownId = table.Column<int>(type: "INTEGER", nullable: false),
                    SubjectEntity = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    SubjectId = table.Column<int>(type: "INTEGER", nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Facts = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    FoundOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    VisitDue = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ConcludeDue = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    WasAttained = table.Column<bool>(type: "INTEGER", nullable: false),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    FactsGoneOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Correction = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    VisitedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Confirmed = table.Column<bool>(type: "INTEGER", nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    EnteredBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ConcludedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ClosedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Findings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Findings_Households_HouseholdId",
                        column: x => x.HouseholdId,
                        principalTable: "Households",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Findings_Towns_TownId",
                        column: x => x.TownId,
                        principalTable: "Towns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SpotChecks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TownId = table.Column<int>(type: "INTEGER", nullable: false),
                    Seed = table.Column<int>(type: "INTEGER", nullable: false),
                    SharePercent = table.Column<decimal>(type: "TEXT", precision: 5, scale: 1, nullable: false),
                    Population = table.Column<int>(type: "INTEGER", nullable: false),
                    DrawnBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    DrawnAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DrawnOn = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SpotChecks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SpotChecks_Towns_TownId",
                        column: x => x.TownId,
                        principalTable: "Towns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "FindingEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FindingId = table.Column<int>(type: "INTEGER", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    User = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Action = table.Column<int>(type: "INTEGER", nullable: false),
                    From = table.Column<int>(type: "INTEGER", nullable: true),
                    To = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FindingEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FindingEvents_Findings_FindingId",
                        column: x => x.FindingId,
                        principalTable: "Findings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SpotCheckItems",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SpotCheckId = table.Column<int>(type: "INTEGER", nullable: false),
                    HouseholdId = table.Column<int>(type: "INTEGER", nullable: false),
                    TownId = table.Column<int>(type: "INTEGER", nullable: false),
                    Stratum = table.Column<int>(type: "INTEGER", nullable: false),
                    CheckerUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    Checker = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Result = table.Column<int>(type: "INTEGER", nullable: true),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    VisitedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    FalseMeasures = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    EnteredBy = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SpotCheckItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SpotCheckItems_Households_HouseholdId",
                        column: x => x.HouseholdId,
                        principalTable: "Households",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SpotCheckItems_SpotChecks_SpotCheckId",
                        column: x => x.SpotCheckId,
                        principalTable: "SpotChecks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "VerificationEvidence",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FindingId = table.Column<int>(type: "INTEGER", nullable: true),
                    SpotCheckItemId = table.Column<int>(type: "INTEGER", nullable: true),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    StoredName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UploadedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    UploadedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VerificationEvidence", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VerificationEvidence_Findings_FindingId",
                        column: x => x.FindingId,
                        principalTable: "Findings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_VerificationEvidence_SpotCheckItems_SpotCheckItemId",
                        column: x => x.SpotCheckItemId,
                        principalTable: "SpotCheckItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "PolicySettings",
                columns: new[] { "Key", "Clause", "Label", "Value" },
                values: new object[,]
                {
                    { "scorecard.findingsOnTime.amberFrom", "四(三) 督查考核：比对疑点按期核实办结（平台口径）", "考核指标·疑点按期核实率：黄色档：达到（%，低于即红色）", "70" },
                    { "scorecard.findingsOnTime.enabled", "四(三) 督查考核：比对疑点按期核实办结（平台口径）", "考核指标·疑点按期核实率：纳入镇街考核", "true" },
                    { "scorecard.findingsOnTime.greenFrom", "四(三) 督查考核：比对疑点按期核实办结（平台口径）", "考核指标·疑点按期核实率：绿色档：达到（%）", "90" },
                    { "scorecard.findingsOnTime.higherIsBetter", "四(三) 督查考核：比对疑点按期核实办结（平台口径）", "考核指标·疑点按期核实率：越高越好（否则越低越好）", "true" },
                    { "scorecard.findingsOnTime.target", "四(三) 督查考核：比对疑点按期核实办结（平台口径）", "考核指标·疑点按期核实率：目标值（%）", "100" },
                    { "scorecard.findingsOnTime.weight", "四(三) 督查考核：比对疑点按期核实办结（平台口径）", "考核指标·疑点按期核实率：权重", "5" },
                    { "scorecard.spotChecksTrue.amberFrom", "四(三) 对弄虚作假的严肃追责：入户抽查属实（平台口径）", "考核指标·抽查属实率：黄色档：达到（%，低于即红色）", "85" },
                    { "scorecard.spotChecksTrue.enabled", "四(三) 对弄虚作假的严肃追责：入户抽查属实（平台口径）", "考核指标·抽查属实率：纳入镇街考核", "true" },
                    { "scorecard.spotChecksTrue.greenFrom", "四(三) 对弄虚作假的严肃追责：入户抽查属实（平台口径）", "考核指标·抽查属实率：绿色档：达到（%）", "95" },
                    { "scorecard.spotChecksTrue.higherIsBetter", "四(三) 对弄虚作假的严肃追责：入户抽查属实（平台口径）", "考核指标·抽查属实率：越高越好（否则越低越好）", "true" },
                    { "scorecard.spotChecksTrue.target", "四(三) 对弄虚作假的严肃追责：入户抽查属实（平台口径）", "考核指标·抽查属实率：目标值（%）", "100" },
                    { "scorecard.spotChecksTrue.weight", "四(三) 对弄虚作假的严肃追责：入户抽查属实（平台口径）", "考核指标·抽查属实率：权重", "5" },
                    { "scorecard.verifiedAttainment.amberFrom", "四(三) 对弄虚作假的严肃追责：经部门数据或入户核实印证的达标（权重0为只展示、不计分）", "考核指标·已核实达标率：黄色档：达到（%，低于即红色）", "50" },
                    { "scorecard.verifiedAttainment.enabled", "四(三) 对弄虚作假的严肃追责：经部门数据或入户核实印证的达标（权重0为只展示、不计分）", "考核指标·已核实达标率：纳入镇街考核", "true" },
                    { "scorecard.verifiedAttainment.greenFrom", "四(三) 对弄虚作假的严肃追责：经部门数据或入户核实印证的达标（权重0为只展示、不计分）", "考核指标·已核实达标率：绿色档：达到（%）", "80" },
                    { "scorecard.verifiedAttainment.higherIsBetter", "四(三) 对弄虚作假的严肃追责：经部门数据或入户核实印证的达标（权重0为只展示、不计分）", "考核指标·已核实达标率：越高越好（否则越低越好）", "true" },
                    { "scorecard.verifiedAttainment.target", "四(三) 对弄虚作假的严肃追责：经部门数据或入户核实印证的达标（权重0为只展示、不计分）", "考核指标·已核实达标率：目标值（%）", "100" },
                    { "scorecard.verifiedAttainment.weight", "四(三) 对弄虚作假的严肃追责：经部门数据或入户核实印证的达标（权重0为只展示、不计分）", "考核指标·已核实达标率：权重", "0" },
                    { "verify.asset.benefitWindowMonths", "补贴发放条件；以自然资源、车管、市场监管财产数据印证", "比对规则·财产：最近（月）内领取过补贴即为享受补贴", "12" },
                    { "verify.asset.vehicleThresholdYuan", "补贴发放条件；以自然资源、车管、市场监管财产数据印证", "比对规则·财产：车辆价值超过（元）", "100000" },
                    { "verify.clock.concludeWorkingDays", "防止返贫动态监测“15个工作日内办结”（平台口径）", "核实时限：疑点下发后核实办结（工作日）", "15" },
                    { "verify.clock.holidays", "国务院办公厅节假日安排（管理员按年维护）", "核实时限：法定节假日（不计工作日，逗号分隔）", "2026-01-01,2026-02-16,2026-02-17,2026-02-18,2026-02-19,2026-02-20,2026-04-06,2026-05-01,2026-05-04,2026-05-05,2026-06-19,2026-09-25,2026-10-01,2026-10-02,2026-10-05,2026-10-06,2026-10-07" },
                    { "verify.clock.visitWorkingDays", "防止返贫动态监测“5个工作日内入户核实”（平台口径）", "核实时限：疑点下发后入户核实（工作日）", "5" },
                    { "verify.contribution.missingMonths", "一、总体目标“一人稳定就业”；四(三) 对弄虚作假的严肃追责：以人社社保缴费数据印证", "比对规则·社保缴费缺失：近期缺缴达到（月）即为疑点", "2" },
                    { "verify.contribution.windowMonths", "一、总体目标“一人稳定就业”；四(三) 对弄虚作假的严肃追责：以人社社保缴费数据印证", "比对规则·社保缴费缺失：考察最近（月，以已导入的缴费月份为准）", "3" },
                    { "verify.dibao.thresholdYuan", "三(八) 社会兜底保障；民政低保认定（收入超标准需核实，不直接认定违规）", "比对规则·低保户务工收入：低保标准（元/人·月）", "700" },
                    { "verify.lists.maxMegabytes", "系统运行（平台口径）", "比对数据：单个文件不超过（MB）", "500" },
                    { "verify.medical.thresholdYuan", "防止返贫动态监测：医保高额费用（预警来源，非弄虚作假）", "比对规则·高额医疗费用：单月自付达到（元）", "10000" },
                    { "verify.medical.windowMonths", "防止返贫动态监测：医保高额费用（预警来源，非弄虚作假）", "比对规则·高额医疗费用：考察最近（月）", "3" },
                    { "verify.registration.required", "三(二)至三(四) 就业渠道；以人社就业登记、社保缴费数据印证", "比对规则·就业登记：必须有就业登记（否则有社保缴费即可）", "false" },
                    { "verify.rule.assets.enabled", "补贴发放条件；以自然资源、车管、市场监管财产数据印证", "比对规则·享受补贴或兜底的户名下有商品房、高值车辆或公司股权：启用", "true" },
                    { "verify.rule.contribution-gap.enabled", "一、总体目标“一人稳定就业”；四(三) 对弄虚作假的严肃追责：以人社社保缴费数据印证", "比对规则·稳定就业登记已缴社保，但近期社保缴费缺失：启用", "true" },
                    { "verify.rule.dibao-pay.enabled", "三(八) 社会兜底保障；民政低保认定（收入超标准需核实，不直接认定违规）", "比对规则·享受低保/特困的户，登记的务工收入人均超过低保标准：启用", "true" },
                    { "verify.rule.labour-gone.enabled", "一、总体目标；以公安户籍变动数据印证", "比对规则·计为就业的成员户籍已登记死亡、迁出或服刑：启用", "true" },
                    { "verify.rule.licence.enabled", "三(三) 社区工厂及自主创业；以市场监管市场主体登记数据印证", "比对规则·自主创业计为产业，但营业执照已注销、吊销或查无登记：启用", "true" },
                    { "verify.rule.medical-cost.enabled", "防止返贫动态监测：医保高额费用（预警来源，非弄虚作假）", "比对规则·达标户近期发生高额医疗自付费用：启用", "true" },
                    { "verify.rule.no-registration.enabled", "三(二)至三(四) 就业渠道；以人社就业登记、社保缴费数据印证", "比对规则·园区、工厂或劳务就业既无就业登记也无社保缴费：启用", "true" },
                    { "verify.spot.minimum", "四(三) 督查考核（平台口径）", "入户抽查：每次至少抽取（户）", "5" },
                    { "verify.spot.sharePercent", "四(三) 督查考核：上级对下级工作抽查（平台口径）", "入户抽查：抽取达标户的比例（%）", "5" }
                });

            migrationBuilder.CreateIndex(
                name: "IX_DepartmentLists_Kind_DataMonth",
                table: "DepartmentLists",
                columns: new[] { "Kind", "DataMonth" });

            migrationBuilder.CreateIndex(
                name: "IX_DepartmentRecords_Licence",
                table: "DepartmentRecords",
                column: "Reference",
                filter: "Kind = 2");

            migrationBuilder.CreateIndex(
                name: "IX_DepartmentRecords_Lookup",
                table: "DepartmentRecords",
                columns: new[] { "Kind", "IdNumber", "Month", "ListId" });

            migrationBuilder.CreateIndex(
                name: "IX_FindingEvents_FindingId",
                table: "FindingEvents",
                column: "FindingId");

            migrationBuilder.CreateIndex(
                name: "IX_Findings_HouseholdId_State",
                table: "Findings",
                columns: new[] { "HouseholdId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_Findings_Key_State",
                table: "Findings",
                columns: new[] { "Key", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_Findings_TownId_State_ConcludeDue",
                table: "Findings",
                columns: new[] { "TownId", "State", "ConcludeDue" });

            migrationBuilder.CreateIndex(
                name: "IX_SpotCheckItems_HouseholdId",
                table: "SpotCheckItems",
                column: "HouseholdId");

            migrationBuilder.CreateIndex(
                name: "IX_SpotCheckItems_SpotCheckId_HouseholdId",
                table: "SpotCheckItems",
                columns: new[] { "SpotCheckId", "HouseholdId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SpotCheckItems_TownId_Result",
                table: "SpotCheckItems",
                columns: new[] { "TownId", "Result" });

            migrationBuilder.CreateIndex(
                name: "IX_SpotChecks_TownId",
                table: "SpotChecks",
                column: "TownId");

            migrationBuilder.CreateIndex(
                name: "IX_VerificationEvidence_FindingId",
                table: "VerificationEvidence",
                column: "FindingId");

            migrationBuilder.CreateIndex(
                name: "IX_VerificationEvidence_SpotCheckItemId",
                table: "VerificationEvidence",
                column: "SpotCheckItemId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DepartmentLists");

            migrationBuilder.DropTable(
                name: "DepartmentRecords");

            migrationBuilder.DropTable(
                name: "FindingEvents");

            migrationBuilder.DropTable(
                name: "VerificationEvidence");

            migrationBuilder.DropTable(
                name: "Findings");

            migrationBuilder.DropTable(
                name: "SpotCheckItems");

            migrationBuilder.DropTable(
                name: "SpotChecks");

            migrationBuilder.DeleteData(
                table: "PolicySettings",
                keyColumn: "Key",
                keyValue: "scorecard.findingsOnTime.amberFrom");

            migrationBuilder.DeleteData(
                table: "PolicySettings",
                keyColumn: "Key",
                keyValue: "scorecard.findingsOnTime.enabled");

            migrationBuilder.DeleteData(
                table: "PolicySettings",
                keyColumn: "Key",
                keyValue: "scorecard.findingsOnTime.greenFrom");

            migrationBuilder.DeleteData(
                table: "PolicySettings",
                keyColumn: "Key",
                keyValue: "scorecard.findingsOnTime.higherIsBetter");

            migrationBuilder.DeleteData(
                table: "PolicySettings",
                keyColumn: "Key",
                keyValue: "scorecard.findingsOnTime.target");

            migrationBuilder.DeleteData(
                table: "PolicySettings",
                keyColumn: "Key",
                keyValue: "scorecard.findingsOnTime.weight");

            migrationBuilder.DeleteData(
                table: "PolicySettings",
                keyColumn: "Key",
                keyValue: "scorecard.spotChecksTrue.amberFrom");

            migrationBuilder.DeleteData(
                table: "PolicySettings",
                keyColumn: "Key",
                keyValue: "scorecard.spotChecksTrue.enabled");

            migrationBuilder.DeleteData(
                table: "PolicySettings",
                keyColumn: "Key",
                keyValue: "scorecard.spotChecksTrue.greenFrom");

            migrationBuilder.DeleteData(
                table: "PolicySettings",
                keyColumn: "Key",
                keyValue: "scorecard.spotChecksTrue.higherIsBetter");

            migrationBuilder.DeleteData(
                table: "PolicySettings",
                keyColumn: "Key",
                keyValue: "scorecard.spotChecksTrue.target");

            migrationBuilder.DeleteData(
                table: "PolicySettings",
                keyColumn: "Key",
                keyValue: "scorecard.spotChecksTrue.weight");

            migrationBuilder.DeleteData(
                table: "PolicySettings",
                keyColumn: "Key",
                keyValue: "scorecard.verifiedAttainment.amberFrom");

            migrationBuilder.DeleteData(
                table: "PolicySettings",
                keyColumn: "Key",
                keyValue: "scorecard.verifiedAttainment.enabled");

            migrationBuilder.DeleteData(
                table: "PolicySettings",
                keyColumn: "Key",
                keyValue: "scorecard.verifiedAttainment.greenFrom");

            migrationBuilder.DeleteData(
                table: "PolicySettings",
                keyColumn: "Key",
                keyValue: "scorecard.verifiedAttainment.higherIsBetter");

            migrationBuilder.DeleteData(
                table: "PolicySettings",
                keyColumn: "Key",
                keyValue: "scorecard.verifiedAttainment.target");

            migrationBuilder.DeleteData(
                table: "PolicySettings",
                keyColumn: "Key",
                keyValue: "scorecard.verifiedAttainment.weight");

            migrationBuilder.DeleteData(
                table: "PolicySettings",
                keyColumn: "Key",
                keyValue: "verify.asset.benefitWindowMonths");

            migrationBuilder.DeleteData(
                table: "PolicySettings",
                keyColumn: "Key",
                keyValue: "verify.asset.vehicleThresholdYuan");

            migrationBuilder.DeleteData(
                table: "PolicySettings",
                keyColumn: "Key",
                keyValue: "verify.clock.concludeWorkingDays");

            migrationBuilder.DeleteData(
                table: "PolicySettings",
                keyColumn: "Key",
                keyValue: "verify.clock.holidays");

            migrationBuilder.DeleteData(
                table: "PolicySettings",
                keyColumn: "Key",
                keyValue: "verify.clock.visitWorkingDays");

            migrationBuilder.DeleteData(
                table: "PolicySettings",
                keyColumn: "Key",
                keyValue: "verify.contribution.missingMonths");

            migrationBuilder.DeleteData(
                table: "PolicySettings",
                keyColumn: "Key",
                keyValue: "verify.contribution.windowMonths");

            migrationBuilder.DeleteData(
                table: "PolicySettings",
                keyColumn: "Key",
                keyValue: "verify.dibao.thresholdYuan");

            migrationBuilder.DeleteData(
                table: "PolicySettings",
                keyColumn: "Key",
                keyValue: "verify.lists.maxMegabytes");

            migrationBuilder.DeleteData(
                table: "PolicySettings",
                keyColumn: "Key",
                keyValue: "verify.medical.thresholdYuan");

            migrationBuilder.DeleteData(
                table: "PolicySettings",
                keyColumn: "Key",
                keyValue: "verify.medical.windowMonths");

            migrationBuilder.DeleteData(
                table: "PolicySettings",
                keyColumn: "Key",
                keyValue: "verify.registration.required");

            migrationBuilder.DeleteData(
                table: "PolicySettings",
                keyColumn: "Key",
                keyValue: "verify.rule.assets.enabled");

            migrationBuilder.DeleteData(
                table: "PolicySettings",
                keyColumn: "Key",
                keyValue: "verify.rule.contribution-gap.enabled");

            migrationBuilder.DeleteData(
                table: "PolicySettings",
                keyColumn: "Key",
                keyValue: "verify.rule.dibao-pay.enabled");

            migrationBuilder.DeleteData(
                table: "PolicySettings",
                keyColumn: "Key",
                keyValue: "verify.rule.labour-gone.enabled");

            migrationBuilder.DeleteData(
                table: "PolicySettings",
                keyColumn: "Key",
                keyValue: "verify.rule.licence.enabled");

            migrationBuilder.DeleteData(
                table: "PolicySettings",
                keyColumn: "Key",
                keyValue: "verify.rule.medical-cost.enabled");

            migrationBuilder.DeleteData(
                table: "PolicySettings",
                keyColumn: "Key",
                keyValue: "verify.rule.no-registration.enabled");

            migrationBuilder.DeleteData(
                table: "PolicySettings",
                keyColumn: "Key",
                keyValue: "verify.spot.minimum");

            migrationBuilder.DeleteData(
                table: "PolicySettings",
                keyColumn: "Key",
                keyValue: "verify.spot.sharePercent");

            migrationBuilder.DropColumn(
                name: "Verification",
                table: "Trainings");

            migrationBuilder.DropColumn(
                name: "VerifiedAttainedHouseholds",
                table: "MonthlyFigures");

            migrationBuilder.DropColumn(
                name: "Verification",
                table: "Industries");

            migrationBuilder.DropColumn(
                name: "VerifiedAttained",
                table: "Households");

            migrationBuilder.DropColumn(
                name: "Verification",
                table: "Employments");

            migrationBuilder.DropColumn(
                name: "Verification",
                table: "Coverages");
        }
    }
}
