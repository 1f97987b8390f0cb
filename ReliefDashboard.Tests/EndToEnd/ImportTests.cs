using System.Text.RegularExpressions;
using Microsoft.Playwright;
using MiniExcelLibs;
using ReliefDashboard.Exports;
using ReliefDashboard.Features.Roster;
using ReliefDashboard.Figures;
using ReliefDashboard.Writes;

namespace ReliefDashboard.EndToEnd;

[Collection(EndToEndCollection.Name)]
public class ImportTests(AppFixture app)
{
    private static byte[] Roster(string year)
    {
        var households = new[]
        {
            new Dictionary<string, object> { ["户编号"] = "610623001888001", ["镇街"] = "青石镇", ["安置点"] = "青石新村安置社区", ["户主姓名"] = "导入测甲", ["迁出村"] = "石门村", ["搬迁年份"] = "2018" },
            new Dictionary<string, object> { ["户编号"] = "610623001888002", ["镇街"] = "青石镇", ["安置点"] = "青石新村安置社区", ["户主姓名"] = "导入测乙", ["迁出村"] = "石门村", ["搬迁年份"] = year },
        };
        // Each household comes with its head, as a town's roster would, so every page can show it whole.
        var members = new[]
        {
            Head("610623001888001", "导入测甲", new DateOnly(1971, 5, 6), 881),
            Head("610623001888002", "导入测乙", new DateOnly(1982, 7, 9), 882),
        };
        using var stream = new MemoryStream();
        stream.SaveAs(new Dictionary<string, object> { ["搬迁户"] = households, ["家庭成员"] = members });
        return stream.ToArray();
    }

    private static Dictionary<string, object> Head(string code, string name, DateOnly birth, int seq) => new()
    {
        ["户编号"] = code,
        ["姓名"] = name,
        ["身份证号"] = TestSupport.Ids.Make(birth, Domain.Sex.Male, seq),
        ["出生日期"] = birth.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["性别"] = "男",
        ["与户主关系"] = "户主",
        ["劳动能力"] = "有劳动能力",
    };

    [Fact]
    public async Task TownStaff_DownloadTheTemplate_ReadTheReportOfABadRow_FixIt_AndFindTheHouseholds()
    {
        var page = await app.SignedInPageAsync("demo.qingshi");
        await page.OpenAsync("import");

        var template = await page.APIRequest.GetAsync((await page.Locator("[data-testid=template]").GetAttributeAsync("href"))!);
        Assert.Equal(200, template.Status);
        var file = RosterReader.Read(await template.BodyAsync(), "模板.xlsx");
        Assert.Empty(file.Problems);
        Assert.Equal(RosterTemplate.Sheets.Count, file.Sheets.Count);

        var input = page.Locator("[data-testid=import-file]");
        await input.SetInputFilesAsync(new FilePayload { Name = "青石镇台账.xlsx", MimeType = "application/octet-stream", Buffer = Roster("1990") });
        await page.Locator("[data-testid=import]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=import-result]").First).ToContainTextAsync("未导入任何数据");
        await Assertions.Expect(page.Locator("[data-testid=import-problems] tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("[data-testid=import-problems]")).ToContainTextAsync("搬迁年份应在2000年至今年之间");

        await input.SetInputFilesAsync(new FilePayload { Name = "青石镇台账（改）.xlsx", MimeType = "application/octet-stream", Buffer = Roster("2019") });
        await page.Locator("[data-testid=import]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=import-result]").First).ToContainTextAsync("已导入2户：新增2户");

        await page.Locator("[data-testid=to-registry]").First.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/households"));
        await page.OpenAsync("households?q=610623001888");
        await Assertions.Expect(page.Locator("tr[data-household]")).ToHaveCountAsync(2);
        await page.Context.CloseAsync();
    }
}
