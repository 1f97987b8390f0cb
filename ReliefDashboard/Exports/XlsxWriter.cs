using System.IO.Compression;
using System.Text;
using System.Xml;
using ReliefDashboard.Figures;
using ReliefDashboard.Writes;

namespace ReliefDashboard.Exports;

/// <summary>
/// Text-only workbooks (the roster, the household list, the ledger), streamed sheet by sheet into the zip as the
/// rows are made. Every cell is an inline string, never a formula; a cell that Excel or WPS would otherwise take for
/// one when it is edited (it begins with =, +, -, @, tab or CR) carries the quote-prefix style, which is what those
/// programs write themselves for text typed after an apostrophe. The header row is bold and frozen.
/// </summary>
public static class XlsxWriter
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string Relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    /// <summary>Cell styles: 0 plain, 1 header, 2 text that begins like a formula (quotePrefix).</summary>
    public const int QuotePrefixStyle = 2;

    public static void Write(Stream stream, IEnumerable<(string Name, IReadOnlyList<string> Headers, IEnumerable<string[]> Rows)> sheets)
    {
        using var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true);
        var names = new List<string>();
        foreach (var (name, headers, rows) in sheets)
        {
            names.Add(name);
            using var entry = zip.CreateEntry($"xl/worksheets/sheet{names.Count}.xml", CompressionLevel.Optimal).Open();
            WriteSheet(entry, headers, rows);
        }
        Part(zip, "[Content_Types].xml", ContentTypes(names.Count));
        Part(zip, "_rels/.rels",
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
            "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
        Part(zip, "xl/workbook.xml", Workbook(names));
        Part(zip, "xl/_rels/workbook.xml.rels", WorkbookRelationships(names.Count));
        Part(zip, "xl/styles.xml",
            $"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><styleSheet xmlns=\"{Main}\">" +
            "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"等线\"/></font><font><b/><sz val=\"11\"/><name val=\"等线\"/></font></fonts>" +
            "<fills count=\"3\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill>" +
            "<fill><patternFill patternType=\"solid\"><fgColor rgb=\"FFE8EEF5\"/><bgColor indexed=\"64\"/></patternFill></fill></fills>" +
            "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>" +
            "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>" +
            "<cellXfs count=\"3\"><xf numFmtId=\"49\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>" +
            "<xf numFmtId=\"49\" fontId=\"1\" fillId=\"2\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\" applyFont=\"1\" applyFill=\"1\"/>" +
            "<xf numFmtId=\"49\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\" quotePrefix=\"1\"/></cellXfs>" +
            "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles></styleSheet>");
    }

    /// <summary>Whether a spreadsheet would read the text as a formula (or a DDE command) if it were typed in.</summary>
    public static bool LooksLikeFormula(string value) => value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r';

    private static void WriteSheet(Stream entry, IReadOnlyList<string> headers, IEnumerable<string[]> rows)
    {
        using var xml = XmlWriter.Create(entry, new XmlWriterSettings { Encoding = new UTF8Encoding(false) });
        xml.WriteStartDocument(true);
        xml.WriteStartElement("worksheet", Main);
        xml.WriteStartElement("sheetViews");
        xml.WriteStartElement("sheetView");
        xml.WriteAttributeString("workbookViewId", "0");
        xml.WriteStartElement("pane");
        xml.WriteAttributeString("ySplit", "1");
        xml.WriteAttributeString("topLeftCell", "A2");
        xml.WriteAttributeString("activePane", "bottomLeft");
        xml.WriteAttributeString("state", "frozen");
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteStartElement("sheetFormatPr");
        xml.WriteAttributeString("defaultColWidth", "16");
        xml.WriteAttributeString("defaultRowHeight", "15");
        xml.WriteEndElement();
        xml.WriteStartElement("sheetData");
        var r = 1;
        Row(xml, r++, headers, header: true);
        foreach (var row in rows)
        {
            Row(xml, r++, row, header: false);
        }
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void Row(XmlWriter xml, int r, IReadOnlyList<string> cells, bool header)
    {
        xml.WriteStartElement("row");
        xml.WriteAttributeString("r", r.ToString(System.Globalization.CultureInfo.InvariantCulture));
        for (var c = 0; c < cells.Count; c++)
        {
            var value = cells[c];
            if (string.IsNullOrEmpty(value))
            {
                continue;
            }
            xml.WriteStartElement("c");
            xml.WriteAttributeString("r", Column(c) + r.ToString(System.Globalization.CultureInfo.InvariantCulture));
            xml.WriteAttributeString("t", "inlineStr");
            var style = header ? 1 : LooksLikeFormula(value) ? QuotePrefixStyle : 0;
            if (style != 0)
            {
                xml.WriteAttributeString("s", style.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
            xml.WriteStartElement("is");
            xml.WriteStartElement("t");
            if (value.Length > 0 && (char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1])))
            {
                xml.WriteAttributeString("xml", "space", null, "preserve");
            }
            xml.WriteString(XmlSafe(value));
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
    }

    /// <summary>Characters XML 1.0 cannot carry (control characters pasted from elsewhere) become U+FFFD.</summary>
    private static string XmlSafe(string value)
    {
        foreach (var ch in value)
        {
            if (!XmlConvert.IsXmlChar(ch) && !char.IsSurrogate(ch))
            {
                return string.Concat(value.Select(x => XmlConvert.IsXmlChar(x) || char.IsSurrogate(x) ? x : '\uFFFD'));
            }
        }
        return value;
    }

    public static string Column(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + (n - 1) % 26) + name;
        }
        return name;
    }

    private static void Part(ZipArchive zip, string path, string content)
    {
        using var s = zip.CreateEntry(path, CompressionLevel.Optimal).Open();
        s.Write(Encoding.UTF8.GetBytes(content));
    }

    private static string ContentTypes(int sheets)
    {
        var text = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">" +
            "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/>" +
            "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>" +
            "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>");
        for (var i = 1; i <= sheets; i++)
        {
            text.Append($"<Override PartName=\"/xl/worksheets/sheet{i}.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>");
        }
        return text.Append("</Types>").ToString();
    }

    private static string Workbook(IReadOnlyList<string> names)
    {
        var text = new StringBuilder($"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><workbook xmlns=\"{Main}\" xmlns:r=\"{Relationships}\"><sheets>");
        for (var i = 0; i < names.Count; i++)
        {
            text.Append($"<sheet name=\"{System.Security.SecurityElement.Escape(names[i])}\" sheetId=\"{i + 1}\" r:id=\"rId{i + 1}\"/>");
        }
        return text.Append("</sheets></workbook>").ToString();
    }

    private static string WorkbookRelationships(int sheets)
    {
        var text = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">");
        for (var i = 1; i <= sheets; i++)
        {
            text.Append($"<Relationship Id=\"rId{i}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet{i}.xml\"/>");
        }
        text.Append($"<Relationship Id=\"rId{sheets + 1}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>");
        return text.Append("</Relationships>").ToString();
    }
}
