using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using ReliefDashboard.Data;
using ReliefDashboard.Domain;
using ReliefDashboard.Features.Accounts;

namespace ReliefDashboard.Features.Roster;

public sealed record ExportFile(byte[] Content, string FileName, string ContentType);

/// <summary>
/// The households a user may see, written in the roster template's own sheets and headers, so an export can be
/// imported again unchanged. ID numbers and phones are masked unless the user may see them in full (an
/// administrator, or staff of the town) and asks for it; a full export is recorded in the security log.
/// </summary>
public sealed class RosterExport(IDbContextFactory<ReliefDbContext> dbFactory, CurrentUser current)
{
    public async Task<(ExportFile? File, string? Error)> ExportAsync(int? townId, bool full, bool csv, CancellationToken ct = default)
    {
        var scope = await current.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // The registry's own scope rule: an export holds what the user may see there.
        var query = Households.HouseholdRegistryService.Visible(db, scope).AsNoTracking();
        if (townId is { } town)
        {
            query = query.Where(h => h.TownId == town);
        }
        var households = await query.OrderBy(h => h.Code).WithRecords().ToListAsync(ct);
        if (full)
        {
            if (households.Any(h => !scope.CanReveal(h.TownId)))
            {
                await ActivityLogs.WriteAsync(db, scope, ActivityLog.Kinds.Denied, "导出完整身份证号和电话", $"{households.Count}户", ct);
                return (null, "无权导出完整的身份证号和电话：只有管理员和本镇街工作人员可以。本次操作已记录。");
            }
            await ActivityLogs.WriteAsync(db, scope, ActivityLog.Kinds.Reveal, "导出完整身份证号和电话", $"{households.Count}户", ct);
        }
        var names = RosterNames.Of(await db.Towns.AsNoTracking().Include(t => t.Sites).ToListAsync(ct));
        var stamp = DateTime.Now.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        if (csv)
        {
            return (new ExportFile(RosterWriter.CsvZip(households, names, full), $"搬迁户台账_{stamp}_CSV.zip", "application/zip"), null);
        }
        using var stream = new MemoryStream();
        RosterWriter.WriteWorkbook(stream, households, names, full);
        return (new ExportFile(stream.ToArray(), $"搬迁户台账_{stamp}.xlsx", RosterWriter.XlsxType), null);
    }
}
