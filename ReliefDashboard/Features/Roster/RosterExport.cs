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
        var households = await query.OrderBy(h => h.Code).Include(h => h.Town).Include(h => h.Site).WithRecords().ToListAsync(ct);
        if (full)
        {
            if (households.Any(h => !scope.CanReveal(h.TownId)))
            {
                await ActivityLogs.WriteAsync(db, scope, ActivityLog.Kinds.Denied, "导出完整身份证号和电话", $"{households.Count}户", ct);
                return (null, "无权导出完整的身份证号和电话：只有管理员和本镇街工作人员可以。本次操作已记录。");
            }
            await ActivityLogs.WriteAsync(db, scope, ActivityLog.Kinds.Reveal, "导出完整身份证号和电话", $"{households.Count}户", ct);
        }
        string Id(string id) => full ? id : IdNumber.Mask(id);
        string? Phone(string? phone) => full ? phone : IdNumber.MaskPhone(phone);
        string Date(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
        string Num(decimal? n) => n?.ToString("0.##", CultureInfo.InvariantCulture) ?? "";
        string YesNo(bool b) => b ? "是" : "否";

        var sheets = new Dictionary<RosterSheet, List<Dictionary<string, object>>>
        {
            [RosterTemplate.Households] = households.Select(h => new Dictionary<string, object>
            {
                ["户编号"] = h.Code,
                ["镇街"] = h.Town!.Name,
                ["安置点"] = h.Site!.Name,
                ["户主姓名"] = h.HeadName,
                ["迁出村"] = h.OriginVillage,
                ["搬迁年份"] = h.RelocationYear.ToString(CultureInfo.InvariantCulture),
                ["联系电话"] = Phone(h.Phone) ?? "",
                ["建档立卡贫困户"] = YesNo(h.IsRegisteredPoor),
                ["同步搬迁户"] = YesNo(h.IsCoRelocated),
                ["三无人员"] = YesNo(h.IsThreeNo),
                ["最近走访核实日期"] = Date(h.LastVerifiedOn),
            }).ToList(),
            [RosterTemplate.Members] = households.SelectMany(h => h.Members.Where(m => m.EndedOn is null).Select(m => new Dictionary<string, object>
            {
                ["户编号"] = h.Code,
                ["姓名"] = m.Name,
                ["身份证号"] = Id(m.IdNumber),
                ["出生日期"] = Date(m.BirthDate),
                ["性别"] = Labels.Of(m.Sex),
                ["与户主关系"] = Labels.Of(m.Relation),
                ["劳动能力"] = Labels.Of(m.LabourCapacity),
                ["文化程度"] = Labels.Of(m.Education),
                ["未就业高校毕业生"] = YesNo(m.IsUnemployedGraduate),
                ["残疾情况"] = Labels.Of(m.Disability),
            })).ToList(),
            [RosterTemplate.Employments] = households.SelectMany(h => h.Employments.Select(e => new Dictionary<string, object>
            {
                ["户编号"] = h.Code,
                ["身份证号"] = Id(e.Member!.IdNumber),
                ["渠道"] = Labels.Numbered(e.Channel),
                ["用工单位"] = e.Employer,
                ["园区"] = e.Park ?? "",
                ["就业地点"] = Labels.Of(e.Location),
                ["合同期限（月）"] = e.ContractMonths?.ToString(CultureInfo.InvariantCulture) ?? "",
                ["缴纳社会保险"] = YesNo(e.HasSocialInsurance),
                ["月工资（元）"] = Num(e.MonthlyPay),
                ["岗位类型"] = e.PostType ?? "",
                ["开始日期"] = Date(e.StartDate),
                ["结束日期"] = Date(e.EndDate),
            })).ToList(),
            [RosterTemplate.Industries] = households.SelectMany(h => h.Industries.Select(i => new Dictionary<string, object>
            {
                ["户编号"] = h.Code,
                ["渠道"] = Labels.Numbered(i.Channel),
                ["产业类型"] = i.Type,
                ["规模"] = Num(i.Scale),
                ["规模单位"] = i.ScaleUnit ?? "",
                ["园区"] = i.Park ?? "",
                ["营业执照号"] = i.LicenceNumber ?? "",
                ["光伏电站"] = i.PvStation ?? "",
                ["光伏份额（kW）"] = Num(i.PvShareKw),
                ["村集体"] = i.Collective ?? "",
                ["入股形式"] = i.ShareForm is { } f ? Labels.Of(f) : "",
                ["年收益（元）"] = Num(i.AnnualIncome),
                ["开始日期"] = Date(i.StartDate),
                ["结束日期"] = Date(i.EndDate),
            })).ToList(),
            [RosterTemplate.Coverages] = households.SelectMany(h => h.Coverages.Select(c => new Dictionary<string, object>
            {
                ["户编号"] = h.Code,
                ["身份证号"] = c.MemberId is { } mid && h.Members.FirstOrDefault(m => m.Id == mid) is { } m ? Id(m.IdNumber) : "",
                ["保障类型"] = Labels.Of(c.Kind),
                ["月金额（元）"] = Num(c.MonthlyAmount),
                ["开始日期"] = Date(c.StartDate),
                ["结束日期"] = Date(c.EndDate),
            })).ToList(),
        };
        var stamp = DateTime.Now.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        if (csv)
        {
            return (new ExportFile(Csv(RosterTemplate.Households, sheets[RosterTemplate.Households]), $"搬迁户_{stamp}.csv", "text/csv; charset=utf-8"), null);
        }
        var book = new Dictionary<string, object>();
        foreach (var (sheet, rows) in sheets)
        {
            var table = new System.Data.DataTable(sheet.Name);
            foreach (var c in sheet.Columns)
            {
                table.Columns.Add(c.Header, typeof(string));
            }
            foreach (var row in rows)
            {
                table.Rows.Add(sheet.Columns.Select(c => row.GetValueOrDefault(c.Header) ?? "").ToArray());
            }
            book[sheet.Name] = table;
        }
        using var stream = new MemoryStream();
        stream.SaveAs(book);
        return (new ExportFile(stream.ToArray(), $"搬迁户台账_{stamp}.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"), null);
    }

    /// <summary>UTF-8 with a BOM, so Excel opens the Chinese correctly; fields quoted when they need it.</summary>
    private static byte[] Csv(RosterSheet sheet, IEnumerable<Dictionary<string, object>> rows)
    {
        static string Field(object? v)
        {
            var s = Convert.ToString(v, CultureInfo.InvariantCulture) ?? "";
            return s.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{s.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : s;
        }
        var text = new StringBuilder();
        text.Append(string.Join(',', sheet.Columns.Select(c => Field(c.Header)))).Append("\r\n");
        foreach (var row in rows)
        {
            text.Append(string.Join(',', sheet.Columns.Select(c => Field(row.GetValueOrDefault(c.Header))))).Append("\r\n");
        }
        return [.. new UTF8Encoding(true).GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }
}
