using System.Globalization;
using ReliefDashboard.Domain;
using ReliefDashboard.Exports;
using ReliefDashboard.Features.Roster;

namespace ReliefDashboard.Features.Verification;

public enum ListValue
{
    IdNumber,
    Text,
    Month,
    Date,
    Money,
    Choice,
    Ignored,
}

/// <summary>A column of a department template: its header, whether it must be filled, what it holds, and a hint.</summary>
public sealed record ListColumn(string Header, bool Required, ListValue Value, string Hint, IReadOnlyList<string>? Choices = null);

/// <summary>A department's list template (比对数据模板): the columns, in order, and how a row becomes a stored record.</summary>
public sealed record ListTemplate(DepartmentListKind Kind, string Name, string Guide, IReadOnlyList<ListColumn> Columns)
{
    public ListColumn? Column(string header) => Columns.FirstOrDefault(c => c.Header == header);

    public string FileName => $"{Labels.Of(Kind)}比对数据模板";
}

/// <summary>
/// The seven department templates, the check of one row against its template (every problem in Chinese, with the
/// roster import's cell readers), and the record a good row becomes.
/// </summary>
public static class ListTemplates
{
    public const string IdNumberHeader = "身份证号";
    private const string Name = "姓名";

    private static ListColumn Id(string header = IdNumberHeader) => new(header, true, ListValue.IdNumber, "18位公民身份号码");
    private static ListColumn PersonName(string header = Name) => new(header, false, ListValue.Ignored, "用于人工核对，系统按身份证号匹配，不保存");

    private static readonly string[] LicenceChoices = Enum.GetValues<LicenceStatus>().Select(Labels.Of).ToArray();
    private static readonly string[] AssistanceChoices = Enum.GetValues<AssistanceKind>().Select(Labels.Of).ToArray();
    private static readonly string[] EventChoices = Enum.GetValues<RegisterEvent>().Select(Labels.Of).ToArray();
    private static readonly string[] AssetChoices = Enum.GetValues<AssetKind>().Select(Labels.Of).ToArray();

    public static IReadOnlyList<ListTemplate> All { get; } =
    [
        new(DepartmentListKind.SocialInsurance, "社保缴费", "区人社局提供：每人每个已缴费月份一行。缴费月份须在数据月份及之前12个月内。",
            [Id(), PersonName(), new("参保单位", true, ListValue.Text, "缴费单位名称"), new("缴费月份", true, ListValue.Month, "如 2026-11"),
             new("缴费金额（元）", false, ListValue.Money, "单位和个人缴费合计")]),
        new(DepartmentListKind.EmploymentRegistration, "就业登记", "区人社局提供：在册的就业登记，每条登记一行；终止日期为空表示仍在岗。",
            [Id(), PersonName(), new("用工单位", true, ListValue.Text, "登记的用工单位"), new("登记日期", true, ListValue.Date, "如 2026-03-01"),
             new("终止日期", false, ListValue.Date, "离职或合同终止日期")]),
        new(DepartmentListKind.BusinessRegistration, "市场主体登记", "区市场监管局提供：经营者为搬迁群众的个体工商户和企业。",
            [Id("经营者身份证号"), PersonName("经营者姓名"), new("营业执照号", true, ListValue.Text, "统一社会信用代码或注册号"),
             new("市场主体名称", true, ListValue.Text, "字号名称"), new("登记状态", true, ListValue.Choice, "存续、注销或吊销", LicenceChoices),
             new("成立日期", false, ListValue.Date, "如 2024-05-01"), new("注销吊销日期", false, ListValue.Date, "注销或吊销的日期")]),
        new(DepartmentListKind.Assistance, "低保特困及临时救助", "区民政局提供：在保的低保、特困供养对象和临时救助，每人每项一行。",
            [Id(), PersonName(), new("救助类别", true, ListValue.Choice, "低保、特困或临时救助", AssistanceChoices),
             new("开始日期", true, ListValue.Date, "如 2025-01-01"), new("结束日期", false, ListValue.Date, "空表示仍在保"),
             new("月救助金额（元）", false, ListValue.Money, "每月发放金额")]),
        new(DepartmentListKind.MedicalCost, "高额医疗费用", "区医保局提供：个人自付费用较高的结算，每人每月一行（每月5日前报送上月数据）。",
            [Id(), PersonName(), new("结算月份", true, ListValue.Month, "如 2026-11"), new("个人自付金额（元）", true, ListValue.Money, "政策范围内外个人负担合计")]),
        new(DepartmentListKind.RegisterChange, "户籍变动", "区公安分局提供：死亡、迁出、服刑等户籍变动，每人每次变动一行。",
            [Id(), PersonName(), new("变动类型", true, ListValue.Choice, "死亡、迁出、服刑或其他", EventChoices), new("变动日期", true, ListValue.Date, "如 2026-08-03")]),
        new(DepartmentListKind.Asset, "房产车辆及股权", "区自然资源局（商品房）、区公安分局车管所（车辆）、区市场监管局（公司股东）提供：每人每项财产一行。",
            [Id(), PersonName(), new("财产类型", true, ListValue.Choice, "商品房、车辆或公司股东", AssetChoices),
             new("价值（元）", false, ListValue.Money, "车辆须填写评估价值"), new("说明", false, ListValue.Text, "房屋坐落、车牌号或公司名称")]),
    ];

    public static ListTemplate Of(DepartmentListKind kind) => All.First(t => t.Kind == kind);

