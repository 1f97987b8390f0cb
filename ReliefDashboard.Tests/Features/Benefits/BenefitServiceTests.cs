using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ReliefDashboard.Data;
using ReliefDashboard.Domain;
using ReliefDashboard.Exports;
using ReliefDashboard.Features.Households;
using ReliefDashboard.Features.Supervision;
using ReliefDashboard.Figures;
using ReliefDashboard.Jobs;
using ReliefDashboard.TestSupport;
using ReliefDashboard.Writes;

namespace ReliefDashboard.Features.Benefits;

/// <summary>The ledger over SQLite on <see cref="SmallDistrict"/>: refusals name the clause and write nothing; the violations list and suggestions find what slipped in.</summary>
public sealed class BenefitServiceTests : ServiceTestBase
{
    private static readonly DateTime Paid = new(2026, 11, 10);

    private async Task<int> AddIndustryAsync(int householdId, Channel channel, string type, string? park = null, string? licence = null)
    {
        await using var db = Database.Seed();
        var industry = new Industry
        {
            HouseholdId = householdId,
            Channel = channel,
            Type = type,
            Park = park,
            LicenceNumber = licence,
            StartDate = SmallDistrict.Today.AddYears(-1),
            AnnualIncome = 10000,
        };
        db.Industries.Add(industry);
        await db.SaveChangesAsync();
        return industry.Id;
    }

    private BenefitInput Payment(BenefitKind kind, decimal amount, int? industry = null, int? job = null, DateTime? month = null) => new()
    {
        HouseholdId = Seeded.Met,
        Kind = kind,
        Amount = amount,
        PaidOn = Paid,
        ForMonth = month,
        IndustryId = industry,
        EmploymentId = job,
        Fund = "扶贫产业专项资金",
        Voucher = "延区扶发〔2026〕12号",
    };

    private async Task<(int Benefits, int Audit)> CountsAsync()
    {
        await using var db = Database.Seed();
        return (await db.Benefits.CountAsync(), await db.Audit.CountAsync(a => a.Entity == nameof(Benefit)));
    }

    [Fact]
    public async Task APaymentOverTheCap_IsRefusedNamingItsClause_AndWritesNothing()
    {
        var orchard = await AddIndustryAsync(Seeded.Met, Channel.AgriculturalIndustry, "山地苹果");
        var shop = await AddIndustryAsync(Seeded.Met, Channel.CommunityFactoryOrBusiness, "便民超市", licence: "92610623MA00000001");
        var service = As<BenefitService>(Seeded.StaffA);

        Assert.True((await service.RecordAsync(Payment(BenefitKind.IndustrySubsidy, 19_999, orchard))).Ok);
        Assert.Equal((1, 1), await CountsAsync());

        var refused = await service.RecordAsync(Payment(BenefitKind.SelfEmploymentAward, 5_000, shop));

        Assert.Equal(SaveOutcome.Invalid, refused.Outcome);
        Assert.Equal("不符合三(一)、三(三)：产业扶持资金历年累计不得超过¥20,000.00：本户已享受¥19,999.00，本次¥5,000.00，合计¥24,999.00", Assert.Single(refused.Errors));
        Assert.Equal((1, 1), await CountsAsync());

        // The household's panel shows what counts toward the cap.
        var panel = await service.ForHouseholdAsync(Seeded.Met);
        Assert.Equal(19_999m, panel!.CappedTotal);
        Assert.True(panel.CanEdit);
    }

