using System.Text;
using Microsoft.EntityFrameworkCore;
using ReliefDashboard.Domain;
using ReliefDashboard.TestSupport;

namespace ReliefDashboard.Features.Verification;

/// <summary>Every template's import: a good row is kept, and each kind of bad file is refused row by row with nothing written.</summary>
public sealed class DepartmentImportTests : VerificationTestBase
{
    public static TheoryData<DepartmentListKind> Kinds => new(Enum.GetValues<DepartmentListKind>());

    /// <summary>A good row of each template for the member <paramref name="id"/>; the month column, when there is one, is the data month.</summary>
    private static string[] GoodRow(DepartmentListKind kind, string id) => kind switch
    {
        DepartmentListKind.SocialInsurance => [id, "王建军", "新动能电子", "2026-11", "980.50"],
        DepartmentListKind.EmploymentRegistration => [id, "王建军", "新动能电子", "2026-03-01", ""],
        DepartmentListKind.BusinessRegistration => [id, "王建军", "92610623MA00000009", "便民超市", "存续", "2025-01-01", ""],
        DepartmentListKind.Assistance => [id, "王建军", "低保", "2025-01-01", "", "450"],
        DepartmentListKind.MedicalCost => [id, "王建军", "2026-11", "1200"],
        DepartmentListKind.RegisterChange => [id, "王建军", "迁出", "2026-10-01"],
        _ => [id, "王建军", "车辆", "35000", "电动三轮车"],
    };

    private static int MonthColumn(DepartmentListKind kind) => kind switch
    {
        DepartmentListKind.SocialInsurance => 3,
        DepartmentListKind.MedicalCost => 2,
        DepartmentListKind.EmploymentRegistration or DepartmentListKind.Assistance => 3,
        DepartmentListKind.RegisterChange => 3,
        DepartmentListKind.BusinessRegistration => 5,
        _ => -1,
    };

    private async Task<(int Lists, int Records)> StoredAsync()
    {
        await using var db = Database.CreateDbContext();
        return (await db.DepartmentLists.CountAsync(), await db.DepartmentRecords.CountAsync());
    }

