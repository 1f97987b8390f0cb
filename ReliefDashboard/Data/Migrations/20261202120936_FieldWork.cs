using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace ReliefDashboard.Data.Migrations
{
    /// <inheritdoc />
    public partial class FieldWork : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Visits",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    HouseholdId = table.Column<int>(type: "INTEGER", nullable: false),
                    TownId = table.Column<int>(type: "INTEGER", nullable: false),
                    VisitedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Visitor = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    MetWith = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Findings = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    MonthlyIncome = table.Column<long>(type: "INTEGER", nullable: true),
                    IncomeNote = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    NextStep = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    FindingId = table.Column<int>(type: "INTEGER", nullable: true),
                    SpotCheckItemId = table.Column<int>(type: "INTEGER", nullable: true),
                    Backfilled = table.Column<bool>(type: "INTEGER", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Visits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Visits_Households_HouseholdId",
                        column: x => x.HouseholdId,
                        principalTable: "Households",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "VisitMembers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    VisitId = table.Column<int>(type: "INTEGER", nullable: false),
                    MemberId = table.Column<int>(type: "INTEGER", nullable: false),
                    MemberName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    AtHome = table.Column<bool>(type: "INTEGER", nullable: true),
                    EmploymentId = table.Column<int>(type: "INTEGER", nullable: true),
                    Employer = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    StillEmployed = table.Column<bool>(type: "INTEGER", nullable: true),
                    MonthlyPay = table.Column<long>(type: "INTEGER", nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VisitMembers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VisitMembers_Visits_VisitId",
                        column: x => x.VisitId,
                        principalTable: "Visits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "VisitPhotos",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    VisitId = table.Column<int>(type: "INTEGER", nullable: false),
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
                    table.PrimaryKey("PK_VisitPhotos", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VisitPhotos_Visits_VisitId",
                        column: x => x.VisitId,
                        principalTable: "Visits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.UpdateData(
                table: "PolicySettings",
                keyColumn: "Key",
                keyValue: "supervision.clearance.clearWithinDays",
                column: "Label",
                value: "零就业清零：无措施户应在此工作日数内清零，超期即列入待办逾期并建议督办");

            migrationBuilder.UpdateData(
                table: "PolicySettings",
                keyColumn: "Key",
                keyValue: "supervision.clearance.helpWithinDays",
                column: "Label",
                value: "零就业清零：无措施户应在此工作日数内入户帮扶（节假日见核实时限）");

            migrationBuilder.UpdateData(
                table: "PolicySettings",
                keyColumn: "Key",
                keyValue: "verify.clock.holidays",
                column: "Label",
                value: "工作日时限：法定节假日（疑点核实、零就业清零、我的待办共用；不计工作日，逗号分隔）");

            migrationBuilder.InsertData(
                table: "PolicySettings",
                columns: new[] { "Key", "Clause", "Label", "Value" },
                values: new object[,]
                {
                    { "field.doorcard.hotline", "四(三) 督查考核：接受群众监督（12317 为全国防止返贫监测和乡村振兴咨询服务热线）", "一户一码门牌：监督举报电话", "12317" },
                    { "field.visit.photoMegabytes", "系统运行（平台口径）", "走访记录：单张照片不超过（MB）", "10" },
                    { "field.worklist.nearDays", "四(三) 督查考核（平台口径）", "我的待办：剩余不超过此天数即橙色提醒", "2" },
                    { "field.worklist.visitSoonDays", "四(三) 督查考核：走访核实时效（平台口径）", "我的待办：走访核实期满前此天数列入待办", "7" }
                });

            migrationBuilder.CreateIndex(
                name: "IX_VisitMembers_VisitId",
                table: "VisitMembers",
                column: "VisitId");

            migrationBuilder.CreateIndex(
                name: "IX_VisitPhotos_VisitId",
                table: "VisitPhotos",
                column: "VisitId");

            migrationBuilder.CreateIndex(
                name: "IX_Visits_HouseholdId_VisitedOn",
                table: "Visits",
                columns: new[] { "HouseholdId", "VisitedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Visits_TownId_VisitedOn",
                table: "Visits",
                columns: new[] { "TownId", "VisitedOn" });

            // Back-fill what the old records allow: each household's single last-verified date, each finding's 入户
            // date and each spot-checked household's visit become visit records, marked as taken over.
            migrationBuilder.Sql("""
                INSERT INTO Visits (HouseholdId, TownId, VisitedOn, Kind, Visitor, MetWith, Findings, Backfilled, RecordedBy, RecordedAt)
                SELECT Id, TownId, LastVerifiedOn, 0, '原台账记录', '（原台账未记录）', '由原“最近走访核实日期”迁移，原台账只记录了日期。', 1, '系统迁移', datetime('now')
                FROM Households WHERE LastVerifiedOn IS NOT NULL;
                INSERT INTO Visits (HouseholdId, TownId, VisitedOn, Kind, Visitor, MetWith, Findings, FindingId, Backfilled, RecordedBy, RecordedAt)
                SELECT HouseholdId, TownId, VisitedOn, 1, '原疑点核实记录', '（见疑点核实记录）', '核实疑点：' || Subject, Id, 1, '系统迁移', datetime('now')
                FROM Findings WHERE VisitedOn IS NOT NULL;
                INSERT INTO Visits (HouseholdId, TownId, VisitedOn, Kind, Visitor, MetWith, Findings, SpotCheckItemId, Backfilled, RecordedBy, RecordedAt)
                SELECT HouseholdId, TownId, VisitedOn, 2, COALESCE(Checker, '原抽查记录'), '（见抽查记录）', '入户抽查：' || COALESCE(Notes, ''), Id, 1, '系统迁移', datetime('now')
                FROM SpotCheckItems WHERE VisitedOn IS NOT NULL;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "VisitMembers");

            migrationBuilder.DropTable(
                name: "VisitPhotos");

            migrationBuilder.DropTable(
                name: "Visits");

            migrationBuilder.DeleteData(
                table: "PolicySettings",
                keyColumn: "Key",
                keyValue: "field.doorcard.hotline");

            migrationBuilder.DeleteData(
                table: "PolicySettings",
                keyColumn: "Key",
                keyValue: "field.visit.photoMegabytes");

            migrationBuilder.DeleteData(
                table: "PolicySettings",
                keyColumn: "Key",
                keyValue: "field.worklist.nearDays");

            migrationBuilder.DeleteData(
                table: "PolicySettings",
                keyColumn: "Key",
                keyValue: "field.worklist.visitSoonDays");

            migrationBuilder.UpdateData(
                table: "PolicySettings",
                keyColumn: "Key",
                keyValue: "supervision.clearance.clearWithinDays",
                column: "Label",
                value: "零就业清零：无措施户超过此天数未清零即建议督办");

            migrationBuilder.UpdateData(
                table: "PolicySettings",
                keyColumn: "Key",
                keyValue: "supervision.clearance.helpWithinDays",
                column: "Label",
                value: "零就业清零：无措施户应在此天数内落实帮扶");

            migrationBuilder.UpdateData(
                table: "PolicySettings",
                keyColumn: "Key",
                keyValue: "verify.clock.holidays",
                column: "Label",
                value: "核实时限：法定节假日（不计工作日，逗号分隔）");
        }
    }
}