    /// <summary>A row as the template reads it: its record, or what is wrong with it.</summary>
    public static (DepartmentRecord? Record, List<(string Column, string Message)> Problems) Parse(ListTemplate t, Func<string, string> cell, DateOnly dataMonth, DateOnly today)
    {
        var problems = new List<(string, string)>();
        string Get(ListColumn c)
        {
            var text = cell(c.Header).Trim();
            if (text.Length == 0 && c.Required)
            {
                problems.Add((c.Header, "必填，不能为空"));
            }
            return text;
        }
        var idColumn = t.Columns[0];
        var id = Get(idColumn).ToUpperInvariant();
        if (id.Length > 0)
        {
            if (IdNumber.IsMasked(id))
            {
                problems.Add((idColumn.Header, "身份证号是隐藏后的号码（含*），请提供完整号码"));
            }
            else if (IdNumber.Problem(id) is { } bad)
            {
                problems.Add((idColumn.Header, bad));
            }
        }
        var record = new DepartmentRecord { Kind = t.Kind, IdNumber = id };
        foreach (var c in t.Columns.Skip(1))
        {
            var text = Get(c);
            if (text.Length == 0)
            {
                continue;
            }
            switch (c.Value)
            {
                case ListValue.Text:
                    if (text.Length > (c.Header == "营业执照号" ? 40 : 100))
                    {
                        problems.Add((c.Header, $"不能超过{(c.Header == "营业执照号" ? 40 : 100)}个字"));
                    }
                    else if (c.Header == "营业执照号")
                    {
                        record.Reference = text.ToUpperInvariant();
                    }
                    else
                    {
                        record.Organisation = text;
                    }
                    break;
                case ListValue.Month:
                    if (MonthOf(text) is not { } month)
                    {
                        problems.Add((c.Header, $"“{text}”不是月份，应写成如 2026-11"));
                    }
                    else if (month > dataMonth || month <= dataMonth.AddMonths(-12))
                    {
                        problems.Add((c.Header, $"{month:yyyy-MM}不在数据月份{dataMonth:yyyy-MM}及之前12个月内"));
                    }
                    else
                    {
                        record.Month = month;
                    }
                    break;
                case ListValue.Date:
                    var (date, dateProblem) = RosterCells.Date(text);
                    if (dateProblem is not null)
                    {
                        problems.Add((c.Header, dateProblem));
                    }
                    else if (date > today)
                    {
                        problems.Add((c.Header, $"{date:yyyy-MM-dd}晚于今天"));
                    }
                    else if (c == t.Columns.First(x => x.Value == ListValue.Date))
                    {
                        record.From = date;
                    }
                    else
                    {
                        record.To = date;
                    }
                    break;
                case ListValue.Money:
                    var (money, moneyProblem) = RosterCells.Decimal(text);
                    if (moneyProblem is not null || money is not { } yuan || yuan < 0 || yuan > 100_000_000 || !Fen.IsWhole(yuan))
                    {
                        problems.Add((c.Header, $"“{text}”应为0至100000000之间的金额，最多两位小数"));
                    }
                    else
                    {
                        record.Amount = Fen.FromYuan(yuan);
                    }
                    break;
                case ListValue.Choice:
                    var index = Array.IndexOf(c.Choices!.ToArray(), text);
                    if (index < 0)
                    {
                        problems.Add((c.Header, $"“{text}”不在可选范围内（{string.Join("、", c.Choices!)}）"));
                    }
                    else
                    {
                        record.Category = t.Kind == DepartmentListKind.RegisterChange && index == EventChoices.Length - 1 ? (int)RegisterEvent.Other : index;
                    }
                    break;
            }
        }
        if (record.From is { } from && record.To is { } to && to < from)
        {
            problems.Add((t.Columns.Last(c => c.Value == ListValue.Date).Header, "结束日期不能早于开始日期"));
        }
        if (t.Kind == DepartmentListKind.Asset && record.Category == (int)AssetKind.Vehicle && record.Amount is null && problems.Count == 0)
        {
            problems.Add(("价值（元）", "车辆须填写评估价值"));
        }
        return (problems.Count == 0 ? record : null, problems);
    }

    private static readonly string[] MonthFormats = ["yyyy-MM", "yyyy-M", "yyyy/M", "yyyy.M", "yyyyMM", "yyyy年M月", "yyyy-MM-dd", "yyyy/M/d"];

    public static DateOnly? MonthOf(string text) =>
        DateTime.TryParseExact(text.Trim(), MonthFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? new DateOnly(d.Year, d.Month, 1)
            : null;

    /// <summary>The template as a workbook: the empty sheet with its headers, and a guide sheet with every column's hint.</summary>
    public static byte[] Workbook(ListTemplate t)
    {
        using var stream = new MemoryStream();
        XlsxWriter.Write(stream,
        [
            (t.Name, t.Columns.Select(c => c.Header).ToList(), Array.Empty<string[]>()),
            ("填表说明", ["列名", "是否必填", "填写说明"],
                t.Columns.Select(c => new[] { c.Header, c.Required ? "必填" : "选填", c.Hint + (c.Choices is { } ch ? $"（可选：{string.Join("、", ch)}）" : "") })
                    .Prepend([t.Name, "", t.Guide]).ToList()),
        ]);
        return stream.ToArray();
    }

    /// <summary>The template as CSV (UTF-8 with BOM, as Excel opens it): the header row only.</summary>
    public static byte[] Csv(ListTemplate t) =>
        [.. System.Text.Encoding.UTF8.GetPreamble(), .. System.Text.Encoding.UTF8.GetBytes(string.Join(",", t.Columns.Select(c => c.Header)) + "\r\n")];
}
