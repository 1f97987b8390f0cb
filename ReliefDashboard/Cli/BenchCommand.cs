using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using ReliefDashboard.Data;
using ReliefDashboard.Domain;
using ReliefDashboard.Features.Households;

namespace ReliefDashboard.Cli;

/// <summary>
/// Times what a person waits for in the registry (a page change, a filter, a sort, a search) against a
/// district of the given size, and prints median and worst times and the process's peak memory.
/// </summary>
public static class BenchCommand
{
    public static async Task<int> RunAsync(int? households, string? file, int runs)
    {
        if (file is null)
        {
            var size = households ?? 100_000;
            file = Data.DatabaseSetup.ResolvePath($"data/bench-{size}.db", Directory.GetCurrentDirectory());
            if (!File.Exists(file))
            {
                Console.WriteLine($"Building {size:N0} households into {file} …");
                var built = await DemoCommand.RunAsync(size, file);
                if (built != 0)
                {
                    return built;
                }
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
            Console.WriteLine($"District: {await db.Households.CountAsync():N0} households, {await db.Members.CountAsync():N0} members ({file})");
        }
        var registry = new HouseholdRegistryService(factory,
            new Features.Accounts.CurrentUser(EmptyServices.Instance) { Override = UserScope.System("基准测试") });
        var lagging = await FirstTownAsync(factory);
        var sampleId = await SampleIdFragmentAsync(factory);

        var cases = new (string Name, RegistryQuery Query)[]
        {
            ("first page, default sort", new RegistryQuery()),
            ("page change (page 500)", new RegistryQuery { Page = 500 }),
            ("last page", new RegistryQuery { Page = 1_000_000 / 20 }),
            ("filter town + No measure", new RegistryQuery { TownId = lagging, Status = HouseholdStatus.NoMeasure }),
            ("filter status At risk", new RegistryQuery { Status = HouseholdStatus.AtRisk }),
            ("filter channel 6 (PV)", new RegistryQuery { Channel = Channel.Photovoltaic }),
            ("filter no labour", new RegistryQuery { HasLabour = false }),
            ("sort by head, descending", new RegistryQuery { Sort = RegistrySort.Head, Descending = true }),
            ("sort by last verified", new RegistryQuery { Sort = RegistrySort.Verified }),
            ("sort by members", new RegistryQuery { Sort = RegistrySort.Members, Descending = true }),
            ("search name 王建军", new RegistryQuery { Search = "王建军" }),
            ("search household code", new RegistryQuery { Search = "610623005000123" }),
            ("search ID number, last 8", new RegistryQuery { Search = sampleId[^8..] }),
            ("search whole ID number", new RegistryQuery { Search = sampleId }),
        };

        Console.WriteLine($"{"registry query",-32} {"median ms",10} {"max ms",10} {"rows",8}");
        foreach (var (name, query) in cases)
        {
            var times = new List<double>();
            var total = 0;
            for (var i = 0; i < runs + 1; i++)
            {
                var watch = Stopwatch.StartNew();
                var result = await registry.SearchAsync(query);
                watch.Stop();
                total = result.Total;
                if (i > 0)
                {
                    times.Add(watch.Elapsed.TotalMilliseconds);
                }
            }
            times.Sort();
            Console.WriteLine($"{name,-32} {times[times.Count / 2],10:N1} {times[^1],10:N1} {total,8:N0}");
        }
        Console.WriteLine($"Peak working set: {Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024.0:N0} MB");
        return 0;
    }

    private static async Task<int> FirstTownAsync(IDbContextFactory<ReliefDbContext> factory)
    {
        await using var db = await factory.CreateDbContextAsync();
        return await db.Towns.Where(t => t.Name == "麻塬镇").Select(t => t.Id).FirstOrDefaultAsync();
    }

    private static async Task<string> SampleIdFragmentAsync(IDbContextFactory<ReliefDbContext> factory)
    {
        await using var db = await factory.CreateDbContextAsync();
        var id = await db.Members.OrderBy(m => m.Id).Skip(1000).Select(m => m.IdNumber).FirstAsync();
        return id;
    }

    private sealed class EmptyServices : IServiceProvider
    {
        public static readonly EmptyServices Instance = new();

        public object? GetService(Type serviceType) => null;
    }

    private sealed class FileContextFactory(string file) : IDbContextFactory<ReliefDbContext>
    {
        public ReliefDbContext CreateDbContext() => DemoCommand.Open(file);
    }
}
