using Microsoft.EntityFrameworkCore;
using ReliefDashboard.Domain;
using ReliefDashboard.Exports;
using ReliefDashboard.Features.Overview;
using ReliefDashboard.Figures;
using ReliefDashboard.TestSupport;
using ReliefDashboard.Writes;

namespace ReliefDashboard.Features.Scorecards;

/// <summary>
/// The live scorecard of the hand-made <see cref="OverviewDistrict"/> under the default settings, read through
/// the dashboard's SQL, against numbers worked out by hand. 青石镇's safety-net household was never visited.
/// </summary>
public class ScoreSheetTests : IAsyncLifetime
{
    private readonly TestDatabase database = new();
    private ScoreSheet sheet = default!;

    public async ValueTask InitializeAsync()
    {
        await OverviewDistrict.SeedAsync(database);
        await using (var db = database.CreateDbContext())
        {
            await db.Households.Where(h => h.Status == HouseholdStatus.SafetyNet).ExecuteUpdateAsync(s => s.SetProperty(h => h.LastVerifiedOn, (DateOnly?)null));
        }
        sheet = ScoreSheets.Live(await OverviewDistrict.LoadAsync(database));
    }

    public ValueTask DisposeAsync() => database.DisposeAsync();

    private TownScore Town(string name) => sheet.Towns.Single(t => t.Town == name);

    private static (decimal? Value, int? Numerator, int? Denominator, decimal? Score, Band? Band) Cell(TownScore town, IndicatorKind kind) =>
        town.Cell(kind) is { } c ? (c.Value, c.Numerator, c.Denominator, c.Score, c.Band) : default;

    [Fact]
    public void EachCell_HasItsValue_NumeratorAndDenominator_ScoreAndBand()
    {
        var qingshi = Town("青石镇");
        // Met + At risk over households less the safety-net one: 2 ÷ 3; below amber (85) → red.
        Assert.Equal((66.7m, 2, 3, 66.7m, Band.Red), Cell(qingshi, IndicatorKind.Attainment));
        // One household with no measure: 10 points off per household above 0; amber up to 2.
        Assert.Equal((1m, 1, null, 90m, Band.Amber), Cell(qingshi, IndicatorKind.NoMeasure));
        // One of four labourers at work: 25 % of a 40 % target → 62.5 points; amber from 20.
        Assert.Equal((25.0m, 1, 4, 62.5m, Band.Amber), Cell(qingshi, IndicatorKind.LabourEmployment));
        // One of three households with labour has someone working in the district: 33.3 % of 60 % → 55.5; red below 35.
        Assert.Equal((33.3m, 1, 3, 55.5m, Band.Red), Cell(qingshi, IndicatorKind.LocalCoverage));
        // Three of four visited within 90 days.
        Assert.Equal((75.0m, 3, 4, 75.0m, Band.Amber), Cell(qingshi, IndicatorKind.Freshness));
        // No flags yet: no value, so it is left out of the total.
        Assert.Equal((null, null, null, null, null), Cell(qingshi, IndicatorKind.FlagsClosedOnTime));
    }

    [Fact]
    public void Totals_AreTheWeightedMeanOfTheCellsWithAValue_AndRankTheTowns()
    {
        // 青石镇: (40×66.7 + 20×90 + 10×62.5 + 10×55.5 + 10×75) ÷ 90 = 6,398 ÷ 90 = 71.09 → 71.1, amber (from 70).
        // 麻塬镇: (40×50 + 20×100 + 10×100 + 10×83.3 + 10×100) ÷ 90 = 6,833 ÷ 90 = 75.9 → amber.
        Assert.Equal([("麻塬镇", 75.9m, Band.Amber, 1), ("青石镇", 71.1m, Band.Amber, 2)],
            sheet.Towns.Select(t => (t.Town, t.Total!.Value, t.TotalBand!.Value, t.Rank!.Value)));
    }

    [Fact]
    public void TheAverageRow_IsThePlainMeanOfTheTowns_AndBelowAverageKeepsTheLaggingTown()
    {
        Assert.Equal(73.5m, sheet.AverageTotal);
        Assert.Equal(58.4m, sheet.AverageValue(IndicatorKind.Attainment)); // (66.7 + 50.0) ÷ 2 = 58.35 → 58.4
        Assert.Null(sheet.AverageValue(IndicatorKind.FlagsClosedOnTime));
        Assert.Equal(["青石镇"], ScoreTable.Rows(sheet, null, false, belowAverageOnly: true).Select(t => t.Town));
    }

    [Fact]
    public void Rows_SortByAnyColumn_WithTownsWithoutAValueLast()
    {
        Assert.Equal(["青石镇", "麻塬镇"], ScoreTable.Rows(sheet, "localCoverage", false, false).Select(t => t.Town));
        Assert.Equal(["麻塬镇", "青石镇"], ScoreTable.Rows(sheet, "localCoverage", true, false).Select(t => t.Town));
        Assert.Equal(["青石镇", "麻塬镇"], ScoreTable.Rows(sheet, ScoreTable.ByTotal, false, false).Select(t => t.Town));
        Assert.Equal(["青石镇", "麻塬镇"], ScoreTable.Rows(sheet, ScoreTable.ByRank, true, false).Select(t => t.Town));
    }

    [Fact]
    public void ListRules_CommendAllGreenTowns_AndCallRedTotalsOrManyRedIndicatorsToAccount()
    {
        var defaults = ScorecardPolicy.FromSettings(PolicyDefaults.All.ToDictionary(p => p.Key, p => p.Value));
        var qingshi = Town("青石镇").TownId;

        // By default neither town qualifies: no town is green throughout, both totals are amber, and 青石镇 has two
        // red indicators (attainment, local coverage) where the rule asks for three.
        Assert.Empty(ScoreSheets.Verdicts(sheet.Towns, defaults));

        var twoReds = ScoreSheets.Verdicts(sheet.Towns, defaults with { AccountRedIndicators = 2 });
        Assert.Equal([qingshi], twoReds.Keys);
        Assert.Equal("2项指标为红色（达标率、就地就近就业覆盖率）", twoReds[qingshi].Accountability);

        // A red total is read from the stored band, so the rule follows whatever band the period was scored with.
        var redTotal = ScoreSheets.Verdicts(sheet.Towns.Select(t => t with { TotalBand = Scoring.TotalBandOf(t.Total, 85, 72) }), defaults);
        Assert.Equal("总分71.1为红色档", redTotal[qingshi].Accountability);

        var lenient = defaults with { CommendAllGreen = false, CommendMinTotal = 75 };
        var commended = Assert.Single(ScoreSheets.Verdicts(sheet.Towns, lenient));
        Assert.Equal(("麻塬镇", "总分75.9，不低于75"), (Town("麻塬镇").Town, commended.Value.Commendation));
        Assert.Equal(Town("麻塬镇").TownId, commended.Key);
    }
}
