using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ReliefDashboard.Domain;
using ReliefDashboard.Exports;
using ReliefDashboard.Features.Households;
using ReliefDashboard.Figures;
using ReliefDashboard.Jobs;
using ReliefDashboard.TestSupport;
using ReliefDashboard.Writes;

namespace ReliefDashboard.Features.Overview;

public sealed class MonthlyFiguresServiceTests : ServiceTestBase
{
    private MonthlyFiguresService Service => Services.GetRequiredService<MonthlyFiguresService>();

    private async Task<List<MonthlyFigure>> RowsAsync(DateOnly month)
    {
        await using var db = Database.CreateDbContext();
        return await db.MonthlyFigures.AsNoTracking().Where(f => f.Month == month).ToListAsync();
    }

    [Fact]
    public async Task MissingMonths_AreTakenOnce_ForTheLastTwoYears()
    {
        var taken = await Service.TakeMissingAsync(SmallDistrict.Today);

        Assert.Equal(24, taken.Count);
        Assert.Equal((new DateOnly(2024, 11, 30), new DateOnly(2026, 10, 31)), (taken[0], taken[^1]));
        Assert.Empty(await Service.TakeMissingAsync(SmallDistrict.Today));
        var october = await RowsAsync(new DateOnly(2026, 10, 31));
        Assert.Equal(4, october.Sum(r => r.Households));
        Assert.Equal(1, october.Where(r => r.Status == HouseholdStatus.SafetyNet).Sum(r => r.Households));
    }

    [Fact]
    public async Task AMonthAlreadyTaken_IsNotRewritten_ByLaterEdits()
    {
        await Service.TakeMissingAsync(SmallDistrict.Today);
        var october = new DateOnly(2026, 10, 31);
        var before = (await RowsAsync(october)).Select(r => (r.TownId, r.ChannelMask, r.Status, r.Households)).Order().ToList();

        var result = await As<HouseholdEditService>(Seeded.StaffA)
            .SaveEmploymentAsync(await TestInputs.StableJobAsync(Database, Seeded.NoMeasure, new DateTime(2026, 1, 5)));
        Assert.True(result.Outcome == SaveOutcome.Saved, string.Join("；", result.Errors));
        Assert.Empty(await Service.TakeMissingAsync(SmallDistrict.Today));

        Assert.Equal(before, (await RowsAsync(october)).Select(r => (r.TownId, r.ChannelMask, r.Status, r.Households)).Order().ToList());
    }

    [Fact]
    public async Task APastMonth_IgnoresMeasuresThatStartedAfterIt()
    {
        var h = new HouseholdBuilder(SmallDistrict.Today).Job(new DateOnly(2026, 11, 2), contractMonths: 24).Build();
        h.TownId = 1;
        var history = new MonthlyFiguresBuilder([new DateOnly(2026, 10, 31)], StatusPolicy.Default);

        history.Add(h);

        var row = Assert.Single(history.Rows);
        Assert.Equal((HouseholdStatus.NoMeasure, 0, 0), (row.Status, row.ChannelMask, row.EmployedLabourMembers));
    }
}
