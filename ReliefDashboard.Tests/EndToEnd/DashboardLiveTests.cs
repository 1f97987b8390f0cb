using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ReliefDashboard.Data;
using ReliefDashboard.Exports;
using ReliefDashboard.Figures;
using ReliefDashboard.Writes;

namespace ReliefDashboard.EndToEnd;

[Collection(EndToEndCollection.Name)]
public class DashboardLiveTests(AppFixture app)
{
    private const string LeagueValue = """
        town => {
            const chart = document.getElementById('chart-league');
            for (const trace of (chart && chart.data) || []) {
                const i = trace.y.indexOf(town);
                if (i >= 0) return trace.x[i];
            }
            return null;
        }
        """;

    private const string MetInTown = """
        town => {
            const chart = document.getElementById('chart-status');
            const met = ((chart && chart.data) || []).find(t => t.name === '达标');
            return met ? met.x[met.y.indexOf(town)] : null;
        }
        """;

    /// <summary>Marks the bar drawn for a town so the test can click it; Plotly knows which category each bar is.</summary>
    private const string MarkBar = """
        town => {
            const chart = document.getElementById('chart-league');
            const towns = chart._fullLayout.yaxis._categories;
            const bar = [...chart.querySelectorAll('.bars .point')].find(e => towns[e.__data__.p] === town);
            bar.setAttribute('data-town', town);
        }
        """;

    /// <summary>A 青石镇 household that is At risk only because nobody has visited it for too long.</summary>
    private async Task<int> UnverifiedHouseholdAsync()
    {
        var factory = app.Services.GetRequiredService<IDbContextFactory<ReliefDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        return await db.Households.Where(h => h.Town!.Name == "青石镇" && h.StatusRule == "at-risk-unverified")
            .OrderBy(h => h.Code).Select(h => h.Id).FirstAsync();
    }

    [Fact]
    public async Task AVisitRecordedInOneBrowser_ChangesTheLeadersTilesAndChart_WithinASecond_WithoutAReload()
    {
        var household = await UnverifiedHouseholdAsync();
        var leader = await app.SignedInPageAsync("demo.leader");
        await leader.OpenAsync("");
        await leader.WaitForFunctionAsync($"() => ({MetInTown})('青石镇') != null");
        var atRisk = leader.Locator("[data-testid=tile-at-risk] [data-testid=value]");
        var atRiskBefore = int.Parse((await atRisk.TextContentAsync())!.Replace(",", ""));
        var metBefore = await leader.EvaluateAsync<int>($"({MetInTown})('青石镇')");
        var changedBefore = await leader.Locator("[data-testid=last-changed]").TextContentAsync();
        await leader.EvaluateAsync("() => window.stillTheSamePage = true");

        var staff = await app.SignedInPageAsync("demo.qingshi");
        await staff.OpenAsync($"households/{household}/visit");
        await staff.Locator("input[data-testid=visit-met], [data-testid=visit-met] input").FillAsync("户主");
        await staff.Locator("textarea[data-testid=visit-findings], [data-testid=visit-findings] textarea").First.FillAsync("入户走访，户主在家，就业稳定");
        await staff.Locator("[data-testid=visit-save]").ClickAsync();
        await staff.WaitForURLAsync($"**/households/{household}");

        // The visit has committed by the time the form goes back to the card; from here the leader's page has one second.
        var withinASecond = new LocatorAssertionsToHaveTextOptions { Timeout = 1000 };
        await Assertions.Expect(atRisk).ToHaveTextAsync((atRiskBefore - 1).ToString("N0"), withinASecond);
        await leader.WaitForFunctionAsync($"() => ({MetInTown})('青石镇') === {metBefore + 1}", null, new() { Timeout = 1000 });
        await Assertions.Expect(leader.Locator("[data-testid=last-changed]")).Not.ToHaveTextAsync(changedBefore!, withinASecond);
        Assert.True(await leader.EvaluateAsync<bool>("() => window.stillTheSamePage === true"));

        await leader.Context.CloseAsync();
        await staff.Context.CloseAsync();
    }

    [Fact]
    public async Task APickedTownJoinsTheTrend_AndABarInTheLeague_OpensThatTownsHouseholds()
    {
        var leader = await app.SignedInPageAsync("demo.supervisor");
        await leader.OpenAsync("");
        await leader.WaitForFunctionAsync($"() => ({LeagueValue})('麻塬镇') !== null");

        await leader.Locator("[data-testid=trend-towns]").ClickAsync();
        await leader.Locator(".mud-popover-open .mud-list-item", new() { HasText = "麻塬镇" }).ClickAsync();
        await leader.WaitForFunctionAsync("() => document.getElementById('chart-trend').data.map(t => t.name).join() === '全区,麻塬镇'");
        await Assertions.Expect(leader.Locator("[data-testid=trend-towns]")).ToHaveValueAsync("麻塬镇");

        // A fresh page for the click: the open list would take the first click for itself.
        await leader.OpenAsync("");
        await leader.WaitForFunctionAsync($"() => ({LeagueValue})('麻塬镇') !== null");

        // The chart listens for clicks once Plotly has drawn it; a click before then would go unheard.
        await leader.WaitForFunctionAsync("() => { const c = document.getElementById('chart-league'); return !!(c && c._ev && c._ev.listeners('plotly_click').length); }");
        await leader.EvaluateAsync($"({MarkBar})('麻塬镇')");
        // Plotly listens on the layer drawn over the bars, so the click is aimed at the bar's place, not its element.
        await leader.Locator("#chart-league .point[data-town='麻塬镇']").ClickAsync(new() { Force = true });

        // Blazor navigates inside the page (no load event), so the address is polled rather than awaited as a load.
        await Assertions.Expect(leader).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/households\?town=\d+$"));
        await Assertions.Expect(leader.Locator("[data-testid=filter-town]")).ToContainTextAsync("麻塬镇");

        await leader.Context.CloseAsync();
    }
}
