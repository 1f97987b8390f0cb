using Plotly.Blazor;
using ReliefDashboard.Components.Shared;
using ReliefDashboard.Domain;
using ReliefDashboard.Exports;
using ReliefDashboard.Figures;
using ReliefDashboard.Writes;
using PlotlyLayout = Plotly.Blazor.Layout;

namespace ReliefDashboard.Features.Overview;

/// <summary>What every dashboard chart shares: fonts that cover Chinese, margins, legends, the target line.</summary>
internal static class ChartStyle
{
    private const string Fonts = "Noto Sans CJK SC, Microsoft YaHei, PingFang SC, sans-serif";

    internal static Plotly.Blazor.LayoutLib.Shape TargetLine(decimal target, bool vertical) => vertical
        ? new() { Type = Plotly.Blazor.LayoutLib.ShapeLib.TypeEnum.Line, X0 = target, X1 = target, XRef = "x", Y0 = 0, Y1 = 1, YRef = "paper", Line = new() { Color = Colours.Target, Width = 2, Dash = "dash" } }
        : new() { Type = Plotly.Blazor.LayoutLib.ShapeLib.TypeEnum.Line, Y0 = target, Y1 = target, YRef = "y", X0 = 0, X1 = 1, XRef = "paper", Line = new() { Color = Colours.Target, Width = 2, Dash = "dash" } };

    internal static IList<Plotly.Blazor.LayoutLib.Legend> LegendOnTop() =>
    [
        new()
        {
            Orientation = Plotly.Blazor.LayoutLib.LegendLib.OrientationEnum.H,
            X = 0m,
            Y = 1.02m,
            YAnchor = Plotly.Blazor.LayoutLib.LegendLib.YAnchorEnum.Bottom,
            TraceOrder = Plotly.Blazor.LayoutLib.LegendLib.TraceOrderFlag.Normal,
        },
    ];

    internal static PlotlyLayout Base(int height) => new()
    {
        Height = height,
        AutoSize = true,
        Margin = new() { L = 10, R = 24, T = 40, B = 40 },
        Font = new() { Family = Fonts, Size = 14 },
        PaperBgColor = "rgba(0,0,0,0)",
        PlotBgColor = "rgba(0,0,0,0)",
        Legend = [new() { Orientation = Plotly.Blazor.LayoutLib.LegendLib.OrientationEnum.H, Y = -0.18m }],
        HoverLabel = new() { Font = new() { Family = Fonts, Size = 14 } },
    };
}