    [Fact]
    public async Task AVoidedPayment_StaysInTheLedger_ButNoLongerCounts()
    {
        var orchard = await AddIndustryAsync(Seeded.Met, Channel.AgriculturalIndustry, "山地苹果");
        var shop = await AddIndustryAsync(Seeded.Met, Channel.CommunityFactoryOrBusiness, "便民超市", licence: "92610623MA00000001");
        var service = As<BenefitService>(Seeded.StaffA);
        await service.RecordAsync(Payment(BenefitKind.IndustrySubsidy, 19_999, orchard));
        int id;
        await using (var db = Database.Seed())
        {
            id = await db.Benefits.Select(b => b.Id).SingleAsync();
        }

        Assert.Equal("请填写作废原因（2至200个字）", Assert.Single((await service.VoidAsync(id, " ")).Errors));
        Assert.True((await service.VoidAsync(id, "金额录入错误，应为9999元")).Ok);
        Assert.Contains("作废", Assert.Single((await service.VoidAsync(id, "再次作废")).Errors));
        Assert.True((await service.RecordAsync(Payment(BenefitKind.SelfEmploymentAward, 5_000, shop))).Ok);

        await using var check = Database.Seed();
        var voided = await check.Benefits.SingleAsync(b => b.Id == id);
        Assert.Equal(("金额录入错误，应为9999元", "青石镇 王干事"), (voided.VoidReason, voided.VoidedBy));
        Assert.Equal(2, await check.Benefits.CountAsync());
    }

    [Fact]
    public async Task AnotherTownsStaff_CannotPay_AndTheAttemptIsLogged()
    {
        var orchard = await AddIndustryAsync(Seeded.Met, Channel.AgriculturalIndustry, "山地苹果");

        var result = await As<BenefitService>(Seeded.StaffB).RecordAsync(Payment(BenefitKind.IndustrySubsidy, 1000, orchard));

        Assert.Equal(SaveOutcome.Forbidden, result.Outcome);
        Assert.Equal((0, 0), await CountsAsync());
        await using var db = Database.Seed();
        Assert.Contains(await db.Activity.ToListAsync(), a => a.Kind == ActivityLog.Kinds.Denied && a.Target.Contains("登记补贴发放"));
    }

    [Fact]
    public async Task BadInput_IsRefusedInChinese_AndWritesNothing()
    {
        var orchard = await AddIndustryAsync(Seeded.Met, Channel.AgriculturalIndustry, "山地苹果");
        var service = As<BenefitService>(Seeded.StaffA);
        var input = Payment(BenefitKind.IndustrySubsidy, 0.001m, orchard);
        input.Fund = "";
        input.PaidOn = Paid.AddMonths(1);

        var result = await service.RecordAsync(input);

        Assert.Equal(SaveOutcome.Invalid, result.Outcome);
        Assert.Contains("金额最多两位小数（分）", result.Errors);
        Assert.Contains("发放日期不能晚于今天", result.Errors);
        Assert.Contains("请填写资金来源", result.Errors);
        Assert.Contains("按月发放的补贴须填写所属月份", (await service.RecordAsync(Payment(BenefitKind.RangerPay, 200, job: 1))).Errors);
        Assert.Equal((0, 0), await CountsAsync());
    }

    [Fact]
    public async Task ALoan_IsFiftyToEightyThousand_ForAHouseholdWithABusiness()
    {
        var service = As<BenefitService>(Seeded.StaffA);
        LoanInput Loan(decimal amount) => new()
        {
            HouseholdId = Seeded.Met,
            Amount = amount,
            Purpose = "扩大便民超市经营",
            AppliedOn = Paid,
            Status = LoanStatus.Applied,
        };

        Assert.Equal("不符合三(三)：创业无息贷款额度为¥50,000.00至¥80,000.00，本次¥49,999.00", Assert.Single((await service.SaveLoanAsync(Loan(49_999))).Errors));
        Assert.Equal("不符合三(三)：创业无息贷款额度为¥50,000.00至¥80,000.00，本次¥80,001.00", Assert.Single((await service.SaveLoanAsync(Loan(80_001))).Errors));
        Assert.StartsWith("不符合三(三)：无息贷款用于解决搬迁户创业资金困难", Assert.Single((await service.SaveLoanAsync(Loan(50_000))).Errors));

        await AddIndustryAsync(Seeded.Met, Channel.CommunityFactoryOrBusiness, "便民超市", licence: "92610623MA00000001");
        Assert.True((await service.SaveLoanAsync(Loan(50_000))).Ok);
        Assert.Equal("本户已有未结清的无息贷款，不能重复申请", Assert.Single((await service.SaveLoanAsync(Loan(80_000))).Errors));

        // A later step names the version it saw; a stale one is refused.
        await using var db = Database.Seed();
        var loan = await db.Loans.SingleAsync();
        var disburse = Loan(50_000);
        disburse.Id = loan.Id;
        disburse.Version = loan.Version;
        disburse.Status = LoanStatus.Disbursed;
        disburse.DisbursedOn = Paid.AddDays(5);
        Assert.True((await service.SaveLoanAsync(disburse)).Ok);
        Assert.Contains("已被他人修改", Assert.Single((await service.SaveLoanAsync(disburse)).Errors));
    }

