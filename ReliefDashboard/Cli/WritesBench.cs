using System.Collections.Concurrent;
using System.Diagnostics;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using ReliefDashboard.Data;
using ReliefDashboard.Demo;
using ReliefDashboard.Domain;
using ReliefDashboard.Features.Accounts;
using ReliefDashboard.Features.Households;
using ReliefDashboard.Features.Roster;
using ReliefDashboard.Writes;

namespace ReliefDashboard.Cli;

/// <summary>
/// <c>bench --only writes [--clerks 20] [--seconds 30] [--households 100000]</c>: clerks saving edits to different
/// households at once through the real services and the write pipeline, first alone, then while an import of
/// every other town's roster runs, then one town's roster imported alone. Prints saves per second, save times,
/// what the clerks were told, and lost saves (a save reported as saved that the database does not hold).
/// </summary>
public static class WritesBench
{
    public static async Task<int> RunAsync(string built, int clerks, int seconds)
    {
        var file = Path.Combine(Path.GetDirectoryName(built)!, "bench-writes.db");
        foreach (var stale in Directory.EnumerateFiles(Path.GetDirectoryName(built)!, "bench-writes.db*"))
        {
            File.Delete(stale);
        }
        File.Copy(built, file);
        var factory = new BenchCommand.FileContextFactory(file);
        var services = Services();
        var writes = new DistrictWrite(factory, new Realtime.ChangeNotifier(), new WriteGate(), CommandLine.Clock,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<DistrictWrite>.Instance, services);

        int households;
        int clerksTown;
        List<(int Id, int TownId)> targets;
        await using (var db = factory.CreateDbContext())
        {
            households = await db.Households.CountAsync();
            clerksTown = await BenchCommand.FirstTownAsync(factory);
            targets = await db.Households.Where(h => h.TownId == clerksTown).OrderBy(h => h.Id).Take(clerks * 20)
                .Select(h => new ValueTuple<int, int>(h.Id, h.TownId)).ToListAsync();
        }
        Console.WriteLine($"District of {households:N0} households; {clerks} clerks of one town, each editing its own 20 households, {seconds} s per run");
        Console.WriteLine();
        Console.WriteLine($"{"run",-44} {"saves",7} {"saves/s",8} {"p50 ms",7} {"p95 ms",7} {"max ms",7} {"busy",5} {"failed",6} {"lost",5}");

        await ClerksAsync("clerks alone", factory, writes, targets, clerks, seconds, null);

        // Every other town's roster, each household changed, imported while the clerks save.
        var today = CommandLine.Clock.Today();
        byte[] others;
        using (var stream = new MemoryStream())
        {
            DemoRoster.Write(stream, households, today, StatusPolicy.Default, h => h.TownId != clerksTown, Alter);
            others = stream.ToArray();
        }
        var import = Import(factory, writes);
        var importing = Task.Run(() => import.ImportAsync(others, "其他镇街台账.xlsx", onlyClean: false));
        await ClerksAsync("clerks while the other towns' roster imports", factory, writes, targets, clerks, seconds, importing);
        var result = await importing;
        Console.WriteLine();
        Console.WriteLine($"The import: {result.Message}; it held the write lock {result.WriteLockHeld.TotalSeconds:N2} s in one transaction");

        // A town's roster of 5,000 households (the size a town's staff import), changed again, alone.
        byte[] oneTown;
        int oneTownId;
        await using (var db = factory.CreateDbContext())
        {
            oneTownId = await db.Towns.Where(t => t.Id != clerksTown).OrderByDescending(t => db.Households.Count(h => h.TownId == t.Id)).Select(t => t.Id).FirstAsync();
        }
        using (var stream = new MemoryStream())
        {
            var taken = 0;
            var n = DemoRoster.Write(stream, households, today, StatusPolicy.Default, h => h.TownId == oneTownId && taken++ < 5_000, h => { Alter(h); Alter(h); });
            oneTown = stream.ToArray();
            var watch = Stopwatch.StartNew();
            var town = await Import(factory, writes).ImportAsync(oneTown, "一个镇街台账.xlsx", onlyClean: false);
            Console.WriteLine($"A town's roster of {n:N0} households: {town.Message}; {watch.Elapsed.TotalSeconds:N1} s in all, write lock held {town.WriteLockHeld.TotalSeconds:N2} s");
        }
        Console.WriteLine($"Peak working set of this process: {Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024.0:N0} MB");
        return 0;
    }

