using Plotly.Blazor;
using Plotly.Blazor.Traces;
using ReliefDashboard.Components.Shared;
using ReliefDashboard.Domain;
using PlotlyLayout = Plotly.Blazor.Layout;

namespace ReliefDashboard.Features.Overview;

/// <summary>What one Plotly chart is handed: its traces and its layout.</summary>
public sealed record ChartSpec(IList<ITrace> Data, PlotlyLayout Layout);

/// <summary>
/// Turns a user's <see cref="DashboardView"/> into Plotly traces and layouts. Pure, so the numbers each chart
/// shows are tested without a browser; the components only hand these to Plotly.
/// </summary>
public static class OverviewCharts
{
    private const string Fonts = "Noto Sans CJK SC, Microsoft YaHei, PingFang SC, sans-serif";

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
                TextPosition = Plotly.Blazor.Traces.BarLib.TextPositionEnum.Outside,
                HoverTextArray = towns.Select(t => $"达标 {t.Tally.Attained:N0} 户 / 应达标 {t.Tally.Denominator(p):N0} 户").ToList(),
                HoverTemplate = "<b>%{y}</b><br>达标率 %{x:.1f}%<br>%{hovertext}<br>点击查看该镇街搬迁户<extra></extra>",
                Marker = new Plotly.Blazor.Traces.BarLib.Marker { Color = Colours.Of(band) },
            });
        }
        var layout = Base(Math.Max(260, 34 * order.Count + 90));
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
        layout.Shapes = [TargetLine(p.TargetPercent, vertical: true)];
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
        var layout = Base(Math.Max(260, 34 * order.Count + 110));
        layout.BarMode = Plotly.Blazor.LayoutLib.BarModeEnum.Stack;
        layout.XAxis = [new() { Title = new() { Text = "户数" }, TickFormat = ",d", AutoMargin = Plotly.Blazor.LayoutLib.XAxisLib.AutoMarginFlag.True }];
        layout.Legend = LegendOnTop();
        layout.YAxis = [new() { AutoMargin = Plotly.Blazor.LayoutLib.YAxisLib.AutoMarginFlag.True, Title = new() { Text = "镇街" } }];
        return new ChartSpec(data, layout);
    }

    public static ChartSpec ChannelMix(DashboardView v)
    {
        // Channel 1 on top, as the plan numbers them.
        var channels = v.Channels.Reverse().ToList();
        Bar Trace(string name, string colour, Func<ChannelUse, int> count, Channel[] applies)
        {
            var rows = channels.Where(c => applies.Contains(c.Channel)).ToList();
            return new Bar
            {
                Name = name,
                Orientation = Plotly.Blazor.Traces.BarLib.OrientationEnum.H,
                Y = rows.Select(c => (object)Labels.Numbered(c.Channel)).ToList(),
                X = rows.Select(c => (object)count(c)).ToList(),
                HoverTemplate = $"<b>%{{y}}</b><br>{name} %{{x:,}} 户<extra></extra>",
                Marker = new Plotly.Blazor.Traces.BarLib.Marker { Color = colour },
            };
        }
        var data = new List<ITrace>
        {
            Trace("产业类（有在营产业的户）", Colours.Industry, c => c.IndustryHouseholds, Labels.IndustryChannels),
            Trace("就业类（有成员在岗的户）", Colours.Employment, c => c.EmploymentHouseholds, Labels.EmploymentChannels),
            Trace("兜底保障（享有保障的户）", Colours.Coverage, c => c.CoveredHouseholds, [Channel.SafetyNet]),
        };
        var layout = Base(360);
        layout.BarMode = Plotly.Blazor.LayoutLib.BarModeEnum.Group;
        layout.XAxis = [new() { Title = new() { Text = "户数" }, TickFormat = ",d", AutoMargin = Plotly.Blazor.LayoutLib.XAxisLib.AutoMarginFlag.True }];
        layout.Legend = LegendOnTop();
        layout.YAxis = [new()
        {
            CategoryOrder = Plotly.Blazor.LayoutLib.YAxisLib.CategoryOrderEnum.Array,
            CategoryArray = channels.Select(c => (object)Labels.Numbered(c.Channel)).ToList(),
            AutoMargin = Plotly.Blazor.LayoutLib.YAxisLib.AutoMarginFlag.True,
            Title = new() { Text = "帮扶渠道" },
        }];
        return new ChartSpec(data, layout);
    }

    public static ChartSpec AttainmentTrend(Trend trend, AssessmentPolicy policy)
    {
        var data = trend.Series.Select((s, i) => (ITrace)new Scatter
        {
            Name = s.Name,
            Mode = Plotly.Blazor.Traces.ScatterLib.ModeFlag.Lines | Plotly.Blazor.Traces.ScatterLib.ModeFlag.Markers,
            X = trend.Labels.Cast<object>().ToList(),
            Y = s.Percents.Select(p => (object?)p ?? double.NaN).ToList(),
            Line = new Plotly.Blazor.Traces.ScatterLib.Line { Width = i == 0 ? 4 : 2 },
            HoverTemplate = $"<b>{s.Name}</b> %{{x}}<br>达标率 %{{y:.1f}}%<extra></extra>",
        }).ToList();
        var low = trend.Series.SelectMany(s => s.Percents).Where(p => p is not null).Select(p => p!.Value).DefaultIfEmpty(0).Min();
        var layout = Base(360);
        layout.XAxis = [new()
        {
            Type = Plotly.Blazor.LayoutLib.XAxisLib.TypeEnum.Category,
            AutoMargin = Plotly.Blazor.LayoutLib.XAxisLib.AutoMarginFlag.True,
            Title = new() { Text = "月末" },
        }];
        layout.YAxis = [new()
        {
            Title = new() { Text = "达标率（%）" },
            Range = [Math.Max(0, Math.Floor(low / 10) * 10 - 5), Math.Max(105, policy.TargetPercent + 5)],
            TickSuffix = "%",
            AutoMargin = Plotly.Blazor.LayoutLib.YAxisLib.AutoMarginFlag.True,
        }];
        layout.Shapes = [TargetLine(policy.TargetPercent, vertical: false)];
        layout.Legend = LegendOnTop();
        return new ChartSpec(data, layout);
    }

    public static ChartSpec Workplaces(DashboardView v)
    {
        var w = v.Workplaces;
        var data = new List<ITrace>
        {
            new Pie
            {
                Labels = ["区内（就地就近）", "省内区外", "省外"],
                Values = [w.InDistrict, w.InProvince, w.OutsideProvince],
                Hole = 0.45m,
                Sort = false,
                Marker = new Plotly.Blazor.Traces.PieLib.Marker { Colors = ["#2E7D32", "#1565C0", "#EF6C00"] },
                TextInfo = Plotly.Blazor.Traces.PieLib.TextInfoFlag.Label | Plotly.Blazor.Traces.PieLib.TextInfoFlag.Percent,
                HoverTemplate = "<b>%{label}</b><br>%{value:,} 人（%{percent}）<extra></extra>",
            },
        };
        var layout = Base(360);
        layout.Legend = LegendOnTop();
        layout.Annotations = [new() { Text = $"在岗<br><b>{w.Total:N0}</b> 人", ShowArrow = false, X = 0.5m, Y = 0.5m, XRef = "paper", YRef = "paper" }];
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

    private static Plotly.Blazor.LayoutLib.Shape TargetLine(decimal target, bool vertical) => vertical
        ? new() { Type = Plotly.Blazor.LayoutLib.ShapeLib.TypeEnum.Line, X0 = target, X1 = target, XRef = "x", Y0 = 0, Y1 = 1, YRef = "paper", Line = new() { Color = Colours.Target, Width = 2, Dash = "dash" } }
        : new() { Type = Plotly.Blazor.LayoutLib.ShapeLib.TypeEnum.Line, Y0 = target, Y1 = target, YRef = "y", X0 = 0, X1 = 1, XRef = "paper", Line = new() { Color = Colours.Target, Width = 2, Dash = "dash" } };

    private static IList<Plotly.Blazor.LayoutLib.Legend> LegendOnTop() =>
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

    private static PlotlyLayout Base(int height) => new()
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
