using System.Globalization;
using System.IO.Compression;
using System.Xml;
using ReliefDashboard.Exports;
using ReliefDashboard.Figures;
using ReliefDashboard.Writes;

namespace ReliefDashboard.Features.Roster;

/// <summary>
/// Reads the cells of an .xlsx workbook as text, straight from its XML parts with a streaming reader: shared and
/// inline strings, numbers, booleans, and numbers formatted as dates (read as yyyy-MM-dd). Only rows that hold
/// something are kept, with their row numbers as Excel shows them. A general spreadsheet library read a
/// 100,000-household roster in 28 s; this reads it in a few.
/// </summary>
public static class XlsxCells
{
    /// <summary>Columns beyond this are ignored: the widest roster sheet has 14.</summary>
    public const int MaxColumns = 128;

    public static IReadOnlyList<string> SheetNames(ZipArchive zip) => Sheets(zip).Select(s => s.Name).ToList();

    /// <summary>The non-empty rows of a sheet, in order, each with its row number and its cells (column A first).</summary>
    public static List<(int Row, string[] Cells)> Read(ZipArchive zip, string sheetName)
    {
        var part = Sheets(zip).First(s => s.Name == sheetName).Part;
        var strings = SharedStrings(zip);
        var dateStyles = DateStyles(zip);
        var rows = new List<(int, string[])>();
        var entry = zip.GetEntry(part) ?? throw new InvalidDataException($"missing part {part}");
        using var reader = XmlReader.Create(entry.Open(), Settings);
        var cells = new string[MaxColumns];
        Array.Fill(cells, "");
        var (rowNumber, width, column, style) = (0, 0, 0, 0);
        string? type = null;
        reader.MoveToContent();
        while (!reader.EOF)
        {
            if (reader.NodeType == XmlNodeType.Element)
            {
                switch (reader.LocalName)
                {
                    case "row":
                        rowNumber = int.TryParse(reader.GetAttribute("r"), NumberStyles.None, CultureInfo.InvariantCulture, out var r) ? r : rowNumber + 1;
                        Array.Fill(cells, "", 0, width);
                        (width, column) = (0, 0);
                        break;
                    case "c":
                        column = reader.GetAttribute("r") is { } reference ? ColumnOf(reference) : column + 1;
                        type = reader.GetAttribute("t");
                        style = int.TryParse(reader.GetAttribute("s"), NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : 0;
                        break;
                    case "v":
                        Store(cells, column, Text(reader.ReadElementContentAsString(), type, style, strings, dateStyles), ref width);
                        continue;
                    case "is":
                        Store(cells, column, RichText(reader), ref width);
                        continue;
                }
            }
            else if (reader.NodeType == XmlNodeType.EndElement && reader.LocalName == "row" && cells.AsSpan(0, width).ContainsAnyExcept(""))
            {
                rows.Add((rowNumber, cells[..width]));
            }
            reader.Read();
        }
        return rows;
    }

    private static readonly XmlReaderSettings Settings = new() { DtdProcessing = DtdProcessing.Prohibit, IgnoreWhitespace = false, XmlResolver = null };

    private static void Store(string[] cells, int column, string text, ref int width)
    {
        if (column is >= 1 and <= MaxColumns)
        {
            cells[column - 1] = text;
            width = Math.Max(width, column);
        }
    }

    private static string Text(string raw, string? type, int style, IReadOnlyList<string> strings, IReadOnlySet<int> dateStyles) => type switch
    {
        "s" => int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < strings.Count ? strings[i].Trim() : "",
        "b" => raw == "1" ? "是" : "否",
        "str" or "e" => raw.Trim(),
        _ when double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) =>
            dateStyles.Contains(style) && n is > 0 and < 2958466 ? Date(n) : n.ToString("0.############", CultureInfo.InvariantCulture),
        _ => raw.Trim(),
    };

    private static string Date(double serial)
    {
        var d = DateTime.FromOADate(serial);
        return d.TimeOfDay == TimeSpan.Zero ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : d.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
    }

