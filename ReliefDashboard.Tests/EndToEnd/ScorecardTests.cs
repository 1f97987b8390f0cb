using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace ReliefDashboard.EndToEnd;

[Collection(EndToEndCollection.Name)]
public class ScorecardTests(AppFixture app)
{
    [Fact]
    public async Task ASupervisor_KeepsTheTownsBelowAverage_AndDrillsFromARedCellToItsHouseholds()
    {
        var page = await app.SignedInPageAsync("demo.supervisor");
        await page.OpenAsync("scorecard");
        var rows = page.Locator("[data-testid=score-table] tbody tr[data-town]");
        await Assertions.Expect(rows).ToHaveCountAsync(12);

        await page.Locator("[data-testid=below-average]").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("below=True"));
        await Assertions.Expect(rows).Not.ToHaveCountAsync(12);
        var kept = await rows.CountAsync();
        Assert.InRange(kept, 1, 11);
        Assert.All(await rows.EvaluateAllAsync<string[]>("rs => rs.map(r => r.dataset.belowAverage)"), v => Assert.Equal("true", v));

        // A red attainment cell of a lagging town: its title gives the numerator and denominator.
        var cell = page.Locator("tr[data-town] td[data-indicator=Attainment][data-band=Red]").First;
        var town = await cell.Locator("xpath=..").GetAttributeAsync("data-town");
        var parts = Regex.Match((await cell.GetAttributeAsync("title"))!, @"([\d,]+) ÷ ([\d,]+)");
        var unmet = int.Parse(parts.Groups[2].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture)
            - int.Parse(parts.Groups[1].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);

        await cell.Locator("a[data-testid=drill]").ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/households\?town=\d+&gap=Unmet$"));
        await Assertions.Expect(page.Locator("[data-testid=filter-town]")).ToContainTextAsync(town!);
        await Assertions.Expect(page.Locator("[data-testid=total]")).ToHaveTextAsync(unmet.ToString("N0", CultureInfo.InvariantCulture));
        var statuses = await page.Locator("tr[data-household] .status-chip").AllTextContentsAsync();
        Assert.NotEmpty(statuses);
        Assert.All(statuses, s => Assert.Contains(s.Trim(), new[] { "无措施", "帮扶中" }));
        await page.Context.CloseAsync();
    }
}
