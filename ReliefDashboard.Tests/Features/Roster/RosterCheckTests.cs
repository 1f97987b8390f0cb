using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using ReliefDashboard.Domain;
using ReliefDashboard.Exports;
using ReliefDashboard.Figures;
using ReliefDashboard.TestSupport;
using ReliefDashboard.Writes;

namespace ReliefDashboard.Features.Roster;

/// <summary>The roster check against <see cref="SmallDistrict"/>: what a good file passes and each kind of bad row it names.</summary>
public sealed class RosterCheckTests : IAsyncLifetime
{
    private readonly TestDatabase database = new();
    private SmallDistrict.Seeded seeded = default!;
    private static readonly UserScope Admin = new("a", "管理员", Roles.Admin, null, null);

    public async ValueTask InitializeAsync() => seeded = await SmallDistrict.SeedAsync(database);

    public ValueTask DisposeAsync() => database.DisposeAsync();

    private static readonly string HeadId = Ids.Make(new DateOnly(1975, 4, 8), Sex.Male, 501);
    private static readonly string WifeId = Ids.Make(new DateOnly(1978, 9, 30), Sex.Female, 502);

    private static Dictionary<string, object> Household(string code = "610623001000101", string town = "青石镇", string site = "青石新村安置社区", string year = "2018") => new()
    {
        ["户编号"] = code,
        ["镇街"] = town,
        ["安置点"] = site,
        ["户主姓名"] = "赵新民",
        ["迁出村"] = "石门村",
        ["搬迁年份"] = year,
        ["联系电话"] = "13912345678",
        ["建档立卡贫困户"] = "是",
        ["最近走访核实日期"] = "2026-11-02",
    };

    private static Dictionary<string, object> Member(string id, string name, string birth, string sex, string relation, string code = "610623001000101") => new()
    {
        ["户编号"] = code,
        ["姓名"] = name,
        ["身份证号"] = id,
        ["出生日期"] = birth,
        ["性别"] = sex,
        ["与户主关系"] = relation,
        ["劳动能力"] = "有劳动能力",
    };

    private static Dictionary<string, object> Job(string id, string code = "610623001000101") => new()
    {
        ["户编号"] = code,
        ["身份证号"] = id,
        ["渠道"] = "2",
        ["用工单位"] = "新动能电子科技有限公司",
        ["园区"] = "新动能产业园区",
        ["就业地点"] = "区内",
        ["合同期限（月）"] = "12",
        ["月工资（元）"] = "3200",
        ["开始日期"] = "2026-01-05",
    };

    private async Task<RosterReport> CheckAsync(UserScope user, params (string Sheet, Dictionary<string, object>[] Rows)[] sheets)
    {
        using var stream = new MemoryStream();
        stream.SaveAs(sheets.ToDictionary(s => s.Sheet, s => (object)s.Rows));
        var file = RosterReader.Read(stream.ToArray(), "台账.xlsx");
        await using var db = database.CreateDbContext();
        return await new RosterCheck(new FixedClock(SmallDistrict.Today)).CheckAsync(file, db, user);
    }

    private static List<string> Texts(RosterReport report) => report.Problems.Select(p => p.ToString()).ToList();

    private static (string, Dictionary<string, object>[]) Members(params Dictionary<string, object>[] rows) => ("家庭成员", rows);

    private static (string, Dictionary<string, object>[]) Households(params Dictionary<string, object>[] rows) => ("搬迁户", rows);

    [Fact]
    public async Task AGoodFile_HasNoProblems()
    {
        var report = await CheckAsync(Admin,
            Households(Household()),
            Members(Member(HeadId, "赵新民", "1975-04-08", "男", "户主"), Member(WifeId, "刘桂芳", "1978/9/30", "女", "配偶")),
            ("就业", [Job(WifeId)]));

        Assert.Empty(Texts(report));
        Assert.Equal(["610623001000101"], report.CleanCodes);
    }