    [Fact]
    public async Task AStaleShopfrontEdit_IsRefused_AndTheOtherEditStands()
    {
        var service = As<BenefitService>(Seeded.StaffA);
        ShopfrontInput Shop(string business) => new()
        {
            HouseholdId = Seeded.Met,
            SiteId = Seeded.SiteA,
            Unit = "A-12",
            Business = business,
            MonthlyRent = 1200,
            StartDate = new DateTime(2026, 3, 1),
        };
        Assert.True((await service.SaveShopfrontAsync(Shop("便民超市"))).Ok);
        ShopfrontRental saved;
        await using (var db = Database.Seed())
        {
            saved = await db.Shopfronts.SingleAsync();
        }
        var first = Shop("便民超市（扩大经营）");
        var second = Shop("早餐店");
        (first.Id, first.Version, second.Id, second.Version) = (saved.Id, saved.Version, saved.Id, saved.Version);

        Assert.True((await service.SaveShopfrontAsync(first)).Ok);
        Assert.Contains("已被他人修改", Assert.Single((await service.SaveShopfrontAsync(second)).Errors));

        await using var check = Database.Seed();
        Assert.Equal("便民超市（扩大经营）", (await check.Shopfronts.SingleAsync()).Business);
        // A shopfront must be in the household's own town.
        var elsewhere = Shop("理发店");
        elsewhere.SiteId = Seeded.SiteB;
        Assert.Equal("门面房须在本户所在镇街的安置社区", Assert.Single((await service.SaveShopfrontAsync(elsewhere)).Errors));
    }

