namespace ReliefDashboard.Domain;

/// <summary>The periods scorecards are kept for, the month-ends the trend reads, who may read and change what, and the settings' own checks.</summary>
public class PeriodsAndScopesTests
{
    [Theory]
    [InlineData("2026-11", PeriodKind.Month, 2026, 11, "2026年11月", "2026-11-30")]
    [InlineData("2026-Q1", PeriodKind.Quarter, 2026, 1, "2026年第一季度", "2026-03-31")]
    [InlineData("2026-Q4", PeriodKind.Quarter, 2026, 4, "2026年第四季度", "2026-12-31")]
    [InlineData("2028-02", PeriodKind.Month, 2028, 2, "2028年2月", "2028-02-29")]
    [InlineData("2026", PeriodKind.Year, 2026, 0, "2026年度", "2026-12-31")]
    public void APeriod_ReadFromItsKey_HasItsLabelAndLastDay(string key, PeriodKind kind, int year, int number, string label, string endsOn)
    {
        Assert.True(PeriodRef.TryParse(key, out var period));
        Assert.Equal(new PeriodRef(kind, year, number), period);
        Assert.Equal(key, period.Key);
        Assert.Equal(label, period.Label);
        Assert.Equal(DateOnly.Parse(endsOn, System.Globalization.CultureInfo.InvariantCulture), period.EndsOn);
    }

    [Theory]
    [InlineData("")]
    [InlineData("2026-13")]
    [InlineData("2026-Q5")]
    [InlineData("2026-Q0")]
    [InlineData("1999")]
    [InlineData("2026-11-01")]
    [InlineData("abcd")]
    [InlineData("2026-+1")]
    public void NonsenseInTheAddress_IsNoPeriod(string key) => Assert.False(PeriodRef.TryParse(key, out _));

    [Fact]
    public void ThePeriodBefore_CrossesTheYearBoundary()
    {
        Assert.Equal(new PeriodRef(PeriodKind.Month, 2025, 12), new PeriodRef(PeriodKind.Month, 2026, 1).Previous);
        Assert.Equal(new PeriodRef(PeriodKind.Quarter, 2025, 4), new PeriodRef(PeriodKind.Quarter, 2026, 1).Previous);
        Assert.Equal(new PeriodRef(PeriodKind.Quarter, 2026, 2), new PeriodRef(PeriodKind.Quarter, 2026, 3).Previous);
        Assert.Equal(new PeriodRef(PeriodKind.Year, 2025, 0), new PeriodRef(PeriodKind.Year, 2026, 0).Previous);
        Assert.Equal(new PeriodRef(PeriodKind.Month, 2026, 2), PeriodRef.MonthOf(new DateOnly(2026, 2, 28)));
    }

    [Fact]
    public void TheCompletedMonthEnds_BeforeADay_AreTheLastDaysOfTheMonthsBeforeItsOwn_OldestFirst()
    {
        Assert.Equal([new DateOnly(2026, 8, 31), new DateOnly(2026, 9, 30), new DateOnly(2026, 10, 31)], Months.CompletedBefore(new DateOnly(2026, 11, 29), 3));
        // On the first of a month the month before is complete; across a year, February of a leap year ends on the 29th.
        Assert.Equal([new DateOnly(2027, 12, 31)], Months.CompletedBefore(new DateOnly(2028, 1, 1), 1));
        Assert.Equal([new DateOnly(2028, 1, 31), new DateOnly(2028, 2, 29)], Months.CompletedBefore(new DateOnly(2028, 3, 31), 2));
        Assert.Equal(24, Months.CompletedBefore(new DateOnly(2026, 11, 29), Months.History).Count);
        Assert.Equal(new DateOnly(2026, 2, 28), Months.EndOf(new DateOnly(2026, 2, 3)));
    }

