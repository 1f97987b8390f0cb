using Plotly.Blazor.Traces;
using ReliefDashboard.Domain;
using ReliefDashboard.Exports;
using ReliefDashboard.Figures;
using ReliefDashboard.TestSupport;
using ReliefDashboard.Writes;

namespace ReliefDashboard.Features.Overview;

/// <summary>The numbers and chart data of the dashboard, from SQL over the hand-made <see cref="OverviewDistrict"/>.</summary>
public class DashboardViewTests : IAsyncLifetime
{
    private readonly TestDatabase database = new();
    private OverviewDistrict.Seeded seeded = default!;
    private DistrictFigures figures = default!;

    public async ValueTask InitializeAsync()
    {
        seeded = await OverviewDistrict.SeedAsync(database);
        figures = await OverviewDistrict.LoadAsync(database);
    }

    public ValueTask DisposeAsync() => database.DisposeAsync();

    private DashboardView Leader => DashboardView.For(figures, OverviewDistrict.Leader);

    [Fact]
    public void District_CountsEachStatus_AndLeavesSafetyNetOutOfTheAttainmentDenominator()
    {
        var now = Leader.Now;
        Assert.Equal((6, 2, 1, 1, 1, 1), (now.Households, now.Met, now.AtRisk, now.InProgress, now.NoMeasure, now.SafetyNet));
        Assert.Equal(5, now.Denominator(Leader.Policy));
        Assert.Equal(60.0m, now.AttainmentPercent(Leader.Policy));
    }

    [Fact]
    public void AttainmentDenominator_KeepsSafetyNetHouseholds_WhenTheSettingSaysSo()
    {
        var view = DashboardView.For(figures with { Policy = figures.Policy with { ExcludeSafetyNet = false } }, OverviewDistrict.Leader);
        Assert.Equal(50.0m, view.Now.AttainmentPercent(view.Policy));
    }

    [Fact]
    public void LabourRates_CountMembersForEmployment_AndHouseholdsForLocalCoverage()
    {
        var now = Leader.Now;
        Assert.Equal((6, 3, 50.0m), (now.LabourMembers, now.EmployedLabourMembers, now.EmploymentPercent));
        Assert.Equal((5, 2, 40.0m), (now.LabourHouseholds, now.LocalCoveredHouseholds, now.LocalCoveragePercent));
    }

    [Fact]
    public void Tiles_ShowChangeSinceLastMonthEnd_AndSayWhetherItIsGoodNews()
    {
        Assert.Equal(OverviewDistrict.LastMonthEnd, Leader.LastMonthEnd);
        var tiles = KpiTiles.Build(Leader).ToDictionary(t => t.Key);

        Assert.Equal(("60.0", "较上月末 −20.0 个百分点", false), (tiles["attainment"].Value, tiles["attainment"].Change, tiles["attainment"].Improved));
        Assert.Equal(("1", "较上月末 +1 户", false), (tiles["no-measure"].Value, tiles["no-measure"].Change, tiles["no-measure"].Improved));
        Assert.Equal(("1", "较上月末 −1 户", true), (tiles["at-risk"].Value, tiles["at-risk"].Change, tiles["at-risk"].Improved));
        Assert.Equal(("2", "较上月末持平"), (tiles["met"].Value, tiles["met"].Change));
        Assert.Equal(("50.0", "较上月末持平"), (tiles["employment"].Value, tiles["employment"].Change));
        Assert.Equal("40.0", tiles["local"].Value);
        Assert.Equal("households?gap=Unmet", tiles["attainment"].Href);
        Assert.Equal("households?status=NoMeasure", tiles["no-measure"].Href);
    }

    [Fact]
    public void Tiles_SayThereIsNoHistory_BeforeAnyMonthHasBeenTaken()
    {
        var view = DashboardView.For(figures with { History = MonthHistory.Empty }, OverviewDistrict.Leader);
        Assert.Null(view.LastMonth);
        Assert.All(KpiTiles.Build(view), t => Assert.Equal("上月末无统计", t.Change));
    }

