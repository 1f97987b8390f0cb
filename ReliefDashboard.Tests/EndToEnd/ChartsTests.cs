using System.Diagnostics;
using Microsoft.Playwright;

namespace ReliefDashboard.EndToEnd;

/// <summary>
/// The dashboard's charts in a real browser: how soon they are drawn after navigation (measured and reported, not
/// asserted on a clock), and that a window made narrower and wide again leaves every chart its own height, none
/// drawn over another.
/// </summary>
[Collection(EndToEndCollection.Name)]
public class ChartsTests(AppFixture app)
{
    // Each of the five plots has been drawn by Plotly (it keeps its full layout on the element).
    private const string Drawn = "() => [...document.querySelectorAll('.chart-box > div')].filter(d => d._fullLayout && d.querySelector('.main-svg')).length >= 5";

    private static readonly PageWaitForFunctionOptions Patient = new() { Timeout = 60_000 };

    private const string Boxes = """
        () => [...document.querySelectorAll('.chart-panel')].map(p => {
            const r = p.getBoundingClientRect();
            const plot = p.querySelector('.js-plotly-plot');
            const q = plot.getBoundingClientRect();
            return { id: plot.id, x: r.x, y: r.y, w: r.width, h: r.height, plot: q.height, plotTop: q.y, plotBottom: q.bottom, bottom: r.bottom };
        })
        """;

    private sealed class Box
    {
        public string Id { get; set; } = "";
        public double X { get; set; }
        public double Y { get; set; }
        public double W { get; set; }
        public double H { get; set; }
        public double Plot { get; set; }
        public double PlotTop { get; set; }
        public double PlotBottom { get; set; }
        public double Bottom { get; set; }
    }

    [Fact]
    public async Task AfterAResize_1920_1366_1920_EveryChartKeepsItsHeight_AndNoneOverlapsAnother()
    {
        var page = await app.SignedInPageAsync("demo.leader");
        await page.SetViewportSizeAsync(1920, 1080);
        await page.OpenAsync("households");
        await page.Locator("[data-testid=registry] tbody tr").First.WaitForAsync();

        // Navigation to the dashboard, timed to the moment all five charts are drawn.
        var watch = Stopwatch.StartNew();
        await page.Locator(".mud-navmenu a[href='']").ClickAsync();
        await page.WaitForFunctionAsync(Drawn, null, Patient);
        TestContext.Current.SendDiagnosticMessage($"charts drawn {watch.ElapsedMilliseconds} ms after navigation");
        watch.Restart();
        await page.Locator(".mud-navmenu a[href='households']").ClickAsync();
        await page.Locator("[data-testid=registry] tbody tr").First.WaitForAsync();
        TestContext.Current.SendDiagnosticMessage($"dashboard → registry {watch.ElapsedMilliseconds} ms");
        await page.Locator(".mud-navmenu a[href='']").ClickAsync();
        await page.WaitForFunctionAsync(Drawn, null, Patient);

        var first = await BoxesAsync(page);
        foreach (var width in new[] { 1366, 1920 })
        {
            await page.SetViewportSizeAsync(width, 1080);
            // Plotly redraws a responsive chart on the window's resize event; wait until it has settled.
            await page.WaitForTimeoutAsync(800);
            var boxes = await BoxesAsync(page);
            AssertNoOverlap(boxes);
        }
        var back = await BoxesAsync(page);
        Assert.Equal(first.Select(b => (b.Id, Math.Round(b.Plot))), back.Select(b => (b.Id, Math.Round(b.Plot))));
        // The league and status charts are taller than the others by design; a resize must not flatten them.
        Assert.True(first.Single(b => b.Id == "chart-league").Plot > first.Single(b => b.Id == "chart-trend").Plot);
    }

    private static async Task<List<Box>> BoxesAsync(IPage page) => [.. await page.EvaluateAsync<Box[]>(Boxes)];

    private static void AssertNoOverlap(List<Box> boxes)
    {
        Assert.Equal(5, boxes.Count);
        foreach (var b in boxes)
        {
            // The plot stays inside its own panel.
            Assert.True(b.PlotBottom <= b.Bottom + 1, $"{b.Id}: the plot ends at {b.PlotBottom}, below its panel's {b.Bottom}");
            foreach (var other in boxes.Where(o => o.Id != b.Id))
            {
                var apart = b.X + b.W <= other.X + 1 || other.X + other.W <= b.X + 1 || b.Y + b.H <= other.Y + 1 || other.Y + other.H <= b.Y + 1;
                Assert.True(apart, $"{b.Id} overlaps {other.Id}");
            }
        }
    }
}
