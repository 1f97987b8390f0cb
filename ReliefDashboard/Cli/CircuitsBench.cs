using System.Diagnostics;
using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using ReliefDashboard.Data;
using ReliefDashboard.Domain;
using ReliefDashboard.Features.Accounts;
using ReliefDashboard.Features.Field;

namespace ReliefDashboard.Cli;

/// <summary>
/// <c>bench --only circuits --dashboards N</c>: the app hosted in this process on a loopback port over a fresh demo
/// district (or <c>--db FILE</c>), and N leaders' dashboards opened in headless Chromium, each one a Blazor circuit.
/// Prints the managed heap after a full collection and the process's resident memory at 1, 10 and N open dashboards,
/// and their growth per circuit; then records visits through the same service the visit form uses, one at a time, and
/// times from each visit's commit to the moment every open dashboard shows the changed 有风险 tile.
/// </summary>
public static class CircuitsBench
{
    private const string AtRiskValue = "document.querySelector('[data-testid=tile-at-risk] [data-testid=value]')";

    public static async Task<int> RunAsync(int dashboards, int saves, string? file, int holdSeconds = 0)
    {
        var dir = Directory.CreateTempSubdirectory("relief-circuits-");
        var db = file ?? Path.Combine(dir.FullName, "relief.db");
        var (app, _) = AppComposition.Build(["--urls", "http://127.0.0.1:0"], b =>
        {
            b.Configuration["ConnectionStrings:Relief"] = $"Data Source={db}";
            b.Configuration["Demo:Create"] = file is null ? "true" : "false";
            b.Configuration["Backup:Directory"] = Path.Combine(dir.FullName, "backups");
            b.Environment.EnvironmentName = "Production";
            b.Logging.SetMinimumLevel(LogLevel.Warning).AddFilter("Microsoft.AspNetCore.Components.Server.Circuits", LogLevel.None);
        });
        await using (app)
        {
            await app.StartAsync();
            try
            {
                await MeasureAsync(app, dashboards, saves, holdSeconds);
            }
            finally
            {
                await app.StopAsync();
            }
        }
        dir.Delete(recursive: true);
        return 0;
    }

    private static async Task MeasureAsync(WebApplication app, int dashboards, int saves, int holdSeconds)
    {
        {
            var baseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
            await using var browser = await Chromium.LaunchAsync();
            var cookies = await StartBench.SignInAsync(baseUrl, "demo.leader");
            await browser.SendAsync("Storage.setCookies", new
            {
                cookies = cookies.GetAllCookies().Select(c => new { name = c.Name, value = c.Value, domain = "127.0.0.1", path = c.Path, httpOnly = c.HttpOnly }).ToArray(),
            });

            // One dashboard opened and the collection settled first, so what is counted is the circuits, not the
            // first render's JIT, caches and pools.
            var pages = new List<string>();
            Console.WriteLine($"{"open leaders' dashboards",-28} {"managed heap MB",16} {"resident MB",12}");
            var steps = new[] { 1, Math.Min(10, dashboards), dashboards }.Distinct().Order().ToArray();
            var figures = new List<(int Open, double Heap, double Rss)>();
            foreach (var open in steps)
            {
                while (pages.Count < open)
                {
                    pages.Add(await OpenDashboardAsync(browser, baseUrl));
                }
                await Task.Delay(2000);
                var (heap, rss) = Weigh();
                figures.Add((open, heap, rss));
                Console.WriteLine($"{open,-28} {heap,16:N1} {rss,12:N1}");
            }
            if (figures.Count > 1)
            {
                var (first, last) = (figures[0], figures[^1]);
                var circuits = last.Open - first.Open;
                Console.WriteLine($"{"per circuit (1 → " + last.Open + ")",-28} {(last.Heap - first.Heap) * 1024 / circuits,13:N0} KB {(last.Rss - first.Rss) * 1024 / circuits,9:N0} KB");
            }

            if (holdSeconds > 0)
            {
                // Time to take a heap snapshot of this process with every dashboard open (dotnet-gcdump collect -p PID).
                Console.WriteLine($"进程 {Environment.ProcessId} 保持 {holdSeconds} 秒，所有仪表盘保持打开");
                await Task.Delay(TimeSpan.FromSeconds(holdSeconds));
            }
            await LivePushAsync(app.Services, browser, pages, saves);
        }
    }

    private static async Task<string> OpenDashboardAsync(Chromium browser, string baseUrl)
    {
        var page = await browser.OpenAsync(baseUrl + "/");
        var watch = Stopwatch.StartNew();
        while (!await ReadyAsync())
        {
            if (watch.Elapsed > TimeSpan.FromSeconds(60))
            {
                throw new TimeoutException("仪表盘一分钟内未连接");
            }
            await Task.Delay(100);
        }
        return page;

        async Task<bool> ReadyAsync()
        {
            try
            {
                return await browser.EvaluateAsync(page, $"!!document.getElementById('circuit-ready') && !!{AtRiskValue}") is { } ready && ready.GetValue<bool>();
            }
            catch (InvalidOperationException)
            {
                return false; // the page is still between documents (sign-in redirect, first load)
            }
        }
    }

    private static (double HeapMb, double RssMb) Weigh()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        using var self = Process.GetCurrentProcess();
        return (GC.GetTotalMemory(false) / 1024.0 / 1024.0, self.WorkingSet64 / 1024.0 / 1024.0);
    }