    /// <summary>"AB12" → 28.</summary>
    private static int ColumnOf(string reference)
    {
        var n = 0;
        foreach (var ch in reference)
        {
            if (ch is < 'A' or > 'Z')
            {
                break;
            }
            n = n * 26 + (ch - 'A' + 1);
            if (n > MaxColumns)
            {
                return MaxColumns + 1;
            }
        }
        return n;
    }

    /// <summary>
    /// The text of an &lt;si&gt; or &lt;is&gt; element: its &lt;t&gt; runs, without phonetic guides. Leaves the
    /// reader on the node after the element.
    /// </summary>
    private static string RichText(XmlReader reader)
    {
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return "";
        }
        var depth = reader.Depth;
        var text = new System.Text.StringBuilder();
        reader.Read();
        while (!reader.EOF && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "rPh")
            {
                reader.Skip();
            }
            else if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "t")
            {
                text.Append(reader.ReadElementContentAsString());
            }
            else
            {
                reader.Read();
            }
        }
        reader.Read();
        return text.ToString().Trim();
    }

    private static List<string> SharedStrings(ZipArchive zip)
    {
        var list = new List<string>();
        if (zip.GetEntry("xl/sharedStrings.xml") is not { } entry)
        {
            return list;
        }
        using var reader = XmlReader.Create(entry.Open(), Settings);
        reader.MoveToContent();
        while (!reader.EOF)
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "si")
            {
                list.Add(RichText(reader));
            }
            else
            {
                reader.Read();
            }
        }
        return list;
    }

    /// <summary>The cell styles whose number format shows a date: Excel's built-in date formats, or a custom one with y or d.</summary>
    private static HashSet<int> DateStyles(ZipArchive zip)
    {
        var result = new HashSet<int>();
        if (zip.GetEntry("xl/styles.xml") is not { } entry)
        {
            return result;
        }
        var custom = new Dictionary<int, bool>();
        using var reader = XmlReader.Create(entry.Open(), Settings);
        var (inCellXfs, index) = (false, 0);
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "numFmt"
                && int.TryParse(reader.GetAttribute("numFmtId"), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                custom[id] = IsDateFormat(reader.GetAttribute("formatCode") ?? "");
            }
            else if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "cellXfs")
            {
                inCellXfs = !reader.IsEmptyElement;
            }
            else if (reader.NodeType == XmlNodeType.EndElement && reader.LocalName == "cellXfs")
            {
                inCellXfs = false;
            }
            else if (inCellXfs && reader.NodeType == XmlNodeType.Element && reader.LocalName == "xf")
            {
                var format = int.TryParse(reader.GetAttribute("numFmtId"), NumberStyles.None, CultureInfo.InvariantCulture, out var f) ? f : 0;
                if (format is (>= 14 and <= 22) or (>= 27 and <= 36) or (>= 45 and <= 47) or (>= 50 and <= 58) || custom.GetValueOrDefault(format))
                {
                    result.Add(index);
                }
                index++;
            }
        }
        return result;
    }

    private static bool IsDateFormat(string code)
    {
        var plain = System.Text.RegularExpressions.Regex.Replace(code, "\"[^\"]*\"|\\[[^\\]]*\\]|\\\\.", "");
        return plain.IndexOfAny(['y', 'Y', 'd', 'D']) >= 0;
    }

    private static List<(string Name, string Part)> Sheets(ZipArchive zip)
    {
        var targets = new Dictionary<string, string>();
        if (zip.GetEntry("xl/_rels/workbook.xml.rels") is { } rels)
        {
            using var reader = XmlReader.Create(rels.Open(), Settings);
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "Relationship" && reader.GetAttribute("Id") is { } id)
                {
                    var target = reader.GetAttribute("Target") ?? "";
                    targets[id] = target.StartsWith('/') ? target.TrimStart('/') : "xl/" + target;
                }
            }
        }
        var sheets = new List<(string, string)>();
        using (var reader = XmlReader.Create(zip.GetEntry("xl/workbook.xml")!.Open(), Settings))
        {
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "sheet" && reader.GetAttribute("name") is { } name)
                {
                    var rid = reader.GetAttribute("id", "http://schemas.openxmlformats.org/officeDocument/2006/relationships");
                    if (rid is not null && targets.TryGetValue(rid, out var part))
                    {
                        sheets.Add((name, part));
                    }
                }
            }
        }
        return sheets;
    }
}
