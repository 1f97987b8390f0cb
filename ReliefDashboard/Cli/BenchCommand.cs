using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using ReliefDashboard.Data;
using ReliefDashboard.Domain;
using ReliefDashboard.Exports;
using ReliefDashboard.Features.Households;
using ReliefDashboard.Features.Overview;
using ReliefDashboard.Figures;
using ReliefDashboard.Writes;

namespace ReliefDashboard.Cli;

/// <summary>
/// Times what people wait for against a district of the given size: every number and chart of the dashboard
/// (the shared recomputation and each user's view of it), and the registry's page changes, filters, sorts and
/// searches. Prints median and worst times and the peak memory of this process.
/// </summary>
public static class BenchCommand
{
    public static async Task<int> RunAsync(int? households, string? file, int runs, string? only, int clerks = 20, int seconds = 30, int dashboards = 30, int holdSeconds = 0)
    {
        if (only is not (null or "dashboard" or "scorecard" or "registry" or "benefits" or "import" or "writes" or "verification" or "start" or "circuits"))
        {
            await Console.Error.WriteLineAsync($"--only 须为 dashboard、scorecard、registry、benefits、import、writes、verification、start 或 circuits，收到“{only}”");
            return 2;
        }
        if (only == "circuits")
        {
            if (dashboards is < 1 or > 200)
            {
                await Console.Error.WriteLineAsync($"--dashboards 须在 1 至 200 之间，收到 {dashboards}");
                return 2;
            }
            return await CircuitsBench.RunAsync(dashboards, saves: 20, file, holdSeconds);
        }
        if (only == "start")
        {
            return await StartBench.RunAsync(Math.Min(runs, 5));
        }
        if (only == "verification")
        {
            var district = file ?? await BuildAsync(households ?? 1_000_000);
            return district is null ? 1 : await VerificationBench.RunAsync(district);
        }
        if (only == "writes")
        {
            var built = file ?? await BuildAsync(households ?? 100_000);
            return built is null ? 1 : await WritesBench.RunAsync(built, clerks, seconds);
        }
        if (only == "import")
        {
            return await ImportBench.RunAsync(households ?? 100_000);
        }
        if (file is null)
        {
            var size = households ?? 100_000;
            file = await BuildAsync(size);
            if (file is null)
            {
                return 1;
            }
        }
        else if (!File.Exists(file))
        {
            await Console.Error.WriteLineAsync($"找不到数据库文件 {file}");
            return 2;
        }

        var factory = new FileContextFactory(file);
        await using (var db = factory.CreateDbContext())
        {
            await db.Database.MigrateAsync();
            Console.WriteLine($"District: {await db.Households.CountAsync():N0} households, {await db.Members.CountAsync():N0} members, "
                + $"{await db.FigureMonths.CountAsync()} month-ends ({file})");
        }
        if (only is null or "dashboard")
        {
            await DashboardBench.RunAsync(factory, file, runs, await FirstTownAsync(factory));
        }
        if (only is null or "scorecard")
        {
            await ScorecardBench.RunAsync(factory, runs);
        }
        if (only is null or "registry")
        {
            await RegistryAsync(factory, file, runs);
        }
        if (only is null or "benefits")
        {
            await BenefitsBench.RunAsync(factory, runs);
        }
        Console.WriteLine($"Peak working set of this process: {Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024.0:N0} MB");
        return 0;
    }

