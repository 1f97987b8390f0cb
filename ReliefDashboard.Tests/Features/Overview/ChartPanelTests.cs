using Bunit;
using Plotly.Blazor.Traces;
using ReliefDashboard.TestSupport;

namespace ReliefDashboard.Features.Overview;

public class ChartPanelTests : DashboardTestContext
{
    private static ChartSpec Spec(int value) => new([new Bar { X = ["青石镇"], Y = [value] }], new Plotly.Blazor.Layout { Height = 300 });

    private int Redraws => JSInterop.Invocations.Count(i => i.Identifier == "react");

    private IRenderedComponent<ChartPanel> Panel(ChartSpec spec, TimeSpan interval) => Render<ChartPanel>(p => p
        .Add(c => c.Id, "chart-test").Add(c => c.Title, "测试图").Add(c => c.Spec, spec)
        .Add(c => c.Fingerprint, ChartFingerprint.Of(spec)).Add(c => c.RedrawInterval, interval));

    private static void Show(IRenderedComponent<ChartPanel> cut, ChartSpec spec) =>
        cut.Render(p => p.Add(c => c.Spec, spec).Add(c => c.Fingerprint, ChartFingerprint.Of(spec)));

    [Fact]
    public void TheSameNumbersInANewSpec_AreNotRedrawn()
    {
        var cut = Panel(Spec(1), TimeSpan.Zero);

        Show(cut, Spec(1));

        Assert.Equal(0, Redraws);
        Assert.Equal(ChartFingerprint.Of(Spec(1)), ChartFingerprint.Of(Spec(1)));
        Assert.NotEqual(ChartFingerprint.Of(Spec(1)), ChartFingerprint.Of(Spec(2)));
    }

    [Fact]
    public async Task ABurstOfChanges_IsDrawnOnceAtOnce_AndOnceMoreWithTheLastNumbers()
    {
        var cut = Panel(Spec(1), TimeSpan.FromMilliseconds(400));

        Show(cut, Spec(2)); // after a quiet spell: drawn at once
        Assert.Equal(1, Redraws);
        Show(cut, Spec(3));
        Show(cut, Spec(4)); // inside the interval: held back
        Assert.Equal(1, Redraws);

        // A redraw is a call into the browser, not a render, so it is polled for.
        for (var waited = 0; Redraws < 2 && waited < 5000; waited += 50)
        {
            await Task.Delay(50, Xunit.TestContext.Current.CancellationToken);
        }
        Assert.Equal(2, Redraws);
        await Task.Delay(600, Xunit.TestContext.Current.CancellationToken);
        Assert.Equal(2, Redraws); // nothing changed since: no further redraw
    }
}
