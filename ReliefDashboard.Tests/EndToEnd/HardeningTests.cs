using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using ReliefDashboard.Data;
using ReliefDashboard.Exports;
using ReliefDashboard.Figures;
using ReliefDashboard.Writes;

namespace ReliefDashboard.EndToEnd;

[Collection(EndToEndCollection.Name)]
public class HardeningTests(AppFixture app)
{
    [Fact]
    public async Task AfterSignOut_AReplayedCookie_GetsTheLoginPage()
    {
        var page = await app.SignedInPageAsync("demo.leader");
        await page.OpenAsync("households");
        var saved = await page.Context.CookiesAsync();
        Assert.Contains(saved, c => c.Name == "relief.auth");

        await page.Locator("[data-testid=logout]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=signed-out]")).ToContainTextAsync("您已安全退出");

        // Someone who copied the cookie before sign-out brings it back at once.
        var thief = await app.NewPageAsync();
        await thief.Context.AddCookiesAsync(saved.Select(c => new Cookie
        {
            Name = c.Name,
            Value = c.Value,
            Domain = c.Domain,
            Path = c.Path,
            HttpOnly = c.HttpOnly,
            Secure = c.Secure,
            SameSite = c.SameSite,
        }));
        await thief.GotoAsync("households");
        await Assertions.Expect(thief).ToHaveURLAsync(new Regex("account/login"));
        await page.Context.CloseAsync();
        await thief.Context.CloseAsync();
    }

    [Fact]
    public async Task APageOnAnotherPort_CannotSignTheUserOut()
    {
        var page = await app.SignedInPageAsync("demo.supervisor");
        var appUri = new Uri(app.BaseUrl);
        var evil = $"http://{appUri.Host}:{(appUri.Port == 1 ? 2 : 1)}/";
        // A page of another origin on the same host (so the browser sends the cookie) that posts to sign-out.
        await page.Context.RouteAsync(evil + "**", route => route.FulfillAsync(new()
        {
            ContentType = "text/html; charset=utf-8",
            Body = $"<form id=f method=post action=\"{app.BaseUrl}account/logout\"></form><script>document.getElementById('f').submit()</script>",
        }));

        var response = await page.RunAndWaitForResponseAsync(() => page.GotoAsync(evil), r => r.Url.EndsWith("/account/logout", StringComparison.Ordinal));

        Assert.Equal(400, response.Status);
        Assert.Contains("退出请求无效", await response.TextAsync());
        await page.OpenAsync("households");
        await Assertions.Expect(page.Locator("[data-testid=signed-in-as]")).ToContainTextAsync("督查");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task TheDemoDatabase_SaysSoOnEveryPage()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("account/login");
        await Assertions.Expect(page.Locator("[data-testid=demo-banner]")).ToContainTextAsync("演示数据");
        await page.SignInAsync("demo.qingshi", AppFixture.DemoPassword);
        await page.WaitForCircuitAsync();
        foreach (var path in new[] { "", "households", "scorecard", "flags" })
        {
            await page.OpenAsync(path);
            await Assertions.Expect(page.Locator("[data-testid=demo-banner]")).ToContainTextAsync("演示数据");
        }
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task TheMainPages_RunUnderTheContentSecurityPolicy_WithoutAViolation()
    {
        int household;
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<ReliefDbContext>>().CreateDbContextAsync())
        {
            household = await db.Households.OrderBy(h => h.Id).Select(h => h.Id).FirstAsync();
        }
        var page = await app.SignedInPageAsync("demo.admin");
        var before = app.CspViolations.Count;
        foreach (var path in new[] { "", "households", $"households/{household}", "scorecard", "flags", "benefits", "implementation", "admin/backups", "settings/policy" })
        {
            await page.OpenAsync(path);
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        }
        // The dashboard's charts are drawn by Plotly under the policy too.
        await page.OpenAsync("");
        await Assertions.Expect(page.Locator(".js-plotly-plot").First).ToBeVisibleAsync();
        Assert.Equal(before, app.CspViolations.Count);
        Assert.Empty(app.CspViolations);
        await page.Context.CloseAsync();

        // The watch is real: an inline script on one of the app's pages is refused and reported.
        var control = await (await app.Browser.NewContextAsync(new() { BaseURL = app.BaseUrl })).NewPageAsync();
        var seen = new List<string>();
        control.Console += (_, m) => seen.Add(m.Text);
        await control.GotoAsync("account/login");
        await control.EvaluateAsync("() => { const s = document.createElement('script'); s.textContent = 'window.injected = 1'; document.body.appendChild(s); }");
        await control.WaitForTimeoutAsync(300);
        Assert.Contains(seen, t => t.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase));
        Assert.Null(await control.EvaluateAsync<int?>("() => window.injected ?? null"));
        await control.Context.CloseAsync();
    }

    [Fact]
    public async Task TheAdministrator_TakesABackup_AndSeesItListedWithItsSize()
    {
        var page = await app.SignedInPageAsync("demo.admin");
        await page.OpenAsync("admin/backups");
        await page.Locator("[data-testid=backup-now]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=backups] tbody tr").First).ToContainTextAsync(app.BackupDirectory);
        await Assertions.Expect(page.Locator("[data-testid=last-backup]")).ToContainTextAsync(new Regex(@"relief-\d{8}-\d{6}.*\.db · [\d.]+ (MB|KB)"));
        await Assertions.Expect(page.Locator("[data-testid=last-check]")).ToContainTextAsync("通过");
        await page.Context.CloseAsync();
    }
}
