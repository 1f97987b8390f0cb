using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using ReliefDashboard.Data;
using ReliefDashboard.Demo;
using ReliefDashboard.Domain;
using ReliefDashboard.Exports;
using ReliefDashboard.Figures;
using ReliefDashboard.Writes;

namespace ReliefDashboard.Cli;

public static class DemoCommand
{
    public static async Task<int> RunAsync(int households, string file)
    {
        if (File.Exists(file))
        {
            await Console.Error.WriteLineAsync($"{file} 已存在；请先删除或换一个文件名。");
            return 2;
        }
        var clock = Stopwatch.StartNew();
        await using var db = Open(file);
        await db.Database.MigrateAsync();
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        var count = await DemoDataLoader.LoadAsync(DistrictWrite.For(new BenchCommand.FileContextFactory(file), CommandLine.Clock), households, CommandLine.Clock.Today());
        var members = await db.Members.CountAsync();
        Console.WriteLine($"Wrote {count:N0} households and {members:N0} members to {file} in {clock.Elapsed.TotalSeconds:N1} s");
        return 0;
    }

    /// <summary><c>demo --roster FILE [--households N]</c>: the same district as a roster workbook, for importing.</summary>
    public static async Task<int> WriteRosterAsync(int households, string file)
    {
        if (!file.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            await Console.Error.WriteLineAsync("台账文件须以 .xlsx 结尾");
            return 2;
        }
        var clock = Stopwatch.StartNew();
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
        int count;
        await using (var stream = File.Create(file))
        {
            count = DemoRoster.Write(stream, households, CommandLine.Clock.Today(), Domain.StatusPolicy.Default);
        }
        Console.WriteLine($"Wrote {count:N0} households as a roster workbook to {file} ({new FileInfo(file).Length / 1024 / 1024.0:N1} MB) in {clock.Elapsed.TotalSeconds:N1} s");
        return 0;
    }

    internal static ReliefDbContext Open(string file)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
        return new ReliefDbContext(new DbContextOptionsBuilder<ReliefDbContext>().UseSqlite($"Data Source={file}").Options);
    }
}
