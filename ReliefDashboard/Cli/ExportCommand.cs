using ReliefDashboard.Domain;
using ReliefDashboard.Features.Accounts;
using ReliefDashboard.Features.Roster;

namespace ReliefDashboard.Cli;

/// <summary><c>export FILE [--full] [--db FILE]</c>: the whole district as a roster workbook (.xlsx) or the households as CSV (.csv).</summary>
public static class ExportCommand
{
    public static async Task<int> RunAsync(string file, bool full, string database)
    {
        if (!File.Exists(database))
        {
            await Console.Error.WriteLineAsync($"找不到数据库：{database}");
            return 2;
        }
        var csv = Path.GetExtension(file).Equals(".csv", StringComparison.OrdinalIgnoreCase);
        var export = new RosterExport(new BenchCommand.FileContextFactory(database),
            new CurrentUser(BenchCommand.EmptyServices.Instance) { Override = UserScope.System("命令行导出") });
        var (result, error) = await export.ExportAsync(null, full, csv);
        if (result is null)
        {
            await Console.Error.WriteLineAsync(error);
            return 1;
        }
        await File.WriteAllBytesAsync(file, result.Content);
        Console.WriteLine($"已导出到 {file}（{result.Content.Length / 1024:N0} KB{(full ? "，含完整身份证号和电话" : "，身份证号和电话已脱敏")}）");
        return 0;
    }
}
