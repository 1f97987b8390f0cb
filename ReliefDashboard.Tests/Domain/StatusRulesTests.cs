using ReliefDashboard.Domain;
using ReliefDashboard.TestSupport;

namespace ReliefDashboard.Domain;

public class StatusRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 29);
    private static readonly StatusPolicy Policy = StatusPolicy.Default;

    private static StatusResult Evaluate(HouseholdBuilder b, StatusPolicy? policy = null) => StatusRules.Evaluate(b.Build(), Today, policy ?? Policy);

    private static HouseholdBuilder Household(bool labour = true) => new(Today, labour);

    [Fact]
    public void Status_IsMet_WhenEmployedExactlySixMonths()
    {
        var result = Evaluate(Household().Job(Today.AddMonths(-6)));
        Assert.Equal(HouseholdStatus.Met, result.Status);
        Assert.Contains("连续就业满 6 个月", result.Explanation);
    }

    [Fact]
    public void Status_IsInProgress_WhenEmployedOneDayShortOfSixMonths()
    {
        var result = Evaluate(Household().Job(Today.AddMonths(-6).AddDays(1)));
        Assert.Equal(HouseholdStatus.InProgress, result.Status);
    }

    [Fact]
    public void Status_IsMet_WhenOneMemberHasTwelveMonthContract()
    {
        var result = Evaluate(Household().Job(Today.AddMonths(-1), contractMonths: 12));
        Assert.Equal(HouseholdStatus.Met, result.Status);
        Assert.Contains("12 个月合同", result.Explanation);
        Assert.Equal("就业", result.RecordKind);
        Assert.Equal(1, result.RecordId);
    }

    [Fact]
    public void Status_IsInProgress_WhenContractIsElevenMonthsAndJobIsNew()
    {
        var result = Evaluate(Household().Job(Today.AddMonths(-1), contractMonths: 11));
        Assert.Equal(HouseholdStatus.InProgress, result.Status);
    }

    [Theory]
    [InlineData(59, HouseholdStatus.AtRisk)]
    [InlineData(60, HouseholdStatus.AtRisk)]
    [InlineData(61, HouseholdStatus.Met)]
    public void Status_WarnsWhenEveryQualifyingMeasureEndsWithinSixtyDays(int daysLeft, HouseholdStatus expected)
    {
        var result = Evaluate(Household().Job(Today.AddMonths(-8), end: Today.AddDays(daysLeft)));
        Assert.Equal(expected, result.Status);
        if (expected == HouseholdStatus.AtRisk)
        {
            Assert.Equal("at-risk-ending", result.Rule);
            Assert.Equal(Today.AddDays(daysLeft), result.KeyDate);
        }
    }

    [Fact]
    public void Status_IsMet_WhenOneOfTwoQualifyingMeasuresLastsBeyondSixtyDays()
    {
        var result = Evaluate(Household().Job(Today.AddMonths(-8), end: Today.AddDays(10)).Industry(Today.AddMonths(-7)));
        Assert.Equal(HouseholdStatus.Met, result.Status);
    }

    [Theory]
    [InlineData(90, HouseholdStatus.Met)]
    [InlineData(91, HouseholdStatus.AtRisk)]
    public void Status_WarnsWhenNotVerifiedForMoreThanNinetyDays(int daysAgo, HouseholdStatus expected)
    {
        var result = Evaluate(Household().Job(Today.AddMonths(-8)).Verified(Today.AddDays(-daysAgo)));
        Assert.Equal(expected, result.Status);
    }

    [Fact]
    public void Status_IsAtRisk_WhenNeverVerified()
    {
        var result = Evaluate(Household().Job(Today.AddMonths(-8)).Verified(null));
        Assert.Equal(HouseholdStatus.AtRisk, result.Status);
        Assert.Equal("at-risk-unverified", result.Rule);
        Assert.Contains("从未走访核实", result.Explanation);
    }

    [Fact]
    public void Status_IsSafetyNet_WhenNoLabourAndCovered()
    {
        var result = Evaluate(Household(labour: false).Coverage(Today.AddYears(-2)));
        Assert.Equal(HouseholdStatus.SafetyNet, result.Status);
        Assert.False(result.HasLabour);
        Assert.Contains("低保", result.Explanation);
    }

    [Fact]
    public void Status_IsNoMeasure_WhenNoLabourAndNoCoverage()
    {
        var result = Evaluate(Household(labour: false));
        Assert.Equal(HouseholdStatus.NoMeasure, result.Status);
        Assert.Contains("无兜底保障记录", result.Explanation);
    }

    [Fact]
    public void Status_IsMet_WhenNoLabourHouseholdHasPayingPvShare()
    {
        var result = Evaluate(Household(labour: false).Coverage(Today.AddYears(-2)).Industry(Today.AddDays(-3), channel: Channel.Photovoltaic, income: 3000));
        Assert.Equal(HouseholdStatus.Met, result.Status);
    }

    [Fact]
    public void Status_IsInProgress_WhenPvShareDoesNotPay()
    {
        var result = Evaluate(Household().Industry(Today.AddYears(-2), channel: Channel.Photovoltaic, income: 0));
        Assert.Equal(HouseholdStatus.InProgress, result.Status);
    }

    [Fact]
    public void Status_IsNoMeasure_WhenOnlyMeasureHasEnded()
    {
        var result = Evaluate(Household().Job(Today.AddYears(-2), end: Today.AddDays(-1), contractMonths: 24));
        Assert.Equal(HouseholdStatus.NoMeasure, result.Status);
        Assert.Equal(Today.AddDays(-1), result.KeyDate);
        Assert.Contains("已于 2026-11-28 结束", result.Explanation);
    }

    [Fact]
    public void Status_CountsMeasureEndingToday_AsStillActive()
    {
        var result = Evaluate(Household().Job(Today.AddYears(-2), end: Today));
        Assert.Equal(HouseholdStatus.AtRisk, result.Status);
    }

    [Fact]
    public void Status_IsInProgress_WhenMeasureStartsInTheFuture()
    {
        var result = Evaluate(Household().Job(Today.AddDays(5), contractMonths: 24));
        Assert.Equal(HouseholdStatus.InProgress, result.Status);
        Assert.Contains("将于 2026-12-04 开始", result.Explanation);
    }

    [Fact]
    public void Status_IsMet_ForPublicWelfarePostFromItsFirstDay()
    {
        var result = Evaluate(Household().Job(Today, end: Today.AddYears(2), channel: Channel.PublicWelfarePost));
        Assert.Equal(HouseholdStatus.Met, result.Status);
    }

    [Fact]
    public void Status_IsInProgress_WhenIndustryRunsFiveMonths()
    {
        Assert.Equal(HouseholdStatus.InProgress, Evaluate(Household().Industry(Today.AddMonths(-5))).Status);
        Assert.Equal(HouseholdStatus.Met, Evaluate(Household().Industry(Today.AddMonths(-6))).Status);
    }

    [Fact]
    public void Status_IsNoMeasure_WithoutAnyRecord()
    {
        var result = Evaluate(Household());
        Assert.Equal(HouseholdStatus.NoMeasure, result.Status);
        Assert.Contains("没有任何产业或就业记录", result.Explanation);
    }

    [Fact]
    public void Thresholds_ComeFromThePolicy()
    {
        var strict = StatusPolicy.Default with { StableEmploymentContractMonths = 24, StableEmploymentContinuousMonths = 9 };
        var household = Household().Job(Today.AddMonths(-7), contractMonths: 12);
        Assert.Equal(HouseholdStatus.Met, Evaluate(household).Status);
        Assert.Equal(HouseholdStatus.InProgress, Evaluate(household, strict).Status);
    }

    [Fact]
    public void ChannelsLeftOutOfThePolicy_DoNotCount()
    {
        var withoutAssets = StatusPolicy.Default with { CountingChannels = new HashSet<Channel> { Channel.IndustrialParkJob } };
        var household = Household().Industry(Today.AddYears(-1), channel: Channel.AssetIncome, income: 500);
        Assert.Equal(HouseholdStatus.Met, Evaluate(household).Status);
        Assert.Equal(HouseholdStatus.InProgress, Evaluate(household, withoutAssets).Status);
    }

    [Fact]
    public void WeakLabour_CountsAsLabour_OnlyWhenThePolicySaysSo()
    {
        var b = Household(labour: false).Coverage(Today.AddYears(-1));
        b.Head.LabourCapacity = LabourCapacity.Weak;
        Assert.Equal(HouseholdStatus.NoMeasure, Evaluate(b).Status);
        Assert.Equal(HouseholdStatus.SafetyNet, Evaluate(b, StatusPolicy.Default with { WeakLabourCountsAsLabour = false }).Status);
    }

    [Fact]
    public void EndedMembers_DoNotCountAsLabour()
    {
        var b = Household().Coverage(Today.AddYears(-1));
        b.Head.EndedOn = Today.AddDays(-1);
        Assert.Equal(HouseholdStatus.SafetyNet, Evaluate(b).Status);
    }
}
