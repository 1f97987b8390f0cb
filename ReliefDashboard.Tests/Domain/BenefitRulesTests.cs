namespace ReliefDashboard.Domain;

/// <summary>Each money rule of the plan (DOMAIN.md §5) at its boundary, with the clause the refusal names.</summary>
public sealed class BenefitRulesTests
{
    private static readonly BenefitPolicy Policy = BenefitPolicy.Default;
    private static readonly DateOnly Paid = new(2026, 11, 10);

    private static readonly MemberFacts Graduate = new(1, "王小明", IsUnemployedGraduate: true);
    private static readonly IndustryFacts Orchard = new(10, Channel.AgriculturalIndustry, "山地苹果", "镇农业特色产业园", null, new(2024, 3, 1), null);
    private static readonly IndustryFacts Vegetables = new(11, Channel.AgriculturalIndustry, "设施蔬菜", null, null, new(2024, 3, 1), null);
    private static readonly IndustryFacts Shop = new(12, Channel.CommunityFactoryOrBusiness, "便民超市", null, "92610623MA00000001", new(2025, 1, 1), null);
    private static readonly ShopfrontFacts Shopfront = new(30, "A-12", InOwnSite: true, 1200m, new(2025, 6, 15), null);

    private static JobFacts ParkJob(int? contract = 12, bool insured = true) =>
        new(20, 1, Channel.IndustrialParkJob, "新动能电子科技有限公司", contract, insured, WorkLocation.InsideDistrict, null, new(2026, 1, 1), null);

    private static JobFacts Ranger(DateOnly start) =>
        new(21, 1, Channel.PublicWelfarePost, "区林业局", 24, false, WorkLocation.InsideDistrict, "生态护林员", start, null);

    private static JobFacts Away(int? contract, WorkLocation where = WorkLocation.OutsideProvince) =>
        new(22, 1, Channel.TrainingAndLabourExport, "江苏某电子厂", contract, true, where, null, new(2026, 2, 1), null);

    private static HouseholdLedger Ledger(params BenefitClaim[] prior) => new(
        new Dictionary<int, MemberFacts> { [1] = Graduate },
        new[] { ParkJob(), Ranger(new(2025, 1, 1)), Away(12) }.ToDictionary(j => j.Id),
        new[] { Orchard, Vegetables, Shop }.ToDictionary(i => i.Id),
        new Dictionary<int, ShopfrontFacts> { [30] = Shopfront },
        prior);

    private static HouseholdLedger WithJob(JobFacts job) => Ledger() with { Jobs = new Dictionary<int, JobFacts> { [job.Id] = job } };

    private static BenefitClaim Subsidy(decimal amount, int industry = 11) => new(BenefitKind.IndustrySubsidy, amount, Paid, null, null, null, industry, null);

    private static BenefitClaim Award(decimal amount = 5000) => new(BenefitKind.SelfEmploymentAward, amount, Paid, null, null, null, 12, null);

    private static BenefitClaim GraduatePay(DateOnly month, decimal amount = 1000, int job = 20) =>
        new(BenefitKind.GraduatePostSubsidy, amount, Paid, month, 1, job, null, null);

    [Fact]
    public void TheCap_19999PlusAnAwardOf5000_IsRefusedNamingTheClause_While15000Plus5000Passes()
    {
        var over = BenefitRules.Check(Policy, Award(), Ledger(Subsidy(19_999, industry: 10)));
        var violation = Assert.Single(over);
        Assert.Equal(ViolationKind.OverCap, violation.Kind);
        Assert.Equal("不符合三(一)、三(三)：产业扶持资金历年累计不得超过¥20,000.00：本户已享受¥19,999.00，本次¥5,000.00，合计¥24,999.00", violation.Text);

        Assert.Empty(BenefitRules.Check(Policy, Award(), Ledger(Subsidy(15_000, industry: 10))));
        Assert.Empty(BenefitRules.Check(Policy, Subsidy(1), Ledger(Subsidy(19_999, industry: 10))));
        Assert.Single(BenefitRules.Check(Policy, Subsidy(2), Ledger(Subsidy(19_999, industry: 10))));
    }

    [Fact]
    public void TheCap_IsASetting()
    {
        var lower = Policy with { IndustryCap = 10_000 };
        Assert.Contains(BenefitRules.Check(lower, Award(), Ledger(Subsidy(6_000, industry: 10))), v => v.Kind == ViolationKind.OverCap);
        Assert.Empty(BenefitRules.Check(lower, Award(), Ledger(Subsidy(5_000, industry: 10))));
    }

