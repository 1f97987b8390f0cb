using System.Globalization;
using System.IO.Compression;
using System.Text;
using ReliefDashboard.Domain;
using ReliefDashboard.Exports;
using ReliefDashboard.Figures;
using ReliefDashboard.Writes;
using Member = ReliefDashboard.Domain.Member;

namespace ReliefDashboard.Features.Roster;

/// <summary>Town and site names by id, for writing households whose navigations are not loaded.</summary>
public sealed record RosterNames(IReadOnlyDictionary<int, string> Towns, IReadOnlyDictionary<int, string> Sites)
{
    public static RosterNames Of(IEnumerable<Town> towns)
    {
        var list = towns.ToList();
        return new(list.ToDictionary(t => t.Id, t => t.Name), list.SelectMany(t => t.Sites).ToDictionary(s => s.Id, s => s.Name));
    }
}

/// <summary>
/// Households written in the roster template's own sheets and headers — what the export hands out and what the
/// demo generator writes — so that the import reads them back unchanged. Ended members are left out (the roster
/// lists who lives in the household). ID numbers and phones are masked unless <c>full</c>, and then the birth date
/// is written as its year, since the masked digits are the birth date.
/// </summary>
public static class RosterWriter
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static IEnumerable<string[]> Rows(RosterSheet sheet, IReadOnlyList<Household> households, RosterNames names, bool full)
    {
        string Id(string id) => full ? id : IdNumber.Mask(id);
        string Phone(string? phone) => (full ? phone : IdNumber.MaskPhone(phone)) ?? "";
        static string Date(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
        static string Num(decimal? n) => n?.ToString("0.##", CultureInfo.InvariantCulture) ?? "";
        static string Int(int? n) => n?.ToString(CultureInfo.InvariantCulture) ?? "";
        static string YesNo(bool b) => b ? "是" : "否";
        static string MemberId(Household h, int? memberId, Member? member) =>
            member?.IdNumber ?? h.Members.FirstOrDefault(m => m.Id == memberId)?.IdNumber ?? "";

        return sheet.Name switch
        {
            "搬迁户" => households.Select(h => new[]
            {
                h.Code, names.Towns[h.TownId], names.Sites[h.SiteId], h.HeadName, h.OriginVillage, Int(h.RelocationYear), Phone(h.Phone),
                YesNo(h.IsRegisteredPoor), YesNo(h.IsCoRelocated), YesNo(h.IsThreeNo), Date(h.LastVerifiedOn),
            }),
            "家庭成员" => households.SelectMany(h => h.Members.Where(m => m.EndedOn is null).Select(m => new[]
            {
                h.Code, m.Name, Id(m.IdNumber), full ? Date(m.BirthDate) : IdNumber.BirthYear(m.BirthDate), Labels.Of(m.Sex), Labels.Of(m.Relation), Labels.Of(m.LabourCapacity),
                Labels.Of(m.Education), YesNo(m.IsUnemployedGraduate), Labels.Of(m.Disability),
            })),
            "就业" => households.SelectMany(h => h.Employments.Select(e => new[]
            {
                h.Code, Id(MemberId(h, e.MemberId, e.Member)), Labels.Numbered(e.Channel), e.Employer, e.Park ?? "", Labels.Of(e.Location),
                Int(e.ContractMonths), YesNo(e.HasSocialInsurance), Num(e.MonthlyPay), e.PostType ?? "", Date(e.StartDate), Date(e.EndDate),
                MeasureIds.Format(sheet, e.Id),
            })),
            "产业" => households.SelectMany(h => h.Industries.Select(i => new[]
            {
                h.Code, Labels.Numbered(i.Channel), i.Type, Num(i.Scale), i.ScaleUnit ?? "", i.Park ?? "", i.LicenceNumber ?? "",
                i.PvStation ?? "", Num(i.PvShareKw), i.Collective ?? "", i.ShareForm is { } f ? Labels.Of(f) : "", Num(i.AnnualIncome),
                Date(i.StartDate), Date(i.EndDate), MeasureIds.Format(sheet, i.Id),
            })),
            "兜底保障" => households.SelectMany(h => h.Coverages.Select(c => new[]
            {
                h.Code, c.MemberId is null ? "" : Id(MemberId(h, c.MemberId, null)), Labels.Of(c.Kind), Num(c.MonthlyAmount),
                Date(c.StartDate), Date(c.EndDate), MeasureIds.Format(sheet, c.Id),
            })),
            _ => throw new ArgumentOutOfRangeException(nameof(sheet), sheet.Name, "not a roster sheet"),
        };
    }

    /// <summary>The roster workbook: every sheet of the template, rows streamed into the file as they are made.</summary>
    public static void WriteWorkbook(Stream stream, IReadOnlyList<Household> households, RosterNames names, bool full) =>
        WriteWorkbook(stream, RosterTemplate.Sheets.Select(s => (s.Name, (IReadOnlyList<string>)s.Columns.Select(c => c.Header).ToList(),
            Rows(s, households, names, full))));

    /// <summary>Sheets of text cells (<see cref="XlsxWriter"/>); an empty sheet still gets its header row.</summary>
    public static void WriteWorkbook(Stream stream, IEnumerable<(string Name, IReadOnlyList<string> Headers, IEnumerable<string[]> Rows)> sheets) =>
        XlsxWriter.Write(stream, sheets);

    /// <summary>
    /// UTF-8 with a BOM, so Excel opens the Chinese correctly; fields quoted when they need it. A field that Excel or
    /// WPS would run as a formula (it begins with =, +, -, @, tab or CR) is written after an apostrophe, the way those
    /// programs mark text; the import takes the apostrophe off again (<see cref="RosterCells.Unquote"/>).
    /// </summary>
    public static byte[] Csv(IReadOnlyList<string> headers, IEnumerable<string[]> rows)
    {
        static string Field(string s)
        {
            if (XlsxWriter.LooksLikeFormula(s))
            {
                s = "'" + s;
            }
            return s.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{s.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : s;
        }
        var text = new StringBuilder();
        text.Append(string.Join(',', headers.Select(Field))).Append("\r\n");
        foreach (var row in rows)
        {
            text.Append(string.Join(',', row.Select(Field))).Append("\r\n");
        }
        return [.. new UTF8Encoding(true).GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    /// <summary>Every sheet as its own CSV file (a CSV holds one sheet), in one zip; each imports on its own.</summary>
    public static byte[] CsvZip(IReadOnlyList<Household> households, RosterNames names, bool full)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var sheet in RosterTemplate.Sheets)
            {
                var entry = zip.CreateEntry($"{sheet.Name}.csv", CompressionLevel.Optimal);
                using var s = entry.Open();
                s.Write(Csv(sheet.Columns.Select(c => c.Header).ToList(), Rows(sheet, households, names, full)));
            }
        }
        return stream.ToArray();
    }
}
