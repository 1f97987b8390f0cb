using System.Globalization;
using System.IO.Compression;
using System.Text;
using ReliefDashboard.Exports;
using ReliefDashboard.Figures;
using ReliefDashboard.Writes;

namespace ReliefDashboard.Features.Roster;

/// <summary>One thing wrong with a file, located as a person would find it: sheet, row (as numbered in Excel), column.</summary>
public sealed record RosterProblem(string Sheet, int? Row, string? Column, string Message)
{
    public override string ToString() =>
        $"{(Sheet.Length > 0 ? $"“{Sheet}”" : "文件")}{(Row is { } r ? $"第{r}行" : "")}{(Column is { } c ? $"“{c}”列" : "")}：{Message}";
}

/// <summary>A data row: its row number in the sheet (the header is row 1) and its cells by header, as text.</summary>
public sealed record RosterRow(int Row, IReadOnlyDictionary<string, string> Cells)
{
    public string Get(string header) => Cells.TryGetValue(header, out var v) ? v : "";
}

public sealed record RosterFile(IReadOnlyDictionary<RosterSheet, IReadOnlyList<RosterRow>> Sheets, IReadOnlyList<RosterProblem> Problems, string? Encoding = null)
{
    public bool Readable => Problems.Count == 0;
}

/// <summary>
/// Reads a roster workbook (.xlsx) or one sheet as CSV (UTF-8 or GB18030/GBK, detected) into rows of text, and
/// says in Chinese what makes a file unreadable: empty, too large, not really a workbook, not text, an unknown
/// table, a missing column. Values are only read here; their types and rules are checked afterwards.
/// </summary>
public static class RosterReader
{
    public const long MaxBytes = 50L * 1024 * 1024;

    static RosterReader() => System.Text.Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static RosterFile Read(byte[] content, string fileName)
    {
        var name = Path.GetFileName(fileName);
        if (content.Length == 0)
        {
            return Fail($"文件“{name}”是空的");
        }
        if (content.LongLength > MaxBytes)
        {
            return Fail($"文件“{name}”超过{MaxBytes / 1024 / 1024}MB，请按镇街拆分后分批导入");
        }
        return Path.GetExtension(name).ToLowerInvariant() switch
        {
            ".xlsx" => ReadWorkbook(content, name),
            ".csv" => ReadCsv(content, name),
            _ => Fail($"只能导入 .xlsx 工作簿或 .csv 文件，“{name}”不是"),
        };
    }

    private static RosterFile Fail(string message) => new(new Dictionary<RosterSheet, IReadOnlyList<RosterRow>>(), [new RosterProblem("", null, null, message)]);

    private static RosterFile ReadWorkbook(byte[] content, string name)
    {
        if (!IsWorkbook(content))
        {
            return Fail($"“{name}”不是有效的Excel工作簿（.xlsx），请用Excel或WPS另存为.xlsx后再导入");
        }
        var sheets = new Dictionary<RosterSheet, IReadOnlyList<RosterRow>>();
        var problems = new List<RosterProblem>();
        try
        {
            IReadOnlyList<string> names;
            using (var zip = new ZipArchive(new MemoryStream(content), ZipArchiveMode.Read))
            {
                names = XlsxCells.SheetNames(zip);
            }
            var wanted = new List<(string Name, RosterSheet Sheet)>();
            foreach (var sheetName in names.Where(n => n.Trim() != RosterTemplate.GuideSheet))
            {
                if (RosterTemplate.Sheet(sheetName) is { } sheet)
                {
                    wanted.Add((sheetName, sheet));
                }
                else
                {
                    problems.Add(new RosterProblem(sheetName, null, null, $"不是模板中的工作表；模板的工作表为：{string.Join("、", RosterTemplate.Sheets.Select(s => s.Name))}"));
                }
            }
            // Each sheet is its own part of the zip: read them side by side, each through its own view of the file.
            var tables = new List<(int Row, string[] Cells)>[wanted.Count];
            Parallel.For(0, wanted.Count, i =>
            {
                using var zip = new ZipArchive(new MemoryStream(content), ZipArchiveMode.Read);
                tables[i] = XlsxCells.Read(zip, wanted[i].Name);
            });
            for (var i = 0; i < wanted.Count; i++)
            {
                sheets[wanted[i].Sheet] = Rows(wanted[i].Sheet, tables[i], problems);
            }
        }
        catch (AggregateException ex) when (ex.InnerExceptions.All(e => e is InvalidDataException or InvalidOperationException or FormatException or IOException or System.Xml.XmlException))
        {
            return Fail($"“{name}”无法读取：工作簿已损坏或格式不受支持");
        }
        catch (Exception ex) when (ex is InvalidDataException or InvalidOperationException or FormatException or IOException or System.Xml.XmlException)
        {
            return Fail($"“{name}”无法读取：工作簿已损坏或格式不受支持");
        }
        return new RosterFile(sheets, problems);
    }