    /// <summary>
    /// Each page notes, in the browser's own clock (the same machine's), when its 有风险 tile changes and to what; each
    /// visit makes one unvisited at-risk household met, so the k-th save is seen when the tile reads the count less k.
    /// </summary>
    private static async Task LivePushAsync(IServiceProvider services, Chromium browser, List<string> pages, int saves)
    {
        const string Watch = """
            (() => {
              window.__changes = [];
              const tile = document.querySelector('[data-testid=tile-at-risk]');
              new MutationObserver(() => window.__changes.push([performance.timeOrigin + performance.now(),
                tile.querySelector('[data-testid=value]').textContent])).observe(tile, { subtree: true, childList: true, characterData: true });
              return tile.querySelector('[data-testid=value]').textContent;
            })()
            """;
        var before = 0;
        foreach (var page in pages)
        {
            before = int.Parse((await browser.EvaluateAsync(page, Watch))!.GetValue<string>(), NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
        }

        var factory = services.GetRequiredService<IDbContextFactory<ReliefDbContext>>();
        List<(int Id, int Version, int TownId)> households;
        await using (var db = await factory.CreateDbContextAsync())
        {
            households = (await db.Households.Where(h => h.StatusRule == "at-risk-unverified").OrderBy(h => h.Id).Take(saves)
                .Select(h => new { h.Id, h.Version, h.TownId }).ToListAsync()).Select(h => (h.Id, h.Version, h.TownId)).ToList();
        }
        var clock = services.GetRequiredService<TimeProvider>();
        var commits = new List<double>();
        var serverCpu = Process.GetCurrentProcess().TotalProcessorTime;
        var browserCpu = browser.CpuSeconds();
        foreach (var (id, version, townId) in households)
        {
            await using var scope = services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<CurrentUser>().Override = new UserScope("bench", "基准测试", Roles.TownStaff, townId, null);
            var result = await scope.ServiceProvider.GetRequiredService<VisitService>().RecordAsync(new VisitInput
            {
                HouseholdId = id,
                Version = version,
                VisitedOn = clock.Today().ToDateTime(TimeOnly.MinValue),
                Kind = VisitKind.Visit,
                MetWith = "户主",
                Findings = "基准测试走访：户主在家，就业稳定",
            }, []);
            commits.Add(clock.GetUtcNow().ToUnixTimeMilliseconds());
            if (!result.Ok)
            {
                throw new InvalidOperationException("走访未保存：" + string.Join("；", result.Errors));
            }
            // Saves a person apart, as clerks make them, with the odd two close together.
            await Task.Delay(commits.Count % 5 == 0 ? 100 : 700);
        }
        await Task.Delay(3000);
        var serverSeconds = (Process.GetCurrentProcess().TotalProcessorTime - serverCpu).TotalSeconds;
        var browserSeconds = browser.CpuSeconds() - browserCpu;

        var latencies = new List<double>();
        var missed = 0;
        foreach (var page in pages)
        {
            var changes = (await browser.EvaluateAsync(page, "window.__changes"))!.AsArray()
                .Select(c => (At: c![0]!.GetValue<double>(), Text: c[1]!.GetValue<string>())).ToList();
            for (var k = 0; k < commits.Count; k++)
            {
                // A burst may skip a count: the first change at or past this save's figure is when the page showed it.
                var seen = changes.Where(c => int.Parse(c.Text, NumberStyles.AllowThousands, CultureInfo.InvariantCulture) <= before - k - 1)
                    .Select(c => (double?)c.At).FirstOrDefault();
                if (seen is null)
                {
                    missed++;
                    continue;
                }
                latencies.Add(Math.Max(0, seen.Value - commits[k]));
            }
        }
        latencies.Sort();
        Console.WriteLine();
        Console.WriteLine($"live push, {commits.Count} visits × {pages.Count} open dashboards (commit → tile changed on the page)");
        if (latencies.Count == 0)
        {
            Console.WriteLine("no page showed any change");
            return;
        }
        Console.WriteLine($"  p50 {Pct(0.50):N0} ms   p95 {Pct(0.95):N0} ms   max {latencies[^1]:N0} ms   not seen {missed}");
        Console.WriteLine($"  CPU per visit per dashboard: server {serverSeconds * 1000 / commits.Count / pages.Count:N1} ms, browser {browserSeconds * 1000 / commits.Count / pages.Count:N1} ms");

        double Pct(double p) => latencies[Math.Min(latencies.Count - 1, (int)Math.Ceiling(p * latencies.Count) - 1)];
    }
}
