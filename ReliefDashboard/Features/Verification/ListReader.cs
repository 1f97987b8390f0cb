using System.IO.Compression;
using System.Text;
using ReliefDashboard.Features.Roster;

namespace ReliefDashboard.Features.Verification;

/// <summary>
/// Reads a department list from a file on disk, row by row: a CSV is streamed (a 3.5-million-row list never sits
/// in memory), a workbook is read with the roster's cell reader. The encoding is the roster's rule (UTF-8 or
/// GB18030, detected), checked strictly to the end; the header must hold the template's required columns and no
/// column it does not know. What makes the file unreadable comes back as the roster's located problems.
/// </summary>
public sealed class ListReader : IDisposable
{
    private readonly FileStream? stream;
    private readonly IEnumerator<(int Row, string[] Cells)>? rows;

    public IReadOnlyList<RosterProblem> Problems { get; }

    /// <summary>The header as read, trimmed; a row's cells are in this order.</summary>
    public string[] Headers { get; } = [];

    public string? Encoding { get; }

    private ListReader(IReadOnlyList<RosterProblem> problems) => Problems = problems;

    private ListReader(FileStream? stream, IEnumerator<(int, string[])> rows, string[] headers, string? encoding, IReadOnlyList<RosterProblem> problems)
    {
        (this.stream, this.rows, Headers, Encoding, Problems) = (stream, rows, headers, encoding, problems);
    }

    public bool Readable => Problems.Count == 0;

    public static ListReader Open(string path, string fileName, ListTemplate template, long maxBytes)
    {
        var name = Path.GetFileName(fileName);
        var length = new FileInfo(path).Length;
        if (length == 0)
        {
            return Fail($"文件“{name}”是空的");
        }
        if (length > maxBytes)
        {
            return Fail($"文件“{name}”超过{maxBytes / 1024 / 1024}MB，请拆分后分批导入");
        }
        return Path.GetExtension(name).ToLowerInvariant() switch
        {
            ".csv" => OpenCsv(path, name, template),
            ".xlsx" => OpenWorkbook(path, name, template),
            _ => Fail($"只能导入 .csv 文件或 .xlsx 工作簿，“{name}”不是"),
        };
    }

    private static ListReader Fail(string message) => new([new RosterProblem("", null, null, message)]);

