using System.Data;
using MiniExcelLibs;
using ReliefDashboard.Domain;
using ReliefDashboard.Exports;
using ReliefDashboard.Figures;
using ReliefDashboard.Writes;

namespace ReliefDashboard.Features.Roster;

public enum ColumnKind
{
    Text,
    Date,
    Integer,
    Decimal,
    YesNo,
    Choice,
}

/// <summary>A column of the roster template: its Chinese header, the kind of value, whether it must be filled, the allowed words.</summary>
public sealed record RosterColumn(string Header, ColumnKind Kind, bool Required, IReadOnlyList<string>? Choices = null)
{
    public string Describe() => (Required ? "必填；" : "") + Kind switch
    {
        ColumnKind.Date => "日期，如 2026-03-01",
        ColumnKind.Integer => "整数",
        ColumnKind.Decimal => "数字",
        ColumnKind.YesNo => "是 / 否",
        ColumnKind.Choice => "可填：" + string.Join("、", Choices!),
        _ => "文字",
    };
}

/// <summary>A sheet of the roster (a CSV file carries one sheet).</summary>
public sealed record RosterSheet(string Name, IReadOnlyList<RosterColumn> Columns)
{
    public RosterColumn? Column(string header) => Columns.FirstOrDefault(c => c.Header == header);
}

/// <summary>
/// The roster workbook town staff keep (台账): one sheet per kind of record, headers in Chinese, households matched
/// by 户编号 and members by 身份证号. The import page offers it for download, with a sheet that explains each column.
/// </summary>
public static class RosterTemplate
{
    public const string Code = "户编号";
    public const string IdNumber = "身份证号";

    /// <summary>A measure's stable id as the export writes it (JY-12, CY-7, DB-3); empty for a new measure.</summary>
    public const string MeasureId = "措施编号";

    private static RosterColumn Text(string h, bool required = false) => new(h, ColumnKind.Text, required);
    private static RosterColumn Date(string h, bool required = false) => new(h, ColumnKind.Date, required);
    private static RosterColumn YesNo(string h) => new(h, ColumnKind.YesNo, false);
    private static RosterColumn Choice<T>(string h, Func<T, string> label, bool required = false) where T : struct, Enum =>
        new(h, ColumnKind.Choice, required, Enum.GetValues<T>().Select(label).ToList());

    public static readonly RosterSheet Households = new("搬迁户",
    [
        Text(Code, true), Text("镇街", true), Text("安置点", true), Text("户主姓名", true), Text("迁出村", true),
        new("搬迁年份", ColumnKind.Integer, true), Text("联系电话"), YesNo("建档立卡贫困户"), YesNo("同步搬迁户"), YesNo("三无人员"),
        Date("最近走访核实日期"),
    ]);

    public static readonly RosterSheet Members = new("家庭成员",
    [
        Text(Code, true), Text("姓名", true), Text(IdNumber, true), Date("出生日期", true), Choice<Sex>("性别", Labels.Of, true),
        Choice<Relation>("与户主关系", Labels.Of, true), Choice<LabourCapacity>("劳动能力", Labels.Of, true), Choice<Education>("文化程度", Labels.Of),
        YesNo("未就业高校毕业生"), Choice<Disability>("残疾情况", Labels.Of),
    ]);

    private static readonly Channel[] JobChannels = Labels.EmploymentChannels;
    private static readonly Channel[] IndustryChannels = Labels.IndustryChannels;

    public static readonly RosterSheet Employments = new("就业",
    [
        Text(Code, true), Text(IdNumber, true), new("渠道", ColumnKind.Choice, true, JobChannels.Select(Labels.Numbered).ToList()),
        Text("用工单位", true), Text("园区"), Choice<WorkLocation>("就业地点", Labels.Of, true), new("合同期限（月）", ColumnKind.Integer, false),
        YesNo("缴纳社会保险"), new("月工资（元）", ColumnKind.Decimal, true), Text("岗位类型"), Date("开始日期", true), Date("结束日期"),
        Text(MeasureId),
    ]);

    public static readonly RosterSheet Industries = new("产业",
    [
        Text(Code, true), new("渠道", ColumnKind.Choice, true, IndustryChannels.Select(Labels.Numbered).ToList()), Text("产业类型", true),
        new("规模", ColumnKind.Decimal, false), Text("规模单位"), Text("园区"), Text("营业执照号"), Text("光伏电站"),
        new("光伏份额（kW）", ColumnKind.Decimal, false), Text("村集体"), Choice<AssetShareForm>("入股形式", Labels.Of),
        new("年收益（元）", ColumnKind.Decimal, false), Date("开始日期", true), Date("结束日期"), Text(MeasureId),
    ]);

    public static readonly RosterSheet Coverages = new("兜底保障",
    [
        Text(Code, true), Text(IdNumber), Choice<CoverageKind>("保障类型", Labels.Of, true), new("月金额（元）", ColumnKind.Decimal, false),
        Date("开始日期", true), Date("结束日期"), Text(MeasureId),
    ]);

    public static readonly IReadOnlyList<RosterSheet> Sheets = [Households, Members, Employments, Industries, Coverages];

    /// <summary>The sheet that explains the others; the reader skips it.</summary>
    public const string GuideSheet = "填写说明";

    public static RosterSheet? Sheet(string name) => Sheets.FirstOrDefault(s => s.Name == name.Trim());

    /// <summary>The empty template: every sheet with its headers, and the guide.</summary>
    public static byte[] Workbook()
    {
        var sheets = new Dictionary<string, object>();
        foreach (var sheet in Sheets)
        {
            var table = new DataTable(sheet.Name);
            foreach (var c in sheet.Columns)
            {
                table.Columns.Add(c.Header, typeof(string));
            }
            sheets[sheet.Name] = table;
        }
        sheets[GuideSheet] = Sheets.SelectMany(s => s.Columns.Select(c => new Dictionary<string, object> { ["工作表"] = s.Name, ["列"] = c.Header, ["填写要求"] = c.Describe() })).ToList();
        using var stream = new MemoryStream();
        stream.SaveAs(sheets);
        return stream.ToArray();
    }
}

/// <summary>
/// The 措施编号 of a job, an industry or a safety-net item: a prefix for its kind and its record's id. An export
/// writes it, so a corrected row imports as a change to that measure (old → new in its history) instead of a
/// second measure beside it.
/// </summary>
public static class MeasureIds
{
    public static string Prefix(RosterSheet sheet) => sheet.Name switch
    {
        "就业" => "JY",
        "产业" => "CY",
        "兜底保障" => "DB",
        _ => throw new ArgumentOutOfRangeException(nameof(sheet), sheet.Name, "not a measure sheet"),
    };

    public static string Format(RosterSheet sheet, int id) => id == 0 ? "" : $"{Prefix(sheet)}-{id.ToString(System.Globalization.CultureInfo.InvariantCulture)}";

    /// <summary>The record id, or the problem in Chinese; (null, null) for an empty cell (a new measure).</summary>
    public static (int? Id, string? Problem) Parse(RosterSheet sheet, string text)
    {
        var t = text.Trim().ToUpperInvariant();
        if (t.Length == 0)
        {
            return (null, null);
        }
        var prefix = Prefix(sheet) + "-";
        return t.StartsWith(prefix, StringComparison.Ordinal)
            && int.TryParse(t.AsSpan(prefix.Length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) && id > 0
            ? (id, null)
            : (null, $"措施编号“{text}”无效：本表的措施编号形如{prefix}123（由导出生成；新增的措施留空）");
    }
}
