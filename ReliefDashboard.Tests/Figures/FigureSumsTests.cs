using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ReliefDashboard.Data;
using ReliefDashboard.Demo;
using ReliefDashboard.Domain;
using ReliefDashboard.Features.Accounts;
using ReliefDashboard.Features.Policy;
using ReliefDashboard.Features.Roster;
using ReliefDashboard.Jobs;
using ReliefDashboard.Realtime;
using ReliefDashboard.TestSupport;
using ReliefDashboard.Writes;

namespace ReliefDashboard.Figures;

/// <summary>
/// The live sums are kept on write, by differences: whatever mix of edits, imports, policy changes and days passing
/// reaches them, they must equal a fresh GROUP BY over the households.
/// </summary>
public sealed class FigureSumsTests : IAsyncDisposable
{
    private static readonly DateOnly Today = SmallDistrict.Today;
    private readonly TestDatabase database = new(Path.Combine(Path.GetTempPath(), $"relief-sums-{Guid.NewGuid():N}.db"));
    private readonly FixedClock clock = new(Today);
    private readonly ServiceProvider services;
    private static readonly UserScope Admin = new("test-admin", "测试管理员", Roles.Admin, null, null);

    public FigureSumsTests() => services = TestServices.Build(database, clock);

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        await database.DisposeAsync();
    }

    private T As<T>(UserScope user) where T : notnull
    {
        services.GetRequiredService<TestUser>().Scope = user;
        return services.CreateScope().ServiceProvider.GetRequiredService<T>();
    }

    private async Task<(List<string> Drift, List<LiveGroup> Read, List<LiveGroup> Counted)> CompareAsync()
    {
        await using var db = database.CreateDbContext();
        var since = FigureSums.VerifiedSince(clock.Today, await PolicyStore.LoadStatusPolicyAsync(db));
        var read = (await FigureSums.ReadAsync(db, since, default)).OrderBy(g => (g.TownId, g.ChannelMask, g.Status, g.IndustryMask, g.EmploymentMask)).ToList();
        var counted = (await FigureSums.CountAsync(db, since, null, default)).Select(FigureSums.ToGroup)
            .OrderBy(g => (g.TownId, g.ChannelMask, g.Status, g.IndustryMask, g.EmploymentMask)).ToList();
        return (await FigureSums.DriftAsync(db, default), read, counted);
    }

    [Fact]
    public async Task AfterTenThousandRandomEdits_Imports_PolicyChanges_AndDaysPassing_TheSumsEqualAFreshGroupBy()
    {
        var writes = services.GetRequiredService<DistrictWrite>();
        await DemoDataLoader.LoadAsync(writes, 300, Today);
        var start = await CompareAsync();
        Assert.Empty(start.Drift);
        Assert.Equal(start.Counted, start.Read);

        var (roster, error) = await As<RosterExport>(Admin).ExportAsync(null, full: true, csv: false);
        Assert.True(roster is not null, error);
        List<int> ids;
        List<(int Town, int Site)> sites;
        await using (var db = database.CreateDbContext())
        {
            ids = await db.Households.Select(h => h.Id).ToListAsync();
            sites = await db.Sites.Select(s => new ValueTuple<int, int>(s.TownId, s.Id)).ToListAsync();
        }
        var random = new Random(2524);
        var edits = 0;
        for (var round = 0; round < 1000; round++)
        {
            var picked = Enumerable.Range(0, 10).Select(_ => ids[random.Next(ids.Count)]).Distinct().ToList();
            var written = await writes.CommitAsync(new WriteRequest(ChangeKind.HouseholdData, "测试", "随机修改"), Admin, async w =>
            {
                var households = await w.Db.Households.Where(h => picked.Contains(h.Id)).WithRecords().ToListAsync();
                foreach (var h in households)
                {
                    Edit(h, random, sites, clock.Today);
                    edits++;
                }
                // A payment recorded, and now and then one voided: the money sums follow both.
                var payee = households[0];
                w.Db.Benefits.Add(new Benefit
                {
                    HouseholdId = payee.Id,
                    TownId = payee.TownId,
                    Kind = BenefitKind.IndustrySubsidy,
                    Amount = random.Next(1, 500_000) / 100m,
                    PaidOn = clock.Today,
                    Fund = "测试资金",
                    Voucher = $"T{round}",
                    RecordedBy = "测试",
                    RecordedAt = w.Now,
                    Source = "测试",
                });
                if (random.Next(4) == 0 && await w.Db.Benefits.Where(b => b.VoidedAt == null).OrderBy(b => b.Id).Skip(random.Next(50)).FirstOrDefaultAsync() is { } voided)
                {
                    voided.VoidedAt = w.Now;
                }
                return null;
            });
            Assert.True(written.Ok, string.Join("；", written.Problems));
            if (round % 250 == 249)
            {
                // A policy change recomputes every status; a day passing moves the visit window under the stored sums.
                var days = new[] { 60, 90, 120 }[random.Next(3)].ToString(System.Globalization.CultureInfo.InvariantCulture);
                var changed = await As<PolicyService>(Admin).UpdateAsync(StatusPolicy.Keys.VerificationDays, days, "测试口径调整");
                Assert.True(changed.Ok, string.Join("；", changed.Errors));
                clock.Today = clock.Today.AddDays(random.Next(1, 9));
                var midway = await CompareAsync();
                Assert.Equal(midway.Counted, midway.Read);
            }
            if (round % 400 == 399)
            {
                // The import writes around the change tracker and puts the exported households back as they were.
                var imported = await As<RosterImport>(Admin).ImportAsync(roster.Content, "台账.xlsx", onlyClean: true);
                Assert.True(imported.Ok, imported.Message);
            }
        }
        Assert.True(edits >= 9_500, $"{edits} edits");

        var end = await CompareAsync();
        Assert.Equal(end.Counted, end.Read);
        // The stored rows themselves, as of their own stamp, equal the count.
        Assert.Empty(end.Drift);
    }

    private static void Edit(Household h, Random random, List<(int Town, int Site)> sites, DateOnly today)
    {
        var members = h.Members.Where(m => m.EndedOn is null).ToList();
        switch (random.Next(6))
        {
            case 0:
                h.LastVerifiedOn = random.Next(5) == 0 ? null : today.AddDays(-random.Next(0, 200));
                break;
            case 1 when h.Employments.FirstOrDefault(e => e.EndDate is null) is { } job:
                job.EndDate = today.AddDays(-random.Next(0, 20));
                break;
            case 2 when members.Count > 0:
                h.Employments.Add(new Employment
                {
                    MemberId = members[random.Next(members.Count)].Id,
                    Channel = random.Next(2) == 0 ? Channel.IndustrialParkJob : Channel.PublicWelfarePost,
                    Employer = "测试用工单位",
                    Location = (WorkLocation)random.Next(3),
                    ContractMonths = random.Next(2) == 0 ? 12 : 3,
                    StartDate = today.AddDays(-random.Next(0, 400)),
                    MonthlyPay = 2000,
                });
                break;
            case 3:
                var (town, site) = sites[random.Next(sites.Count)];
                (h.TownId, h.SiteId) = (town, site);
                break;
            case 4 when members.Count > 1:
                var leaving = members.First(m => m.Relation != Relation.Head);
                (leaving.EndedOn, leaving.EndReason) = (today.AddDays(-1), MemberEndReason.MovedOut);
                break;
            default:
                h.Industries.Add(new Industry
                {
                    Channel = Channel.AgriculturalIndustry,
                    Type = "测试种植",
                    StartDate = today.AddDays(-random.Next(0, 400)),
                    EndDate = random.Next(3) == 0 ? today.AddDays(random.Next(-30, 90)) : null,
                });
                break;
        }
    }

    [Fact]
    public async Task TheCrossCheck_FlippingVerifiedAttainedInSql_KeepsTheSums()
    {
        var writes = services.GetRequiredService<DistrictWrite>();
        await DemoDataLoader.LoadAsync(writes, 600, Today);
        int attainedBefore;
        await using (var db = database.CreateDbContext())
        {
            attainedBefore = await db.Households.CountAsync(h => h.VerifiedAttained);
        }
        // The department lists confirm jobs and contradict some: the cross-check rewrites 已核实达标 around the tracker.
        await DemoVerification.LoadAsync(writes, Today);
        await using (var db = database.CreateDbContext())
        {
            Assert.NotEqual(attainedBefore, await db.Households.CountAsync(h => h.VerifiedAttained));
        }
        var after = await CompareAsync();
        Assert.Empty(after.Drift);
        Assert.Equal(after.Counted, after.Read);
    }

    [Fact]
    public async Task ARollback_LeavesTheSumsAsTheyWere()
    {
        var writes = services.GetRequiredService<DistrictWrite>();
        await DemoDataLoader.LoadAsync(writes, 60, Today);
        int id;
        await using (var db = database.CreateDbContext())
        {
            id = await db.Households.Where(h => h.Status == HouseholdStatus.Met).Select(h => h.Id).FirstAsync();
        }
        var refused = await writes.CommitAsync(new WriteRequest(ChangeKind.HouseholdData, "测试", "随机修改"), Admin, async w =>
        {
            var h = await w.Db.Households.WithRecords().SingleAsync(x => x.Id == id);
            h.Employments.ForEach(e => e.EndDate = Today.AddDays(-1));
            h.Industries.ForEach(e => e.EndDate = Today.AddDays(-1));
            await FigureSums.ApplyAsync(w.Db, default);
            return Refusal.Invalid("不保存");
        });
        Assert.False(refused.Ok);
        var after = await CompareAsync();
        Assert.Empty(after.Drift);
    }

    [Fact]
    public async Task TheDailyCheck_FindsAndRepairsDrift_AndSaysWhichRows()
    {
        var writes = services.GetRequiredService<DistrictWrite>();
        await DemoDataLoader.LoadAsync(writes, 60, Today);
        // Drift from outside the pipeline (a hand edit in a SQLite shell, a restored file).
        await using (var db = database.CreateDbContext())
        {
            await db.Database.ExecuteSqlRawAsync("UPDATE FigureSums SET Households = Households + 5 WHERE rowid = (SELECT MIN(rowid) FROM FigureSums)");
        }
        Assert.Single((await CompareAsync()).Drift);

        var report = await FigureSumsCheck.RunAsync(writes, UserScope.System("系统"), Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance, force: false, default);

        Assert.Single(report.Drift);
        Assert.True(report.Rebuilt);
        var after = await CompareAsync();
        Assert.Empty(after.Drift);
        Assert.Equal(after.Counted, after.Read);
    }
}
