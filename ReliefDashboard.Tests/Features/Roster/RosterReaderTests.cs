using System.IO.Compression;
using System.Text;
using MiniExcelLibs;
using ReliefDashboard.Exports;
using ReliefDashboard.Figures;
using ReliefDashboard.Writes;

namespace ReliefDashboard.Features.Roster;

public class RosterReaderTests
{
    static RosterReaderTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static string Only(RosterFile file) => Assert.Single(file.Problems).ToString();

    private static byte[] Workbook(Dictionary<string, object> sheets)
    {
        using var stream = new MemoryStream();
        stream.SaveAs(sheets);
        return stream.ToArray();
    }

    [Fact]
    public void TheTemplate_ReadsBack_AsEverySheetWithItsHeaders_AndNoRows()
    {
        var file = RosterReader.Read(RosterTemplate.Workbook(), "台账模板.xlsx");

        Assert.Empty(file.Problems);
        Assert.Equal(RosterTemplate.Sheets, file.Sheets.Keys);
        Assert.All(file.Sheets.Values, rows => Assert.Empty(rows));
    }

    [Fact]
    public void AWorkbook_GivesItsRowsAsText_NumberedAsInExcel()
    {
        var bytes = Workbook(new()
        {
            ["搬迁户"] = new[]
            {
                new Dictionary<string, object> { ["户编号"] = "610623001000001", ["镇街"] = "青石镇", ["安置点"] = "青石新村安置社区", ["户主姓名"] = "王建军", ["迁出村"] = "石门村", ["搬迁年份"] = 2018, ["最近走访核实日期"] = new DateTime(2026, 11, 2) },
            },
        });

        var file = RosterReader.Read(bytes, "青石镇.xlsx");

        Assert.Empty(file.Problems);
        var row = Assert.Single(file.Sheets[RosterTemplate.Households]);
        Assert.Equal((2, "王建军", "2018", "2026-11-02"), (row.Row, row.Get("户主姓名"), row.Get("搬迁年份"), row.Get("最近走访核实日期")));
    }

    [Fact]
    public void AMissingRequiredColumn_AndAnUnknownOne_AreNamed()
    {
        var bytes = Workbook(new()
        {
            ["家庭成员"] = new[] { new Dictionary<string, object> { ["户编号"] = "610623001000001", ["姓名"] = "王建军", ["出生日期"] = "1970-01-01", ["性别"] = "男", ["与户主关系"] = "户主", ["劳动能力"] = "有劳动能力", ["微信"] = "x" } },
        });

        var problems = RosterReader.Read(bytes, "成员.xlsx").Problems.Select(p => p.ToString()).ToList();

        Assert.Contains("“家庭成员”第1行“身份证号”列：缺少必填列", problems);
        Assert.Contains("“家庭成员”第1行“微信”列：不是模板中的列", problems);
    }

    [Fact]
    public void AnEmptyFile_SaysSo() => Assert.Contains("是空的", Only(RosterReader.Read([], "台账.xlsx")));

    [Fact]
    public void AnotherKindOfFile_IsRefusedByItsName() => Assert.Contains("只能导入 .xlsx 工作簿或 .csv 文件", Only(RosterReader.Read([1, 2, 3], "台账.xls")));

