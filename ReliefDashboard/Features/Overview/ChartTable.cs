using System.Globalization;
using Plotly.Blazor.Traces;
using ReliefDashboard.Exports;
using ReliefDashboard.Figures;
using ReliefDashboard.Writes;

namespace ReliefDashboard.Features.Overview;

/// <summary>A chart's numbers as a table: the text alternative to the picture, with the same values the traces draw.</summary>
public sealed record ChartTableData(IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows);

public static class ChartTable
{
    private static readonly CultureInfo Zh = CultureInfo.GetCultureInfo("zh-CN");

    /// <summary>
    /// One row per category (a town, a channel, a month), one column per trace: horizontal bars are categories on Y,
    /// vertical bars and lines on X; a pie's slices are its rows.
    /// </summary>
    public static ChartTableData Of(ChartSpec spec, string categoryHeader = "项目")
    {
        if (spec.Data.OfType<Pie>().FirstOrDefault() is { } pie)
        {
            var labels = pie.Labels ?? [];
            var values = pie.Values ?? [];
            return new ChartTableData([categoryHeader, "数值"],
                labels.Select((l, i) => (IReadOnlyList<string>)[l?.ToString() ?? "", i < values.Count ? Format(values[i]) : ""]).ToList());
        }
        var series = new List<(string Name, Dictionary<string, string> Values)>();
        var categories = new List<string>();
        foreach (var trace in spec.Data)
        {
            var (name, cats, vals) = trace switch
            {
                Bar { Orientation: Plotly.Blazor.Traces.BarLib.OrientationEnum.H } b => (b.Name, b.Y, b.X),
                Bar b => (b.Name, b.X, b.Y),
                Scatter s => (s.Name, s.X, s.Y),
                _ => (null, null, null),
            };
            if (cats is null || vals is null)
            {
                continue;
            }
            var column = (name ?? $"系列{series.Count + 1}", new Dictionary<string, string>());
            for (var i = 0; i < cats.Count; i++)
            {
                var cat = cats[i]?.ToString() ?? "";
                if (!categories.Contains(cat))
                {
                    categories.Add(cat);
                }
                column.Item2[cat] = i < vals.Count ? Format(vals[i]) : "";
            }
            series.Add(column);
        }
        // Horizontal bars list their categories bottom-up; the table reads top-down, as the chart is seen.
        if (spec.Data.All(t => t is Bar { Orientation: Plotly.Blazor.Traces.BarLib.OrientationEnum.H })
            && spec.Layout.YAxis?.FirstOrDefault()?.CategoryArray is { Count: > 0 } order)
        {
            categories = order.Select(o => o?.ToString() ?? "").Where(categories.Contains).Reverse().ToList();
        }
        // Series that share a name (one trace per band in the league) are one column.
        var merged = series.GroupBy(s => s.Name).Select(g => (Name: g.Key, Values: g.SelectMany(s => s.Values).GroupBy(p => p.Key).ToDictionary(p => p.Key, p => p.Last().Value))).ToList();
        // Series that only split the categories between them (the league's one trace per band) are one value column,
        // with the series as its own column.
        if (merged.Count > 1 && categories.All(c => merged.Count(m => m.Values.ContainsKey(c)) == 1))
        {
            return new ChartTableData([categoryHeader, "数值", "分组"],
                categories.Select(c => (IReadOnlyList<string>)[c, merged.First(m => m.Values.ContainsKey(c)).Values[c], merged.First(m => m.Values.ContainsKey(c)).Name]).ToList());
        }
        return new ChartTableData([categoryHeader, .. merged.Select(m => m.Name)],
            categories.Select(c => (IReadOnlyList<string>)[c, .. merged.Select(m => m.Values.GetValueOrDefault(c, "—"))]).ToList());
    }

    private static string Format(object? value) => value switch
    {
        null => "—",
        double d when double.IsNaN(d) => "—",
        decimal m => m.ToString("#,0.##", Zh),
        double d => d.ToString("#,0.##", Zh),
        int n => n.ToString("N0", Zh),
        long n => n.ToString("N0", Zh),
        _ => value.ToString() ?? "",
    };
}
