using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using MiniExcelLibs;
using ReliefDashboard.Exports;
using ReliefDashboard.Features.Scorecards;
using ReliefDashboard.Figures;
using ReliefDashboard.Writes;

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

    [Fact]
    public async Task TheExportButton_GivesAWorkbookWithTheTownsAndTotalsOnThePage()
    {
        var page = await app.SignedInPageAsync("demo.leader");
        await page.OpenAsync("scorecard");
        var rows = page.Locator("[data-testid=score-table] tbody tr[data-town]");
        await Assertions.Expect(rows).ToHaveCountAsync(12);
        var onPage = new Dictionary<string, string>();
        foreach (var row in await rows.AllAsync())
        {
            var total = (await row.Locator("[data-testid=total] .value").TextContentAsync())!.Trim();
            onPage[(await row.GetAttributeAsync("data-town"))!] = total[..total.IndexOf('.', StringComparison.Ordinal)] + total.Substring(total.IndexOf('.', StringComparison.Ordinal), 2);
        }

        // The same request the button makes, with the signed-in browser's cookie.
        var href = await page.Locator("[data-testid=export]").GetAttributeAsync("href");
        var response = await page.APIRequest.GetAsync(href!);
        Assert.Equal(200, response.Status);
        Assert.Equal(ScorecardWorkbook.ContentType, response.Headers["content-type"]);
        Assert.Contains(".xlsx", response.Headers["content-disposition"]);

        var sheet = new MemoryStream(await response.BodyAsync()).Query(useHeaderRow: false, startCell: $"A{ScorecardWorkbook.HeaderRow}")
            .Cast<IDictionary<string, object?>>().ToList();
        var headers = sheet[0].Values.Select(v => v?.ToString()).ToList();
        var town = ScorecardWorkbook.ColumnName(headers.IndexOf("镇街"));
        var totalColumn = ScorecardWorkbook.ColumnName(headers.IndexOf("总分"));
        var inFile = sheet.Skip(1).Where(r => onPage.ContainsKey(r[town]?.ToString() ?? ""))
            .ToDictionary(r => r[town]!.ToString()!, r => Convert.ToDecimal(r[totalColumn], CultureInfo.InvariantCulture).ToString("0.0", CultureInfo.InvariantCulture));
        Assert.Equal(onPage.OrderBy(x => x.Key), inFile.OrderBy(x => x.Key));
        await page.Context.CloseAsync();
    }
}
