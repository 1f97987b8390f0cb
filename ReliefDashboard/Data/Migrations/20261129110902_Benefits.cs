using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace ReliefDashboard.Data.Migrations
{
    /// <inheritdoc />
    public partial class Benefits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Factories",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TownId = table.Column<int>(type: "INTEGER", nullable: false),
                    SiteId = table.Column<int>(type: "INTEGER", nullable: true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Operator = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    RentedAreaSqm = table.Column<double>(type: "REAL", nullable: false),
                    MonthlyRent = table.Column<double>(type: "REAL", nullable: false),
                    Workforce = table.Column<int>(type: "INTEGER", nullable: false),
                    RelocatedWorkers = table.Column<int>(type: "INTEGER", nullable: false),
                    DepositPaid = table.Column<bool>(type: "INTEGER", nullable: false),
                    DepositPaidOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    OpenedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Factories", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Factories_Sites_SiteId",
                        column: x => x.SiteId,
                        principalTable: "Sites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Factories_Towns_TownId",
                        column: x => x.TownId,
                        principalTable: "Towns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Loans",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    HouseholdId = table.Column<int>(type: "INTEGER", nullable: false),
                    Amount = table.Column<double>(type: "REAL", nullable: false),
                    Lender = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    AppliedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DisbursedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Loans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Loans_Households_HouseholdId",
                        column: x => x.HouseholdId,
                        principalTable: "Households",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Shopfronts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    HouseholdId = table.Column<int>(type: "INTEGER", nullable: false),
                    SiteId = table.Column<int>(type: "INTEGER", nullable: false),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Business = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    MonthlyRent = table.Column<double>(type: "REAL", nullable: false),
                    StartDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Shopfronts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Shopfronts_Households_HouseholdId",
                        column: x => x.HouseholdId,
                        principalTable: "Households",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Shopfronts_Sites_SiteId",
                        column: x => x.SiteId,
                        principalTable: "Sites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Benefits",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    HouseholdId = table.Column<int>(type: "INTEGER", nullable: false),
                    TownId = table.Column<int>(type: "INTEGER", nullable: false),
                    MemberId = table.Column<int>(type: "INTEGER", nullable: true),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Amount = table.Column<double>(type: "REAL", nullable: false),
                    PaidOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ForMonth = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Fund = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Voucher = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    EmploymentId = table.Column<int>(type: "INTEGER", nullable: true),
                    IndustryId = table.Column<int>(type: "INTEGER", nullable: true),
                    ShopfrontId = table.Column<int>(type: "INTEGER", nullable: true),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    VoidedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    VoidedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    VoidReason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Breaches = table.Column<int>(type: "INTEGER", nullable: false),
                    BreachText = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Benefits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Benefits_Employments_EmploymentId",
                        column: x => x.EmploymentId,
                        principalTable: "Employments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Benefits_Households_HouseholdId",
                        column: x => x.HouseholdId,
                        principalTable: "Households",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Benefits_Industries_IndustryId",
                        column: x => x.IndustryId,
                        principalTable: "Industries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Benefits_Members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Benefits_Shopfronts_ShopfrontId",
                        column: x => x.ShopfrontId,
                        principalTable: "Shopfronts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Benefits_Towns_TownId",
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
                    { "benefits.crossRegion.minContractMonths", "三(四) 与企业签订1年以上正规务工协议且稳定就业", "跨区域就业奖励：务工协议不少于（月）", "12" },
                    { "benefits.crossRegion.reward", "三(四) 一次性奖励就业创业补助资金X元（方案未列金额，按本地口径填写）", "跨区域就业一次性奖励（元/人）", "2000" },
                    { "benefits.factory.relocatedPercent", "三(三) 聘用搬迁群众达到总用工量的40%以上", "社区工厂租金减半：聘用搬迁群众占总用工量不低于（%）", "40" },
                    { "benefits.factory.sqmPerWorker", "三(三) 每25㎡带动1名搬迁群众就业", "社区工厂租金减半：或每多少平方米带动1名搬迁群众就业（㎡）", "25" },
                    { "benefits.graduate.minContractMonths", "三(二) 签订不少于1年的劳动合同，并交纳社会保险", "岗位补贴：劳动合同不少于（月）", "12" },
                    { "benefits.graduate.monthly", "三(二) 给予每人每月1000元岗位补贴", "高校毕业生园区就业岗位补贴（元/人·月）", "1000" },
                    { "benefits.industry.cap", "三(一) 奖励资金和扶贫补助资金历年累计不得超过2万元；三(三) 累计补助不超过2万元", "产业扶持：园区奖励、产业补助与创业补助历年累计上限（元/户）", "20000" },
                    { "benefits.loan.max", "三(三) 申请5-8万元无息贷款", "创业无息贷款上限（元）", "80000" },
                    { "benefits.loan.min", "三(三) 申请5-8万元无息贷款", "创业无息贷款下限（元）", "50000" },
                    { "benefits.park.count", "三(一) 3个集中安置点每个安置点要建成一个农业特色产业园区", "农业特色产业园区：计划建成（个）", "3" },
                    { "benefits.park.minHouseholds", "三(一) 带动不少于50户搬迁户发展农业特色产业", "农业特色产业园区：每个园区带动搬迁户不少于（户）", "50" },
                    { "benefits.pv.firstHouseholds", "三(六) 涉及收益搬迁对象398户", "光伏扶贫电站（第一批）收益搬迁户（户）", "398" },
                    { "benefits.pv.firstMegawatts", "三(六) 完成7.65MW光伏扶贫电站建设", "光伏扶贫电站（第一批）装机（兆瓦）", "7.65" },
                    { "benefits.pv.secondMegawatts", "三(六) 积极争取第二批5MW光伏扶贫电站建设指标", "光伏扶贫电站（第二批）争取装机（兆瓦）", "5" },
                    { "benefits.ranger.monthly", "三(五) 工资200元/月", "生态护林员工资（元/人·月）", "200" },
                    { "benefits.ranger.posts", "三(五) 新增城镇周围生态护林员公益性岗位50个", "新增生态护林员岗位（个）", "50" },
                    { "benefits.ranger.postType", "三(五)（平台口径）", "生态护林员岗位在就业记录中的岗位类型", "生态护林员" },
                    { "benefits.ranger.termMonths", "三(五) 聘用期限2年", "生态护林员聘用期限（月）", "24" },
                    { "benefits.rentHalving.months", "三(三) 连续两年厂房租赁费给予减半；连续两年给予商业门面房租赁费减半", "厂房、门面房租赁费减半期限（月）", "24" },
                    { "benefits.selfEmployment.award", "三(三) 以奖代补的形式补助5000元（不准重复享受）", "门面房以外自主创业以奖代补（元/户，一次性）", "5000" },
                    { "benefits.urbanPosts.firstYear", "三(五) “今后两年”（方案未列年份，按本地口径填写）", "城区新增公益专岗：计划第一年", "2025" },
                    { "benefits.urbanPosts.perYear", "三(五) 今后两年每年城区新增公益专岗100个", "城区每年新增公益专岗（个）", "100" },
                    { "benefits.urbanPosts.years", "三(五) 今后两年", "城区新增公益专岗：计划年数", "2" }
                });

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
                name: "IX_Benefits_EmploymentId",
                table: "Benefits",
                column: "EmploymentId");

            migrationBuilder.CreateIndex(
                name: "IX_Benefits_HouseholdId_Kind",
                table: "Benefits",
                columns: new[] { "HouseholdId", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_Benefits_IndustryId",
                table: "Benefits",
                column: "IndustryId");

            migrationBuilder.CreateIndex(
                name: "IX_Benefits_Kind_PaidOn",
                table: "Benefits",
                columns: new[] { "Kind", "PaidOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Benefits_MemberId",
                table: "Benefits",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_Benefits_Money",
                table: "Benefits",
                columns: new[] { "TownId", "Kind", "VoidedAt", "HouseholdId", "Amount" });

            migrationBuilder.CreateIndex(
                name: "IX_Benefits_PaidOn_Id",
                table: "Benefits",
                columns: new[] { "PaidOn", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Benefits_ShopfrontId",
                table: "Benefits",
                column: "ShopfrontId");

            migrationBuilder.CreateIndex(
                name: "IX_Factories_SiteId",
                table: "Factories",
                column: "SiteId");

            migrationBuilder.CreateIndex(
                name: "IX_Factories_TownId_Name",
                table: "Factories",
                columns: new[] { "TownId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Loans_HouseholdId_Status",
                table: "Loans",
                columns: new[] { "HouseholdId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Shopfronts_HouseholdId",
                table: "Shopfronts",
                column: "HouseholdId");

            migrationBuilder.CreateIndex(
                name: "IX_Shopfronts_SiteId",
                table: "Shopfronts",
                column: "SiteId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Benefits");

            migrationBuilder.DropTable(
                name: "Factories");

            migrationBuilder.DropTable(
                name: "Loans");

            migrationBuilder.DropTable(
                name: "Shopfronts");

            migrationBuilder.DropIndex(
                name: "IX_Industries_Programme",
                table: "Industries");

            migrationBuilder.DropIndex(
                name: "IX_Employments_Posts",
                table: "Employments");

            migrationBuilder.DeleteData(
                table: "PolicySettings",
                keyColumn: "Key",
                keyValue: "benefits.crossRegion.minContractMonths");

            migrationBuilder.DeleteData(
                table: "PolicySettings",
                keyColumn: "Key",
                keyValue: "benefits.crossRegion.reward");

            migrationBuilder.DeleteData(
                table: "PolicySettings",
                keyColumn: "Key",
                keyValue: "benefits.factory.relocatedPercent");

            migrationBuilder.DeleteData(
                table: "PolicySettings",
                keyColumn: "Key",
                keyValue: "benefits.factory.sqmPerWorker");

            migrationBuilder.DeleteData(
                table: "PolicySettings",
                keyColumn: "Key",
                keyValue: "benefits.graduate.minContractMonths");

            migrationBuilder.DeleteData(
                table: "PolicySettings",
                keyColumn: "Key",
                keyValue: "benefits.graduate.monthly");

            migrationBuilder.DeleteData(
                table: "PolicySettings",
                keyColumn: "Key",
                keyValue: "benefits.industry.cap");

            migrationBuilder.DeleteData(
                table: "PolicySettings",
                keyColumn: "Key",
                keyValue: "benefits.loan.max");

            migrationBuilder.DeleteData(
                table: "PolicySettings",
                keyColumn: "Key",
                keyValue: "benefits.loan.min");

            migrationBuilder.DeleteData(
                table: "PolicySettings",
                keyColumn: "Key",
                keyValue: "benefits.park.count");

            migrationBuilder.DeleteData(
                table: "PolicySettings",
                keyColumn: "Key",
                keyValue: "benefits.park.minHouseholds");

            migrationBuilder.DeleteData(
                table: "PolicySettings",
                keyColumn: "Key",
                keyValue: "benefits.pv.firstHouseholds");

            migrationBuilder.DeleteData(
                table: "PolicySettings",
                keyColumn: "Key",
                keyValue: "benefits.pv.firstMegawatts");

            migrationBuilder.DeleteData(
                table: "PolicySettings",
                keyColumn: "Key",
                keyValue: "benefits.pv.secondMegawatts");

            migrationBuilder.DeleteData(
                table: "PolicySettings",
                keyColumn: "Key",
                keyValue: "benefits.ranger.monthly");

            migrationBuilder.DeleteData(
                table: "PolicySettings",
                keyColumn: "Key",
                keyValue: "benefits.ranger.posts");

            migrationBuilder.DeleteData(
                table: "PolicySettings",
                keyColumn: "Key",
                keyValue: "benefits.ranger.postType");

            migrationBuilder.DeleteData(
                table: "PolicySettings",
                keyColumn: "Key",
                keyValue: "benefits.ranger.termMonths");

            migrationBuilder.DeleteData(
                table: "PolicySettings",
                keyColumn: "Key",
                keyValue: "benefits.rentHalving.months");

            migrationBuilder.DeleteData(
                table: "PolicySettings",
                keyColumn: "Key",
                keyValue: "benefits.selfEmployment.award");

            migrationBuilder.DeleteData(
                table: "PolicySettings",
                keyColumn: "Key",
                keyValue: "benefits.urbanPosts.firstYear");

            migrationBuilder.DeleteData(
                table: "PolicySettings",
                keyColumn: "Key",
                keyValue: "benefits.urbanPosts.perYear");

            migrationBuilder.DeleteData(
                table: "PolicySettings",
                keyColumn: "Key",
                keyValue: "benefits.urbanPosts.years");
        }
    }
}
