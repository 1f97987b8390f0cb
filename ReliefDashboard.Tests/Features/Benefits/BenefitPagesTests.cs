using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ReliefDashboard.Domain;
using ReliefDashboard.Exports;
using ReliefDashboard.Figures;
using ReliefDashboard.TestSupport;
using ReliefDashboard.Writes;

namespace ReliefDashboard.Features.Benefits;

public class BenefitPagesTests : DashboardTestContext
{
    private static readonly UserScope Supervisor = new("sup", "督查 赵", Roles.Supervisor, null, null);

    /// <summary>青石镇's met household: an orchard in a park with two park awards (as an old ledger brought them) and a subsidy.</summary>
    private async Task SeedPaymentsAsync()
    {
        await using var db = Database.Seed();
        var orchard = new Industry
        {
            HouseholdId = Seeded.Met,
            Channel = Channel.AgriculturalIndustry,
            Type = "山地苹果",
            Park = "青石镇农业特色产业园",
            StartDate = SmallDistrict.Today.AddYears(-2),
        };
        db.Industries.Add(orchard);
        await db.SaveChangesAsync();
        Benefit Pay(BenefitKind kind, decimal amount, DateOnly paid) => new()
        {
            HouseholdId = Seeded.Met,
            TownId = Seeded.TownA,
            Kind = kind,
            Amount = amount,
            PaidOn = paid,
            IndustryId = orchard.Id,
            Fund = "扶贫产业专项资金",
            Voucher = "延区扶发〔2025〕3号",
            RecordedBy = "迁移",
            RecordedAt = DateTime.UtcNow,
            Source = "旧台账迁移",
        };
        db.Benefits.AddRange(
            Pay(BenefitKind.ParkAward, 3000, new(2025, 3, 1)),
            Pay(BenefitKind.ParkAward, 3000, new(2026, 3, 1)),
            Pay(BenefitKind.IndustrySubsidy, 4000, new(2025, 6, 1)));
        db.Factories.Add(new CommunityFactory
        {
            TownId = Seeded.TownA,
            Name = "服装加工社区工厂",
            Operator = "某服饰公司",
            RentedAreaSqm = 1000,
            MonthlyRent = 6000,
            Workforce = 50,
            RelocatedWorkers = 20,
            DepositPaid = true,
            DepositPaidOn = new(2025, 1, 1),
            OpenedOn = new(2025, 1, 1),
            UpdatedBy = "王干事",
        });
        await db.SaveChangesAsync();
        await BenefitLedger.RefreshAsync(db, BenefitPolicy.Default, null, default);
    }

    [Fact]
    public async Task TheHouseholdPanel_ShowsEachPaymentWithItsCheck_AndWhatIsLeftUnderTheCap()
    {
        await SeedPaymentsAsync();
        ActAs(Seeded.StaffA);
        await using var db = Database.Seed();
        var household = await db.Households.Include(h => h.Industries).Include(h => h.Employments).SingleAsync(h => h.Id == Seeded.Met);

        var cut = Render<BenefitsPanel>(p => p.Add(x => x.Household, household));

        cut.WaitForAssertion(() => Assert.Equal(3, cut.FindAll("[data-testid=benefit-row]").Count));
        Assert.Contains("¥10,000.00 / ¥20,000.00", cut.Find("[data-testid=cap-usage]").TextContent);
        Assert.Contains("还可享受 ¥10,000.00", cut.Find("[data-testid=cap-usage]").TextContent);
        var violation = Assert.Single(cut.FindAll("[data-testid=benefit-violation]"));
        Assert.Contains("不符合三(一)：产业扶持政策不能重复享受：已于2025-03-01发放园区达标奖补¥3,000.00", violation.TextContent);
        Assert.NotEmpty(cut.FindAll("[data-testid=add-benefit]"));
    }