    [Fact]
    public void AZipThatIsNotAWorkbook_IsRefused()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var w = new StreamWriter(zip.CreateEntry("照片/1.txt").Open());
            w.Write("不是工作簿");
        }

        Assert.Contains("不是有效的Excel工作簿", Only(RosterReader.Read(stream.ToArray(), "台账.xlsx")));
    }

    [Theory]
    [InlineData("台账.xlsx", "不是有效的Excel工作簿")]
    [InlineData("台账.csv", "不是文本文件，或编码无法识别")]
    public void TwentyMegabytesOfJunk_IsRefused_WithoutReadingItAsData(string name, string message)
    {
        var junk = new byte[20 * 1024 * 1024];
        new Random(7).NextBytes(junk);

        Assert.Contains(message, Only(RosterReader.Read(junk, name)));
    }

    [Fact]
    public void AFileOverTheLimit_IsRefused() =>
        Assert.Contains("超过50MB", Only(RosterReader.Read(new byte[RosterReader.MaxBytes + 1], "台账.csv")));

    [Theory]
    [InlineData("UTF-8")]
    [InlineData("GB18030")]
    [InlineData("GBK")]
    public void ACsvInUtf8OrGbk_IsDecoded_AndItsSheetFoundByItsHeaders(string encoding)
    {
        const string text = "户编号,姓名,身份证号,出生日期,性别,与户主关系,劳动能力\r\n610623001000001,王建军,610623197001010016,1970-01-01,男,户主,有劳动能力\r\n";
        var bytes = Encoding.GetEncoding(encoding).GetBytes(text);

        var file = RosterReader.Read(bytes, "导出.csv");

        Assert.Empty(file.Problems);
        Assert.Equal(encoding == "UTF-8" ? "UTF-8" : "GB18030", file.Encoding);
        Assert.Equal("王建军", Assert.Single(file.Sheets[RosterTemplate.Members]).Get("姓名"));
    }

    [Fact]
    public void ACsvWithABom_QuotedCommasAndLineBreaks_IsReadAsWritten()
    {
        var text = "户编号,镇街,安置点,户主姓名,迁出村,搬迁年份\r\n610623001000001,青石镇,\"青石新村,一区\",王建军,\"石门村\n三组\",2018\r\n";
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes(text)).ToArray();

        var row = Assert.Single(RosterReader.Read(bytes, "搬迁户.csv").Sheets[RosterTemplate.Households]);

        Assert.Equal(("青石新村,一区", "石门村\n三组"), (row.Get("安置点"), row.Get("迁出村")));
    }

    [Fact]
    public void ACsvWhoseHeadersMatchNoSheet_IsRefused() =>
        Assert.Contains("表头与模板中任何一张表都对不上", Only(RosterReader.Read(Encoding.UTF8.GetBytes("姓名,电话\n张三,1\n"), "通讯录.csv")));

    [Fact]
    public void AUtf16Csv_IsRefused_SayingHowToSaveIt() =>
        Assert.Contains("UTF-16编码", Only(RosterReader.Read(Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("户编号,镇街\r\n")).ToArray(), "搬迁户.csv")));

    /// <summary>A workbook as Excel writes it: shared strings (one with a phonetic guide), dates as styled serial numbers, gaps.</summary>
    [Fact]
    public void AWorkbookAsExcelWritesIt_SharedStringsDatesAndGaps_IsReadAsText()
    {
        const string main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        var parts = new Dictionary<string, string>
        {
            ["[Content_Types].xml"] = "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>",
            ["xl/workbook.xml"] = $"<workbook xmlns=\"{main}\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"家庭成员\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>",
            ["xl/_rels/workbook.xml.rels"] = "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>",
            ["xl/sharedStrings.xml"] = $"<sst xmlns=\"{main}\"><si><t>户编号</t></si><si><t>姓名</t></si><si><t>身份证号</t></si><si><t>出生日期</t></si><si><t>性别</t></si>"
                + "<si><t>与户主关系</t></si><si><t>劳动能力</t></si><si><r><t>王</t></r><r><rPr><b/></rPr><t>建军</t></r><rPh sb=\"0\" eb=\"1\"><t>wang</t></rPh></si><si><t xml:space=\"preserve\"> 男 </t></si></sst>",
            ["xl/styles.xml"] = $"<styleSheet xmlns=\"{main}\"><numFmts count=\"1\"><numFmt numFmtId=\"176\" formatCode=\"yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;\"/></numFmts>"
                + "<cellXfs count=\"3\"><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/><xf numFmtId=\"176\"/></cellXfs></styleSheet>",
            ["xl/worksheets/sheet1.xml"] = $"<worksheet xmlns=\"{main}\"><sheetData>"
                + "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c><c r=\"C1\" t=\"s\"><v>2</v></c><c r=\"D1\" t=\"s\"><v>3</v></c><c r=\"E1\" t=\"s\"><v>4</v></c><c r=\"F1\" t=\"s\"><v>5</v></c><c r=\"G1\" t=\"s\"><v>6</v></c></row>"
                + "<row r=\"2\"/>"
                + "<row r=\"4\"><c r=\"A4\"><v>610623001000001</v></c><c r=\"B4\" t=\"s\"><v>7</v></c><c r=\"C4\" t=\"inlineStr\"><is><t>610623197001010016</t></is></c><c r=\"D4\" s=\"1\"><v>25569</v></c><c r=\"E4\" t=\"s\"><v>8</v></c><c r=\"F4\" t=\"str\"><v>户主</v></c></row>"
                + "<row r=\"5\"><c r=\"A5\"><v>610623001000001</v></c><c r=\"D5\" s=\"2\"><v>36526</v></c><c r=\"G5\" t=\"b\"><v>1</v></c></row>"
                + "</sheetData></worksheet>",
        };
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, xml) in parts)
            {
                using var w = new StreamWriter(zip.CreateEntry(name).Open());
                w.Write(xml);
            }
        }

        var rows = RosterReader.Read(stream.ToArray(), "台账.xlsx").Sheets[RosterTemplate.Members];

        Assert.Equal([4, 5], rows.Select(r => r.Row));
        Assert.Equal(("610623001000001", "王建军", "610623197001010016", "1970-01-01", "男", "户主"),
            (rows[0].Get("户编号"), rows[0].Get("姓名"), rows[0].Get("身份证号"), rows[0].Get("出生日期"), rows[0].Get("性别"), rows[0].Get("与户主关系")));
        Assert.Equal(("2000-01-01", "是", ""), (rows[1].Get("出生日期"), rows[1].Get("劳动能力"), rows[1].Get("姓名")));
    }
}
