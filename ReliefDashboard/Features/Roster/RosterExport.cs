using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ReliefDashboard.Data;
using ReliefDashboard.Domain;
using ReliefDashboard.Exports;
using ReliefDashboard.Features.Accounts;
using ReliefDashboard.Features.Households;
using ReliefDashboard.Figures;
using ReliefDashboard.Writes;

namespace ReliefDashboard.Features.Roster;

public sealed record ExportFile(byte[] Content, string FileName, string ContentType);

/// <summary>
/// The households a user may see, written in the roster template's own sheets and headers, so an export can be
/// imported again unchanged. ID numbers and phones are masked unless the user may see them in full (an
/// administrator, or staff of the town) and asks for it; a full export is recorded in the security log.
/// </summary>
public sealed class RosterExport(IDbContextFactory<ReliefDbContext> dbFactory, CurrentUser current, TimeProvider clock)
{
    /// <summary>Full details of the households of the registry's filter (all the user may see when null), in the template's sheets.</summary>
    public async Task<(ExportFile? File, string? Error)> ExportAsync(RegistryQuery? filter, bool full, bool csv, CancellationToken ct = default)
    {
        var scope = await current.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = await HouseholdRegistryService.ListAsync(db, scope, filter ?? new RegistryQuery(), clock, ct);
        var households = await query.WithRecords().ToListAsync(ct);
        if (await RefusedAsync(db, scope, full, households.Select(h => h.TownId), ct) is { } refusal)
        {
            return (null, refusal);
        }
        var names = RosterNames.Of(await db.Towns.AsNoTracking().Include(t => t.Sites).ToListAsync(ct));
        var stamp = Stamp();
        if (csv)
        {
            return (new ExportFile(RosterWriter.CsvZip(households, names, full), $"搬迁户台账_{stamp}_CSV.zip", "application/zip"), null);
        }
        using var stream = new MemoryStream();
        RosterWriter.WriteWorkbook(stream, households, names, full);
        return (new ExportFile(stream.ToArray(), $"搬迁户台账_{stamp}.xlsx", RosterWriter.XlsxType), null);
    }

    private static readonly string[] ListHeaders =
        ["户编号", "镇街", "安置点", "户主姓名", "户主身份证号", "联系电话", "家庭人口", "有劳动力", "达标状态", "状态说明", "最近走访核实日期"];

    /// <summary>The registry's list as it is filtered and sorted, every page: one row per household.</summary>
    public async Task<(ExportFile? File, string? Error)> ExportListAsync(RegistryQuery filter, bool full, bool csv, CancellationToken ct = default)
    {
        var scope = await current.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await (await HouseholdRegistryService.ListAsync(db, scope, filter, clock, ct))
            .Select(h => new
            {
                h.Code,
                Town = h.Town!.Name,
                Site = h.Site!.Name,
                h.TownId,
                h.HeadName,
                HeadId = h.Members.Where(m => m.Relation == Relation.Head && m.EndedOn == null).Select(m => m.IdNumber).FirstOrDefault(),
                h.Phone,
                h.MemberCount,
                h.HasLabour,
                h.Status,
                h.StatusExplanation,
                h.LastVerifiedOn,
            })
            .ToListAsync(ct);
        if (await RefusedAsync(db, scope, full, rows.Select(r => r.TownId), ct) is { } refusal)
        {
            return (null, refusal);
        }
        var table = rows.Select(r => new[]
        {
            r.Code, r.Town, r.Site, r.HeadName, (full ? r.HeadId : IdNumber.Mask(r.HeadId)) ?? "", (full ? r.Phone : IdNumber.MaskPhone(r.Phone)) ?? "",
            r.MemberCount.ToString(CultureInfo.InvariantCulture), r.HasLabour ? "是" : "否", Labels.Of(r.Status), r.StatusExplanation,
            r.LastVerifiedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
        }).ToList();
        var stamp = Stamp();
        if (csv)
        {
            return (new ExportFile(RosterWriter.Csv(ListHeaders, table), $"搬迁户列表_{stamp}.csv", "text/csv; charset=utf-8"), null);
        }
        using var stream = new MemoryStream();
        RosterWriter.WriteWorkbook(stream, [("搬迁户列表", ListHeaders, table)]);
        return (new ExportFile(stream.ToArray(), $"搬迁户列表_{stamp}.xlsx", RosterWriter.XlsxType), null);
    }

    /// <summary>
    /// Full ID numbers and phones only for users who may see every exported household's in full (an administrator,
    /// or staff of the town); either way the request is recorded. Null when allowed.
    /// </summary>
    private async Task<string?> RefusedAsync(ReliefDbContext db, UserScope scope, bool full, IEnumerable<int> towns, CancellationToken ct)
    {
        if (!full)
        {
            return null;
        }
        var list = towns.ToList();
        if (list.Any(t => !scope.CanReveal(t)))
        {
            await ActivityLogs.WriteAsync(db, clock, scope, ActivityLog.Kinds.Denied, "导出完整身份证号和电话", $"{list.Count}户", ct);
            return "无权导出完整的身份证号和电话：只有管理员和本镇街工作人员可以。本次操作已记录。";
        }
        await ActivityLogs.WriteAsync(db, clock, scope, ActivityLog.Kinds.Reveal, "导出完整身份证号和电话", $"{list.Count}户", ct);
        return null;
    }

    private string Stamp() => clock.GetLocalNow().ToString("yyyyMMdd", CultureInfo.InvariantCulture);
}
