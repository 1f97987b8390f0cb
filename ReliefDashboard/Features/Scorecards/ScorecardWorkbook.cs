using System.Globalization;
using System.IO.Compression;
using System.Security;
using System.Text;
using ReliefDashboard.Components.Shared;
using ReliefDashboard.Domain;
using ReliefDashboard.Exports;
using ReliefDashboard.Figures;
using ReliefDashboard.Writes;

namespace ReliefDashboard.Features.Scorecards;

/// <summary>
/// A scorecard as an .xlsx workbook for leadership meetings: the same rows, values, scores and band colours as the
/// page, with Chinese headers. Written as plain SpreadsheetML (a zip of a few XML parts), because the colours
/// are per cell and the spreadsheet libraries served here write values, not cell fills.
/// </summary>
public static class ScorecardWorkbook
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>The header row is the third: a title and the settings line come first.</summary>
    public const int HeaderRow = 3;

    private enum Style
    {
        Default = 0,
        Header = 1,
        Text = 2,
        Decimal = 3,
        Title = 4,
        Integer = 5,
        Note = 6,
        GreenDecimal = 7,
        AmberDecimal = 8,
        RedDecimal = 9,
        GreenText = 10,
        AmberText = 11,
        RedText = 12,
        GreenInteger = 13,
        AmberInteger = 14,
        RedInteger = 15,
    }

    public static string[] Headers(ScoreSheet sheet)
    {
        var headers = new List<string> { "排名", "镇街" };
        foreach (var c in sheet.Columns)
        {
            var name = ScorecardPolicy.Name(c.Indicator);
            headers.Add($"{name}（{ScoreSheet.Unit(c.Indicator)}）");
            headers.Add($"{name}得分");
        }
        headers.AddRange(["总分", "档次", "较上期", "表彰", "问责"]);
        return [.. headers];
    }

    public static byte[] Write(ScoreSheet sheet, IReadOnlyList<TownScore> rows)
    {
        var headers = Headers(sheet);
        var data = new StringBuilder();
        var r = 1;
        Row(data, r++, [Cell.Text($"易地扶贫搬迁后续产业就业工作镇街考核 · {sheet.Title}", Style.Title)]);
        Row(data, r++, [Cell.Text($"计分口径：{sheet.Rules}", Style.Note)]);
        Row(data, r++, headers.Select(h => Cell.Text(h, Style.Header)).ToArray());
        foreach (var t in rows)
        {
            var cells = new List<Cell> { t.Rank is { } rank ? Cell.Number(rank, Style.Integer) : Cell.Text("—", Style.Text), Cell.Text(t.Town, Style.Text) };
            foreach (var c in sheet.Columns)
            {
                var cell = t.Cell(c.Indicator);
                cells.Add(cell?.Value is { } v ? Cell.Number(v, Banded(cell.Band, ScorecardPolicy.IsCount(c.Indicator) ? Style.Integer : Style.Decimal))
                    : Cell.Text(c.Indicator == IndicatorKind.FlagsClosedOnTime ? "暂无" : "—", Style.Text));
                cells.Add(cell?.Score is { } s ? Cell.Number(s, Banded(cell.Band, Style.Decimal)) : Cell.Text("—", Style.Text));
            }
            cells.Add(t.Total is { } total ? Cell.Number(total, Banded(t.TotalBand, Style.Decimal)) : Cell.Text("—", Style.Text));
            cells.Add(Cell.Text(t.TotalBand is { } band ? Colours.BandLabel(band) : "—", BandedText(t.TotalBand)));
            var before = sheet.PreviousOf(t.TownId)?.Total;
            cells.Add(t.Total is { } now && before is { } b ? Cell.Number(now - b, Style.Decimal) : Cell.Text("—", Style.Text));
            var verdict = sheet.Verdicts.GetValueOrDefault(t.TownId);
            cells.Add(Cell.Text(verdict?.Commendation ?? "", Style.Text));
            cells.Add(Cell.Text(verdict?.Accountability ?? "", Style.Text));
            Row(data, r++, [.. cells]);
        }
        var average = new List<Cell> { Cell.Text("", Style.Text), Cell.Text("镇街平均（简单平均）", Style.Header) };
        foreach (var c in sheet.Columns)
        {
            average.Add(sheet.AverageValue(c.Indicator) is { } v ? Cell.Number(v, Style.Decimal) : Cell.Text("—", Style.Text));
            average.Add(sheet.AverageScore(c.Indicator) is { } s ? Cell.Number(s, Style.Decimal) : Cell.Text("—", Style.Text));
        }
        average.Add(sheet.AverageTotal is { } at ? Cell.Number(at, Style.Decimal) : Cell.Text("—", Style.Text));
        Row(data, r++, [.. average]);
        var district = new List<Cell> { Cell.Text("", Style.Text), Cell.Text("全区合计（按户数）", Style.Header) };
        foreach (var c in sheet.Columns)
        {
            district.Add(sheet.DistrictValue(c.Indicator) is { } v ? Cell.Number(v, Style.Decimal) : Cell.Text("—", Style.Text));
            district.Add(Cell.Text("", Style.Text));
        }
        district.Add(Cell.Text("—", Style.Text));
        Row(data, r, [.. district]);

        var lastColumn = ColumnName(headers.Length - 1);
        var widths = string.Concat(headers.Select((h, i) =>
            $"<col min=\"{i + 1}\" max=\"{i + 1}\" width=\"{(i == 1 ? 12 : h.Length > 8 ? h.Length * 2 : 11)}\" customWidth=\"1\"/>"));
        var worksheet = $"""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
            <sheetViews><sheetView workbookViewId="0"><pane ySplit="{HeaderRow}" xSplit="2" topLeftCell="C{HeaderRow + 1}" activePane="bottomRight" state="frozen"/></sheetView></sheetViews>
            <cols>{widths}</cols>
            <sheetData>{data}</sheetData>
            <mergeCells count="2"><mergeCell ref="A1:{lastColumn}1"/><mergeCell ref="A2:{lastColumn}2"/></mergeCells>
            <pageSetup orientation="landscape" paperSize="9" fitToWidth="1" fitToHeight="0"/>
            </worksheet>
            """;

        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            Part(zip, "[Content_Types].xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
                <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
                <Default Extension="xml" ContentType="application/xml"/>
                <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
                <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
                <Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>
                </Types>
                """);
            Part(zip, "_rels/.rels", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
                </Relationships>
                """);
            Part(zip, "xl/workbook.xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
                <sheets><sheet name="镇街考核" sheetId="1" r:id="rId1"/></sheets>
                </workbook>
                """);
            Part(zip, "xl/_rels/workbook.xml.rels", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
                <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
                </Relationships>
                """);
            Part(zip, "xl/styles.xml", Styles());
            Part(zip, "xl/worksheets/sheet1.xml", worksheet);
        }
        return stream.ToArray();
    }

    /// <summary>The fill colour (RRGGBB) each band's cells carry; the test reads it back.</summary>
    public static string FillOf(Band band) => Colours.Tint(band).TrimStart('#');

    private static string Styles()
    {
        string Argb(string hex) => "FF" + hex.TrimStart('#');
        var fills = new[] { Band.Green, Band.Amber, Band.Red }
            .Select(b => $"<fill><patternFill patternType=\"solid\"><fgColor rgb=\"{Argb(Colours.Tint(b))}\"/><bgColor indexed=\"64\"/></patternFill></fill>");
        var fonts = new[] { Band.Green, Band.Amber, Band.Red }.Select(b => $"<font><sz val=\"11\"/><color rgb=\"{Argb(Colours.Ink(b))}\"/><name val=\"等线\"/></font>");
        // Fonts: 0 normal, 1 bold, 2 title, 3 grey note, 4–6 band inks. Fills: 0 none, 1 gray125 (required), 2 header, 3–5 bands.
        return $"""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
            <numFmts count="1"><numFmt numFmtId="164" formatCode="0.0"/></numFmts>
            <fonts count="7"><font><sz val="11"/><name val="等线"/></font><font><b/><sz val="11"/><name val="等线"/></font><font><b/><sz val="14"/><name val="等线"/></font><font><sz val="9"/><color rgb="FF616161"/><name val="等线"/></font>{string.Concat(fonts)}</fonts>
            <fills count="6"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFECEFF1"/><bgColor indexed="64"/></patternFill></fill>{string.Concat(fills)}</fills>
            <borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border><left style="thin"><color rgb="FFB0BEC5"/></left><right style="thin"><color rgb="FFB0BEC5"/></right><top style="thin"><color rgb="FFB0BEC5"/></top><bottom style="thin"><color rgb="FFB0BEC5"/></bottom><diagonal/></border></borders>
            <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
            <cellXfs count="16">
            <xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>
            <xf numFmtId="0" fontId="1" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center" wrapText="1"/></xf>
            <xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1"/>
            <xf numFmtId="164" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1"/>
            <xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1"/>
            <xf numFmtId="1" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1"/>
            <xf numFmtId="0" fontId="3" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment wrapText="1" vertical="top"/></xf>
            <xf numFmtId="164" fontId="4" fillId="3" borderId="1" xfId="0" applyNumberFormat="1" applyFont="1" applyFill="1" applyBorder="1"/>
            <xf numFmtId="164" fontId="5" fillId="4" borderId="1" xfId="0" applyNumberFormat="1" applyFont="1" applyFill="1" applyBorder="1"/>
            <xf numFmtId="164" fontId="6" fillId="5" borderId="1" xfId="0" applyNumberFormat="1" applyFont="1" applyFill="1" applyBorder="1"/>
            <xf numFmtId="0" fontId="4" fillId="3" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center"/></xf>
            <xf numFmtId="0" fontId="5" fillId="4" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center"/></xf>
            <xf numFmtId="0" fontId="6" fillId="5" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center"/></xf>
            <xf numFmtId="1" fontId="4" fillId="3" borderId="1" xfId="0" applyNumberFormat="1" applyFont="1" applyFill="1" applyBorder="1"/>
            <xf numFmtId="1" fontId="5" fillId="4" borderId="1" xfId="0" applyNumberFormat="1" applyFont="1" applyFill="1" applyBorder="1"/>
            <xf numFmtId="1" fontId="6" fillId="5" borderId="1" xfId="0" applyNumberFormat="1" applyFont="1" applyFill="1" applyBorder="1"/>
            </cellXfs>
            <cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles>
            </styleSheet>
            """;
    }

    /// <summary>A banded number keeps the integer format of counts; the fill is what carries the band.</summary>
    private static Style Banded(Band? band, Style plain) => (band, plain) switch
    {
        (Band.Green, Style.Integer) => Style.GreenInteger,
        (Band.Amber, Style.Integer) => Style.AmberInteger,
        (Band.Red, Style.Integer) => Style.RedInteger,
        (Band.Green, _) => Style.GreenDecimal,
        (Band.Amber, _) => Style.AmberDecimal,
        (Band.Red, _) => Style.RedDecimal,
        _ => plain,
    };

    private static Style BandedText(Band? band) => band switch
    {
        Band.Green => Style.GreenText,
        Band.Amber => Style.AmberText,
        Band.Red => Style.RedText,
        _ => Style.Text,
    };

    private readonly record struct Cell(string? Words, decimal? Value, Style Style)
    {
        public static Cell Text(string text, Style style) => new(text, null, style);

        public static Cell Number(decimal value, Style style) => new(null, value, style);
    }

    private static void Row(StringBuilder sb, int row, Cell[] cells)
    {
        sb.Append(CultureInfo.InvariantCulture, $"<row r=\"{row}\">");
        for (var i = 0; i < cells.Length; i++)
        {
            var c = cells[i];
            var reference = $"{ColumnName(i)}{row}";
            if (c.Value is { } v)
            {
                sb.Append(CultureInfo.InvariantCulture, $"<c r=\"{reference}\" s=\"{(int)c.Style}\"><v>{v.ToString(CultureInfo.InvariantCulture)}</v></c>");
            }
            else
            {
                sb.Append(CultureInfo.InvariantCulture, $"<c r=\"{reference}\" s=\"{(int)c.Style}\" t=\"inlineStr\"><is><t>{SecurityElement.Escape(c.Words)}</t></is></c>");
            }
        }
        sb.Append("</row>");
    }

    public static string ColumnName(int index)
    {
        var name = "";
        for (var i = index + 1; i > 0; i = (i - 1) / 26)
        {
            name = (char)('A' + ((i - 1) % 26)) + name;
        }
        return name;
    }

    private static void Part(ZipArchive zip, string name, string xml)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Fastest);
        using var writer = new StreamWriter(entry.Open(), new UTF8Encoding(false));
        writer.Write(xml.Trim());
    }
}