    [Fact]
    public void TownLeague_IsSortedBestFirst_ColouredByBand_WithTheTargetLine()
    {
        var policy = figures.Policy with { GreenFromPercent = 90, AmberFromPercent = 60, TargetPercent = 95 };
        var view = DashboardView.For(figures with { Policy = policy }, OverviewDistrict.Leader);

        Assert.Equal([("青石镇", 66.7m, Band.Amber), ("麻塬镇", 50.0m, Band.Red)],
            view.Towns.Select(t => (t.Town, t.Percent!.Value, t.Band!.Value)));

        var chart = TownCharts.TownLeague(view);
        var bars = chart.Data.Cast<Bar>().ToList();
        Assert.Equal(["较好（≥90%）", "一般（60%–90%）", "滞后（<60%）"], bars.Select(b => b.Name));
        Assert.Empty(bars[0].Y);
        Assert.Equal(["青石镇"], bars[1].Y);
        Assert.Equal([66.7m], bars[1].X);
        Assert.Equal(["麻塬镇"], bars[2].Y);
        Assert.Equal("#C62828", bars[2].Marker.Color);
        // Best on top: Plotly draws the first category at the bottom.
        Assert.Equal(["麻塬镇", "青石镇"], chart.Layout.YAxis[0].CategoryArray);
        Assert.Equal(95m, chart.Layout.Shapes[0].X0);
    }

    [Fact]
    public void TownLeague_PrintsAValueNearTheTargetInsideItsBar_NotAcrossTheTargetLine()
    {
        var view = DashboardView.For(figures, OverviewDistrict.Leader);
        var bars = TownCharts.TownLeague(view).Data.Cast<Bar>().Where(b => b.Y.Count > 0).ToList();

        // Every bar long enough carries its value inside its end; a value beside the bar would sit on the target line.
        foreach (var bar in bars)
        {
            for (var i = 0; i < bar.Y.Count; i++)
            {
                var percent = (decimal)bar.X[i];
                Assert.Equal(percent >= 20 ? Plotly.Blazor.Traces.BarLib.TextPositionEnum.Inside : Plotly.Blazor.Traces.BarLib.TextPositionEnum.Outside,
                    bar.TextPositionArray[i]);
            }
            Assert.Equal(Plotly.Blazor.Traces.BarLib.InsideTextAnchorEnum.End, bar.InsideTextAnchor);
        }
        Assert.True(TownCharts.LabelInside(98.8m));
        Assert.False(TownCharts.LabelInside(5m));
    }

    [Fact]
    public void EveryChartsTable_HasTheNumbersItDraws_TopRowFirstAsSeen()
    {
        var view = DashboardView.For(figures, OverviewDistrict.Leader);

        var league = ChartTable.Of(TownCharts.TownLeague(view));
        Assert.Equal(["项目", "数值", "分组"], league.Headers);
        Assert.Equal(view.Towns.Select(t => t.Town), league.Rows.Select(r => r[0]));
        Assert.Equal(view.Towns.Select(t => t.Percent!.Value.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture)), league.Rows.Select(r => r[1]));