    private static readonly UserScope StaffOfTown1 = new("s1", "青石镇 王干事", Roles.TownStaff, 1, null);
    private static readonly UserScope Agriculture = new("d1", "牵头部门", Roles.Department, null, LeadUnits.Channels.Keys.First());

    [Fact]
    public void TownStaff_ReadAndChangeTheirOwnTownOnly()
    {
        Assert.True(StaffOfTown1.CanRead(1, 0));
        Assert.False(StaffOfTown1.CanRead(2, 0));
        Assert.True(StaffOfTown1.CanEdit(1));
        Assert.False(StaffOfTown1.CanEdit(2));
        Assert.True(StaffOfTown1.CanReveal(1));
        Assert.False(StaffOfTown1.CanReveal(2));
        Assert.False(StaffOfTown1.ReadsWholeDistrict);
    }

    [Theory]
    [InlineData(Roles.LeadingGroup)]
    [InlineData(Roles.Supervisor)]
    [InlineData(Roles.Admin)]
    public void TheWholeDistrictRoles_ReadEveryTown_ButOnlyAdministratorsSeeFullIds_AndNoneChangesARecord(string role)
    {
        var scope = new UserScope("u", "某人", role, null, null);
        Assert.True(scope.ReadsWholeDistrict);
        Assert.True(scope.CanRead(1, 0) && scope.CanRead(9, 0));
        Assert.False(scope.CanEdit(1));
        Assert.Equal(role == Roles.Admin, scope.CanReveal(1));
    }

    [Fact]
    public void ADepartment_ReadsTheHouseholdsOfTheChannelsItLeads()
    {
        var led = LeadUnits.Channels[Agriculture.Department!];
        var ledMask = HouseholdStatusUpdater.Bit(led[0]);
        var other = Enum.GetValues<Channel>().First(c => !led.Contains(c));
        Assert.True(Agriculture.CanRead(3, ledMask));
        Assert.False(Agriculture.CanRead(3, HouseholdStatusUpdater.Bit(other)));
        Assert.False(Agriculture.CanRead(3, 0));
        Assert.False(Agriculture.CanEdit(3) || Agriculture.CanReveal(3));
        Assert.False(UserScope.Anonymous.IsAuthenticated || UserScope.Anonymous.CanRead(1, ledMask));
    }

    [Fact]
    public void TheSettingsChecks_RefuseBandsOutOfOrder_AndMoneyRulesThatContradictEachOther()
    {
        var assessment = AssessmentPolicy.FromSettings(PolicyDefaults.All.ToDictionary(d => d.Key, d => d.Value));
        Assert.Null(assessment.Problem());
        Assert.Equal("黄色档下限不能高于绿色档下限", (assessment with { AmberFromPercent = assessment.GreenFromPercent + 1 }).Problem());

        Assert.Null(BenefitPolicy.Default.Problem());
        Assert.Equal("无息贷款下限不能高于上限", (BenefitPolicy.Default with { LoanMin = 90_000 }).Problem());
        Assert.Equal("创业补助金额不能高于产业扶持累计上限", (BenefitPolicy.Default with { SelfEmploymentAward = 30_000 }).Problem());
        Assert.Null(BenefitPolicy.ValueProblem(BenefitPolicy.Keys.LoanMin, "50000.50"));
        Assert.Equal("金额应为0至1000000之间的数，最多两位小数（元）", BenefitPolicy.ValueProblem(BenefitPolicy.Keys.LoanMin, "50000.505"));
        Assert.Equal("该口径不存在", BenefitPolicy.ValueProblem("benefits.nonsense", "1"));

        var scorecard = ScorecardPolicy.FromSettings(PolicyDefaults.All.ToDictionary(d => d.Key, d => d.Value));
        Assert.Null(scorecard.Problem());
        Assert.Equal("考核总分的黄色档下限不能高于绿色档下限", (scorecard with { TotalAmberFrom = scorecard.TotalGreenFrom + 1 }).Problem());
    }
}