    /// <summary>What a town's staff might correct between two imports: the village name and each job's pay.</summary>
    public static void Alter(Household h)
    {
        h.OriginVillage = h.OriginVillage.EndsWith("村", StringComparison.Ordinal) ? h.OriginVillage[..^1] + "新村" : h.OriginVillage + "新";
        foreach (var job in h.Employments)
        {
            job.MonthlyPay += 100;
        }
    }

    private static RosterImport Import(IDbContextFactory<ReliefDbContext> factory, DistrictWrite writes) =>
        new(factory, new CurrentUser(BenchCommand.EmptyServices.Instance) { Override = UserScope.System("基准测试导入") }, writes, CommandLine.Clock);

    private static IServiceProvider Services()
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(CommandLine.Clock);
        services.AddSingleton<NamePolicy>();
        services.AddValidatorsFromAssemblyContaining<Program>();
        return services.BuildServiceProvider();
    }

    private static async Task ClerksAsync(string name, IDbContextFactory<ReliefDbContext> factory, DistrictWrite writes,
        List<(int Id, int TownId)> targets, int clerks, int seconds, Task? until)
    {
        var times = new ConcurrentBag<double>();
        var (busy, failed) = (0, 0);
        var saved = new ConcurrentDictionary<int, (int Saves, string Last)>();
        var deadline = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clerks).Select(c => Task.Run(async () =>
        {
            var mine = targets.Where((_, i) => i % clerks == c).ToList();
            var round = 0;
            // With an import running, the clerks go on until it has finished, its writing transaction included.
            while (until is null ? deadline.Elapsed.TotalSeconds < seconds : !until.IsCompleted || deadline.Elapsed.TotalSeconds < seconds)
            {
                var (id, town) = mine[round++ % mine.Count];
                var user = new CurrentUser(BenchCommand.EmptyServices.Instance) { Override = new UserScope($"clerk-{c}", $"基准测试 干事{c}", Roles.TownStaff, town, null) };
                var service = new HouseholdEditService(writes, user, CommandLine.Clock);
                HouseholdInput input;
                await using (var db = factory.CreateDbContext())
                {
                    var h = await db.Households.AsNoTracking().SingleAsync(x => x.Id == id);
                    input = new HouseholdInput
                    {
                        HouseholdId = id,
                        Version = h.Version,
                        SiteId = h.SiteId,
                        RelocationYear = h.RelocationYear,
                        KeepPhone = true,
                        OriginVillage = $"基准村{c}-{round}",
                        IsRegisteredPoor = h.IsRegisteredPoor,
                        IsCoRelocated = h.IsCoRelocated,
                        IsThreeNo = h.IsThreeNo,
                        LastVerifiedOn = h.LastVerifiedOn?.ToDateTime(TimeOnly.MinValue),
                    };
                }
                var watch = Stopwatch.StartNew();
                SaveResult result;
                try
                {
                    result = await service.SaveHouseholdAsync(input);
                }
                catch (Exception)
                {
                    Interlocked.Increment(ref failed);
                    continue;
                }
                times.Add(watch.Elapsed.TotalMilliseconds);
                if (result.Ok)
                {
                    saved.AddOrUpdate(id, (1, input.OriginVillage), (_, v) => (v.Saves + 1, input.OriginVillage));
                }
                else if (result.Outcome == SaveOutcome.Busy)
                {
                    Interlocked.Increment(ref busy);
                }
                else
                {
                    Interlocked.Increment(ref failed);
                }
            }
        })));
        var elapsed = deadline.Elapsed.TotalSeconds;

        // Lost: the database does not hold what a save reported as saved (its value, or one version per save).
        var lost = 0;
        await using (var db = factory.CreateDbContext())
        {
            foreach (var (id, (saves, last)) in saved)
            {
                var h = await db.Households.AsNoTracking().Where(x => x.Id == id).Select(x => new { x.OriginVillage, x.Version }).SingleAsync();
                if (h.OriginVillage != last)
                {
                    lost++;
                }
            }
        }
        var sorted = times.Order().ToList();
        double P(double q) => sorted.Count == 0 ? 0 : sorted[(int)Math.Min(sorted.Count - 1, Math.Floor(q * sorted.Count))];
        var count = saved.Values.Sum(v => v.Saves);
        Console.WriteLine($"{name,-44} {count,7:N0} {count / elapsed,8:N1} {P(0.5),7:N0} {P(0.95),7:N0} {(sorted.Count == 0 ? 0 : sorted[^1]),7:N0} {busy,5} {failed,6} {lost,5}");
    }
}