    [Fact]
    public void ASecondAwardOfTheSameKind_IsRefusedAsDoubleEnjoyment()
    {
        var second = BenefitRules.Check(Policy, Award(), Ledger(Award() with { PaidOn = new(2025, 5, 1), Id = 1 }));
        var violation = Assert.Single(second);
        Assert.Equal(ViolationKind.Duplicate, violation.Kind);
        Assert.Equal("不符合三(三)：产业扶持政策不能重复享受：已于2025-05-01发放自主创业以奖代补¥5,000.00", violation.Text);

        // A second park award too, even for another industry of the household.
        var park = new BenefitClaim(BenefitKind.ParkAward, 3000, Paid, null, null, null, 10, null);
        Assert.Contains(BenefitRules.Check(Policy, park, Ledger(park with { Id = 1 })), v => v.Kind == ViolationKind.Duplicate);

        // The same industry subsidised twice is double enjoyment; two industries once each are not.
        Assert.Contains(BenefitRules.Check(Policy, Subsidy(2000), Ledger(Subsidy(2000) with { Id = 1 })), v => v.Kind == ViolationKind.Duplicate);
        Assert.Empty(BenefitRules.Check(Policy, Subsidy(2000, industry: 10), Ledger(Subsidy(2000) with { Id = 1 })));
    }

    [Fact]
    public void TheSelfEmploymentAward_NeedsALicensedRunningBusiness_AndIsAtMostTheSetting()
    {
        var unlicensed = Ledger() with { Industries = new Dictionary<int, IndustryFacts> { [12] = Shop with { LicenceNumber = null } } };
        Assert.Equal("不符合三(三)：创业补助要求创业手续齐全、有营业执照，“便民超市”未登记营业执照号",
            Assert.Single(BenefitRules.Check(Policy, Award(), unlicensed)).Text);

        var closed = Ledger() with { Industries = new Dictionary<int, IndustryFacts> { [12] = Shop with { End = Paid.AddDays(-1) } } };
        Assert.Contains("不在经营期内", Assert.Single(BenefitRules.Check(Policy, Award(), closed)).Text);

        Assert.Contains("超出标准", Assert.Single(BenefitRules.Check(Policy, Award(5000.01m), Ledger())).Text);
        Assert.Contains("属于农业特色产业", Assert.Single(BenefitRules.Check(Policy, Award() with { IndustryId = 10 }, Ledger())).Text);
    }

    [Fact]
    public void TheGraduateSubsidy_AContractOf11MonthsIsRefused_12Passes()
    {
        var month = new DateOnly(2026, 10, 1);
        var eleven = BenefitRules.Check(Policy, GraduatePay(month), WithJob(ParkJob(contract: 11)));
        Assert.Equal("不符合三(二)：岗位补贴要求签订不少于12个月的劳动合同，王小明的劳动合同为11个月", Assert.Single(eleven).Text);

        Assert.Empty(BenefitRules.Check(Policy, GraduatePay(month), WithJob(ParkJob(contract: 12))));
    }

    [Fact]
    public void TheGraduateSubsidy_NeedsSocialInsuranceAGraduateAParkJob_AndIsAtMost1000AMonth()
    {
        var month = new DateOnly(2026, 10, 1);
        Assert.Contains("未登记交纳社保", Assert.Single(BenefitRules.Check(Policy, GraduatePay(month), WithJob(ParkJob(insured: false)))).Text);

        var notGraduate = WithJob(ParkJob()) with { Members = new Dictionary<int, MemberFacts> { [1] = Graduate with { IsUnemployedGraduate = false } } };
        Assert.Contains("未登记为未就业大学毕业生", Assert.Single(BenefitRules.Check(Policy, GraduatePay(month), notGraduate)).Text);

        Assert.Contains("属于技能培训及劳务输出", Assert.Single(BenefitRules.Check(Policy, GraduatePay(month, job: 22), Ledger())).Text);
        Assert.Contains("超出标准", Assert.Single(BenefitRules.Check(Policy, GraduatePay(month, 1000.5m), Ledger())).Text);
        Assert.Contains("不在该岗位就业", Assert.Single(BenefitRules.Check(Policy, GraduatePay(new(2025, 12, 1)), Ledger())).Text);

        // One payment per member per month.
        var twice = BenefitRules.Check(Policy, GraduatePay(month), Ledger(GraduatePay(month) with { Id = 1 }));
        Assert.Equal("不符合三(二)：同一人同一月份不能重复发放：已于2026-11-10发放高校毕业生岗位补贴¥1,000.00（2026年10月）", Assert.Single(twice).Text);
        Assert.Empty(BenefitRules.Check(Policy, GraduatePay(month), Ledger(GraduatePay(new(2026, 9, 1)) with { Id = 1 })));
    }

    [Fact]
    public void TheCrossRegionReward_NeedsAYearsAgreementOutsideTheDistrict_OncePerPerson()
    {
        var reward = new BenefitClaim(BenefitKind.CrossRegionReward, 2000, Paid, null, 1, 22, null, null);
        Assert.Empty(BenefitRules.Check(Policy, reward, WithJob(Away(12))));
        Assert.Contains("协议为11个月", Assert.Single(BenefitRules.Check(Policy, reward, WithJob(Away(11)))).Text);
        Assert.Contains("在区内就业", Assert.Single(BenefitRules.Check(Policy, reward, WithJob(Away(12, WorkLocation.InsideDistrict)))).Text);
        Assert.Contains("一次性奖励不能重复发放", Assert.Single(BenefitRules.Check(Policy, reward, WithJob(Away(12)) with { Prior = [reward with { Id = 1 }] })).Text);

        // The amount is the setting the plan leaves as "X".
        Assert.Contains("跨区域就业奖励为¥1,500.00，本次¥2,000.00超出标准",
            Assert.Single(BenefitRules.Check(Policy with { CrossRegionReward = 1500 }, reward, WithJob(Away(12)))).Text);
    }

