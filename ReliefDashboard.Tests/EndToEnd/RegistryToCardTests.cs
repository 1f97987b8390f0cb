using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ReliefDashboard.Data;
using ReliefDashboard.Exports;
using ReliefDashboard.Figures;
using ReliefDashboard.Writes;

namespace ReliefDashboard.EndToEnd;

[Collection(EndToEndCollection.Name)]
public class RegistryToCardTests(AppFixture app)
{
    [Fact]
    public async Task StaffGiveANoMeasureHousehold_AStableJob_AndTheStatusBecomesMet()
    {
        var page = await app.SignedInPageAsync("demo.supervisor");
        await page.OpenAsync("households");
        // Every household of the district (2,524 in the demo, more once another test has imported some).
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<ReliefDbContext>>().CreateDbContextAsync())
        {
            Assert.Equal((await db.Households.CountAsync()).ToString("N0", CultureInfo.InvariantCulture), await page.Locator("[data-testid=total]").TextContentAsync());
        }
        await page.Context.CloseAsync();

        // Town staff keep their own town's records right.
        page = await app.SignedInPageAsync("demo.mayuan");
        await page.OpenAsync("households");

        await page.ChooseAsync(page.Locator("[data-testid=filter-town]"), "麻塬镇");
        await page.Locator("[data-testid=status-counts] [data-status=NoMeasure]").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("status=NoMeasure"));
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("town=\\d+"));
        await page.Locator("[data-sort=verified]").ClickAsync();
        await page.Locator("[data-sort=verified]").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("sort=verified&desc=true"));
        var rows = page.Locator("tr[data-household]");
        await Assertions.Expect(rows.First).ToContainTextAsync("无措施");
        // The URL changes before the table redraws: wait for the newest visit to reach the top before reading it.
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<ReliefDbContext>>().CreateDbContextAsync())
        {
            var newest = await db.Households.Where(h => h.Town!.Name == "麻塬镇" && h.Status == Domain.HouseholdStatus.NoMeasure).MaxAsync(h => h.LastVerifiedOn);
            await Assertions.Expect(rows.First.Locator("td:last-child")).ToHaveTextAsync(newest!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
        Assert.All(await rows.Locator("td:nth-child(4)").AllTextContentsAsync(), t => Assert.Equal("麻塬镇", t.Trim()));
        var verified = DateOnly.ParseExact((await rows.First.Locator("td:last-child").TextContentAsync())!.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture);
        Assert.True(verified >= DateOnly.FromDateTime(DateTime.Today).AddDays(-90), "the most recently verified No-measure household was visited within 90 days");

        var code = await rows.First.GetAttributeAsync("data-household");
        await rows.First.Locator("a").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/households/\\d+$"));
        await Assertions.Expect(page.Locator("[data-testid=status-explanation]")).ToContainTextAsync("无措施");

        await page.Locator("[data-testid=add-employment]").ClickAsync();
        var dialog = page.Locator(".mud-dialog");
        await page.ChooseAsync(dialog.Locator("[data-testid=employment-channel]"), "2. 园区用工就业");
        await dialog.Locator("input[data-testid=employment-employer]").FillAsync("新动能电子科技有限公司");
        await dialog.Locator("input[data-testid=employment-park]").FillAsync("新动能产业园区");
        await dialog.Locator("input[data-testid=employment-contract]").FillAsync("12");
        await dialog.Locator("input[data-testid=employment-pay]").FillAsync("3200");
        await dialog.Locator("input[data-testid=employment-start]").TypeDateAsync(DateTime.Today.AddDays(-2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await dialog.Locator("[data-testid=save]").ClickAsync();

        await Assertions.Expect(page.Locator("[data-testid=status-explanation]")).ToContainTextAsync("达标");
        await Assertions.Expect(page.Locator("[data-testid=status-explanation]")).ToContainTextAsync("签订 12 个月合同");

        await page.ReloadLiveAsync();
        await Assertions.Expect(page.Locator("[data-testid=status-explanation]")).ToContainTextAsync("达标：");
        var history = page.Locator("[data-testid=history]");
        await Assertions.Expect(history).ToContainTextAsync("新动能电子科技有限公司");
        await Assertions.Expect(history.Locator("tr").Filter(new() { HasText = "达标状态" })).ToContainTextAsync("无措施");

        await page.OpenAsync($"households?q={code}");
        await Assertions.Expect(page.Locator($"tr[data-household='{code}'] .status-chip")).ToHaveTextAsync("达标");
        await page.Context.CloseAsync();
    }
}
