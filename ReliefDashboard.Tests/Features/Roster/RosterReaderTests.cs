using System.IO.Compression;
using System.Text;
using MiniExcelLibs;

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
}