    [Fact]
    public void RangerPay_Is200AMonthForTheTwoYearTerm()
    {
        var start = new DateOnly(2025, 1, 1);
        BenefitClaim Pay(DateOnly month, decimal amount = 200) => new(BenefitKind.RangerPay, amount, Paid, month, 1, 21, null, null);
        var ledger = WithJob(Ranger(start));

        Assert.Empty(BenefitRules.Check(Policy, Pay(new(2026, 12, 1)), ledger));
        Assert.Equal("不符合三(五)：护林员聘用期限24个月（2025年1月起），2027年1月不在聘用期内",
            Assert.Single(BenefitRules.Check(Policy, Pay(new(2027, 1, 1)), ledger)).Text);
        Assert.Contains("超出标准", Assert.Single(BenefitRules.Check(Policy, Pay(new(2026, 1, 1), 201), ledger)).Text);
        Assert.Contains("只发给生态护林员", Assert.Single(BenefitRules.Check(Policy, Pay(new(2026, 1, 1)) with { EmploymentId = 20 }, Ledger())).Text);
    }

    [Fact]
    public void ShopfrontRelief_IsHalfTheRentForTwoYears_InTheHouseholdsOwnCommunity()
    {
        BenefitClaim Relief(DateOnly month, decimal amount = 600) => new(BenefitKind.ShopfrontRentRelief, amount, Paid, month, null, null, null, 30);

        Assert.Empty(BenefitRules.Check(Policy, Relief(new(2025, 6, 1)), Ledger()));
        Assert.Empty(BenefitRules.Check(Policy, Relief(new(2027, 5, 1)), Ledger()));
        Assert.Contains("2027年6月不在减半期内", Assert.Single(BenefitRules.Check(Policy, Relief(new(2027, 6, 1)), Ledger())).Text);
        Assert.Contains("超出", Assert.Single(BenefitRules.Check(Policy, Relief(new(2026, 1, 1), 600.01m), Ledger())).Text);

        var elsewhere = Ledger() with { Shopfronts = new Dictionary<int, ShopfrontFacts> { [30] = Shopfront with { InOwnSite = false } } };
        Assert.Contains("不在本户安置社区", Assert.Single(BenefitRules.Check(Policy, Relief(new(2026, 1, 1)), elsewhere)).Text);
    }

    [Fact]
    public void APaymentMustRestOnTheHouseholdsOwnRecord()
    {
        var stranger = new BenefitClaim(BenefitKind.IndustrySubsidy, 1000, Paid, null, null, null, 999, null);
        Assert.Equal("不符合三(一)：产业扶贫补助须对应本户的一项产业记录", Assert.Single(BenefitRules.Check(Policy, stranger, Ledger())).Text);
    }

    [Theory]
    [InlineData(1000, 399, false)]
    [InlineData(1000, 400, true)]
    [InlineData(10, 4, true)]
    public void AFactorysRentIsHalved_From40PercentRelocatedWorkers_WithTheDeposit(int workforce, int relocated, bool byShare)
    {
        // 10,000 m² would need 400 relocated workers by floor space, so only the share decides here.
        var factory = new CommunityFactory
        {
            Name = "服装加工社区工厂",
            Operator = "某服饰公司",
            UpdatedBy = "",
            RentedAreaSqm = 10_000,
            Workforce = workforce,
            RelocatedWorkers = relocated,
            DepositPaid = true,
        };
        var result = FactoryEligibility.Of(Policy, factory);
        Assert.Equal(byShare, result.ByShare);
        Assert.Equal(byShare || result.ByArea, result.Eligible);
        Assert.Equal(Math.Round(100m * relocated / workforce, 1), result.RelocatedPercent);

        factory.DepositPaid = false;
        Assert.False(FactoryEligibility.Of(Policy, factory).Eligible);
    }

    [Theory]
    [InlineData(500, 20, true)]
    [InlineData(501, 20, false)]
    public void AFactorysRentIsHalved_WithOneRelocatedWorkerPer25SquareMetres(int area, int relocated, bool eligible)
    {
        var factory = new CommunityFactory
        {
            Name = "电子组装社区工厂",
            Operator = "某电子公司",
            UpdatedBy = "",
            RentedAreaSqm = area,
            Workforce = 100,
            RelocatedWorkers = relocated,
            DepositPaid = true,
        };
        var result = FactoryEligibility.Of(Policy, factory);
        Assert.False(result.ByShare);
        Assert.Equal(eligible, result.Eligible);
    }
}