    [Fact]
    public async Task ASupervisor_ReadsThePanel_ButCannotPay()
    {
        await SeedPaymentsAsync();
        ActAs(Supervisor);
        await using var db = Database.Seed();
        var household = await db.Households.SingleAsync(h => h.Id == Seeded.Met);

        var cut = Render<BenefitsPanel>(p => p.Add(x => x.Household, household));

        cut.WaitForAssertion(() => Assert.Equal(3, cut.FindAll("[data-testid=benefit-row]").Count));
        Assert.Empty(cut.FindAll("[data-testid=add-benefit]"));
        Assert.Empty(cut.FindAll("[data-testid=void-benefit]"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("?kind=bogus&town=abc&year=99999&page=-4&tab=nonsense")]
    public async Task TheLedgerPage_ListsPayments_AndIgnoresNonsenseInTheAddress(string query)
    {
        await SeedPaymentsAsync();
        ActAs(Supervisor);
        Services.GetRequiredService<NavigationManager>().NavigateTo("benefits" + query);

        var cut = Render<BenefitsPage>();

        cut.WaitForAssertion(() => Assert.Contains("共 3 笔，合计 ¥10,000.00", cut.Find("[data-testid=ledger-total]").TextContent));
        Assert.Contains("违规发放（1）", cut.Markup);
    }

    [Fact]
    public async Task TheViolationsTab_NamesTheClauseOfEachBreach()
    {
        await SeedPaymentsAsync();
        ActAs(Supervisor);
        Services.GetRequiredService<NavigationManager>().NavigateTo("benefits?tab=violations");

        var cut = Render<BenefitsPage>();

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=violation-row]")));
        Assert.Contains("2026-03-01", cut.Find("[data-testid=violation-row]").TextContent);
        Assert.Contains("不符合三(一)：产业扶持政策不能重复享受", cut.Find("[data-testid=violation-row]").TextContent);
    }

    [Fact]
    public async Task TheImplementationPage_MeasuresEachTargetFromTheRecords()
    {
        await SeedPaymentsAsync();
        ActAs(Supervisor);

        var cut = Render<ImplementationPage>();

        cut.WaitForAssertion(() => Assert.Contains("1 / 1 家", cut.Find("[data-testid=target-factories]").TextContent));
        // The park has one household against a target of 50 per park and 3 parks.
        Assert.Contains("0 / 3 个", cut.Find("[data-testid=target-parks]").TextContent);
        Assert.Contains("青石镇 · 青石镇农业特色产业园：1 户", cut.Find("[data-testid=target-parks]").TextContent);
        Assert.Contains("0 / 398 户", cut.Find("[data-testid=target-pv]").TextContent);
        Assert.Contains("¥10,000.00", cut.Find("[data-testid=money-by-clause]").TextContent);
        Assert.Contains("重复享受 1 笔", cut.Find("[data-testid=violation-summary]").TextContent);
    }

    [Fact]
    public async Task ForTownStaff_TheImplementationPage_ShowsTheTownsShareOfTheDistrictsTargets()
    {
        await SeedPaymentsAsync();
        ActAs(Seeded.StaffA);

        var cut = Render<ImplementationPage>();

        cut.WaitForAssertion(() => Assert.Contains("政策落实 · 青石镇", cut.Markup));
        Assert.Contains("0 户（全区目标 398）", cut.Find("[data-testid=target-pv]").TextContent);
        Assert.DoesNotContain("short", cut.Find("[data-testid=target-pv]").ClassName);
    }

    [Fact]
    public async Task TheDashboardMoneyPanel_SumsByClause_ScopedToWhatTheUserLeads()
    {
        await SeedPaymentsAsync();
        var figures = await Services.GetRequiredService<Figures.DashboardFeed>().GetAsync();

        var district = Render<MoneyPanel>(p => p.Add(x => x.Figures, figures).Add(x => x.Scope, Supervisor));
        Assert.Equal("¥10,000.00", district.Find("[data-testid=money-total]").TextContent);
        Assert.Contains("违规发放 1 笔", district.Find("[data-testid=money-violations]").TextContent);

        // 区人社局 leads channels 2, 4 and 5: park awards and industry subsidies (三(一)) are not its payments.
        var renshe = new UserScope("rs", "人社局 刘", Roles.Department, null, "区人社局");
        var department = Render<MoneyPanel>(p => p.Add(x => x.Figures, figures).Add(x => x.Scope, renshe));
        Assert.Empty(department.FindAll("[data-testid=money-total]"));
        Assert.Contains("尚无补贴发放记录", department.Markup);
        Assert.Contains("违规发放 0 笔", department.Find("[data-testid=money-violations]").TextContent);

        var otherTown = Render<MoneyPanel>(p => p.Add(x => x.Figures, figures).Add(x => x.Scope, Seeded.StaffB));
        Assert.Contains("违规发放 0 笔", otherTown.Find("[data-testid=money-violations]").TextContent);
    }

    [Fact]
    public async Task TheLedgerExport_HoldsTheFilteredPayments_AndTheirViolations_InTheUsersReach()
    {
        await SeedPaymentsAsync();
        ActAs(Supervisor);

        var file = await Services.CreateScope().ServiceProvider.GetRequiredService<ProgrammeService>()
            .ExportAsync(LedgerQuery.Parse(key => key == "kind" ? nameof(BenefitKind.ParkAward) : null));

        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(file));
        Assert.Equal(["发放台账", "违规发放"], Roster.XlsxCells.SheetNames(zip));
        var ledger = Roster.XlsxCells.Read(zip, "发放台账");
        Assert.Equal(3, ledger.Count); // the header and the two park awards; the subsidy is filtered out
        Assert.Equal(["2026-03-01", "青石镇", "610623001000001", "王建军", "本户", "三(一)", "园区达标奖补", "", "3000.00"], ledger[1].Cells[..9]);
        var breaches = Roster.XlsxCells.Read(zip, "违规发放");
        Assert.Equal(2, breaches.Count);
        Assert.Contains("不符合三(一)：产业扶持政策不能重复享受", breaches[1].Cells[6]);

        // Another town's staff get their own reach: nothing of 青石镇.
        ActAs(Seeded.StaffB);
        var theirs = await Services.CreateScope().ServiceProvider.GetRequiredService<ProgrammeService>().ExportAsync(new LedgerQuery());
        using var other = new System.IO.Compression.ZipArchive(new MemoryStream(theirs));
        Assert.Single(Roster.XlsxCells.Read(other, "发放台账"));
    }
}

public class BreachSummaryTests
{
    [Fact]
    public void PaymentsBreakingTwoRules_AreSaidToOverlap_SoThePartsDoNotLookLikeASum()
    {
        var both = Bit(ViolationKind.OverCap) | Bit(ViolationKind.Duplicate);
        IReadOnlyList<ViolationCount> counts = [new(1, BenefitKind.ParkAward, both, 5), new(1, BenefitKind.ParkAward, Bit(ViolationKind.Duplicate), 4)];

        var text = ImplementationPage.BreachSummary(counts);

        Assert.StartsWith("违规发放 9 笔", text);
        Assert.Contains("超上限 5 笔", text);
        Assert.Contains("重复享受 9 笔", text);
        Assert.Contains("一笔可能同时违反多条规则", text);
        Assert.DoesNotContain("一笔可能", ImplementationPage.BreachSummary([new(1, BenefitKind.ParkAward, Bit(ViolationKind.Duplicate), 4)]));
    }

    private static int Bit(ViolationKind kind) => BenefitLedger.Bit(kind);
}