        var status = ChartTable.Of(TownCharts.StatusByTown(view));
        Assert.Contains("达标", status.Headers);
        var work = ChartTable.Of(OverviewCharts.Workplaces(view));
        Assert.Equal(["区内（就地就近）", "省内区外", "省外"], work.Rows.Select(r => r[0]));
        Assert.Equal(view.Workplaces.InDistrict.ToString("N0"), work.Rows[0][1]);
    }

    [Fact]
    public void StatusComposition_StacksEveryStatusPerTown()
    {
        var bars = TownCharts.StatusByTown(Leader).Data.Cast<Bar>().ToDictionary(b => b.Name);
        Assert.Equal(["麻塬镇", "青石镇"], bars["达标"].Y);
        Assert.Equal([1, 1], bars["达标"].X);
        Assert.Equal([0, 1], bars["无措施"].X);
        Assert.Equal([1, 0], bars["帮扶中"].X);
        Assert.Equal([0, 1], bars["兜底"].X);
    }

    [Fact]
    public void ChannelMix_SplitsIndustryFromEmployment_PerChannel()
    {
        var uses = Leader.Channels.ToDictionary(c => c.Channel);
        Assert.Equal((1, 0), (uses[Channel.AgriculturalIndustry].IndustryHouseholds, uses[Channel.AgriculturalIndustry].EmploymentHouseholds));
        Assert.Equal(1, uses[Channel.IndustrialParkJob].EmploymentHouseholds);
        Assert.Equal(1, uses[Channel.TrainingAndLabourExport].EmploymentHouseholds);
        Assert.Equal(1, uses[Channel.PublicWelfarePost].EmploymentHouseholds);
        Assert.Equal(1, uses[Channel.Photovoltaic].IndustryHouseholds);
        Assert.Equal(1, uses[Channel.SafetyNet].CoveredHouseholds);

        var bars = OverviewCharts.ChannelMix(Leader).Data.Cast<Bar>().ToList();
        Assert.Equal(["7. 农村资产收益", "6. 光伏产业", "3. 社区工厂及自主创业", "1. 农业特色产业"], bars[0].Y);
        Assert.Equal([0, 1, 0, 1], bars[0].X);
        Assert.Equal(["5. 公益性岗位", "4. 技能培训及劳务输出", "3. 社区工厂及自主创业", "2. 园区用工就业"], bars[1].Y);
        Assert.Equal([1, 1, 0, 1], bars[1].X);
        Assert.Equal([1], bars[2].X);
    }

    [Fact]
    public void Workplaces_CountEachWorkingMemberOnce_ByWhereTheyWork()
    {
        Assert.Equal(new Workplaces(2, 0, 1), Leader.Workplaces);
        var pie = Assert.IsType<Pie>(Assert.Single(OverviewCharts.Workplaces(Leader).Data));
        Assert.Equal([2, 0, 1], pie.Values);
    }

    [Fact]
    public void Trend_HasEveryMonthEndThenToday_ForTheDistrictAndPickedTowns()
    {
        var trend = DashboardView.TrendFor(figures, OverviewDistrict.Leader, [seeded.TownA]);
        Assert.Equal(["2026-10", "今日"], trend.Labels);
        Assert.Equal(["全区", "青石镇"], trend.Series.Select(s => s.Name));
        Assert.Equal([80.0m, 60.0m], trend.Series[0].Percents);
        Assert.Equal([100.0m, 66.7m], trend.Series[1].Percents);

        var lines = OverviewCharts.AttainmentTrend(trend, figures.Policy).Data.Cast<Scatter>().ToList();
        Assert.Equal([80.0m, 60.0m], lines[0].Y);
    }

    [Fact]
    public void TownStaff_SeeTheirTownOnly_InEveryNumberAndTheTrend()
    {
        var staff = new UserScope("a", "青石镇干事", Roles.TownStaff, seeded.TownA, null);
        var view = DashboardView.For(figures, staff);
        Assert.Equal((4, 66.7m), (view.Now.Households, view.Now.AttainmentPercent(view.Policy)));
        Assert.Equal(["青石镇"], view.Towns.Select(t => t.Town));
        Assert.Equal(100.0m, view.LastMonth!.Value.AttainmentPercent(view.Policy));
        // Another town picked is not drawn for town staff; the district's line (an aggregate) is, for comparison.
        var trend = DashboardView.TrendFor(figures, staff, [seeded.TownB]);
        Assert.Equal(["本镇街", "全区"], trend.Series.Select(s => s.Name));
    }

    [Fact]
    public void Department_SeesTheHouseholdsInTheChannelsItLeads()
    {
        var view = DashboardView.For(figures, new UserScope("d", "人社局", Roles.Department, null, "区人社局"));
        Assert.Equal((3, 2, 1, 66.7m), (view.Now.Households, view.Now.Met, view.Now.InProgress, view.Now.AttainmentPercent(view.Policy)));
    }

    [Fact]
    public void TownIndicators_ComeFromTheSameFigures_AndScoreTheTowns()
    {
        var rules = new IndicatorRule[]
        {
            new(IndicatorKind.Attainment, 50, true, 100, 95, 85),
            new(IndicatorKind.NoMeasure, 20, false, 0, 0, 3, PointsPerUnit: 10),
            new(IndicatorKind.LabourEmployment, 30, true, 50, 40, 25),
        };
        var towns = Leader.Towns.Select(t => (t.TownId, t.Town, TownIndicators.Of(t.Tally, Leader.Policy)));

        var ranked = Scoring.Rank(towns, rules, 90, 80);

        // 青石镇: attainment 66.7, one no-measure household (90 points), 1 of 4 labourers at work (25 % → 50 points):
        // (50×66.7 + 20×90 + 30×50) ÷ 100 = 66.4. 麻塬镇: 50.0, none (100), 2 of 2 at work (100): 75.0.
        Assert.Equal([("麻塬镇", 75.0m, 1), ("青石镇", 66.4m, 2)], ranked.Select(t => (t.Town, t.Total!.Value, t.Rank!.Value)));
    }
}

