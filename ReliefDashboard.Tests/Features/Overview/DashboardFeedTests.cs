using Microsoft.Extensions.DependencyInjection;
using ReliefDashboard.Domain;
using ReliefDashboard.Exports;
using ReliefDashboard.Features.Households;
using ReliefDashboard.Figures;
using ReliefDashboard.Realtime;
using ReliefDashboard.TestSupport;
using ReliefDashboard.Writes;

namespace ReliefDashboard.Features.Overview;

public sealed class DashboardFeedTests : ServiceTestBase
{
    private static readonly UserScope Leader = new("leader", "领导小组", Roles.LeadingGroup, null, null);

    private DashboardFeed Feed => Services.GetRequiredService<DashboardFeed>();

    [Fact]
    public async Task ASavedEdit_ReachesEveryOpenDashboard_WithTheNewNumbers()
    {
        var before = DashboardView.For(await Feed.GetAsync(), Leader).Now;
        Assert.Equal((1, 2), (before.Met, before.NoMeasure));
        var first = new TaskCompletionSource<DistrictFigures>(TaskCreationOptions.RunContinuationsAsynchronously);
        var second = new TaskCompletionSource<DistrictFigures>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var a = Feed.Subscribe(f => { first.TrySetResult(f); return Task.CompletedTask; });
        using var b = Feed.Subscribe(f => { second.TrySetResult(f); return Task.CompletedTask; });

        var saved = await As<HouseholdEditService>(Seeded.StaffA).SaveEmploymentAsync(
            await TestInputs.StableJobAsync(Database, Seeded.NoMeasure, SmallDistrict.Today.AddDays(-3).ToDateTime(TimeOnly.MinValue)));
        Assert.Equal(SaveOutcome.Saved, saved.Outcome);

        var figures = await first.Task.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Same(figures, await second.Task.WaitAsync(TimeSpan.FromSeconds(5)));
        var after = DashboardView.For(figures, Leader).Now;
        Assert.Equal((2, 1), (after.Met, after.NoMeasure));
        Assert.Equal((before.EmployedLabourMembers + 1, before.LocalCoveredHouseholds + 1), (after.EmployedLabourMembers, after.LocalCoveredHouseholds));
        Assert.NotNull(figures.LastChangedAt);
        Assert.Same(figures, await Feed.GetAsync());
    }

    [Fact]
    public async Task AFreshStart_SaysWhenTheDataLastChanged_FromTheNewestRecordedChange()
    {
        var at = new DateTime(2026, 11, 20, 8, 30, 0, DateTimeKind.Utc);
        await using (var db = Database.Seed())
        {
            db.Audit.Add(new AuditEntry { At = at, User = "测试", Source = "表单", HouseholdId = Seeded.Met, Entity = "Household", EntityId = Seeded.Met, Action = "修改", Field = "OriginVillage" });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var figures = await Feed.GetAsync();

        Assert.Equal(at, figures.LastChangedAt);
    }

    [Fact]
    public async Task ABurstOfChanges_IsRecomputedOnce_NotOncePerChange()
    {
        await Feed.GetAsync();
        var computed = Feed.Computations;
        var delivered = 0;
        using var _ = Feed.Subscribe(_ => { Interlocked.Increment(ref delivered); return Task.CompletedTask; });

        var notifier = Services.GetRequiredService<ChangeNotifier>();
        for (var i = 0; i < 50; i++)
        {
            notifier.Publish(new DataChange(ChangeKind.HouseholdData, [Seeded.Met], [Seeded.TownA]));
        }
        await WaitUntilAsync(() => delivered > 0);
        await Task.Delay(500);

        // Fifty changes within the quiet period: one recomputation, or two if the last straggled in after it began.
        Assert.InRange(Feed.Computations - computed, 1, 2);
        Assert.InRange(delivered, 1, 2);
    }

    [Fact]
    public async Task ADashboardThatThrows_DoesNotKeepTheFiguresFromTheOthers()
    {
        await Feed.GetAsync();
        var healthy = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var broken = Feed.Subscribe(_ => throw new InvalidOperationException("circuit gone"));
        using var ok = Feed.Subscribe(_ => { healthy.TrySetResult(); return Task.CompletedTask; });

        Services.GetRequiredService<ChangeNotifier>().Publish(DataChange.Of(ChangeKind.Policy));

        await healthy.Task.WaitAsync(TimeSpan.FromSeconds(5));
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (!condition() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }
        Assert.True(condition());
    }
}
