using Plotly.Blazor;
using Plotly.Blazor.Traces;
using ReliefDashboard.Components.Shared;
using ReliefDashboard.Domain;
using ReliefDashboard.Exports;
using ReliefDashboard.Figures;
using ReliefDashboard.Writes;
using PlotlyLayout = Plotly.Blazor.Layout;

namespace ReliefDashboard.Features.Overview;

/// <summary>The charts with a bar per town: the attainment league and the status composition, in the same order.</summary>
public static class TownCharts
{
    /// <summary>A bar long enough to carry its value inside (the rest print theirs beyond the bar's end).</summary>
    public static bool LabelInside(decimal? percent) => percent >= 20;

    public static ChartSpec TownLeague(DashboardView v)
    {
        // Plotly draws the first category at the bottom; the best town belongs on top.
        var order = v.Towns.Reverse().ToList();
        var p = v.Policy;
        var data = new List<ITrace>();
        foreach (var band in new[] { Band.Green, Band.Amber, Band.Red })
        {
            var towns = order.Where(t => t.Band == band).ToList();
            data.Add(new Bar
            {
                Name = band switch
                {
                    Band.Green => $"较好（≥{p.GreenFromPercent:0.#}%）",
                    Band.Amber => $"一般（{p.AmberFromPercent:0.#}%–{p.GreenFromPercent:0.#}%）",
                    _ => $"滞后（<{p.AmberFromPercent:0.#}%）",
                },
                Orientation = Plotly.Blazor.Traces.BarLib.OrientationEnum.H,
                Y = towns.Select(t => (object)t.Town).ToList(),
                X = towns.Select(t => (object)(t.Percent ?? 0)).ToList(),
                TextArray = towns.Select(t => $"{t.Percent:0.0}%").ToList(),
                // Inside the bar's end, so a value near the target does not print across the dashed target line;
                // a short bar has no room inside and keeps its value outside.
                TextPositionArray = towns.Select(t => (Plotly.Blazor.Traces.BarLib.TextPositionEnum?)(LabelInside(t.Percent) ? Plotly.Blazor.Traces.BarLib.TextPositionEnum.Inside : Plotly.Blazor.Traces.BarLib.TextPositionEnum.Outside)).ToList(),
                InsideTextAnchor = Plotly.Blazor.Traces.BarLib.InsideTextAnchorEnum.End,
                InsideTextFont = new Plotly.Blazor.Traces.BarLib.InsideTextFont { Color = band == Band.Amber ? "#3E2723" : "#FFFFFF" },
                HoverTextArray = towns.Select(t => $"达标 {t.Tally.Attained:N0} 户 / 应达标 {t.Tally.Denominator(p):N0} 户").ToList(),
                HoverTemplate = "<b>%{y}</b><br>达标率 %{x:.1f}%<br>%{hovertext}<br>点击查看该镇街搬迁户<extra></extra>",
                Marker = new Plotly.Blazor.Traces.BarLib.Marker { Color = Colours.Of(band) },
            });
        }
        var layout = ChartStyle.Base(Math.Max(260, 34 * order.Count + 90));
        layout.XAxis = [new() { Title = new() { Text = "达标率（%）" }, Range = [0, 112], TickSuffix = "%", AutoMargin = Plotly.Blazor.LayoutLib.XAxisLib.AutoMarginFlag.True }];
        // The bands are named in the panel's caption; a legend here would crowd the axis on a laptop.
        layout.ShowLegend = false;
        layout.YAxis = [new()
        {
            CategoryOrder = Plotly.Blazor.LayoutLib.YAxisLib.CategoryOrderEnum.Array,
            CategoryArray = order.Select(t => (object)t.Town).ToList(),
            AutoMargin = Plotly.Blazor.LayoutLib.YAxisLib.AutoMarginFlag.True,
        }];
        layout.BarMode = Plotly.Blazor.LayoutLib.BarModeEnum.Overlay;
        layout.Shapes = [ChartStyle.TargetLine(p.TargetPercent, vertical: true)];
        layout.Annotations = [new() { X = p.TargetPercent, Y = 1m, XRef = "x", YRef = "paper", Text = $"目标 {p.TargetPercent:0.#}%", ShowArrow = false, YAnchor = Plotly.Blazor.LayoutLib.AnnotationLib.YAnchorEnum.Bottom }];
        return new ChartSpec(data, layout);
    }

    public static ChartSpec StatusByTown(DashboardView v)
    {
        var order = v.Towns.Reverse().ToList();
        var statuses = new[] { HouseholdStatus.Met, HouseholdStatus.AtRisk, HouseholdStatus.InProgress, HouseholdStatus.NoMeasure, HouseholdStatus.SafetyNet };
        var data = statuses.Select(s => (ITrace)new Bar
        {
            Name = Labels.Of(s),
            Orientation = Plotly.Blazor.Traces.BarLib.OrientationEnum.H,
            Y = order.Select(t => (object)t.Town).ToList(),
            X = order.Select(t => (object)Count(t.Tally, s)).ToList(),
            HoverTemplate = $"<b>%{{y}}</b><br>{Labels.Of(s)} %{{x:,}} 户<extra></extra>",
            Marker = new Plotly.Blazor.Traces.BarLib.Marker { Color = Colours.Of(s) },
        }).ToList();
        var layout = ChartStyle.Base(Math.Max(260, 34 * order.Count + 110));
        layout.BarMode = Plotly.Blazor.LayoutLib.BarModeEnum.Stack;
        layout.XAxis = [new() { Title = new() { Text = "户数" }, TickFormat = ",d", AutoMargin = Plotly.Blazor.LayoutLib.XAxisLib.AutoMarginFlag.True }];
        layout.Legend = ChartStyle.LegendOnTop();
        layout.YAxis = [new() { AutoMargin = Plotly.Blazor.LayoutLib.YAxisLib.AutoMarginFlag.True, Title = new() { Text = "镇街" } }];
        return new ChartSpec(data, layout);
    }

    private static int Count(Tally t, HouseholdStatus s) => s switch
    {
        HouseholdStatus.Met => t.Met,
        HouseholdStatus.AtRisk => t.AtRisk,
        HouseholdStatus.InProgress => t.InProgress,
        HouseholdStatus.NoMeasure => t.NoMeasure,
        _ => t.SafetyNet,
    };
}
