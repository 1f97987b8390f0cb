using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using ReliefDashboard.Domain;
using ReliefDashboard.Exports;
using ReliefDashboard.Figures;
using ReliefDashboard.TestSupport;
using ReliefDashboard.Writes;

namespace ReliefDashboard.Features.Roster;

public sealed class RosterImportTests : ServiceTestBase
{
    private static readonly string HeadId = Ids.Make(new DateOnly(1975, 4, 8), Sex.Male, 501);
    private static readonly string WifeId = Ids.Make(new DateOnly(1978, 9, 30), Sex.Female, 502);

    private static byte[] Roster(bool badSecondHousehold = false, Action<List<Dictionary<string, object>>, List<Dictionary<string, object>>>? spoil = null)
    {
        var households = new List<Dictionary<string, object>>
        {
            new() { ["户编号"] = "610623001000101", ["镇街"] = "青石镇", ["安置点"] = "青石新村安置社区", ["户主姓名"] = "赵新民", ["迁出村"] = "石门村", ["搬迁年份"] = "2018", ["最近走访核实日期"] = "2026-11-02" },
            new() { ["户编号"] = "610623001000102", ["镇街"] = "青石镇", ["安置点"] = "青石新村安置社区", ["户主姓名"] = "孙立", ["迁出村"] = "石门村", ["搬迁年份"] = badSecondHousehold ? "1990" : "2019", ["最近走访核实日期"] = "2026-10-02" },
        };
        var members = new List<Dictionary<string, object>>
        {
            new() { ["户编号"] = "610623001000101", ["姓名"] = "赵新民", ["身份证号"] = HeadId, ["出生日期"] = "1975-04-08", ["性别"] = "男", ["与户主关系"] = "户主", ["劳动能力"] = "有劳动能力" },
            new() { ["户编号"] = "610623001000101", ["姓名"] = "刘桂芳", ["身份证号"] = WifeId, ["出生日期"] = "1978-09-30", ["性别"] = "女", ["与户主关系"] = "配偶", ["劳动能力"] = "有劳动能力" },
            new() { ["户编号"] = "610623001000102", ["姓名"] = "孙立", ["身份证号"] = Ids.Make(new DateOnly(1980, 2, 2), Sex.Male, 503), ["出生日期"] = "1980-02-02", ["性别"] = "男", ["与户主关系"] = "户主", ["劳动能力"] = "有劳动能力" },
        };
        var jobs = new List<Dictionary<string, object>>
        {
            new() { ["户编号"] = "610623001000101", ["身份证号"] = WifeId, ["渠道"] = "2", ["用工单位"] = "新动能电子科技有限公司", ["园区"] = "新动能产业园区", ["就业地点"] = "区内", ["合同期限（月）"] = "12", ["月工资（元）"] = "3200", ["开始日期"] = "2026-01-05" },
        };
        spoil?.Invoke(households, members);
        using var stream = new MemoryStream();
        stream.SaveAs(new Dictionary<string, object> { ["搬迁户"] = households, ["家庭成员"] = members, ["就业"] = jobs });
        return stream.ToArray();
    }

    private async Task<(int Households, int Members, int Audit)> CountsAsync()
    {
        await using var db = Database.CreateDbContext();
        return (await db.Households.CountAsync(), await db.Members.CountAsync(), await db.Audit.CountAsync());
    }

    [Fact]
    public async Task AGoodFile_Imports_WithStatusesAndAnAuditTrailNamingTheFile()
    {
        var result = await As<RosterImport>(Seeded.StaffA).ImportAsync(Roster(), "青石镇台账.xlsx", onlyClean: false);

        Assert.True(result.Ok, result.Message);
        Assert.Equal((2, 0, 0), (result.Added, result.Updated, result.Unchanged));
        await using var db = Database.CreateDbContext();
        var h = await db.Households.Include(x => x.Members).Include(x => x.Employments).SingleAsync(x => x.Code == "610623001000101");
        Assert.Equal((HouseholdStatus.Met, 2, 1), (h.Status, h.Members.Count, h.Employments.Count));
        // The file's measures are new, and the report says so (it used to count them as updated).
        var imported = await db.Households.Where(x => x.Code.StartsWith("61062300100010")).Select(x => x.Id).ToListAsync();
        var measures = await db.Employments.CountAsync(m => imported.Contains(m.HouseholdId)) + await db.Industries.CountAsync(m => imported.Contains(m.HouseholdId))
            + await db.Coverages.CountAsync(m => imported.Contains(m.HouseholdId));
        Assert.Equal(2, imported.Count);
        Assert.Equal((measures, 0), (result.MeasuresAdded, result.MeasuresUpdated));
        // One row per new record, in Chinese, the household's with its first status.
        var created = await db.Audit.SingleAsync(a => a.HouseholdId == h.Id && a.Entity == "Household");
        Assert.Equal(("新增", AuditLabels.WholeRecord), (created.Action, created.Field));
        Assert.Contains("镇街：青石镇", created.NewValue);
        Assert.EndsWith("达标状态：达标", created.NewValue);
        var sources = await db.Audit.Where(a => a.HouseholdId == h.Id).Select(a => a.Source).Distinct().ToListAsync();
        Assert.Equal(["导入：青石镇台账.xlsx"], sources);
    }

