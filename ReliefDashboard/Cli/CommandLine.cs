using System.Globalization;
using ReliefDashboard.Exports;
using ReliefDashboard.Figures;
using ReliefDashboard.Writes;

namespace ReliefDashboard.Cli;

/// <summary>
/// Operator commands, run instead of the web app when the first argument names one:
/// <c>demo --households N --db FILE</c> builds a district into a new database file;
/// <c>demo --roster FILE.xlsx [--households N]</c> writes the same district as a roster workbook;
/// <c>bench [--households N | --db FILE] [--runs N] [--only dashboard|scorecard|registry|import|start|circuits [--dashboards N]]</c> times the dashboard, the scorecards, the registry or the roster import and prints the figures;
/// <c>import FILE [--town NAME] [--only-clean] [--db FILE]</c> checks and imports a roster workbook or CSV;
/// <c>export FILE.xlsx|.zip|.csv [--full] [--db FILE]</c> writes the district as a roster workbook, CSVs in a zip, or the household list;
/// <c>figures [--db FILE]</c> counts the live sums again from the households, reports any drift and rewrites them;
/// <c>backup FILE [--db FILE]</c> copies the database online and checks the copy; <c>restore FILE [--db FILE]</c> puts a checked backup in its place.
/// </summary>
public static class CommandLine
{
    /// <summary>The commands' clock: the system's, in the district's time zone (env <c>District__TimeZone</c>).</summary>
    public static TimeProvider Clock { get; } =
        new Domain.DistrictClock(TimeProvider.System, Domain.DistrictClock.Zone(Environment.GetEnvironmentVariable("District__TimeZone")));

    private static string DefaultDatabase(string[] args) =>
        PathOption(args, "--db") ?? Data.DatabaseSetup.ResolvePath("data/relief.db", Directory.GetCurrentDirectory());

    public static async Task<bool> TryRunAsync(string[] args)
    {
        var command = args.Length > 0 ? args[0] : null;
        try
        {
            switch (command)
            {
                case "demo" when Option(args, "--roster") is not null:
                    Environment.ExitCode = await DemoCommand.WriteRosterAsync(
                        IntOption(args, "--households") ?? Demo.DemoDistrictGenerator.DistrictHouseholds, PathOption(args, "--roster")!);
                    return true;
                case "demo":
                    Environment.ExitCode = await DemoCommand.RunAsync(
                        IntOption(args, "--households") ?? Demo.DemoDistrictGenerator.DistrictHouseholds,
                        PathOption(args, "--db") ?? Data.DatabaseSetup.ResolvePath("data/demo.db", Directory.GetCurrentDirectory()));
                    return true;
                case "bench":
                    Environment.ExitCode = await BenchCommand.RunAsync(IntOption(args, "--households"), PathOption(args, "--db"), IntOption(args, "--runs") ?? 20, Option(args, "--only"),
                        IntOption(args, "--clerks") ?? 20, IntOption(args, "--seconds") ?? 30, IntOption(args, "--dashboards") ?? 30,
                        IntOption(args, "--hold-seconds") ?? 0);
                    return true;
                case "import":
                    Environment.ExitCode = args.Length < 2 || args[1].StartsWith("--", StringComparison.Ordinal)
                        ? throw new FormatException("用法：import 文件 [--town 镇街] [--only-clean] [--db 数据库]")
                        : await ImportCommand.RunAsync(Data.DatabaseSetup.ResolvePath(args[1], Directory.GetCurrentDirectory()), Option(args, "--town"),
                            args.Contains("--only-clean"), PathOption(args, "--db") ?? Data.DatabaseSetup.ResolvePath("data/relief.db", Directory.GetCurrentDirectory()));
                    return true;
                case "export":
                    Environment.ExitCode = args.Length < 2 || args[1].StartsWith("--", StringComparison.Ordinal)
                        ? throw new FormatException("用法：export 文件.xlsx|文件.csv [--full] [--db 数据库]")
                        : await ExportCommand.RunAsync(Data.DatabaseSetup.ResolvePath(args[1], Directory.GetCurrentDirectory()), args.Contains("--full"),
                            PathOption(args, "--db") ?? Data.DatabaseSetup.ResolvePath("data/relief.db", Directory.GetCurrentDirectory()));
                    return true;
                case "figures":
                    Environment.ExitCode = await FiguresCommand.RunAsync(DefaultDatabase(args));
                    return true;
                case "backup" or "restore":
                    if (args.Length < 2 || args[1].StartsWith("--", StringComparison.Ordinal))
                    {
                        throw new FormatException($"用法：{command} 文件 [--db 数据库]");
                    }
                    var file = Data.DatabaseSetup.ResolvePath(args[1], Directory.GetCurrentDirectory());
                    Environment.ExitCode = command == "backup"
                        ? await BackupCommand.BackupAsync(file, DefaultDatabase(args))
                        : await BackupCommand.RestoreAsync(file, DefaultDatabase(args));
                    return true;
                default:
                    return false;
            }
        }
        catch (FormatException ex)
        {
            await Console.Error.WriteLineAsync($"参数错误：{ex.Message}");
            Environment.ExitCode = 2;
            return true;
        }
    }

    internal static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    /// <summary>
    /// <c>dotnet run --project</c> runs in the project folder, so a relative path is taken from the repository
    /// root: <c>--db data/x.db</c> lands in the top-level <c>data/</c> whichever way the command was started.
    /// </summary>
    internal static string? PathOption(string[] args, string name) =>
        Option(args, name) is { } path ? Data.DatabaseSetup.ResolvePath(path, Directory.GetCurrentDirectory()) : null;

    private static int? IntOption(string[] args, string name) =>
        Option(args, name) is { } text
            ? int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
                ? n
                : throw new FormatException($"{name} 须为正整数，收到“{text}”")
            : null;
}
