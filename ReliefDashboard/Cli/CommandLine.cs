using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using ReliefDashboard.Data;
using ReliefDashboard.Data.Demo;

namespace ReliefDashboard.Cli;

/// <summary>Operator commands: <c>demo --households N --db FILE</c> builds a district into a new database file.</summary>
public static class CommandLine
{
    public static async Task<bool> TryRunAsync(string[] args)
    {
        if (args.Length == 0 || args[0] != "demo")
        {
            return false;
        }
        var households = int.Parse(Option(args, "--households") ?? DemoDistrictGenerator.DistrictHouseholds.ToString(), System.Globalization.CultureInfo.InvariantCulture);
        var file = Option(args, "--db") ?? "data/demo.db";
        if (households < 1)
        {
            Console.Error.WriteLine("--households 必须为正整数");
            Environment.ExitCode = 2;
            return true;
        }
        if (File.Exists(file))
        {
            Console.Error.WriteLine($"{file} 已存在；请先删除或换一个文件名。");
            Environment.ExitCode = 2;
            return true;
        }
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
        var options = new DbContextOptionsBuilder<ReliefDbContext>().UseSqlite($"Data Source={file}").Options;
        await using var db = new ReliefDbContext(options);
        var clock = Stopwatch.StartNew();
        await db.Database.MigrateAsync();
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        var count = await DemoDataLoader.LoadAsync(db, households, DateOnly.FromDateTime(DateTime.Today));
        var members = await db.Members.CountAsync();
        Console.WriteLine($"Wrote {count:N0} households and {members:N0} members to {file} in {clock.Elapsed.TotalSeconds:N1} s");
        return true;
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
