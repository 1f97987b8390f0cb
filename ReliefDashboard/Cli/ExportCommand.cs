using ReliefDashboard.Domain;
using ReliefDashboard.Exports;
using ReliefDashboard.Features.Accounts;
using ReliefDashboard.Features.Households;
using ReliefDashboard.Features.Roster;
using ReliefDashboard.Figures;
using ReliefDashboard.Writes;

namespace ReliefDashboard.Cli;

/// <summary>
/// <c>export FILE [--full] [--db FILE]</c>: the whole district as a roster workbook (.xlsx), as one CSV per sheet
/// in a zip (.zip), or the household list as CSV (.csv).
/// </summary>
public static class ExportCommand
{
    public static async Task<int> RunAsync(string file, bool full, string database)
    {
        if (!File.Exists(database))
        {
            await Console.Error.WriteLineAsync($"找不到数据库：{database}");
            return 2;
        }
        var extension = Path.GetExtension(file).ToLowerInvariant();
        if (extension is not (".xlsx" or ".zip" or ".csv"))
        {
            await Console.Error.WriteLineAsync("导出文件须以 .xlsx（完整台账工作簿）、.zip（每张表一个CSV）或 .csv（户列表）结尾");
            return 2;
        }
        var export = new RosterExport(new BenchCommand.FileContextFactory(database),
            new CurrentUser(BenchCommand.EmptyServices.Instance) { Override = UserScope.System("命令行导出") }, CommandLine.Clock);
        var (result, error) = extension == ".csv"
            ? await export.ExportListAsync(new RegistryQuery(), full, csv: true)
            : await export.ExportAsync(null, full, csv: extension == ".zip");
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
