using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using ReliefDashboard.Data;
using ReliefDashboard.Exports;
using ReliefDashboard.Figures;
using ReliefDashboard.Writes;

namespace ReliefDashboard.EndToEnd;

[Collection(EndToEndCollection.Name)]
public class PolishTests(AppFixture app)
{
    private async Task<int> QingshiHouseholdAsync()
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<ReliefDbContext>>().CreateDbContextAsync();
        var town = await db.Towns.Where(t => t.Name == "青石镇").Select(t => t.Id).SingleAsync();
        return await db.Households.Where(h => h.TownId == town).OrderBy(h => h.Id).Select(h => h.Id).Skip(3).FirstAsync();
    }

    [Fact]
    public async Task Escape_ClosesADialog_AndTheFocusReturnsToTheButtonThatOpenedIt()
    {
        var page = await app.SignedInPageAsync("demo.qingshi");
        await page.OpenAsync($"households/{await QingshiHouseholdAsync()}");
        var edit = page.Locator("[data-testid=edit-household]");
        await edit.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator(".mud-dialog")).ToHaveCountAsync(1);

        // The dialog listens for Escape once it has rendered; under load that can take a moment after it appears.
        for (var tries = 0; tries < 10 && await page.Locator(".mud-dialog").CountAsync() > 0; tries++)
        {
            await page.Keyboard.PressAsync("Escape");
            await page.WaitForTimeoutAsync(300);
        }

        await Assertions.Expect(page.Locator(".mud-dialog")).ToHaveCountAsync(0);
        await Assertions.Expect(edit).ToBeFocusedAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task TheSkipLink_IsTheFirstStop_AndTakesTheKeyboardToTheContent_WithAVisibleFocusRing()
    {
        var page = await app.SignedInPageAsync("demo.leader");
        await page.OpenAsync("households");
        // The keyboard starts at the top of the document, as after a page load.
        await page.EvaluateAsync("() => { document.body.tabIndex = -1; document.body.focus(); document.body.removeAttribute('tabindex'); }");

        await page.Keyboard.PressAsync("Tab");
        var focused = await page.EvaluateAsync<string>("() => (document.activeElement?.textContent ?? '').trim().slice(0, 40) + ' | ' + (document.activeElement?.className ?? '')");
        Assert.Contains("skip-link", focused);
        var skip = page.Locator("[data-testid=skip-link]");
        await Assertions.Expect(skip).ToBeFocusedAsync();
        Assert.True((await skip.BoundingBoxAsync())!.Y >= 0, "the focused skip link is on screen");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#main-content")).ToBeFocusedAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/households$"));

        // The next control gets a ring that can be seen, not a faint underline.
        await page.Keyboard.PressAsync("Tab");
        var outline = await page.EvaluateAsync<string>("() => { const s = getComputedStyle(document.activeElement); return s.outlineStyle + ' ' + s.outlineWidth; }");
        Assert.Equal("solid 3px", outline);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task EachChart_HasATableWithTheSameNumbers()
    {
        var page = await app.SignedInPageAsync("demo.leader");
        await page.OpenAsync("");
        await Assertions.Expect(page.Locator("#chart-league")).ToBeAttachedAsync();
        await Assertions.Expect(page.Locator("[role=img][aria-label^='各镇街达标率排名']")).ToHaveCountAsync(1);

        await page.Locator("[data-testid=chart-league-table-toggle]").ClickAsync();

        var rows = page.Locator("[data-testid=chart-league-table] tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(12);
        var figures = await app.Services.GetRequiredService<Figures.DashboardFeed>().GetAsync();
        var view = Features.Overview.DashboardView.For(figures, new Domain.UserScope("l", "领导", Domain.Roles.LeadingGroup, null, null));
        var best = view.Towns[0];
        await Assertions.Expect(rows.First.Locator("th")).ToHaveTextAsync(best.Town);
        await Assertions.Expect(rows.First.Locator("td").First).ToHaveTextAsync(best.Percent!.Value.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task TheLedger_ShowsItsVoucherColumn_On_A1366Screen()
    {
        var context = await app.Browser.NewContextAsync(new() { BaseURL = app.BaseUrl, Locale = "zh-CN", ViewportSize = new() { Width = 1366, Height = 768 } });
        var page = await context.NewPageAsync();
        await page.SignInAsync("demo.leader", AppFixture.DemoPassword);
        await page.WaitForCircuitAsync();
        await page.OpenAsync("benefits");

        var header = page.Locator("[data-testid=voucher-header]");
        await Assertions.Expect(header).ToBeVisibleAsync();
        var box = (await header.BoundingBoxAsync())!;
        var table = (await page.Locator("[data-testid=ledger-rows]").BoundingBoxAsync())!;
        Assert.True(box.X + box.Width <= 1366 && box.X + box.Width <= table.X + table.Width + 1,
            $"凭证号 ends at {box.X + box.Width}, the table at {table.X + table.Width}");
        var firstVoucher = page.Locator("[data-testid=ledger-rows] tbody tr").First.Locator("td.voucher");
        Assert.True((await firstVoucher.BoundingBoxAsync())!.X + 40 < 1366);
        await context.CloseAsync();
    }
}