    /// <summary>A zip that holds a workbook's parts, not any zip renamed .xlsx.</summary>
    private static bool IsWorkbook(byte[] content)
    {
        if (!content.AsSpan().StartsWith("PK\u0003\u0004"u8))
        {
            return false;
        }
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content), ZipArchiveMode.Read);
            return zip.GetEntry("[Content_Types].xml") is not null && zip.GetEntry("xl/workbook.xml") is not null;
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }

    private static RosterFile ReadCsv(byte[] content, string name)
    {
        if (content.AsSpan().StartsWith(new byte[] { 0xFF, 0xFE }) || content.AsSpan().StartsWith(new byte[] { 0xFE, 0xFF }))
        {
            return Fail($"“{name}”是UTF-16编码（Excel的“Unicode文本”），无法导入；请在Excel中另存为“CSV UTF-8（逗号分隔）”，或导入.xlsx工作簿");
        }
        if (Decode(content) is not { } decoded)
        {
            return Fail($"“{name}”不是文本文件，或编码无法识别（支持UTF-8和GB18030/GBK）");
        }
        var (text, encoding) = decoded;
        var table = ParseCsv(text);
        if (table.Count == 0 || table[0].All(string.IsNullOrWhiteSpace))
        {
            return Fail($"“{name}”没有表头");
        }
        var headers = table[0].Select(h => h.Trim()).ToHashSet();
        // The file's name says which sheet it is (搬迁户.csv); otherwise the sheet whose required headers it carries.
        var sheet = RosterTemplate.Sheet(Path.GetFileNameWithoutExtension(name))
            ?? RosterTemplate.Sheets.Where(s => s.Columns.Where(c => c.Required).All(c => headers.Contains(c.Header)))
                .OrderByDescending(s => s.Columns.Count(c => headers.Contains(c.Header))).FirstOrDefault();
        if (sheet is null)
        {
            return Fail($"“{name}”的表头与模板中任何一张表都对不上；请按模板填写，或把文件命名为表名（如“搬迁户.csv”）");
        }
        var problems = new List<RosterProblem>();
        var rows = Rows(sheet, table.Select((cells, i) => (i + 1, cells)).ToList(), problems);
        return new RosterFile(new Dictionary<RosterSheet, IReadOnlyList<RosterRow>> { [sheet] = rows }, problems, encoding);
    }

    /// <summary>
    /// Comma-separated records as Excel and WPS write them (RFC 4180): a field in double quotes may hold commas,
    /// line breaks and doubled quotes.
    /// </summary>
    public static List<string[]> ParseCsv(string text)
    {
        var records = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (ch == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(ch);
                }
                continue;
            }
            switch (ch)
            {
                case '"' when field.Length == 0:
                    quoted = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    break;
                case '\r':
                    break;
                case '\n':
                    fields.Add(field.ToString());
                    field.Clear();
                    records.Add([.. fields]);
                    fields.Clear();
                    break;
                default:
                    field.Append(ch);
                    break;
            }
        }
        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            records.Add([.. fields]);
        }
        return records;
    }

    /// <summary>UTF-8 (with or without BOM) when the bytes are valid UTF-8, otherwise GB18030 (a superset of GBK); null for binary junk.</summary>
    public static (string Text, string Encoding)? Decode(byte[] content)
    {
        if (content.AsSpan().StartsWith(new byte[] { 0xEF, 0xBB, 0xBF }))
        {
            return Checked(content.AsSpan(3).ToArray(), new UTF8Encoding(false, throwOnInvalidBytes: true), "UTF-8");
        }
        return Checked(content, new UTF8Encoding(false, throwOnInvalidBytes: true), "UTF-8")
            ?? Checked(content, System.Text.Encoding.GetEncoding("GB18030", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback), "GB18030");
    }

    private static (string, string)? Checked(byte[] bytes, Encoding encoding, string name)
    {
        try
        {
            var text = encoding.GetString(bytes);
            // Text files hold no control characters but line breaks and tabs.
            return text.Any(ch => char.IsControl(ch) && ch is not ('\r' or '\n' or '\t')) ? null : (text, name);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    /// <summary>A header's problems, located in its row 1: a required column missing, a column the template does not know, a column twice.</summary>
    public static IEnumerable<RosterProblem> HeaderProblems(string sheet, string[] headers, IEnumerable<string> required, Func<string, bool> known, string unknown)
    {
        foreach (var missing in required.Where(r => !headers.Contains(r)))
        {
            yield return new RosterProblem(sheet, 1, missing, "缺少必填列");
        }
        for (var i = 0; i < headers.Length; i++)
        {
            if (headers[i].Length > 0 && !known(headers[i]))
            {
                yield return new RosterProblem(sheet, 1, headers[i], unknown);
            }
            else if (headers[i].Length > 0 && Array.IndexOf(headers, headers[i]) != i)
            {
                yield return new RosterProblem(sheet, 1, headers[i], "列重复");
            }
        }
    }

    /// <summary>
    /// The first row is the header; checks it has every required column and no unknown one, then keeps the
    /// non-empty rows with their row numbers.
    /// </summary>
    private static List<RosterRow> Rows(RosterSheet sheet, List<(int Row, string[] Cells)> table, List<RosterProblem> problems)
    {
        if (table.Count == 0)
        {
            problems.Add(new RosterProblem(sheet.Name, null, null, "工作表是空的，没有表头"));
            return [];
        }
        var headers = table[0].Cells.Select(h => h.Trim()).ToArray();
        problems.AddRange(HeaderProblems(sheet.Name, headers, sheet.Columns.Where(c => c.Required).Select(c => c.Header),
            h => sheet.Column(h) is not null, "不是模板中的列"));
        var rows = new List<RosterRow>();
        foreach (var (number, row) in table.Skip(1))
        {
            var cells = new Dictionary<string, string>();
            for (var c = 0; c < headers.Length && c < row.Length; c++)
            {
                if (headers[c].Length > 0)
                {
                    cells.TryAdd(headers[c], RosterCells.Unquote(row[c].Trim()));
                }
            }
            if (cells.Values.Any(v => v.Length > 0))
            {
                rows.Add(new RosterRow(number, cells));
            }
        }
        return rows;
    }
}
