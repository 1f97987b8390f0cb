using Plotly.Blazor;
using Plotly.Blazor.Traces;
using ReliefDashboard.Components.Shared;
using ReliefDashboard.Domain;
using ReliefDashboard.Exports;
using ReliefDashboard.Figures;
using ReliefDashboard.Writes;
using PlotlyLayout = Plotly.Blazor.Layout;

namespace ReliefDashboard.Features.Overview;

/// <summary>What one Plotly chart is handed: its traces and its layout.</summary>
public sealed record ChartSpec(IList<ITrace> Data, PlotlyLayout Layout);

/// <summary>
/// Turns a user's <see cref="DashboardView"/> into the district-wide charts' Plotly traces and layouts (the town
/// charts are in <see cref="TownCharts"/>). Pure, so the numbers each chart
/// shows are tested without a browser; the components only hand these to Plotly.
/// </summary>
public static class OverviewCharts
{
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
        var layout = ChartStyle.Base(360);
        layout.BarMode = Plotly.Blazor.LayoutLib.BarModeEnum.Group;
        layout.XAxis = [new() { Title = new() { Text = "户数" }, TickFormat = ",d", AutoMargin = Plotly.Blazor.LayoutLib.XAxisLib.AutoMarginFlag.True }];
        layout.Legend = ChartStyle.LegendOnTop();
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
        var layout = ChartStyle.Base(360);
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
        layout.Shapes = [ChartStyle.TargetLine(policy.TargetPercent, vertical: false)];
        layout.Legend = ChartStyle.LegendOnTop();
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
        var layout = ChartStyle.Base(360);
        layout.Legend = ChartStyle.LegendOnTop();
        layout.Annotations = [new() { Text = $"在岗<br><b>{w.Total:N0}</b> 人", ShowArrow = false, X = 0.5m, Y = 0.5m, XRef = "paper", YRef = "paper" }];
        return new ChartSpec(data, layout);
    }

}