    /// <summary>
    /// The district is built by a child process, so this process's peak memory is the benchmark's own. The file
    /// name carries the newest migration: a schema change builds a fresh district instead of timing a stale one.
    /// </summary>
    private static async Task<string?> BuildAsync(int size)
    {
        string migration;
        await using (var probe = DemoCommand.Open(":memory:"))
        {
            migration = probe.Database.GetMigrations().Last();
        }
        var dir = DatabaseSetup.ResolvePath("data", Directory.GetCurrentDirectory());
        var file = Path.Combine(dir, $"bench-{size}-{migration}.db");
        if (File.Exists(file))
        {
            return file;
        }
        foreach (var stale in Directory.EnumerateFiles(dir, $"bench-{size}*.db*"))
        {
            File.Delete(stale);
        }
        Console.WriteLine($"Building {size:N0} households into {file} (one time) …");
        var self = Environment.ProcessPath!;
        var start = new ProcessStartInfo(self) { UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            start.ArgumentList.Add(typeof(BenchCommand).Assembly.Location);
        }
        foreach (var arg in new[] { "demo", "--households", size.ToString(System.Globalization.CultureInfo.InvariantCulture), "--db", file })
        {
            start.ArgumentList.Add(arg);
        }
        using var child = Process.Start(start)!;
        await child.WaitForExitAsync();
        return child.ExitCode == 0 ? file : null;
    }

