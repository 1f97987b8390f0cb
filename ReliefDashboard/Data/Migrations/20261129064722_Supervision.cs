using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace ReliefDashboard.Data.Migrations
{
    /// <inheritdoc />
    public partial class Supervision : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Flags",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TownId = table.Column<int>(type: "INTEGER", nullable: true),
                    Department = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Indicator = table.Column<int>(type: "INTEGER", nullable: true),
                    RequiredAction = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Deadline = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Severity = table.Column<int>(type: "INTEGER", nullable: false),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    RaisedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RaisedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ClosedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    SuggestionKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Flags", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Flags_Towns_TownId",
                        column: x => x.TownId,
                        principalTable: "Towns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SuggestionDismissals",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Key = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Facts = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    User = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SuggestionDismissals", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "FlagEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FlagId = table.Column<int>(type: "INTEGER", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    User = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Action = table.Column<int>(type: "INTEGER", nullable: false),
                    From = table.Column<int>(type: "INTEGER", nullable: true),
                    To = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FlagEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FlagEvents_Flags_FlagId",
                        column: x => x.FlagId,
                        principalTable: "Flags",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FlagEvidence",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FlagId = table.Column<int>(type: "INTEGER", nullable: false),
                    EventId = table.Column<long>(type: "INTEGER", nullable: false),
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
                    table.PrimaryKey("PK_FlagEvidence", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FlagEvidence_Flags_FlagId",
                        column: x => x.FlagId,
                        principalTable: "Flags",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FlagHouseholds",
                columns: table => new
                {
                    FlagId = table.Column<int>(type: "INTEGER", nullable: false),
                    HouseholdId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FlagHouseholds", x => new { x.FlagId, x.HouseholdId });
                    table.ForeignKey(
                        name: "FK_FlagHouseholds_Flags_FlagId",
                        column: x => x.FlagId,
                        principalTable: "Flags",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_FlagHouseholds_Households_HouseholdId",
                        column: x => x.HouseholdId,
                        principalTable: "Households",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.InsertData(
                table: "PolicySettings",
                columns: new[] { "Key", "Clause", "Label", "Value" },
                values: new object[,]
                {
                    { "supervision.clearance.clearWithinDays", "四(三)；零就业家庭动态清零“5天内清零”（平台口径）", "零就业清零：无措施户超过此天数未清零即建议督办", "5" },
                    { "supervision.clearance.helpWithinDays", "四(三)；零就业家庭动态清零“3天内帮扶”（平台口径）", "零就业清零：无措施户应在此天数内落实帮扶", "3" },
                    { "supervision.defaultDeadlineDays", "四(三) 督查考核（平台口径）", "督办：默认整改期限（天）", "10" },
                    { "supervision.evidence.maxMegabytes", "四(三) 督查考核（平台口径）", "整改佐证材料：单个文件不超过（MB）", "10" },
                    { "supervision.evidence.types", "四(三) 督查考核（平台口径）", "整改佐证材料：允许的文件类型", "pdf,jpg,png,docx,xlsx" },
                    { "supervision.suggest.atRisk", "四(三) 督查考核（平台口径）", "督办建议：预警户", "true" },
                    { "supervision.suggest.redIndicators", "四(三) 督查考核（平台口径）", "督办建议：本月考核为红色的指标", "true" },
                    { "supervision.suggest.suspectData", "四(三) 对弄虚作假的严肃追责（平台口径）", "督办建议：疑点数据", "true" }
                });

            migrationBuilder.CreateIndex(
                name: "IX_FlagEvents_FlagId",
                table: "FlagEvents",
                column: "FlagId");

            migrationBuilder.CreateIndex(
                name: "IX_FlagEvidence_FlagId",
                table: "FlagEvidence",
                column: "FlagId");

            migrationBuilder.CreateIndex(
                name: "IX_FlagHouseholds_HouseholdId",
                table: "FlagHouseholds",
                column: "HouseholdId");

            migrationBuilder.CreateIndex(
                name: "IX_Flags_State_Deadline",
                table: "Flags",
                columns: new[] { "State", "Deadline" });

            migrationBuilder.CreateIndex(
                name: "IX_Flags_SuggestionKey",
                table: "Flags",
                column: "SuggestionKey");

            migrationBuilder.CreateIndex(
                name: "IX_Flags_TownId_State",
                table: "Flags",
                columns: new[] { "TownId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_SuggestionDismissals_Key",
                table: "SuggestionDismissals",
                column: "Key");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FlagEvents");

            migrationBuilder.DropTable(
                name: "FlagEvidence");

            migrationBuilder.DropTable(
                name: "FlagHouseholds");

            migrationBuilder.DropTable(
                name: "SuggestionDismissals");

            migrationBuilder.DropTable(
                name: "Flags");

            migrationBuilder.DeleteData(
                table: "PolicySettings",
                keyColumn: "Key",
                keyValue: "supervision.clearance.clearWithinDays");

            migrationBuilder.DeleteData(
                table: "PolicySettings",
                keyColumn: "Key",
                keyValue: "supervision.clearance.helpWithinDays");

            migrationBuilder.DeleteData(
                table: "PolicySettings",
                keyColumn: "Key",
                keyValue: "supervision.defaultDeadlineDays");

            migrationBuilder.DeleteData(
                table: "PolicySettings",
                keyColumn: "Key",
                keyValue: "supervision.evidence.maxMegabytes");

            migrationBuilder.DeleteData(
                table: "PolicySettings",
                keyColumn: "Key",
                keyValue: "supervision.evidence.types");

            migrationBuilder.DeleteData(
                table: "PolicySettings",
                keyColumn: "Key",
                keyValue: "supervision.suggest.atRisk");

            migrationBuilder.DeleteData(
                table: "PolicySettings",
                keyColumn: "Key",
                keyValue: "supervision.suggest.redIndicators");

            migrationBuilder.DeleteData(
                table: "PolicySettings",
                keyColumn: "Key",
                keyValue: "supervision.suggest.suspectData");
        }
    }
}
