using System.Globalization;

namespace ReliefDashboard.Cli;

/// <summary>
/// Operator commands, run instead of the web app when the first argument names one:
/// <c>demo --households N --db FILE</c> builds a district into a new database file;
/// <c>bench [--households N | --db FILE] [--runs N] [--only dashboard|registry]</c> times the dashboard and the registry and prints the figures.
/// </summary>
public static class CommandLine
{
    public static async Task<bool> TryRunAsync(string[] args)
    {
        var command = args.Length > 0 ? args[0] : null;
        try
        {
            switch (command)
            {
                case "demo":
                    Environment.ExitCode = await DemoCommand.RunAsync(
                        IntOption(args, "--households") ?? Data.Demo.DemoDistrictGenerator.DistrictHouseholds,
                        PathOption(args, "--db") ?? Data.DatabaseSetup.ResolvePath("data/demo.db", Directory.GetCurrentDirectory()));
                    return true;
                case "bench":
                    Environment.ExitCode = await BenchCommand.RunAsync(IntOption(args, "--households"), PathOption(args, "--db"), IntOption(args, "--runs") ?? 20, Option(args, "--only"));
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