    [Fact]
    public async Task ImportingTheSameFileAgain_ChangesNothing()
    {
        Assert.True((await As<RosterImport>(Seeded.StaffA).ImportAsync(Roster(), "台账.xlsx", false)).Ok);
        var before = await CountsAsync();

        var again = await As<RosterImport>(Seeded.StaffA).ImportAsync(Roster(), "台账.xlsx", false);

        Assert.Equal((0, 0, 2), (again.Added, again.Updated, again.Unchanged));
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task AFileWithOneBadRow_ChangesNothing_UnlessOnlyTheCleanHouseholdsAreAskedFor()
    {
        var before = await CountsAsync();

        var refused = await As<RosterImport>(Seeded.StaffA).ImportAsync(Roster(badSecondHousehold: true), "台账.xlsx", false);

        Assert.False(refused.Ok);
        Assert.Contains("发现1处问题，未导入任何数据", refused.Message);
        Assert.Equal("“搬迁户”第3行“搬迁年份”列：搬迁年份应在2000年至今年之间", Assert.Single(refused.Report!.Problems).ToString());
        Assert.Equal(before, await CountsAsync());

        var clean = await As<RosterImport>(Seeded.StaffA).ImportAsync(Roster(badSecondHousehold: true), "台账.xlsx", true);

        Assert.True(clean.Ok, clean.Message);
        Assert.Equal(1, clean.Added);
        await using var db = Database.CreateDbContext();
        Assert.False(await db.Households.AnyAsync(h => h.Code == "610623001000102"));
    }

    [Fact]
    public async Task AnotherTownsStaff_CannotImportIt()
    {
        var result = await As<RosterImport>(Seeded.StaffB).ImportAsync(Roster(), "台账.xlsx", true);

        Assert.False(result.Ok);
        Assert.All(result.Report!.Problems.Where(p => p.Sheet == "搬迁户"), p => Assert.Equal("只能导入本镇街的搬迁户", p.Message));
        Assert.Equal((4, 4), ((await CountsAsync()).Households, (await CountsAsync()).Members));
    }

    public static TheoryData<string, string> BadFiles() => new()
    {
        { "missing column", "缺少必填列" },
        { "wrong type", "不是整数" },
        { "bad ID number", "身份证号" },
        { "duplicate ID", "同一人不能在两户" },
        { "wrong encoding", "UTF-16编码" },
        { "empty file", "是空的" },
        { "20 MB of junk", "不是有效的Excel工作簿" },
        { "zip of something else", "不是有效的Excel工作簿" },
    };

    private static (byte[] Content, string Name) BadFile(string kind)
    {
        switch (kind)
        {
            case "missing column":
                return (Roster(spoil: (h, _) => h.ForEach(r => r.Remove("户主姓名"))), "台账.xlsx");
            case "wrong type":
                return (Roster(spoil: (h, _) => h[0]["搬迁年份"] = "二〇一八"), "台账.xlsx");
            case "bad ID number":
                return (Roster(spoil: (_, m) => m[1]["身份证号"] = "610623197809301234"), "台账.xlsx");
            case "duplicate ID":
                return (Roster(spoil: (_, m) => m[2]["身份证号"] = m[1]["身份证号"]), "台账.xlsx");
            case "wrong encoding":
                return ([.. System.Text.Encoding.Unicode.GetPreamble(), .. System.Text.Encoding.Unicode.GetBytes("户编号,镇街,安置点,户主姓名,迁出村,搬迁年份\r\n610623001000101,青石镇,青石新村安置社区,赵新民,石门村,2018\r\n")], "搬迁户.csv");
            case "empty file":
                return ([], "台账.xlsx");
            case "20 MB of junk":
                var junk = new byte[20 * 1024 * 1024];
                new Random(3).NextBytes(junk);
                return (junk, "台账.xlsx");
            default:
                using (var stream = new MemoryStream())
                {
                    using (var zip = new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
                    using (var w = new StreamWriter(zip.CreateEntry("照片/说明.txt").Open()))
                    {
                        w.Write("这是照片压缩包");
                    }
                    return (stream.ToArray(), "台账.xlsx");
                }
        }
    }

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task EachKindOfBadFile_IsReportedInChinese_AndChangesNothing(string kind, string expected)
    {
        var before = await CountsAsync();
        var (content, name) = BadFile(kind);

        var result = await As<RosterImport>(Seeded.StaffA).ImportAsync(content, name, onlyClean: false);

        Assert.False(result.Ok);
        Assert.Contains(result.Report!.Problems, p => p.ToString().Contains(expected, StringComparison.Ordinal));
        Assert.Equal(before, await CountsAsync());
    }
}
