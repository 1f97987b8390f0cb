using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ReliefDashboard.Domain;
using ReliefDashboard.Exports;
using ReliefDashboard.Figures;
using ReliefDashboard.TestSupport;
using ReliefDashboard.Writes;

namespace ReliefDashboard.Features.Overview;

public class OverviewPageTests : DashboardTestContext
{
    private static readonly UserScope Leader = new("leader", "领导小组", Roles.LeadingGroup, null, null);

    /// <summary>
    /// Worked out by hand from <see cref="SmallDistrict"/>: 王建军 (青石镇) has a stable job; 李志强 (青石镇) and 高海龙
    /// (麻塬镇) have nothing; 张秀英 (青石镇) has no labour and is covered by the safety net. One working-age member each
    /// in the other three households.
    /// </summary>
    private static readonly Dictionary<string, string> District = new()
    {
        ["households"] = "4",
        ["met"] = "1",
        ["no-measure"] = "2",
        ["at-risk"] = "0",
        ["safety-net"] = "1",
        ["attainment"] = "33.3", // 1 met of the 3 households outside the safety net
        ["employment"] = "33.3", // 1 employed of 3 labour members
    };

    private static readonly Dictionary<string, string> TownA = new()
    {
        ["households"] = "3",
        ["met"] = "1",
        ["no-measure"] = "1",
        ["at-risk"] = "0",
        ["safety-net"] = "1",
        ["attainment"] = "50.0", // 1 of 2
        ["employment"] = "50.0", // 1 of 2
    };

    private void AssertTiles(IRenderedComponent<OverviewPage> cut, Dictionary<string, string> expected) =>
        cut.WaitForAssertion(() =>
        {
            foreach (var (key, value) in expected)
            {
                Assert.Equal(value, cut.Find($"[data-testid=tile-{key}] [data-testid=value]").TextContent);
            }
        });

    [Fact]
    public void TownStaff_SeeTheirOwnTownsNumbers()
    {
        var cut = Render<OverviewPage>();

        AssertTiles(cut, TownA);
        Assert.Contains("青石镇工作总览", cut.Find("h1").TextContent);
    }

    [Fact]
    public void TheLeadingGroup_SeesTheWholeDistrict_AndEachTileOpensItsHouseholdList()
    {
        ActAs(Leader);
        var cut = Render<OverviewPage>();

        AssertTiles(cut, District);
        Assert.Equal("households?status=NoMeasure", cut.Find("[data-testid=tile-no-measure]").GetAttribute("href"));
        Assert.Equal("全区总览", cut.Find("h1").TextContent);
    }

    [Fact]
    public void EveryChart_IsHandedToPlotly_AndTheTownChartsListenForClicks()
    {
        ActAs(Leader);
        var cut = Render<OverviewPage>();

        cut.WaitForAssertion(() => Assert.Equal(5, cut.FindAll(".chart-panel").Count));
        var plotted = JSInterop.Invocations.Where(i => i.Identifier == "newPlot").Select(i => i.Arguments[0]).ToList();
        Assert.Equal(["chart-league", "chart-status", "chart-trend", "chart-work", "chart-channels"], plotted);
        Assert.Equal(2, JSInterop.Invocations.Count(i => i.Identifier == "subscribeClickEvent"));
    }

    [Fact]
    public async Task ASaveElsewhere_UpdatesTheTiles_AndRedrawsTheCharts_WithoutAReload()
    {
        ActAs(Leader);
        var cut = Render<OverviewPage>();
        cut.WaitForAssertion(() => Assert.Equal("2", cut.Find("[data-testid=tile-no-measure] [data-testid=value]").TextContent));
        var redrawsBefore = JSInterop.Invocations.Count(i => i.Identifier == "react");

        Services.GetRequiredService<TestUser>().Scope = Seeded.StaffA;
        var result = await Services.CreateScope().ServiceProvider.GetRequiredService<Households.HouseholdEditService>()
            .SaveEmploymentAsync(await TestInputs.StableJobAsync(Database, Seeded.NoMeasure, new DateTime(2026, 11, 1)));
        Assert.Equal(Writes.SaveOutcome.Saved, result.Outcome);

        cut.WaitForAssertion(() =>
        {
            Assert.Equal("1", cut.Find("[data-testid=tile-no-measure] [data-testid=value]").TextContent);
            Assert.Equal("2", cut.Find("[data-testid=tile-met] [data-testid=value]").TextContent);
        }, TimeSpan.FromSeconds(5));
        cut.WaitForAssertion(() => Assert.True(JSInterop.Invocations.Count(i => i.Identifier == "react") >= redrawsBefore + 5));
    }