    [Fact]
    public async Task ABadIdNumber_AndABirthDateThatDisagrees_AreNamedOnTheirRow()
    {
        var broken = HeadId[..17] + (HeadId[17] == '0' ? '1' : '0');

        var report = await CheckAsync(Admin, Households(Household()),
            Members(Member(broken, "赵新民", "1975-04-08", "男", "户主"), Member(WifeId, "刘桂芳", "1980-01-01", "女", "配偶")));

        Assert.Contains($"“家庭成员”第2行“身份证号”列：{IdNumber.Problem(broken)}", Texts(report));
        Assert.Contains("“家庭成员”第3行“出生日期”列：出生日期与身份证号不一致", Texts(report));
        Assert.Empty(report.CleanCodes);
    }

    [Fact]
    public async Task TheSameIdNumberInTwoHouseholds_InTheFileOrTheDatabase_IsRefused()
    {
        string registered;
        await using (var db = database.CreateDbContext())
        {
            registered = await db.Members.Where(m => m.HouseholdId == seeded.Met).Select(m => m.IdNumber).FirstAsync();
        }

        var report = await CheckAsync(Admin,
            Households(Household(), Household("610623001000102")),
            Members(Member(HeadId, "赵新民", "1975-04-08", "男", "户主"), Member(HeadId, "赵新民", "1975-04-08", "男", "户主", "610623001000102"),
                Member(registered, "王建军", IdNumber.BirthDate(registered)!.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), "男", "配偶")));

        Assert.Contains("“家庭成员”第3行“身份证号”列：身份证号已出现在第2行（户编号610623001000101），同一人不能在两户", Texts(report));
        Assert.Contains("“家庭成员”第4行“身份证号”列：身份证号已登记在户610623001000001，同一人不能在两户", Texts(report));
    }

    [Fact]
    public async Task AMemberOfAHouseholdInNeitherTheFileNorTheDatabase_IsRefused()
    {
        var report = await CheckAsync(Admin, Members(Member(HeadId, "赵新民", "1975-04-08", "男", "户主", "610623099999999")));

        Assert.Equal(["“家庭成员”第2行“户编号”列：户编号610623099999999既不在本文件的“搬迁户”表中，也未登记"], Texts(report));
    }

    [Fact]
    public async Task WrongTypes_UnknownPlaces_AndTwoHeads_AreEachNamed()
    {
        var report = await CheckAsync(Admin,
            Households(Household(year: "二〇一八"), Household("610623001000102", site: "不存在的安置点"), Household("610623001000103", town: "外县")),
            Members(Member(HeadId, "赵新民", "1975-04-08", "男", "户主", "610623001000102"), Member(WifeId, "刘桂芳", "1978-09-30", "女", "户主", "610623001000102")));

        Assert.Equal(
        [
            "“搬迁户”第2行“搬迁年份”列：“二〇一八”不是整数",
            "“搬迁户”第3行“安置点”列：安置点“不存在的安置点”不在青石镇",
            "“搬迁户”第4行“镇街”列：镇街“外县”不存在",
            "“家庭成员”第2行“与户主关系”列：户编号610623001000102的成员中应有且只有一名户主，现有2名",
        ], Texts(report));
    }

    [Fact]
    public async Task TownStaff_ImportTheirOwnTownOnly()
    {
        var staffB = new UserScope("b", "麻塬镇干部", Roles.TownStaff, seeded.TownB, null);

        var report = await CheckAsync(staffB, Households(Household()));

        Assert.Equal(["“搬迁户”第2行“镇街”列：只能导入本镇街的搬迁户"], Texts(report));
    }

    [Fact]
    public async Task AJobOfSomeoneWhoIsNotAMember_IsRefused_AndOnlyThatHouseholdIsUnclean()
    {
        var report = await CheckAsync(Admin,
            Households(Household(), Household("610623001000102")),
            Members(Member(HeadId, "赵新民", "1975-04-08", "男", "户主"), Member(WifeId, "刘桂芳", "1978-09-30", "女", "户主", "610623001000102")),
            ("就业", [Job(WifeId)]));

        Assert.Equal([$"“就业”第2行“身份证号”列：身份证号{IdNumber.Mask(WifeId)}不是户610623001000101的成员"], Texts(report));
        Assert.Equal(["610623001000102"], report.CleanCodes);
    }
}
