using Microsoft.EntityFrameworkCore;
using ReliefDashboard.Domain;
using ReliefDashboard.Exports;
using ReliefDashboard.Features.Accounts;
using ReliefDashboard.Features.Roster;
using ReliefDashboard.Figures;
using ReliefDashboard.Writes;

namespace ReliefDashboard.Cli;

/// <summary>
/// <c>import FILE [--town NAME] [--only-clean] [--db FILE]</c>: the import page's check and import for operators.
/// With --town the file is imported as that town's staff would import it (other towns' rows are refused);
/// without, as the district. Prints every problem and exits 1 when nothing was imported.
/// </summary>
public static class ImportCommand
{
    public static async Task<int> RunAsync(string file, string? town, bool onlyClean, string database)
    {
        if (!File.Exists(file))
        {
            await Console.Error.WriteLineAsync($"找不到文件：{file}");
            return 2;
        }
        if (!File.Exists(database))
        {
            await Console.Error.WriteLineAsync($"找不到数据库：{database}（请先运行一次应用以建立数据库）");
            return 2;
        }
        var factory = new BenchCommand.FileContextFactory(database);
        int? townId = null;
        if (town is not null)
        {
            await using var db = factory.CreateDbContext();
            townId = await db.Towns.Where(t => t.Name == town).Select(t => (int?)t.Id).FirstOrDefaultAsync();
            if (townId is null)
            {
                await Console.Error.WriteLineAsync($"镇街“{town}”不存在");
                return 2;
            }
        }
        var user = townId is { } id
            ? new UserScope("cli", $"命令行导入（{town}）", Roles.TownStaff, id, null)
            : UserScope.System("命令行导入");
        var import = new RosterImport(factory, new CurrentUser(BenchCommand.EmptyServices.Instance) { Override = user }, DistrictWrite.For(factory, CommandLine.Clock), CommandLine.Clock);
        var result = await import.ImportAsync(await File.ReadAllBytesAsync(file), Path.GetFileName(file), onlyClean);
        foreach (var problem in result.Report?.Problems ?? [])
        {
            Console.WriteLine(problem);
        }
        Console.WriteLine(result.Message);
        return result.Ok ? 0 : 1;
    }
}
