using System.Diagnostics;
using System.Globalization;
using System.Text;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using ReliefDashboard.Domain;
using ReliefDashboard.Features.Accounts;
using ReliefDashboard.Features.Verification;
using ReliefDashboard.Writes;

namespace ReliefDashboard.Cli;

/// <summary>
/// <c>bench --only verification [--households N | --db FILE]</c>: a month of social-insurance contributions with one
/// row per member of the district (3.5 million rows at 1,000,000 households), written as CSV, imported through the
/// department import on a copy of the district, and cross-checked in the same write. Prints the time of the check
/// and of the write with the cross-check, the findings, and the peak memory of this process.
/// </summary>
public static class VerificationBench
{
    public static async Task<int> RunAsync(string district)
    {
        var dir = Path.GetDirectoryName(district)!;
        var copy = Path.Combine(dir, "bench-verification.db");
        foreach (var stale in Directory.EnumerateFiles(dir, "bench-verification.db*"))
        {
            File.Delete(stale);
        }
        File.Copy(district, copy);
        var csv = Path.Combine(dir, "bench-contributions.csv");
        var factory = new BenchCommand.FileContextFactory(copy);
        var clock = CommandLine.Clock;
        var month = new DateOnly(clock.Today().Year, clock.Today().Month, 1).AddMonths(-1);
        try
        {
            await using (var db = factory.CreateDbContext())
            {
                await db.Database.MigrateAsync();
                Console.WriteLine($"District: {await db.Households.CountAsync():N0} households, {await db.Members.CountAsync():N0} members ({district})");
            }
            var watch = Stopwatch.StartNew();
            var rows = await WriteCsvAsync(factory, csv, month);
            Console.WriteLine($"Contribution list: {rows:N0} rows, {new FileInfo(csv).Length / 1024.0 / 1024.0:N0} MB CSV, written in {watch.Elapsed.TotalSeconds:N1} s");

            var services = new ServiceCollection().AddSingleton<TimeProvider>(clock).AddValidatorsFromAssemblyContaining<Program>().BuildServiceProvider();
            var writes = DistrictWrite.For(factory, clock, services);
            var user = new CurrentUser(BenchCommand.EmptyServices.Instance) { Override = UserScope.System("基准测试") };
            var import = new DepartmentImport(factory, user, writes, new ListUploadInputValidator(clock), clock);
            var stages = new List<(string Stage, TimeSpan At)>();
            watch.Restart();
            var progress = new SynchronousProgress(p => stages.Add((p.Stage, watch.Elapsed)));
            var result = await import.ImportAsync(csv, new ListUploadInput(DepartmentListKind.SocialInsurance, month, "社保缴费.csv"), default, progress);
            var total = watch.Elapsed;
            if (!result.Ok)
            {
                await Console.Error.WriteLineAsync($"导入失败：{result.Message}");
                return 1;
            }
            var written = stages.FirstOrDefault(s => s.Stage == "写入并比对").At;
            Console.WriteLine();
            Console.WriteLine("| stage | time |");
            Console.WriteLine("|---|---|");
            Console.WriteLine($"| read and check every row (streamed) | {written.TotalSeconds:N1} s |");
            Console.WriteLine($"| write the rows and cross-check the district (one transaction) | {(total - written).TotalSeconds:N1} s (write lock held {result.WriteLockHeld.TotalSeconds:N1} s) |");
            Console.WriteLine($"| — of which storing the rows | {result.InsertTook.TotalSeconds:N1} s |");
            Console.WriteLine($"| — of which the cross-check (7 rules, measure and household verification) | {result.CheckTook.TotalSeconds:N1} s |");
            Console.WriteLine($"| total | {total.TotalSeconds:N1} s |");
            Console.WriteLine();
            Console.WriteLine($"Rows {result.Rows:N0}, kept {result.Matched:N0}; findings raised {result.Check!.Raised:N0}, measures confirmed or unconfirmed {result.Check.MeasuresChanged:N0}, "
                + $"households whose verified attainment changed {result.Check.HouseholdsChanged:N0}");
            await OneHouseholdAsync(factory, writes, clock);
            Console.WriteLine($"Peak working set of this process: {Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024.0:N0} MB");
            return 0;
        }
        finally
        {
            File.Delete(csv);
            foreach (var stale in Directory.EnumerateFiles(dir, "bench-verification.db*"))
            {
                File.Delete(stale);
            }
        }
    }

    /// <summary>
    /// What the cross-check adds to one person's save once the lists are in: the rules for the one household a save
    /// touches, as the pipeline runs them, for 50 households across the district (rolled back, so nothing changes).
    /// </summary>
    private static async Task OneHouseholdAsync(BenchCommand.FileContextFactory factory, DistrictWrite writes, TimeProvider clock)
    {
        List<int> ids;
        await using (var db = factory.CreateDbContext())
        {
            var count = await db.Households.CountAsync();
            ids = Enumerable.Range(0, 50).Select(i => 1 + (int)((long)i * (count - 1) / 49)).ToList();
        }
        var times = new List<double>();
        foreach (var id in ids)
        {
            await writes.CommitAsync(new WriteRequest(Realtime.ChangeKind.HouseholdData, "基准测试", "单户比对"), UserScope.System("基准测试"), async w =>
            {
                var settings = await Data.PolicyStore.LoadValuesAsync(w.Db, default);
                var watch = Stopwatch.StartNew();
                await Checks.CrossCheck.RunAsync(w.Db, w.Transaction, new Checks.CheckRequest(w.Today, w.Now, StatusPolicy.FromSettings(settings),
                    VerificationPolicy.FromSettings(settings), [id], "基准测试", _ => ""), default);
                times.Add(watch.Elapsed.TotalMilliseconds);
                return Refusal.Unchanged;
            });
        }
        times.Sort();
        Console.WriteLine($"Cross-check of the one household a save touches (50 saves): median {times[times.Count / 2]:N1} ms, worst {times[^1]:N1} ms");
    }

    /// <summary>One contribution per member for the month, streamed out of the database into the file; every 50th labourer unpaid.</summary>
    private static async Task<long> WriteCsvAsync(BenchCommand.FileContextFactory factory, string path, DateOnly month)
    {
        await using var db = factory.CreateDbContext();
        await using var writer = new StreamWriter(path, false, new UTF8Encoding(true), 1 << 20);
        await writer.WriteAsync("身份证号,姓名,参保单位,缴费月份,缴费金额（元）\r\n");
        var text = month.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        long rows = 0;
        await foreach (var id in db.Members.AsNoTracking().OrderBy(m => m.Id).Select(m => m.IdNumber).AsAsyncEnumerable())
        {
            if (++rows % 50 == 0)
            {
                continue;
            }
            await writer.WriteAsync($"{id},,区内用工单位,{text},980.00\r\n");
        }
        return rows - rows / 50;
    }

    private sealed class SynchronousProgress(Action<(string Stage, double Done)> report) : IProgress<(string Stage, double Done)>
    {
        public void Report((string Stage, double Done) value) => report(value);
    }
}
