using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using ReliefDashboard.Data;
using ReliefDashboard.Exports;
using ReliefDashboard.Figures;
using ReliefDashboard.Writes;

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
        if (flag == 0)
        {
            // A flag to look at, raised as a supervisor would (the demo district starts with none).
            await using var scope = app.Services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<Features.Accounts.CurrentUser>().Override =
                new Domain.UserScope("a11y", "督查·无障碍检查", Domain.Roles.Supervisor, null, null);
            await using var db = await app.Services.GetRequiredService<IDbContextFactory<ReliefDbContext>>().CreateDbContextAsync();
            var town = await db.Households.Where(h => h.Id == household).Select(h => h.TownId).SingleAsync();
            var raised = await scope.ServiceProvider.GetRequiredService<Features.Supervision.FlagService>().RaiseAsync(new Features.Supervision.FlagInput(
                town, null, "无措施户未清零", Domain.IndicatorKind.NoMeasure, "限期清零", DateOnly.FromDateTime(DateTime.Today).AddDays(10), Domain.FlagSeverity.Serious, [household]));
            flag = raised.FlagId!.Value;
        }
        var page = await app.SignedInPageAsync("demo.supervisor");
        var report = new List<string>();
        var paths = new List<string> { "", "households", $"households/{household}", "scorecard", "flags", "flags/suggestions" };
        paths.Add($"flags/{flag}");
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
        await page.Context.CloseAsync();

        // Town staff's own pages: the dashboard with its sites, and a card with its edit buttons and an open dialog.
        var staff = await app.SignedInPageAsync("demo.qingshi");
        int own;
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<ReliefDbContext>>().CreateDbContextAsync())
        {
            var town = await db.Towns.Where(t => t.Name == "青石镇").Select(t => t.Id).SingleAsync();
            own = await db.Households.Where(h => h.TownId == town).OrderBy(h => h.Id).Select(h => h.Id).FirstAsync();
        }
        foreach (var path in new[] { "", $"households/{own}" })
        {
            await staff.OpenAsync(path);
            await staff.WaitForLoadStateAsync(LoadState.NetworkIdle);
            foreach (var v in (await staff.RunAxe()).Violations.Where(v => v.Impact is "serious" or "critical"))
            {
                report.Add($"town staff /{path}: {v.Id} ({v.Impact}) {v.Help} — {string.Join(" | ", v.Nodes.Take(4).Select(n => string.Join(",", n.Target) + " " + n.Html))}");
            }
        }
        await staff.Locator("[data-testid=edit-household]").ClickAsync();
        await Assertions.Expect(staff.Locator(".mud-dialog")).ToHaveCountAsync(1);
        foreach (var v in (await staff.RunAxe()).Violations.Where(v => v.Impact is "serious" or "critical"))
        {
            report.Add($"town staff edit dialog: {v.Id} ({v.Impact}) {v.Help} — {string.Join(" | ", v.Nodes.Take(4).Select(n => string.Join(",", n.Target) + " " + n.Html))}");
        }
        await staff.Context.CloseAsync();
        Assert.True(report.Count == 0, string.Join("\n", report));
    }
}
