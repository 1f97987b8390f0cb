using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace ReliefDashboard.Cli;

/// <summary>
/// The limit beside a figure: the one raw SQLite statement that answers the same question on the same file, timed
/// the same way (one warm-up, median of the runs) on a plain connection. The ratio says how much the app adds to it.
/// </summary>
public sealed class BenchLimit(string file) : IDisposable
{
    private readonly SqliteConnection connection = Open(file);

    private static SqliteConnection Open(string file)
    {
        var c = new SqliteConnection($"Data Source={file};Mode=ReadOnly");
        c.Open();
        return c;
    }

    /// <summary>Median milliseconds of <paramref name="sql"/> (every row of every statement read), over <paramref name="runs"/> runs after one warm-up.</summary>
    public double Time(string sql, int runs)
    {
        var times = new List<double>();
        for (var i = 0; i < runs + 1; i++)
        {
            var watch = Stopwatch.StartNew();
            using (var command = connection.CreateCommand())
            {
                command.CommandText = sql;
                using var reader = command.ExecuteReader();
                do
                {
                    while (reader.Read())
                    {
                    }
                }
                while (reader.NextResult());
            }
            if (i > 0)
            {
                times.Add(watch.Elapsed.TotalMilliseconds);
            }
        }
        times.Sort();
        return times[times.Count / 2];
    }

    public static string Header(string what) => $"{what,-44} {"median ms",10} {"max ms",10} {"alloc MB",9} {"limit ms",9} {"ratio",7}";

    /// <summary>Times the app's <paramref name="action"/> and the raw <paramref name="sql"/>; prints both and their ratio.</summary>
    public async Task TimeAsync(string name, int runs, Func<Task<string>> action, string sql)
    {
        var (median, max, allocated, note) = await BenchTimer.MeasureAsync(runs, action);
        var limit = Time(sql, runs);
        Console.WriteLine($"{name,-44} {median,10:N1} {max,10:N1} {allocated,9:N2} {limit,9:N1} {median / Math.Max(limit, 0.01),6:N1}×  {note}");
    }

    /// <summary>A raw statement alone, for scale (what the app no longer runs).</summary>
    public void Print(string name, int runs, string sql)
    {
        var limit = Time(sql, runs);
        Console.WriteLine($"{name,-44} {"",10} {"",10} {"",9} {limit,9:N1} {"",7}  raw SQL only");
    }

    public void Dispose() => connection.Dispose();
}