    private static async Task RegistryAsync(IDbContextFactory<ReliefDbContext> factory, string file, int runs)
    {
        var registry = new HouseholdRegistryService(factory,
            new Features.Accounts.CurrentUser(EmptyServices.Instance) { Override = UserScope.System("基准测试") }, CommandLine.Clock);
        var lagging = await FirstTownAsync(factory);
        var sampleId = await SampleIdAsync(factory);
        var sampleCode = await SampleCodeAsync(factory);
        const string Page = "SELECT h.Id, h.Code, h.HeadName, h.Status FROM Households h";
        const int Pv = 1 << (int)Channel.Photovoltaic;

        // Beside each, the single statement that gives the same page on the same file (the counts by status come
        // from the kept sums, a few hundred rows): how close the registry gets to what SQLite needs at the least.
        var cases = new (string Name, RegistryQuery Query, string Sql)[]
        {
            ("first page, default sort", new RegistryQuery(), $"{Page} ORDER BY h.Code LIMIT 20"),
            ("page change (page 500)", new RegistryQuery { Page = 500 }, $"{Page} ORDER BY h.Code LIMIT 20 OFFSET 9980"),
            ("last page", new RegistryQuery { Page = 1_000_000 / 20 }, $"{Page} ORDER BY h.Code LIMIT 20 OFFSET 999980"),
            ("filter town + No measure", new RegistryQuery { TownId = lagging, Status = HouseholdStatus.NoMeasure },
                $"{Page} WHERE h.TownId = {lagging} AND h.Status = {(int)HouseholdStatus.NoMeasure} ORDER BY h.Code LIMIT 20"),
            ("filter status At risk", new RegistryQuery { Status = HouseholdStatus.AtRisk }, $"{Page} WHERE h.Status = {(int)HouseholdStatus.AtRisk} ORDER BY h.Code LIMIT 20"),
            ("filter channel 6 (PV)", new RegistryQuery { Channel = Channel.Photovoltaic }, $"{Page} WHERE (h.ChannelMask & {Pv}) != 0 ORDER BY h.Code LIMIT 20"),
            ("filter no labour", new RegistryQuery { HasLabour = false }, $"{Page} WHERE h.HasLabour = 0 ORDER BY h.Code LIMIT 20"),
            ("gap: unmet", new RegistryQuery { Gap = RegistryGap.Unmet },
                $"{Page} WHERE h.Status IN ({(int)HouseholdStatus.NoMeasure}, {(int)HouseholdStatus.InProgress}) ORDER BY h.Code LIMIT 20"),
            ("gap: idle labour", new RegistryQuery { Gap = RegistryGap.IdleLabour }, $"{Page} WHERE h.EmployedLabourMembers < h.LabourMembers ORDER BY h.Code LIMIT 20"),
            ("gap: no local job", new RegistryQuery { Gap = RegistryGap.NoLocalJob }, $"{Page} WHERE h.HasLabour AND h.LocalLabourMembers = 0 ORDER BY h.Code LIMIT 20"),
            ("gap: not visited in the window", new RegistryQuery { Gap = RegistryGap.Unverified },
                $"{Page} WHERE h.LastVerifiedOn IS NULL OR h.LastVerifiedOn < date('now', '-90 days') ORDER BY h.Code LIMIT 20"),
            ("sort by head, descending", new RegistryQuery { Sort = RegistrySort.Head, Descending = true }, $"{Page} ORDER BY h.HeadName DESC, h.Id LIMIT 20"),
            ("sort by last verified", new RegistryQuery { Sort = RegistrySort.Verified }, $"{Page} ORDER BY h.LastVerifiedOn, h.Code LIMIT 20"),
            ("sort by members", new RegistryQuery { Sort = RegistrySort.Members, Descending = true }, $"{Page} ORDER BY h.MemberCount DESC, h.Code LIMIT 20"),
            ("search name 王建军", new RegistryQuery { Search = "王建军" },
                $"{Page} WHERE h.Id IN (SELECT HouseholdId FROM HouseholdSearch WHERE HouseholdSearch MATCH '\"王建军\"') ORDER BY h.Code LIMIT 20"),
            ("search given name 建军 (two characters)", new RegistryQuery { Search = "建军" },
                $"{Page} WHERE h.Id IN (SELECT HouseholdId FROM NameSearch WHERE NameSearch MATCH '\"建 军\"') ORDER BY h.Code LIMIT 20"),
            ("search surname 王 (one character)", new RegistryQuery { Search = "王" },
                $"{Page} WHERE h.Id IN (SELECT HouseholdId FROM NameSearch WHERE NameSearch MATCH '\"王\"') ORDER BY h.Code LIMIT 20"),
            ("search household code", new RegistryQuery { Search = sampleCode }, $"{Page} WHERE h.Code = '{sampleCode}'"),
            ("search ID number, last 8", new RegistryQuery { Search = sampleId[^8..] },
                $"{Page} WHERE h.Id IN (SELECT HouseholdId FROM HouseholdSearch WHERE HouseholdSearch MATCH '\"{sampleId[^8..]}\"') ORDER BY h.Code LIMIT 20"),
            ("search whole ID number", new RegistryQuery { Search = sampleId }, $"{Page} WHERE h.Id IN (SELECT HouseholdId FROM Members WHERE IdNumber = '{sampleId}')"),
        };

        Console.WriteLine();
        Console.WriteLine(BenchLimit.Header("registry query (counts + page)"));
        using var limit = new BenchLimit(file);
        foreach (var (name, query, sql) in cases)
        {
            await limit.TimeAsync(name, runs, async () => $"{(await registry.SearchAsync(query)).Total:N0} rows", sql);
        }
    }

    private static async Task<string> SampleCodeAsync(IDbContextFactory<ReliefDbContext> factory)
    {
        await using var db = await factory.CreateDbContextAsync();
        return await db.Households.OrderBy(h => h.Id).Skip(123).Select(h => h.Code).FirstAsync();
    }

    internal static async Task<int> FirstTownAsync(IDbContextFactory<ReliefDbContext> factory)
    {
        await using var db = await factory.CreateDbContextAsync();
        return await db.Towns.Where(t => t.Name == "麻塬镇").Select(t => t.Id).FirstOrDefaultAsync();
    }

    private static async Task<string> SampleIdAsync(IDbContextFactory<ReliefDbContext> factory)
    {
        await using var db = await factory.CreateDbContextAsync();
        return await db.Members.OrderBy(m => m.Id).Skip(1000).Select(m => m.IdNumber).FirstAsync();
    }

    internal sealed class EmptyServices : IServiceProvider
    {
        public static readonly EmptyServices Instance = new();

        public object? GetService(Type serviceType) => null;
    }

    internal sealed class FileContextFactory(string file) : IDbContextFactory<ReliefDbContext>
    {
        public ReliefDbContext CreateDbContext() => DemoCommand.Open(file);
    }
}
