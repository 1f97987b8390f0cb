using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ReliefDashboard.Demo;
using ReliefDashboard.Domain;
using ReliefDashboard.Exports;
using ReliefDashboard.Figures;
using ReliefDashboard.TestSupport;
using ReliefDashboard.Writes;

namespace ReliefDashboard.Features.Roster;

/// <summary>The demo generator's district written as a roster workbook is what the import reads back unchanged.</summary>
public sealed class DemoRosterTests : IAsyncDisposable
{
    private const int Size = 150;
    private static readonly DateOnly Today = SmallDistrict.Today;
    private readonly TestDatabase database = new();
    private readonly ServiceProvider services;

    public DemoRosterTests() => services = TestServices.Build(database, new FixedClock(Today));

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        await database.DisposeAsync();
    }

    private static byte[] Workbook()
    {
        using var stream = new MemoryStream();
        DemoRoster.Write(stream, Size, Today, StatusPolicy.Default);
        return stream.ToArray();
    }

    private T As<T>() where T : notnull
    {
        services.GetRequiredService<TestUser>().Scope = new UserScope("test-admin", "测试管理员", Roles.Admin, null, null);
        return services.CreateScope().ServiceProvider.GetRequiredService<T>();
    }

    private async Task<(int Households, int Members, int Jobs, int Audit)> CountsAsync()
    {
        await using var db = database.Seed();
        return (await db.Households.CountAsync(), await db.Members.CountAsync(), await db.Employments.CountAsync(), await db.Audit.CountAsync());
    }

    [Fact]
    public async Task TheWorkbook_ImportedOverTheLoadedDemoDistrict_ChangesNothing()
    {
        await DemoDataLoader.LoadAsync(ReliefDashboard.Writes.DistrictWrite.For(database, new FixedClock(Today)), Size, Today);
        var before = await CountsAsync();

        var result = await As<RosterImport>().ImportAsync(Workbook(), "演示台账.xlsx", onlyClean: false);

        Assert.True(result.Ok, result.Message + string.Join("\n", result.Report?.Problems ?? []));
        Assert.Equal((0, 0, Size), (result.Added, result.Updated, result.Unchanged));
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task TheWorkbook_ImportedIntoAnEmptyDistrict_ExportsAsTheSameWorkbook()
    {
        await using (var db = database.Seed())
        {
            db.Towns.AddRange(DemoDistrictGenerator.BuildTowns());
            await db.SaveChangesAsync();
        }
        var generated = Workbook();

        var result = await As<RosterImport>().ImportAsync(generated, "演示台账.xlsx", onlyClean: false);
        var exported = (await As<RosterExport>().ExportAsync(null, full: true, csv: false)).File!.Content;

        Assert.True(result.Ok, result.Message);
        Assert.Equal(Size, result.Added);
        var (a, b) = (RosterReader.Read(generated, "a.xlsx"), RosterReader.Read(exported, "b.xlsx"));
        foreach (var sheet in RosterTemplate.Sheets)
        {
            // The generated district has no stored measures yet; the export names each one by its new 措施编号.
            static IEnumerable<string> Lines(RosterFile f, RosterSheet s) =>
                f.Sheets[s].Select(r => string.Join("|", s.Columns.Where(c => c.Header != RosterTemplate.MeasureId).Select(c => r.Get(c.Header))))
                    .Order(StringComparer.Ordinal);
            Assert.Equal(Lines(a, sheet), Lines(b, sheet));
            if (sheet.Column(RosterTemplate.MeasureId) is not null)
            {
                Assert.All(a.Sheets[sheet], r => Assert.Equal("", r.Get(RosterTemplate.MeasureId)));
                Assert.All(b.Sheets[sheet], r => Assert.Matches($"^{MeasureIds.Prefix(sheet)}-[1-9][0-9]*$", r.Get(RosterTemplate.MeasureId)));
            }
        }
    }
}