    private static ListReader OpenCsv(string path, string name, ListTemplate template)
    {
        var stream = File.OpenRead(path);
        var prefix = new byte[Math.Min(64 * 1024, stream.Length)];
        stream.ReadExactly(prefix);
        stream.Position = 0;
        if (prefix.AsSpan().StartsWith(new byte[] { 0xFF, 0xFE }) || prefix.AsSpan().StartsWith(new byte[] { 0xFE, 0xFF }))
        {
            stream.Dispose();
            return Fail($"“{name}”是UTF-16编码（Excel的“Unicode文本”），无法导入；请在Excel中另存为“CSV UTF-8（逗号分隔）”");
        }
        var bom = prefix.AsSpan().StartsWith(new byte[] { 0xEF, 0xBB, 0xBF });
        // Judge the encoding on whole lines: a prefix cut inside a character would look like another encoding.
        var cut = stream.Length > prefix.Length ? Array.LastIndexOf(prefix, (byte)'\n') + 1 : prefix.Length;
        var sample = prefix.AsSpan(bom ? 3 : 0, Math.Max(0, cut - (bom ? 3 : 0))).ToArray();
        if (RosterReader.Decode(sample) is not { } decoded)
        {
            stream.Dispose();
            return Fail($"“{name}”不是文本文件，或编码无法识别（支持UTF-8和GB18030/GBK）");
        }
        Encoding encoding = decoded.Encoding == "UTF-8"
            ? new UTF8Encoding(false, throwOnInvalidBytes: true)
            : System.Text.Encoding.GetEncoding("GB18030", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        if (bom)
        {
            stream.Position = 3;
        }
        var reader = new StreamReader(stream, encoding, detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16);
        var records = Csv(reader).GetEnumerator();
        try
        {
            if (!records.MoveNext() || records.Current.Cells.All(string.IsNullOrWhiteSpace))
            {
                records.Dispose();
                stream.Dispose();
                return Fail($"“{name}”没有表头");
            }
        }
        catch (DecoderFallbackException)
        {
            stream.Dispose();
            return Fail($"“{name}”的编码无法识别（支持UTF-8和GB18030/GBK）");
        }
        return WithHeader(stream, records, template, decoded.Encoding);
    }

    private static ListReader OpenWorkbook(string path, string name, ListTemplate template)
    {
        var content = File.ReadAllBytes(path);
        if (content.LongLength > RosterReader.MaxBytes)
        {
            return Fail($"工作簿“{name}”超过{RosterReader.MaxBytes / 1024 / 1024}MB；大文件请导出为CSV（UTF-8）后导入");
        }
        if (!content.AsSpan().StartsWith("PK\u0003\u0004"u8))
        {
            return Fail($"“{name}”不是有效的Excel工作簿（.xlsx），请用Excel或WPS另存为.xlsx后再导入");
        }
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content), ZipArchiveMode.Read);
            var sheets = XlsxCells.SheetNames(zip).Where(n => n.Trim() != "填表说明").ToList();
            var sheet = sheets.FirstOrDefault(n => n.Trim() == template.Name) ?? sheets.FirstOrDefault();
            if (sheet is null)
            {
                return Fail($"“{name}”中没有数据工作表");
            }
            var table = XlsxCells.Read(zip, sheet);
            if (table.Count == 0)
            {
                return Fail($"“{name}”的工作表“{sheet}”是空的，没有表头");
            }
            var records = table.GetEnumerator() as IEnumerator<(int, string[])>;
            records.MoveNext();
            return WithHeader(null, records, template, null, sheet);
        }
        catch (Exception ex) when (ex is InvalidDataException or InvalidOperationException or FormatException or IOException or System.Xml.XmlException)
        {
            return Fail($"“{name}”无法读取：工作簿已损坏或格式不受支持");
        }
    }

    /// <summary>The header is the current record: every required column present, none unknown, none twice.</summary>
    private static ListReader WithHeader(FileStream? stream, IEnumerator<(int Row, string[] Cells)> records, ListTemplate template, string? encoding, string sheet = "")
    {
        var headers = records.Current.Cells.Select(h => h.Trim().TrimStart('\uFEFF')).ToArray();
        var problems = RosterReader.HeaderProblems(sheet, headers, template.Columns.Where(c => c.Required).Select(c => c.Header),
            h => template.Column(h) is not null, $"不是“{template.Name}”模板中的列；模板的列为：{string.Join("、", template.Columns.Select(c => c.Header))}").ToList();
        if (problems.Count > 0)
        {
            records.Dispose();
            stream?.Dispose();
            return new ListReader(problems);
        }
        return new ListReader(stream, records, headers, encoding, []);
    }

    /// <summary>The data rows after the header, each with its row number; blank rows are skipped.</summary>
    public IEnumerable<(int Row, string[] Cells)> Rows()
    {
        if (rows is null)
        {
            yield break;
        }
        while (rows.MoveNext())
        {
            var (row, cells) = rows.Current;
            if (cells.Any(c => c.Length > 0))
            {
                yield return (row, cells);
            }
        }
    }

    /// <summary>RFC 4180 records streamed from a reader, numbered by the line each starts on.</summary>
    private static IEnumerable<(int Row, string[] Cells)> Csv(TextReader reader)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var (quoted, line, start, any) = (false, 1, 1, false);
        var buffer = new char[1 << 16];
        int read;
        while ((read = reader.Read(buffer, 0, buffer.Length)) > 0)
        {
            for (var i = 0; i < read; i++)
            {
                var ch = buffer[i];
                any = true;
                if (quoted)
                {
                    if (ch == '"')
                    {
                        var next = i + 1 < read ? buffer[i + 1] : (char)reader.Peek();
                        if (next == '"')
                        {
                            field.Append('"');
                            if (i + 1 < read)
                            {
                                i++;
                            }
                            else
                            {
                                reader.Read();
                            }
                        }
                        else
                        {
                            quoted = false;
                        }
                    }
                    else
                    {
                        if (ch == '\n')
                        {
                            line++;
                        }
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
                        yield return (start, [.. fields]);
                        fields.Clear();
                        line++;
                        start = line;
                        any = false;
                        break;
                    default:
                        field.Append(ch);
                        break;
                }
            }
        }
        if (any && (field.Length > 0 || fields.Count > 0))
        {
            fields.Add(field.ToString());
            yield return (start, [.. fields]);
        }
    }

    public void Dispose()
    {
        rows?.Dispose();
        stream?.Dispose();
    }
}
