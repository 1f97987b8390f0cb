using System.IO.Compression;
using System.Text;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using ReliefDashboard.Domain;
using ReliefDashboard.Exports;
using ReliefDashboard.Features.Households;
using ReliefDashboard.Figures;
using ReliefDashboard.TestSupport;
using ReliefDashboard.Writes;

namespace ReliefDashboard.Features.Roster;

public sealed class ExportSafetyTests : ServiceTestBase
{
    private const string Formula = "=HYPERLINK(\"http://x\",\"点此\")";
    private const string Dde = "=cmd|' /C calc'!A0";
    private const string Sum = "@SUM(1+1)";

    private static readonly XNamespace Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    /// <summary>The district's park job gets a park (the import refuses one without) and formula-like text in its fields.</summary>
    private async Task PlantAsync()
    {
        await using var db = Database.CreateDbContext();
        await db.Employments.ExecuteUpdateAsync(s => s.SetProperty(e => e.Park, "新动能产业园区").SetProperty(e => e.Employer, Formula).SetProperty(e => e.PostType, Dde));
        await db.Households.Where(h => h.Id == Seeded.Met).ExecuteUpdateAsync(s => s.SetProperty(h => h.OriginVillage, Sum));
    }

    [Fact]
    public async Task FormulaLikeText_IsWrittenAsText_InXlsx_AndReadsBackAsItWas()
    {
        await PlantAsync();
        var export = await As<RosterExport>(Seeded.StaffA).ExportAsync(null, full: true, csv: false);

        using var zip = new ZipArchive(new MemoryStream(export.File!.Content));
        var styles = XDocument.Load(zip.GetEntry("xl/styles.xml")!.Open());
        var xfs = styles.Descendants(Main + "cellXfs").Single().Elements(Main + "xf").ToList();
        var cells = zip.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal))
            .SelectMany(e => XDocument.Load(e.Open()).Descendants(Main + "c")).ToList();
        Assert.Empty(cells.Descendants(Main + "f"));
        foreach (var text in new[] { Formula, Dde, Sum })
        {
            var cell = cells.Single(c => (string?)c.Element(Main + "is")?.Element(Main + "t") == text);
            Assert.Equal("inlineStr", (string?)cell.Attribute("t"));
            var style = xfs[(int?)cell.Attribute("s") ?? 0];
            Assert.Equal("1", (string?)style.Attribute("quotePrefix"));
        }

        var file = RosterReader.Read(export.File.Content, export.File.FileName);
        Assert.Equal(Formula, file.Sheets[RosterTemplate.Employments].Single().Get("用工单位"));
        Assert.Equal(Dde, file.Sheets[RosterTemplate.Employments].Single().Get("岗位类型"));
        var imported = await As<RosterImport>(Seeded.StaffA).ImportAsync(export.File.Content, export.File.FileName, onlyClean: false);
        Assert.True(imported.Ok, imported.Message + string.Join("；", imported.Report?.Problems ?? []));
        Assert.Equal((0, 0), (imported.Added, imported.Updated));
    }

    [Fact]
    public async Task FormulaLikeText_IsWrittenAfterAnApostrophe_InCsv_AndReadsBackAsItWas()
    {
        await PlantAsync();
        var export = await As<RosterExport>(Seeded.StaffA).ExportAsync(null, full: true, csv: true);
        using var zip = new ZipArchive(new MemoryStream(export.File!.Content));
        byte[] Sheet(string name)
        {
            using var s = zip.GetEntry(name)!.Open();
            using var copy = new MemoryStream();
            s.CopyTo(copy);
            return copy.ToArray();
        }
        var jobs = Sheet("就业.csv");
        var households = Sheet("搬迁户.csv");

        var text = Encoding.UTF8.GetString(jobs);
        Assert.Contains("\"'=HYPERLINK(\"\"http://x\"\",\"\"点此\"\")\"", text);
        Assert.Contains("'=cmd|' /C calc'!A0", text);
        Assert.Contains(",'@SUM(1+1),", Encoding.UTF8.GetString(households));
        Assert.DoesNotContain(",=", text);

        Assert.Equal(Formula, RosterReader.Read(jobs, "就业.csv").Sheets[RosterTemplate.Employments].Single().Get("用工单位"));
        foreach (var (name, bytes) in new[] { ("搬迁户.csv", households), ("就业.csv", jobs) })
        {
            var imported = await As<RosterImport>(Seeded.StaffA).ImportAsync(bytes, name, onlyClean: false);
            Assert.True(imported.Ok, imported.Message + string.Join("；", imported.Report?.Problems ?? []));
            Assert.Equal(0, imported.Updated);
        }
        await using var db = Database.CreateDbContext();
        Assert.Equal(Sum, await db.Households.Where(h => h.Id == Seeded.Met).Select(h => h.OriginVillage).SingleAsync());
    }

    [Fact]
    public async Task ExportCorrectAnOrchardsStartImport_UpdatesThatMeasure_WithItsHistory_AndTheStatusFollows()
    {
        await using (var db = Database.CreateDbContext())
        {
            await db.Employments.ExecuteUpdateAsync(s => s.SetProperty(e => e.Park, "新动能产业园区"));
        }
        // The no-measure household gets an orchard that has run eight months: a stable industry, 达标.
        var started = SmallDistrict.Today.AddMonths(-8);
        var saved = await As<HouseholdEditService>(Seeded.StaffA).SaveIndustryAsync(new IndustryInput
        {
            HouseholdId = Seeded.NoMeasure,
            Version = 0,
            Channel = Channel.AgriculturalIndustry,
            Type = "苹果园",
            Scale = 3,
            ScaleUnit = "亩",
            AnnualIncome = 9000,
            StartDate = started.ToDateTime(TimeOnly.MinValue),
        });
        Assert.True(saved.Ok, string.Join("；", saved.Errors));
        await using (var db = Database.CreateDbContext())
        {
            Assert.Equal(HouseholdStatus.Met, (await db.Households.SingleAsync(h => h.Id == Seeded.NoMeasure)).Status);
        }

        var export = await As<RosterExport>(Seeded.StaffA).ExportAsync(null, full: true, csv: false);
        var file = RosterReader.Read(export.File!.Content, export.File.FileName);
        var orchard = file.Sheets[RosterTemplate.Industries].Single(r => r.Get("产业类型") == "苹果园");
        Assert.Matches("^CY-[0-9]+$", orchard.Get(RosterTemplate.MeasureId));
        // Corrected: the orchard in fact started two months ago, so it is not yet stable.
        var corrected = Rewrite(file, (sheet, row) => sheet == RosterTemplate.Industries && row.Get("产业类型") == "苹果园"
            ? row.Cells.ToDictionary(c => c.Key, c => c.Key == "开始日期" ? SmallDistrict.Today.AddMonths(-2).ToString("yyyy-MM-dd") : c.Value)
            : null);

        var imported = await As<RosterImport>(Seeded.StaffA).ImportAsync(corrected, "更正台账.xlsx", onlyClean: false);

        Assert.True(imported.Ok, imported.Message + string.Join("；", imported.Report?.Problems ?? []));
        Assert.Equal((0, 1), (imported.MeasuresAdded, imported.MeasuresUpdated));
        Assert.Equal(1, imported.Updated);
        Assert.Contains("措施新增0条，更新1条", imported.Message);
        await using var check = Database.CreateDbContext();
        var industries = await check.Industries.Where(i => i.HouseholdId == Seeded.NoMeasure).ToListAsync();
        Assert.Equal(SmallDistrict.Today.AddMonths(-2), Assert.Single(industries).StartDate);
        Assert.Equal(HouseholdStatus.InProgress, (await check.Households.SingleAsync(h => h.Id == Seeded.NoMeasure)).Status);
        var history = await check.Audit.Where(a => a.HouseholdId == Seeded.NoMeasure && a.Field == "StartDate" && a.Source == "导入：更正台账.xlsx").SingleAsync();
        Assert.Equal((started.ToString("yyyy-MM-dd"), SmallDistrict.Today.AddMonths(-2).ToString("yyyy-MM-dd")), (history.OldValue, history.NewValue));
    }

    [Fact]
    public async Task AMeasureIdOfAnotherHousehold_OrMalformed_IsRefusedAndNothingChanges()
    {
        await using (var db = Database.CreateDbContext())
        {
            await db.Employments.ExecuteUpdateAsync(s => s.SetProperty(e => e.Park, "新动能产业园区"));
        }
        var export = await As<RosterExport>(Seeded.StaffA).ExportAsync(null, full: true, csv: false);
        var file = RosterReader.Read(export.File!.Content, export.File.FileName);
        var coverageId = file.Sheets[RosterTemplate.Coverages].Single().Get(RosterTemplate.MeasureId);
        var wrong = Rewrite(file, (sheet, row) => sheet == RosterTemplate.Employments
            ? row.Cells.ToDictionary(c => c.Key, c => c.Key == RosterTemplate.MeasureId ? "JY-99999" : c.Value)
            : sheet == RosterTemplate.Coverages ? row.Cells.ToDictionary(c => c.Key, c => c.Key == RosterTemplate.MeasureId ? "CY-1" : c.Value) : null);

        var imported = await As<RosterImport>(Seeded.StaffA).ImportAsync(wrong, "错误编号.xlsx", onlyClean: false);

        Assert.False(imported.Ok);
        Assert.Contains(imported.Report!.Problems, p => p.Sheet == "就业" && p.Column == "措施编号" && p.Message.Contains("JY-99999不是户"));
        Assert.Contains(imported.Report.Problems, p => p.Sheet == "兜底保障" && p.Column == "措施编号" && p.Message.Contains("形如DB-123"));
        Assert.Matches("^DB-[0-9]+$", coverageId);
        await using var db2 = Database.CreateDbContext();
        Assert.False(await db2.Audit.AnyAsync(a => a.Source == "导入：错误编号.xlsx"));
    }

    /// <summary>The workbook again, with the rows <paramref name="change"/> returns new cells for.</summary>
    private static byte[] Rewrite(RosterFile file, Func<RosterSheet, RosterRow, Dictionary<string, string>?> change)
    {
        using var stream = new MemoryStream();
        RosterWriter.WriteWorkbook(stream, RosterTemplate.Sheets.Select(s => (s.Name, (IReadOnlyList<string>)s.Columns.Select(c => c.Header).ToList(),
            file.Sheets[s].Select(r => (change(s, r) ?? r.Cells.ToDictionary(c => c.Key, c => c.Value)) is var cells
                ? s.Columns.Select(c => cells.GetValueOrDefault(c.Header, "")).ToArray() : []))));
        return stream.ToArray();
    }
}
