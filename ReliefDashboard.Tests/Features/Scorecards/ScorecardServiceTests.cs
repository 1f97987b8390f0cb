using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ReliefDashboard.Domain;
using ReliefDashboard.Exports;
using ReliefDashboard.Features.Households;
using ReliefDashboard.Features.Overview;
using ReliefDashboard.Features.Policy;
using ReliefDashboard.Figures;
using ReliefDashboard.Jobs;
using ReliefDashboard.TestSupport;
using ReliefDashboard.Writes;

namespace ReliefDashboard.Features.Scorecards;

public sealed class ScorecardServiceTests : ServiceTestBase
{
    private static readonly UserScope Supervisor = new("sup", "督查 赵", Roles.Supervisor, null, null);
    private static readonly PeriodRef Q3 = new(PeriodKind.Quarter, 2026, 3);

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await Services.GetRequiredService<MonthlyFiguresService>().TakeMissingAsync(SmallDistrict.Today);
    }

    private static IEnumerable<(string, IndicatorKind, decimal?, decimal?, Band?, decimal?, int?)> Numbers(ScoreSheet sheet) =>
        sheet.Towns.SelectMany(t => t.Cells.Select(c => (t.Town, c.Indicator, c.Value, c.Score, c.Band, t.Total, t.Rank)));

    private async Task<ScoreSheet> LiveWhenAsync(Func<ScoreSheet, bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var sheet = (await As<ScorecardService>().SheetAsync((PeriodRef?)null))!;
            if (condition(sheet) || DateTime.UtcNow > deadline)
            {
                Assert.True(condition(sheet), "the live scorecard did not follow the change");
                return sheet;
            }
            await Task.Delay(50);
        }
    }

    [Fact]
    public async Task EveryMonthTaken_IsScoredOnce_AndReadBackAsStored()
    {
        var periods = await As<ScorecardService>().PeriodsAsync();
        Assert.Equal(24, periods.Count(p => p.Ref.Kind == PeriodKind.Month && !p.Closed));
        await using (var db = Database.CreateDbContext())
        {
            Assert.Empty(await MonthScores.ScoreMissingMonthsAsync(db, DateTime.UtcNow));
        }

        var october = await As<ScorecardService>().SheetAsync(new PeriodRef(PeriodKind.Month, 2026, 10));
        Assert.NotNull(october);
        Assert.False(october.Live);
        Assert.Equal(new PeriodRef(PeriodKind.Month, 2026, 9), october.Previous!.Period);
        // 青石镇 at the end of October: the met household over three less the safety-net one.
        var cell = october.Towns.Single(t => t.Town == "青石镇").Cell(IndicatorKind.Attainment)!;
        Assert.Equal((50.0m, 1, 2), (cell.Value, cell.Numerator, cell.Denominator));
    }

    [Fact]
    public async Task AClosedQuarter_KeepsItsNumbers_AfterHouseholdEditsAndSettingChanges()
    {
        var closed = await As<ScorecardService>(Supervisor).CloseAsync(Q3);
        Assert.True(closed.Ok, closed.Error);
        var before = (await As<ScorecardService>().SheetAsync(Q3))!;
        Assert.True(before.Closed);
        Assert.Equal(Numbers((await As<ScorecardService>().SheetAsync(new PeriodRef(PeriodKind.Month, 2026, 9)))!), Numbers(before));

        // The no-measure household gets a job that started in January, and the attainment weight changes.
        var saved = await As<HouseholdEditService>(Seeded.StaffA)
            .SaveEmploymentAsync(await TestInputs.StableJobAsync(Database, Seeded.NoMeasure, new DateTime(2026, 1, 5)));
        Assert.Equal(SaveOutcome.Saved, saved.Outcome);
        Assert.True((await As<PolicyService>().UpdateAsync(ScorecardPolicy.Key(IndicatorKind.Attainment, ScorecardPolicy.Fields.Weight), "80", "测试")).Ok);
        await Services.GetRequiredService<MonthlyFiguresService>().TakeMissingAsync(SmallDistrict.Today);

        var after = (await As<ScorecardService>().SheetAsync(Q3))!;
        Assert.Equal(Numbers(before), Numbers(after));
        Assert.Equal(before.Rules, after.Rules);
        // The live month does see the edit (once the shared figures are recomputed after the burst): 青石镇's two
        // households with the goal are both met now.
        var live = await LiveWhenAsync(s => s.Towns.Single(t => t.Town == "青石镇").Cell(IndicatorKind.Attainment)!.Value == 100.0m);
        Assert.Equal(80m, live.Columns.Single(c => c.Indicator == IndicatorKind.Attainment).Weight);
    }

    [Fact]
    public async Task Closing_DrawsTheListsByTheRules_AsPreviewed_AndIsLogged()
    {
        var preview = await As<ScorecardService>(Supervisor).PreviewCloseAsync(Q3);
        var result = await As<ScorecardService>(Supervisor).CloseAsync(Q3);

        Assert.Equal(preview!.Commended, result.Commended);
        Assert.Equal(preview.Accountable, result.Accountable);
        // End of September: 麻塬镇's only household has no measure (red total, four red indicators); 青石镇 is amber
        // (73.7) with one red indicator, so it is on neither list.
        Assert.Equal(["麻塬镇"], result.Accountable);
        Assert.Empty(result.Commended);
        var sheet = (await As<ScorecardService>().SheetAsync(Q3))!;
        Assert.Equal("总分", sheet.Verdicts[Seeded.TownB].Accountability![..2]);
        Assert.Contains("为红色档", sheet.Verdicts[Seeded.TownB].Accountability);
        Assert.False(sheet.Verdicts.ContainsKey(Seeded.TownA));
        Assert.Equal(73.7m, sheet.Towns.Single(t => t.TownId == Seeded.TownA).Total);
        Assert.Contains("名单规则", sheet.Rules);
        await using var db = Database.CreateDbContext();
        Assert.True(await db.Activity.AnyAsync(a => a.Target == "关闭考核期：2026年第三季度" && a.User == Supervisor.Name));
    }

    [Theory]
    [InlineData(Roles.TownStaff)]
    [InlineData(Roles.LeadingGroup)]
    [InlineData(Roles.Department)]
    public async Task OnlySupervisorsAndAdministrators_Close(string role)
    {
        var result = await As<ScorecardService>(new UserScope("u", "某用户", role, Seeded.TownA, "区人社局")).CloseAsync(Q3);

        Assert.False(result.Ok);
        Assert.Contains("无权操作", result.Error);
        Assert.Null(await As<ScorecardService>().SheetAsync(Q3));
    }

    [Fact]
    public async Task APeriodIsClosedOnce_OnlyAfterItEnds_AndNeverAMonth()
    {
        var service = As<ScorecardService>(Supervisor);
        Assert.True((await service.CloseAsync(Q3)).Ok);

        Assert.Contains("已经关闭", (await service.CloseAsync(Q3)).Error);
        Assert.Contains("尚未结束", (await service.CloseAsync(new PeriodRef(PeriodKind.Quarter, 2026, 4))).Error);
        Assert.Contains("尚未结束", (await service.CloseAsync(new PeriodRef(PeriodKind.Year, 2026, 0))).Error);
        Assert.Contains("只能关闭季度或年度", (await service.CloseAsync(new PeriodRef(PeriodKind.Month, 2026, 9))).Error);
        // The month-ends kept reach back to November 2024, so September 2024 was never scored.
        Assert.Contains("缺少", (await service.CloseAsync(new PeriodRef(PeriodKind.Quarter, 2024, 3))).Error);

        var closable = await service.ClosableAsync();
        Assert.DoesNotContain(Q3, closable);
        Assert.Contains(new PeriodRef(PeriodKind.Year, 2025, 0), closable);
        Assert.Contains(new PeriodRef(PeriodKind.Quarter, 2026, 2), closable);
    }

    [Fact]
    public async Task ScorecardSettings_AreCheckedTogether_AndAChangeLeavesHistory()
    {
        var policy = As<PolicyService>();
        var amber = ScorecardPolicy.Key(IndicatorKind.LocalCoverage, ScorecardPolicy.Fields.AmberFrom);

        Assert.Contains("黄色档不能高于绿色档", (await policy.UpdateAsync(amber, "55", null)).Errors.Single());
        Assert.Contains("权重应为0至100之间的整数", (await policy.UpdateAsync(ScorecardPolicy.Key(IndicatorKind.NoMeasure, ScorecardPolicy.Fields.Weight), "2.5", null)).Errors.Single());
        Assert.Contains("户数应为", (await policy.UpdateAsync(ScorecardPolicy.Key(IndicatorKind.NoMeasure, ScorecardPolicy.Fields.AmberFrom), "-1", null)).Errors.Single());
        Assert.True((await policy.UpdateAsync(amber, "40", "提高要求")).Ok);

        var change = (await policy.HistoryAsync()).First();
        Assert.Equal((amber, "35", "40", "提高要求"), (change.Key, change.OldValue, change.NewValue, change.Reason));
        await LiveWhenAsync(s => s.Columns.Single(c => c.Indicator == IndicatorKind.LocalCoverage).AmberFrom == 40m);
    }
}
