using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ReliefDashboard.Cli;
using ReliefDashboard.Demo;
using ReliefDashboard.Domain;
using ReliefDashboard.Features.Accounts;
using ReliefDashboard.Features.Households;
using ReliefDashboard.Features.Roster;
using ReliefDashboard.Realtime;
using ReliefDashboard.TestSupport;

namespace ReliefDashboard.Writes;

/// <summary>
/// Clerks' saves while a bulk job writes: a save waits its turn behind one short transaction, or is told in Chinese
/// that a bulk job is running and writes nothing — never a raw error, never a lost save.
/// </summary>
public sealed class WritesUnderLoadTests : IAsyncDisposable
{
    private static readonly DateOnly Today = SmallDistrict.Today;
    private readonly TestDatabase database = new(Path.Combine(Path.GetTempPath(), $"relief-writes-{Guid.NewGuid():N}.db"));
    private readonly FixedClock clock = new(Today);
    private readonly ServiceProvider services;

    public WritesUnderLoadTests() => services = TestServices.Build(database, clock);

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        await database.DisposeAsync();
    }

    private HouseholdEditService ClerkOf(int townId, string name = "青石镇 王干事") =>
        new(services.GetRequiredService<DistrictWrite>(), new CurrentUser(services) { Override = new UserScope(name, name, Roles.TownStaff, townId, null) }, clock);

    private async Task<HouseholdInput> InputAsync(int householdId, string village)
    {
        await using var db = database.CreateDbContext();
        var h = await db.Households.AsNoTracking().SingleAsync(x => x.Id == householdId);
        return new HouseholdInput
        {
            HouseholdId = h.Id,
            Version = h.Version,
            SiteId = h.SiteId,
            OriginVillage = village,
            RelocationYear = h.RelocationYear,
            KeepPhone = true,
            IsRegisteredPoor = h.IsRegisteredPoor,
            LastVerifiedOn = h.LastVerifiedOn?.ToDateTime(TimeOnly.MinValue),
        };
    }

    [Fact]
    public async Task ASave_WhileABulkJobHoldsTheWriteTurn_IsToldInChinese_WritesNothing_AndSucceedsAfterwards()
    {
        var seeded = await SmallDistrict.SeedAsync(database);
        var writes = services.GetRequiredService<DistrictWrite>();
        var holding = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        var bulk = writes.CommitAsync(new WriteRequest(ChangeKind.Bulk, "导入：测试台账.xlsx", "导入 测试台账.xlsx") { IsBulk = true }, UserScope.System("测试"),
            async w =>
            {
                holding.SetResult();
                await release.Task;
                return null;
            });
        await holding.Task;

        var clerk = ClerkOf(seeded.TownA);
        var input = await InputAsync(seeded.NoMeasure, "改过的村");
        var result = await clerk.SaveHouseholdAsync(input);

        Assert.False(bulk.IsCompleted);
        Assert.False(result.Ok);
        Assert.Equal("系统正在执行批量任务（导入 测试台账.xlsx），本次保存未执行。您填写的内容仍保留，请稍候片刻再保存。", Assert.Single(result.Errors));
        await using (var db = database.CreateDbContext())
        {
            Assert.NotEqual("改过的村", (await db.Households.SingleAsync(h => h.Id == seeded.NoMeasure)).OriginVillage);
        }

        release.SetResult();
        Assert.True((await bulk).Ok);
        Assert.True((await clerk.SaveHouseholdAsync(input)).Ok);
    }

    [Fact]
    public async Task ClerksSaving_WhileARosterImportRuns_AreSavedOrToldToWait_NeverARawError_AndNoSaveIsLost()
    {
        await DemoDataLoader.LoadAsync(DistrictWrite.For(database, clock), 600, Today);
        int clerksTown;
        List<int> targets;
        await using (var db = database.CreateDbContext())
        {
            clerksTown = await db.Towns.OrderBy(t => t.Id).Select(t => t.Id).FirstAsync(t => db.Households.Count(h => h.TownId == t) >= 8);
            targets = await db.Households.Where(h => h.TownId == clerksTown).OrderBy(h => h.Id).Take(8).Select(h => h.Id).ToListAsync();
        }
        byte[] roster;
        using (var stream = new MemoryStream())
        {
            DemoRoster.Write(stream, 600, Today, StatusPolicy.Default, h => h.TownId != clerksTown, WritesBench.Alter);
            roster = stream.ToArray();
        }
        var import = new RosterImport(database, new CurrentUser(services) { Override = UserScope.System("测试导入") }, services.GetRequiredService<DistrictWrite>(), clock);

        var importing = Task.Run(() => import.ImportAsync(roster, "其他镇街.xlsx", onlyClean: false));
        var outcomes = new System.Collections.Concurrent.ConcurrentBag<SaveResult>();
        var last = new System.Collections.Concurrent.ConcurrentDictionary<int, string>();
        await Task.WhenAll(targets.Chunk(2).Select((mine, c) => Task.Run(async () =>
        {
            var clerk = ClerkOf(clerksTown, $"干事{c}");
            for (var round = 0; round < 6 || !importing.IsCompleted; round++)
            {
                var id = mine[round % mine.Length];
                var village = $"村{c}-{round}";
                var result = await clerk.SaveHouseholdAsync(await InputAsync(id, village));
                outcomes.Add(result);
                if (result.Ok)
                {
                    last[id] = village;
                }
            }
        })));

        var imported = await importing;
        Assert.True(imported.Ok, imported.Message);
        Assert.All(outcomes, r => Assert.True(r.Ok || r.Errors.Single().StartsWith("系统正在执行批量任务", StringComparison.Ordinal), string.Join("；", r.Errors)));
        Assert.Contains(outcomes, r => r.Ok);
        await using (var db = database.CreateDbContext())
        {
            foreach (var (id, village) in last)
            {
                Assert.Equal(village, (await db.Households.SingleAsync(h => h.Id == id)).OriginVillage);
            }
            // The import changed every other town's households and none of the clerks'.
            Assert.All(await db.Households.Where(h => h.TownId != clerksTown).Select(h => h.OriginVillage).ToListAsync(), v => Assert.Contains("新", v));
        }
    }

    [Fact]
    public async Task TheDailyRefresh_WithSavesLandingBetweenItsSlices_SkipsNoHousehold()
    {
        await DemoDataLoader.LoadAsync(DistrictWrite.For(database, clock), 1_200, Today.AddDays(-1));
        int town;
        List<int> edited;
        await using (var db = database.CreateDbContext())
        {
            town = await db.Households.OrderBy(h => h.Id).Select(h => h.TownId).FirstAsync();
            edited = await db.Households.Where(h => h.TownId == town).OrderBy(h => h.Id).Take(6).Select(h => h.Id).ToListAsync();
        }
        var refresh = services.GetRequiredService<Jobs.StatusRefreshService>();
        var refreshing = Task.Run(() => refresh.RefreshAsync(Today, CancellationToken.None));
        var clerk = ClerkOf(town);
        var saves = 0;
        for (var round = 0; !refreshing.IsCompleted || round < edited.Count; round++)
        {
            if ((await clerk.SaveHouseholdAsync(await InputAsync(edited[round % edited.Count], $"村{round}"))).Ok)
            {
                saves++;
            }
        }
        await refreshing;

        Assert.True(saves > 0);
        await using var check = database.CreateDbContext();
        Assert.Equal(0, await check.Households.CountAsync(h => h.StatusComputedOn < Today));
    }
}