    private async Task<string> MemberIdAsync()
    {
        await using var db = Database.CreateDbContext();
        return await db.Members.Where(m => m.HouseholdId == Seeded.Met).Select(m => m.IdNumber).SingleAsync();
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task AGoodFile_IsStoredWithItsSource_AndOnlyRegisteredMembersRowsAreKept(DepartmentListKind kind)
    {
        var id = await MemberIdAsync();
        var outsider = Ids.Make(new DateOnly(1991, 2, 3), Sex.Female, 901);
        var result = await ImportAsync(kind, GoodRow(kind, id), GoodRow(kind, outsider));
        Assert.True(result.Ok, result.Message);
        Assert.Equal((2, 1), (result.Rows, result.Matched));
        await using var db = Database.CreateDbContext();
        var list = await db.DepartmentLists.SingleAsync();
        Assert.Equal((kind, DataMonth, "list.csv", "测试管理员"), (list.Kind, list.DataMonth, list.FileName, list.ImportedBy));
        Assert.Equal(VerificationPolicy.SourcesOf(kind)[0], list.Department);
        Assert.Equal(64, list.Sha256.Length);
        Assert.Equal(id, (await db.DepartmentRecords.SingleAsync()).IdNumber);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task ABadIdNumber_IsReportedOnItsRow_AndNothingIsWritten(DepartmentListKind kind)
    {
        var id = await MemberIdAsync();
        var bad = id[..17] + (id[17] == '1' ? '2' : '1');
        var result = await ImportAsync(kind, GoodRow(kind, id), GoodRow(kind, bad));
        Assert.False(result.Ok);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(3, problem.Row);
        Assert.Equal(ListTemplates.Of(kind).Columns[0].Header, problem.Column);
        Assert.Contains("校验", problem.Message);
        Assert.Equal((0, 0), await StoredAsync());
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task AWrongMonthOrDate_IsReportedOnItsRow_AndNothingIsWritten(DepartmentListKind kind)
    {
        var id = await MemberIdAsync();
        var row = GoodRow(kind, id);
        var column = MonthColumn(kind);
        if (column < 0)
        {
            row[2] = "游艇"; // the asset template has no date: a kind that is not a choice
        }
        else
        {
            row[column] = ListTemplates.Of(kind).Columns[column].Value == ListValue.Month ? "2027-01" : "2027-01-01";
        }
        var result = await ImportAsync(kind, row);
        Assert.False(result.Ok);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(2, problem.Row);
        Assert.Matches("不在数据月份|晚于今天|不在可选范围", problem.Message);
        Assert.Equal((0, 0), await StoredAsync());
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task AnUnknownColumn_IsReportedInTheHeader_AndNothingIsWritten(DepartmentListKind kind)
    {
        var id = await MemberIdAsync();
        var template = ListTemplates.Of(kind);
        var csv = string.Join(",", template.Columns.Select(c => c.Header).Append("备注")) + "\r\n" + string.Join(",", GoodRow(kind, id).Append("x")) + "\r\n";
        var result = await ImportFileAsync(kind, DataMonth, null, "list.csv", Encoding.UTF8.GetBytes(csv));
        Assert.False(result.Ok);
        var problem = Assert.Single(result.Problems);
        Assert.Equal((1, "备注"), (problem.Row, problem.Column));
        Assert.Contains("不是", problem.Message);
        Assert.Equal((0, 0), await StoredAsync());
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task AWrongEncoding_IsRefusedInChinese_AndNothingIsWritten(DepartmentListKind kind)
    {
        var id = await MemberIdAsync();
        var template = ListTemplates.Of(kind);
        var csv = string.Join(",", template.Columns.Select(c => c.Header)) + "\r\n" + string.Join(",", GoodRow(kind, id)) + "\r\n";
        // Excel's "Unicode text": UTF-16 with its byte order mark.
        var result = await ImportFileAsync(kind, DataMonth, null, "list.csv", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(csv)]);
        Assert.False(result.Ok);
        Assert.Contains("UTF-16", result.Message);
        Assert.Equal((0, 0), await StoredAsync());
    }

    [Fact]
    public async Task AFileThatChangesEncodingPartWay_IsRefusedAtTheRowWhereItBreaks()
    {
        var id = await MemberIdAsync();
        var template = ListTemplates.Of(DepartmentListKind.SocialInsurance);
        var head = Encoding.UTF8.GetBytes(string.Join(",", template.Columns.Select(c => c.Header)) + "\r\n");
        var good = Encoding.UTF8.GetBytes(string.Join(",", GoodRow(DepartmentListKind.SocialInsurance, id)) + "\r\n");
        var body = Enumerable.Repeat(good, 3000).SelectMany(b => b).ToArray();
        var gbk = Encoding.GetEncoding("GB18030").GetBytes($"{id},王建军,新动能电子,2026-11,980\r\n");
        var result = await ImportFileAsync(DepartmentListKind.SocialInsurance, DataMonth, null, "list.csv", [.. head, .. body, .. gbk]);
        Assert.False(result.Ok);
        Assert.Contains(result.Problems, p => p.Message.Contains("编码"));
        Assert.Equal((0, 0), await StoredAsync());
    }

    [Fact]
    public async Task AWorkbook_ImportsLikeACsv()
    {
        var id = await MemberIdAsync();
        var template = ListTemplates.Of(DepartmentListKind.RegisterChange);
        using var stream = new MemoryStream();
        ReliefDashboard.Exports.XlsxWriter.Write(stream, [(template.Name, template.Columns.Select(c => c.Header).ToList(), [GoodRow(DepartmentListKind.RegisterChange, id)])]);
        var result = await ImportFileAsync(DepartmentListKind.RegisterChange, DataMonth, null, "户籍.xlsx", stream.ToArray());
        Assert.True(result.Ok, result.Message);
        Assert.Equal(1, result.Matched);
    }

    [Fact]
    public async Task ADepartmentUploadsItsOwnLists_NotAnotherDepartments_AndTheRefusalIsLogged()
    {
        var id = await MemberIdAsync();
        var renshe = new UserScope("rs", "区人社局 刘", Roles.Department, null, "区人社局");
        var own = await ImportAsAsync(DepartmentListKind.SocialInsurance, DataMonth, renshe, GoodRow(DepartmentListKind.SocialInsurance, id));
        Assert.True(own.Ok, own.Message);

        var other = await ImportAsAsync(DepartmentListKind.Assistance, DataMonth, renshe, GoodRow(DepartmentListKind.Assistance, id));
        Assert.False(other.Ok);
        Assert.Contains("区民政局", other.Message);
        var town = await ImportAsAsync(DepartmentListKind.Assistance, DataMonth, Seeded.StaffA, GoodRow(DepartmentListKind.Assistance, id));
        Assert.False(town.Ok);
        await using var db = Database.CreateDbContext();
        Assert.Equal(1, await db.DepartmentLists.CountAsync());
        Assert.Equal(2, await db.Activity.CountAsync(a => a.Kind == ActivityLog.Kinds.Denied && a.Target.Contains("低保特困")));
    }

    [Fact]
    public async Task AFutureDataMonth_IsRefused()
    {
        var id = await MemberIdAsync();
        var result = await ImportAsAsync(DepartmentListKind.MedicalCost, new DateOnly(2026, 12, 1), null, GoodRow(DepartmentListKind.MedicalCost, id));
        Assert.False(result.Ok);
        Assert.Contains("不能晚于本月", result.Message);
    }

    [Fact]
    public async Task AMaskedIdNumber_IsRefusedAsSuch()
    {
        var id = await MemberIdAsync();
        var result = await ImportAsync(DepartmentListKind.RegisterChange, GoodRow(DepartmentListKind.RegisterChange, id[..6] + "********" + id[14..]));
        Assert.False(result.Ok);
        Assert.Contains("隐藏后的号码", Assert.Single(result.Problems).Message);
    }
}
