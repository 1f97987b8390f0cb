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

    private async Task<Dictionary<string, string>> ExpectedFromDatabaseAsync(int? town)
    {
        await using var db = Database.CreateDbContext();
        var households = db.Households.Where(h => town == null || h.TownId == town);
        int Count(HouseholdStatus s) => households.Count(h => h.Status == s);
        var safetyNet = Count(HouseholdStatus.SafetyNet);
        var attained = Count(HouseholdStatus.Met) + Count(HouseholdStatus.AtRisk);
        var labour = await households.SumAsync(h => h.LabourMembers);
        var employed = await households.SumAsync(h => h.EmployedLabourMembers);
        return new()
        {
            ["households"] = (await households.CountAsync()).ToString(),
            ["met"] = Count(HouseholdStatus.Met).ToString(),
            ["no-measure"] = Count(HouseholdStatus.NoMeasure).ToString(),
            ["at-risk"] = Count(HouseholdStatus.AtRisk).ToString(),
            ["safety-net"] = safetyNet.ToString(),
            ["attainment"] = (100m * attained / (await households.CountAsync() - safetyNet)).ToString("0.0"),
            ["employment"] = (100m * employed / labour).ToString("0.0"),
        };
    }

    private void AssertTiles(IRenderedComponent<OverviewPage> cut, Dictionary<string, string> expected) =>
        cut.WaitForAssertion(() =>
        {
            foreach (var (key, value) in expected)
            {
                Assert.Equal(value, cut.Find($"[data-testid=tile-{key}] [data-testid=value]").TextContent);
            }
        });

    [Fact]
    public async Task TownStaff_SeeTheirOwnTownsNumbers()
    {
        var expected = await ExpectedFromDatabaseAsync(Seeded.TownA);
        Assert.Equal("3", expected["households"]);

        var cut = Render<OverviewPage>();

        AssertTiles(cut, expected);
        Assert.Contains("青石镇工作总览", cut.Find("h1").TextContent);
    }

    [Fact]
    public async Task TheLeadingGroup_SeesTheWholeDistrict_AndEachTileOpensItsHouseholdList()
    {
        ActAs(Leader);
        var expected = await ExpectedFromDatabaseAsync(null);
        Assert.Equal("4", expected["households"]);

        var cut = Render<OverviewPage>();

        AssertTiles(cut, expected);
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
