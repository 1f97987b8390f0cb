using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using ReliefDashboard.Domain;
using ReliefDashboard.Figures;
using ReliefDashboard.Realtime;
using ReliefDashboard.TestSupport;
using ReliefDashboard.Writes;

namespace ReliefDashboard.Jobs;

/// <summary>
/// The daily and monthly jobs and the dashboard's quiet window run on the injected clock: a fake one is advanced
/// through days and milliseconds, and the jobs follow it at once, without the test waiting for real time to pass.
/// </summary>
public sealed class ScheduleTests : IAsyncDisposable
{
    // A file, so the job's writes and the test's reads each have their own connection, as in the app.
    private readonly TestDatabase database = new(Path.Combine(Path.GetTempPath(), $"relief-schedule-{Guid.NewGuid():N}.db"));

    // 12:00 on 29 November in the district (04:00 UTC).
    private readonly FakeTimeProvider fake = new(new DateTimeOffset(2026, 11, 29, 4, 0, 0, TimeSpan.Zero));
    private readonly DistrictClock clock;

    public ScheduleTests() => clock = new DistrictClock(fake, DistrictClock.Zone("Asia/Shanghai"));

    public async ValueTask DisposeAsync() => await database.DisposeAsync();

    private DistrictWrite Writes() => DistrictWrite.For(database, clock);

    [Fact]
    public async Task TheDailyStatusRefresh_RunsAtStart_ThenAtFivePastMidnightOfEachDistrictDay()
    {
        await SmallDistrict.SeedAsync(database);
        await using (var db = database.Seed())
        {
            // Computed yesterday, so the run at start shows itself.
            await db.Households.ExecuteUpdateAsync(u => u.SetProperty(h => h.StatusComputedOn, new DateOnly(2026, 11, 28)));
        }
        var refresh = new StatusRefreshService(database, Writes(), clock, NullLogger<StatusRefreshService>.Instance);
        await refresh.StartAsync(CancellationToken.None);
        try
        {
            await UntilAsync(async () => await ComputedOnAsync() == new DateOnly(2026, 11, 29));
            await Task.Delay(200); // the run's payment check and its wait for the next day

            // 23:59 local: not yet the next run.
            fake.Advance(TimeSpan.FromHours(11) + TimeSpan.FromMinutes(59));
            await Task.Delay(50);
            Assert.Equal(new DateOnly(2026, 11, 29), await ComputedOnAsync());

            // 00:05 on the 30th, the run's time: every household is recomputed as of the new day.
            fake.Advance(TimeSpan.FromMinutes(6));
            await UntilAsync(async () => await ComputedOnAsync() == new DateOnly(2026, 11, 30));
            await Task.Delay(200);
            fake.Advance(TimeSpan.FromDays(1));
            await UntilAsync(async () => await ComputedOnAsync() == new DateOnly(2026, 12, 1));
        }
        finally
        {
            await refresh.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task TheMonthEndFigures_AreTakenForNovember_OnTheFirstRunInDecember()
    {
        await SmallDistrict.SeedAsync(database);
        var months = new MonthlyFiguresService(database, Writes(), clock, NullLogger<MonthlyFiguresService>.Instance);
        await months.StartAsync(CancellationToken.None);
        try
        {
            await UntilAsync(async () => await TakenAsync(new DateOnly(2026, 10, 31)));
            await Task.Delay(200); // the run's wait for the next day
            Assert.False(await TakenAsync(new DateOnly(2026, 11, 30)));

            // 00:15 on 1 December in the district: November is complete.
            fake.Advance(new DateTimeOffset(2026, 11, 30, 16, 15, 0, TimeSpan.Zero) - fake.GetUtcNow());
            await UntilAsync(async () => await TakenAsync(new DateOnly(2026, 11, 30)));
            await using var db = database.CreateDbContext();
            Assert.True(await db.ScorePeriods.AnyAsync(p => p.Kind == PeriodKind.Month && p.Year == 2026 && p.Number == 11));
        }
        finally
        {
            await months.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task TheDashboard_RecomputesOnlyAfterItsQuietWindow_AndOnlyForKindsThatMoveItsFigures()
    {
        await SmallDistrict.SeedAsync(database);
        var notifier = new ChangeNotifier();
        using var feed = new DashboardFeed(database, notifier, clock, NullLogger<DashboardFeed>.Instance) { Quiet = TimeSpan.FromSeconds(5) };
        await feed.GetAsync();
        var before = feed.Computations;

        notifier.Publish(DataChange.Of(ChangeKind.Administration)); // an account changed: no figure moves
        notifier.Publish(new DataChange(ChangeKind.HouseholdData, [1], [1]));
        await Task.Delay(100);
        fake.Advance(TimeSpan.FromSeconds(4));
        await Task.Delay(100);
        Assert.Equal(before, feed.Computations);

        fake.Advance(TimeSpan.FromSeconds(1));
        await UntilAsync(() => Task.FromResult(feed.Computations == before + 1));
        await Task.Delay(100);
        Assert.Equal(before + 1, feed.Computations);
    }

    private async Task<DateOnly> ComputedOnAsync()
    {
        await using var db = database.CreateDbContext();
        return await db.Households.MinAsync(h => h.StatusComputedOn);
    }

    private async Task<bool> TakenAsync(DateOnly month)
    {
        await using var db = database.CreateDbContext();
        return await db.FigureMonths.AnyAsync(m => m.Month == month);
    }

    /// <summary>Waits (a few seconds at most, in real time) for a job the fake clock has set off.</summary>
    private static async Task UntilAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 200; i++)
        {
            if (await condition())
            {
                return;
            }
            await Task.Delay(25);
        }
        Assert.Fail("The job did not run after the clock was advanced");
    }
}
