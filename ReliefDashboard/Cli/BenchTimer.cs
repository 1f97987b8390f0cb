using System.Diagnostics;
using ReliefDashboard.Exports;
using ReliefDashboard.Figures;
using ReliefDashboard.Writes;

namespace ReliefDashboard.Cli;

public static class BenchTimer
{
    /// <summary>One warm-up run, then <paramref name="runs"/> timed ones: prints median, worst and the most allocated by one run.</summary>
    public static async Task TimeAsync(string name, int runs, Func<Task<string>> action)
    {
        var (median, max, allocated, note) = await MeasureAsync(runs, action);
        Console.WriteLine($"{name,-44} {median,10:N1} {max,10:N1} {allocated,9:N2}  {note}");
    }

    /// <summary>Median and worst milliseconds, the most megabytes one run allocated, and the last run's note.</summary>
    public static async Task<(double Median, double Max, double AllocatedMb, string Note)> MeasureAsync(int runs, Func<Task<string>> action)
    {
        var times = new List<double>();
        var note = "";
        long allocated = 0;
        for (var i = 0; i < runs + 1; i++)
        {
            var before = GC.GetTotalAllocatedBytes(precise: true);
            var watch = Stopwatch.StartNew();
            note = await action();
            watch.Stop();
            if (i > 0)
            {
                times.Add(watch.Elapsed.TotalMilliseconds);
                allocated = Math.Max(allocated, GC.GetTotalAllocatedBytes(precise: true) - before);
            }
        }
        times.Sort();
        return (times[times.Count / 2], times[^1], allocated / 1024.0 / 1024.0, note);
    }
}