    [Fact]
    public async Task PaymentsThatBreakARule_AreListed_AndSuggestedForSupervision()
    {
        var orchard = await AddIndustryAsync(Seeded.Met, Channel.AgriculturalIndustry, "山地苹果", park: "镇农业特色产业园");
        await using (var db = Database.Seed())
        {
            // As data arrives from an old ledger: two park awards, and a graduate subsidy on a job without the contract.
            Benefit Legacy(BenefitKind kind, decimal amount, DateOnly paid, int? industry = null, int? job = null, DateOnly? month = null) => new()
            {
                HouseholdId = Seeded.Met,
                TownId = Seeded.TownA,
                Kind = kind,
                Amount = amount,
                PaidOn = paid,
                IndustryId = industry,
                EmploymentId = job,
                ForMonth = month,
                MemberId = job is null ? null : db.Employments.Single(e => e.Id == job).MemberId,
                Fund = "区级财政扶贫专项资金",
                Voucher = "旧台账",
                RecordedBy = "迁移",
                RecordedAt = DateTime.UtcNow,
                Source = "旧台账迁移",
            };
            var job = await db.Employments.Where(e => e.HouseholdId == Seeded.Met).Select(e => e.Id).SingleAsync();
            db.Benefits.AddRange(
                Legacy(BenefitKind.ParkAward, 3000, new(2025, 3, 1), orchard),
                Legacy(BenefitKind.ParkAward, 3000, new(2026, 3, 1), orchard),
                Legacy(BenefitKind.GraduatePostSubsidy, 1000, new(2026, 10, 5), job: job, month: new(2026, 9, 1)));
            await db.SaveChangesAsync();
        }
        // Rows written around the services are checked by the daily refresh.
        Assert.Empty((await As<ProgrammeService>().ViolationsAsync()).Rows);
        await Services.GetRequiredService<StatusRefreshService>().RefreshAsync(SmallDistrict.Today, default);

        var (rows, _) = await As<ProgrammeService>().ViolationsAsync();

        Assert.Equal(2, rows.Count);
        var park = rows.Single(r => r.Kind == BenefitKind.ParkAward);
        Assert.Equal(new DateOnly(2026, 3, 1), park.PaidOn);
        Assert.Equal("不符合三(一)：产业扶持政策不能重复享受：已于2025-03-01发放园区达标奖补¥3,000.00", Assert.Single(park.Violations).Text);
        Assert.Contains(rows.Single(r => r.Kind == BenefitKind.GraduatePostSubsidy).Violations, v => v.Text.Contains("未登记为未就业大学毕业生"));

        // Town staff of the other town see none of it.
        Assert.Empty((await As<ProgrammeService>(Seeded.StaffB).ViolationsAsync()).Rows);

        var suggestions = await As<SuggestionService>(new UserScope("sup", "督查 赵", Roles.Supervisor, null, null)).ListAsync();
        var duplicate = suggestions.Single(s => s.Key == $"suspect-benefit-{ViolationKind.Duplicate}:{Seeded.TownA}");
        Assert.Equal([Seeded.Met], duplicate.HouseholdIds);
        Assert.Contains("重复享受", duplicate.Reason);
        Assert.Contains(suggestions, s => s.Key == $"suspect-benefit-{ViolationKind.Ineligible}:{Seeded.TownA}");
    }

    [Fact]
    public async Task ShorteningTheContractBehindAGraduateSubsidy_OnTheCard_FlagsThePaymentAtOnce()
    {
        int job;
        await using (var db = Database.Seed())
        {
            var head = await db.Members.SingleAsync(m => m.HouseholdId == Seeded.Met && m.Relation == Relation.Head);
            head.Education = Education.College;
            head.IsUnemployedGraduate = true;
            var employment = await db.Employments.SingleAsync(e => e.HouseholdId == Seeded.Met);
            employment.HasSocialInsurance = true;
            employment.Park = "新动能产业园区";
            employment.ContractMonths = 12;
            await db.SaveChangesAsync();
            job = employment.Id;
        }
        var staff = As<BenefitService>(Seeded.StaffA);
        var paid = await staff.RecordAsync(Payment(BenefitKind.GraduatePostSubsidy, 1000, job: job, month: new DateTime(2026, 10, 1)));
        Assert.True(paid.Ok, string.Join("；", paid.Errors));
        Assert.Empty((await As<ProgrammeService>().ViolationsAsync()).Rows);

        // The town corrects the contract to 11 months: the payment already made no longer keeps 三(二).
        await using (var db = Database.Seed())
        {
            var employment = await db.Employments.Include(e => e.Member).SingleAsync(e => e.Id == job);
            var household = await db.Households.SingleAsync(h => h.Id == Seeded.Met);
            var input = employment.ToInput(household);
            input.ContractMonths = 11;
            var saved = await As<HouseholdEditService>(Seeded.StaffA).SaveEmploymentAsync(input);
            Assert.True(saved.Ok, string.Join("；", saved.Errors));
        }

        var row = Assert.Single((await As<ProgrammeService>().ViolationsAsync()).Rows);
        Assert.Equal("不符合三(二)：岗位补贴要求签订不少于12个月的劳动合同，王建军的劳动合同为11个月", Assert.Single(row.Violations).Text);
    }

