using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using ReliefDashboard.Domain;
using ReliefDashboard.Exports;
using ReliefDashboard.Jobs;
using ReliefDashboard.Writes;

namespace ReliefDashboard.Cli;

/// <summary>
/// <c>figures [--db FILE]</c>: the full rebuild of the live sums. Counts them again from the households, prints the
/// rows that had drifted, and rewrites them stamped for today, in one write through the pipeline.
/// </summary>
public static class FiguresCommand
{
    public static async Task<int> RunAsync(string database)
    {
        if (!File.Exists(database))
        {
            await Console.Error.WriteLineAsync($"找不到数据库：{database}");
            return 2;
        }
        var factory = new BenchCommand.FileContextFactory(database);
        await using (var db = factory.CreateDbContext())
        {
            await db.Database.MigrateAsync();
        }
        var started = Stopwatch.StartNew();
        var report = await FigureSumsCheck.RunAsync(DistrictWrite.For(factory, CommandLine.Clock), UserScope.System("命令行汇总重建"),
            Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance, force: true, default);
        Console.WriteLine(report.FirstBuild
            ? $"汇总表首次建立，按 {report.Since:yyyy-MM-dd} 起的走访窗口统计（{started.ElapsedMilliseconds:N0} 毫秒）"
            : report.Drift.Count == 0
            ? $"汇总表与逐户统计一致；已按 {report.Since:yyyy-MM-dd} 起的走访窗口重建（{started.ElapsedMilliseconds:N0} 毫秒）"
            : $"汇总表有 {report.Drift.Count} 行与逐户统计不符，已重建（{started.ElapsedMilliseconds:N0} 毫秒）：");
        foreach (var row in report.Drift.Take(20))
        {
            Console.WriteLine("  " + row);
        }
        return 0;
    }
}
