using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using ReliefDashboard.Demo;
using ReliefDashboard.Domain;
using ReliefDashboard.Exports;
using ReliefDashboard.Features.Accounts;
using ReliefDashboard.Features.Roster;
using ReliefDashboard.Figures;
using ReliefDashboard.Realtime;
using ReliefDashboard.Writes;

namespace ReliefDashboard.Cli;

/// <summary>
/// <c>bench --only import [--households N]</c>: writes the demo district of N households (default 100,000) as a
/// roster workbook, imports it into a new database holding only the towns, then imports the same file again
/// (which must change nothing). Prints the time of each stage and the peak memory.
/// </summary>
public static class ImportBench
{
    public static async Task<int> RunAsync(int households)
    {
        var dir = Data.DatabaseSetup.ResolvePath("data", Directory.GetCurrentDirectory());
        var file = Path.Combine(dir, "bench-import.db");
        foreach (var stale in Directory.EnumerateFiles(dir, "bench-import.db*"))
        {
            File.Delete(stale);
        }
        try
        {
            await using (var db = DemoCommand.Open(file))
            {
                await db.Database.MigrateAsync();
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
            }
            await DistrictWrite.For(new BenchCommand.FileContextFactory(file), CommandLine.Clock).CommitAsync(
                new WriteRequest(ChangeKind.Administration, "基准测试", "建立镇街"), UserScope.System("基准测试"), w =>
                {
                    w.Db.Towns.AddRange(DemoDistrictGenerator.BuildTowns());
                    return Task.FromResult<Refusal?>(null);
                });

            var watch = Stopwatch.StartNew();
            byte[] roster;
            using (var stream = new MemoryStream())
            {
                DemoRoster.Write(stream, households, CommandLine.Clock.Today(), StatusPolicy.Default);
                roster = stream.ToArray();
            }
            Console.WriteLine($"Roster workbook of {households:N0} households: {roster.Length / 1024.0 / 1024.0:N1} MB, written in {watch.Elapsed.TotalSeconds:N1} s");

            var import = new RosterImport(new BenchCommand.FileContextFactory(file),
                new CurrentUser(BenchCommand.EmptyServices.Instance) { Override = UserScope.System("基准测试") },
                DistrictWrite.For(new BenchCommand.FileContextFactory(file), CommandLine.Clock), CommandLine.Clock);
            foreach (var run in new[] { "first import (all new)", "same file again (no change)" })
            {
                Console.WriteLine();
                Console.WriteLine(run);
                watch.Restart();
                var last = (Stage: "", At: 0.0);
                var progress = new Progress(p =>
                {
                    var now = watch.Elapsed.TotalSeconds;
                    if (last.Stage != "")
                    {
                        Console.WriteLine($"  {last.Stage,-24} {now - last.At,8:N1} s");
                    }
                    last = (p.Stage, now);
                });
                var result = await import.ImportAsync(roster, "bench.xlsx", onlyClean: false, default, progress);
                Console.WriteLine($"  {"total",-24} {watch.Elapsed.TotalSeconds,8:N1} s   {result.Message}");
                Console.WriteLine($"  {"write lock held",-24} {result.WriteLockHeld.TotalSeconds,8:N2} s");
                if (!result.Ok)
                {
                    foreach (var p in result.Report?.Problems.Take(10) ?? [])
                    {
                        Console.WriteLine($"  {p}");
                    }
                    return 1;
                }
            }
            await using (var db = DemoCommand.Open(file))
            {
                Console.WriteLine();
                Console.WriteLine($"Database: {await db.Households.CountAsync():N0} households, {await db.Members.CountAsync():N0} members, "
                    + $"{await db.Employments.CountAsync() + await db.Industries.CountAsync() + await db.Coverages.CountAsync():N0} measures, "
                    + $"{await db.Audit.LongCountAsync():N0} audit rows, {new FileInfo(file).Length / 1024.0 / 1024.0:N0} MB");
            }
            Console.WriteLine($"Peak working set of this process: {Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024.0:N0} MB");
            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var stale in Directory.EnumerateFiles(dir, "bench-import.db*"))
            {
                File.Delete(stale);
            }
        }
    }

    /// <summary>Reports synchronously, so a stage's time ends when the next begins (Progress&lt;T&gt; would post to the thread pool).</summary>
    private sealed class Progress(Action<(string Stage, double Done)> report) : IProgress<(string Stage, double Done)>
    {
        public void Report((string Stage, double Done) value) => report(value);
    }
}