    [Fact]
    public async Task LoweringTheCapSetting_RechecksEveryRecordedPayment()
    {
        var orchard = await AddIndustryAsync(Seeded.Met, Channel.AgriculturalIndustry, "山地苹果");
        var shop = await AddIndustryAsync(Seeded.Met, Channel.CommunityFactoryOrBusiness, "便民超市", licence: "92610623MA00000001");
        var staff = As<BenefitService>(Seeded.StaffA);
        Assert.True((await staff.RecordAsync(Payment(BenefitKind.IndustrySubsidy, 8_000, orchard))).Ok);
        Assert.True((await staff.RecordAsync(Payment(BenefitKind.SelfEmploymentAward, 5_000, shop))).Ok);

        Assert.True((await As<Policy.PolicyService>().UpdateAsync(BenefitPolicy.Keys.IndustryCap, "10000", "区财政局通知")).Ok);

        var row = Assert.Single((await As<ProgrammeService>().ViolationsAsync()).Rows);
        Assert.Equal(BenefitKind.SelfEmploymentAward, row.Kind);
        Assert.Equal(ViolationKind.OverCap, Assert.Single(row.Violations).Kind);
    }

    [Fact]
    public async Task TwoClerksPayingAtOnce_CannotBothPassTheCap()
    {
        var file = Path.Combine(Path.GetTempPath(), $"relief-benefits-{Guid.NewGuid():N}.db");
        await using var database = new TestDatabase(file);
        var seeded = await SmallDistrict.SeedAsync(database);
        // Two app instances on one database file: each has its own write turn, so only SQLite's lock stands between them.
        await using var services = TestServices.Build(database, Clock);
        await using var otherServer = TestServices.Build(database, Clock);
        int a, b, c;
        await using (var db = database.Seed())
        {
            Industry Orchard(string type) => new()
            {
                HouseholdId = seeded.Met,
                Channel = Channel.AgriculturalIndustry,
                Type = type,
                StartDate = SmallDistrict.Today.AddYears(-1),
            };
            var industries = new[] { Orchard("山地苹果"), Orchard("设施蔬菜"), Orchard("香菇") };
            db.Industries.AddRange(industries);
            await db.SaveChangesAsync();
            (a, b, c) = (industries[0].Id, industries[1].Id, industries[2].Id);
        }
        services.GetRequiredService<TestUser>().Scope = seeded.StaffA;
        otherServer.GetRequiredService<TestUser>().Scope = seeded.StaffA;
        BenefitService ClerkOn(IServiceProvider on) => on.CreateScope().ServiceProvider.GetRequiredService<BenefitService>();
        BenefitInput Pay(int industry, decimal amount) => new()
        {
            HouseholdId = seeded.Met,
            Kind = BenefitKind.IndustrySubsidy,
            Amount = amount,
            PaidOn = Paid,
            IndustryId = industry,
            Fund = "扶贫产业专项资金",
            Voucher = "延区扶发〔2026〕12号",
        };
        Assert.True((await ClerkOn(services).RecordAsync(Pay(a, 15_000))).Ok);

        // Each alone fits under 20,000; both together would not.
        // The barrier releases both clerks together, so the two saves really run at the same time.
        using var together = new Barrier(2);
        Task<Writes.SaveResult> PayAt(IServiceProvider on, int industry) => Task.Run(() =>
        {
            var clerk = ClerkOn(on);
            together.SignalAndWait();
            return clerk.RecordAsync(Pay(industry, 3_000));
        });
        var results = await Task.WhenAll(PayAt(services, b), PayAt(otherServer, c));

        Assert.Equal(1, results.Count(r => r.Ok));
        Assert.Contains("合计¥21,000.00", results.Single(r => !r.Ok).Errors[0]);
        await using var check = database.Seed();
        Assert.Equal(18_000m, (await check.Benefits.ToListAsync()).Sum(x => x.Amount));
    }
}
