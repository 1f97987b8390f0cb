using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using ReliefDashboard.Data;

namespace ReliefDashboard.EndToEnd;

[Collection(EndToEndCollection.Name)]
public class AccessibilityTests(AppFixture app)
{
    [Fact]
    public async Task TheMainPages_HaveNoSeriousOrCriticalAxeViolations()
    {
        int household, flag;
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<ReliefDbContext>>().CreateDbContextAsync())
        {
            household = await db.Households.OrderBy(h => h.Id).Select(h => h.Id).FirstAsync();
            flag = await db.Flags.OrderBy(f => f.Id).Select(f => f.Id).FirstOrDefaultAsync();
        }
        var page = await app.SignedInPageAsync("demo.supervisor");
        var report = new List<string>();
        var paths = new List<string> { "", "households", $"households/{household}", "scorecard", "flags" };
        if (flag != 0)
        {
            paths.Add($"flags/{flag}");
        }
        foreach (var path in paths)
        {
            await page.OpenAsync(path);
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            var result = await page.RunAxe();
            foreach (var v in result.Violations.Where(v => v.Impact is "serious" or "critical"))
            {
                report.Add($"/{path}: {v.Id} ({v.Impact}) {v.Help} — {string.Join(" | ", v.Nodes.Take(4).Select(n => string.Join(",", n.Target) + " " + n.Html))}");
            }
        }
        Assert.True(report.Count == 0, string.Join("\n", report));
        await page.Context.CloseAsync();
    }
}