    [Fact]
    public async Task TwoLeaders_ShareOneSnapshot_WhileATownSeesItsOwn()
    {
        ActAs(Leader);
        var cut = Render<OverviewPage>();
        cut.WaitForAssertion(() => Assert.Equal(5, cut.FindAll(".chart-panel").Count));
        var figures = await Services.GetRequiredService<DashboardFeed>().GetAsync();

        var mine = DashboardSnapshot.For(figures, Leader);
        var another = DashboardSnapshot.For(figures, new UserScope("leader2", "另一位领导", Roles.LeadingGroup, null, null));
        var town = DashboardSnapshot.For(figures, Seeded.StaffA);

        Assert.Same(mine, another);
        Assert.NotSame(mine, town);
        Assert.Equal("4", mine.Tiles.Single(t => t.Key == "households").Value);
        Assert.Equal("3", town.Tiles.Single(t => t.Key == "households").Value);
    }

    [Fact]
    public async Task NewFiguresWithTheSameNumbers_UpdateTheTime_ButRedrawNoChart()
    {
        ActAs(Leader);
        var cut = Render<OverviewPage>();
        cut.WaitForAssertion(() => Assert.Equal(5, JSInterop.Invocations.Count(i => i.Identifier == "newPlot")));
        var feed = Services.GetRequiredService<DashboardFeed>();
        var before = await feed.GetAsync();
        var tileRenders = cut.FindComponents<KpiTileCard>().Sum(t => t.RenderCount);
        var panelRenders = cut.FindComponents<ChartPanel>().Where(p => p.Instance.Tools is null).Sum(p => p.RenderCount);

        // A change that moves no number on the charts (recorded, recomputed, published).
        Services.GetRequiredService<Realtime.ChangeNotifier>().Publish(Realtime.DataChange.Of(Realtime.ChangeKind.HouseholdData));

        var shown = Clock.ToLocal(Clock.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd HH:mm:ss");
        Assert.NotEqual(shown, before.LastChangedAt is { } at ? Clock.ToLocal(at).ToString("yyyy-MM-dd HH:mm:ss") : null);
        cut.WaitForAssertion(() => Assert.Equal(shown, cut.Find("[data-testid=last-changed] b").TextContent));
        cut.Render();
        Assert.Equal(0, JSInterop.Invocations.Count(i => i.Identifier == "react"));
        // Neither the tiles nor the charts' panels are rendered again, so nothing is diffed or sent for them.
        Assert.Equal(tileRenders, cut.FindComponents<KpiTileCard>().Sum(t => t.RenderCount));
        Assert.Equal(panelRenders, cut.FindComponents<ChartPanel>().Where(p => p.Instance.Tools is null).Sum(p => p.RenderCount));
    }

    [Fact]
    public async Task AnUnreadableDatabase_GivesAChineseMessage_NotAnErrorPage()
    {
        await using (var db = Database.CreateDbContext())
        {
            await db.Database.ExecuteSqlRawAsync("DROP TABLE MonthlyFigures;");
        }

        var cut = Render<OverviewPage>();

        cut.WaitForAssertion(() => Assert.Contains("总览数据暂时无法读取", cut.Find("[data-testid=overview-error]").TextContent));
    }

    [Fact]
    public void TownStaff_SeeTheirSites_AndTheirTrendBesideTheDistricts_NotALeagueOfOne()
    {
        var cut = Render<OverviewPage>();

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=sites-panel]")));
        var site = cut.Find("[data-testid=sites-panel] tr[data-site='青石新村安置社区']");
        Assert.Contains("3", site.TextContent);
        Assert.Contains($"households?site={Seeded.SiteA}", site.InnerHtml);
        Assert.Empty(cut.FindAll("#chart-league"));
        Assert.Empty(cut.FindAll("[data-testid=lagging]"));
        Assert.Contains("“全区”线供对照", cut.Markup);
    }

    [Fact]
    public async Task TheTownsTrend_HasTheDistrictBesideIt()
    {
        var figures = await Services.GetRequiredService<DashboardFeed>().GetAsync();
        var trend = DashboardView.TrendFor(figures, Seeded.StaffA, []);
        Assert.Equal(["本镇街", "全区"], trend.Series.Select(s => s.Name));
        // Today: 青石镇 1 of 2 counted households attained; the district 1 of 3.
        Assert.Equal((50.0m, 33.3m), (trend.Series[0].Percents[^1], trend.Series[1].Percents[^1]));
    }

    [Fact]
    public void ADepartment_SeesItsChannels_AndNoEmptyNoMeasureTile()
    {
        ActAs(new UserScope("renshe", "区人社局", Roles.Department, null, "区人社局"));

        var cut = Render<OverviewPage>();

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=tile-households]")));
        Assert.Empty(cut.FindAll("[data-testid=tile-no-measure]"));
        Assert.Contains("本部门牵头渠道带动户数", cut.Markup);
        Assert.Empty(cut.FindAll("[data-testid=lagging]"));
    }
}
