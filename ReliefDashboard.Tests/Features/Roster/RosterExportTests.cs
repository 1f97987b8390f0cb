using Microsoft.EntityFrameworkCore;
using ReliefDashboard.Domain;
using ReliefDashboard.Exports;
using ReliefDashboard.Figures;
using ReliefDashboard.TestSupport;
using ReliefDashboard.Writes;

namespace ReliefDashboard.Features.Roster;

public sealed class RosterExportTests : ServiceTestBase
{
    private static IEnumerable<string> Cells(RosterFile file) =>
        file.Sheets.OrderBy(s => s.Key.Name, StringComparer.Ordinal)
            .SelectMany(s => s.Value.Select(r => s.Key.Name + "|" + string.Join("|", s.Key.Columns.Select(c => r.Get(c.Header)))));

    [Fact]
    public async Task ExportThenImportThenExport_IsARoundTripWithNoChange()
    {
        // The test district's park job has no park, which the form (and so the import) refuses; give it one.
        await using (var db = Database.CreateDbContext())
        {
            await db.Employments.Where(e => e.Channel == Channel.IndustrialParkJob && e.Park == null).ExecuteUpdateAsync(s => s.SetProperty(e => e.Park, "新动能产业园区"));
        }
        var first = await As<RosterExport>().ExportAsync(null, full: true, csv: false);
        Assert.Null(first.Error);
        Assert.Equal(4, RosterReader.Read(first.File!.Content, first.File.FileName).Sheets[RosterTemplate.Households].Count);
        int audit;
        await using (var db = Database.CreateDbContext())
        {
            audit = await db.Audit.CountAsync();
        }

        var imported = await As<RosterImport>().ImportAsync(first.File!.Content, first.File.FileName, onlyClean: false);

        Assert.True(imported.Ok, string.Join("；", imported.Report?.Problems.Select(p => p.ToString()) ?? [imported.Message]));
        Assert.Equal((0, 0, 4), (imported.Added, imported.Updated, imported.Unchanged));
        await using (var db = Database.CreateDbContext())
        {
            Assert.Equal(audit, await db.Audit.CountAsync());
        }
        var second = await As<RosterExport>().ExportAsync(null, full: true, csv: false);
        Assert.Equal(Cells(RosterReader.Read(first.File.Content, "a.xlsx")), Cells(RosterReader.Read(second.File!.Content, "b.xlsx")));
    }

    [Fact]
    public async Task AnOrdinaryExport_MasksIdNumbersAndPhones_AndAFullOneIsRecordedOrRefused()
    {
        var masked = await As<RosterExport>(Seeded.StaffA).ExportAsync(null, full: false, csv: false);
        var file = RosterReader.Read(masked.File!.Content, masked.File.FileName);
        Assert.All(file.Sheets[RosterTemplate.Members], r => Assert.Contains("**********", r.Get("身份证号")));
        Assert.All(file.Sheets[RosterTemplate.Households], r => Assert.Equal("青石镇", r.Get("镇街")));
        Assert.Equal("138****5678", file.Sheets[RosterTemplate.Households][0].Get("联系电话"));

        var leader = new UserScope("l", "领导", Roles.LeadingGroup, null, null);
        Assert.Contains("无权导出完整", (await As<RosterExport>(leader).ExportAsync(null, full: true, csv: false)).Error);
        Assert.Null((await As<RosterExport>(Seeded.StaffA).ExportAsync(null, full: true, csv: true)).Error);
        await using var db = Database.CreateDbContext();
        Assert.True(await db.Activity.AnyAsync(a => a.Kind == ActivityLog.Kinds.Reveal && a.Target == "导出完整身份证号和电话"));
        Assert.True(await db.Activity.AnyAsync(a => a.Kind == ActivityLog.Kinds.Denied && a.Target == "导出完整身份证号和电话"));
    }

    [Fact]
    public async Task TheCsvExport_IsAZipOfOneCsvPerSheet_EachReadingBackAsItsSheet()
    {
        var export = await As<RosterExport>(Seeded.StaffA).ExportAsync(null, full: true, csv: true);

        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(export.File!.Content));
        Assert.Equal(RosterTemplate.Sheets.Select(s => s.Name + ".csv"), zip.Entries.Select(e => e.FullName));
        foreach (var entry in zip.Entries)
        {
            using var stream = new MemoryStream();
            entry.Open().CopyTo(stream);
            var file = RosterReader.Read(stream.ToArray(), entry.FullName);
            Assert.Empty(file.Problems);
            Assert.Equal(entry.FullName[..^4], Assert.Single(file.Sheets.Keys).Name);
        }
        using var households = new MemoryStream();
        zip.GetEntry("搬迁户.csv")!.Open().CopyTo(households);
        Assert.Equal(["610623001000001", "610623001000002", "610623001000003"],
            RosterReader.Read(households.ToArray(), "搬迁户.csv").Sheets[RosterTemplate.Households].Select(r => r.Get("户编号")));
    }

    [Fact]
    public async Task TheListExport_HoldsEveryRowOfTheCurrentFilter_InItsOrder_Masked()
    {
        var filter = new Households.RegistryQuery { Gap = Households.RegistryGap.Unmet, Sort = Households.RegistrySort.Code, Descending = true, PageSize = 20 };
        var shown = await As<Households.HouseholdRegistryService>().SearchAsync(filter with { PageSize = 200 });

        var (file, error) = await As<RosterExport>().ExportListAsync(filter, full: false, csv: true);

        Assert.Null(error);
        var lines = RosterReader.ParseCsv(System.Text.Encoding.UTF8.GetString(file!.Content).TrimStart('\uFEFF'));
        Assert.Equal("户编号", lines[0][0]);
        Assert.Equal(shown.Rows.Select(r => r.Code), lines.Skip(1).Select(l => l[0]));
        Assert.All(lines.Skip(1), l => Assert.Matches(@"^\d{4}\*+\d{3}[\dX]$", l[4]));
        Assert.True(shown.Total >= 2);
    }

    [Fact]
    public async Task TheListExport_InFull_IsRefusedToTheLeadingGroup_AndGivenToTownStaffForTheirTown()
    {
        var leader = new UserScope("leader", "领导", Roles.LeadingGroup, null, null);
        Assert.Contains("无权导出完整", (await As<RosterExport>(leader).ExportListAsync(new(), full: true, csv: false)).Error);

        var (file, _) = await As<RosterExport>(Seeded.StaffA).ExportListAsync(new(), full: true, csv: true);

        var lines = RosterReader.ParseCsv(System.Text.Encoding.UTF8.GetString(file!.Content).TrimStart('\uFEFF'));
        Assert.Equal(3, lines.Count - 1);
        Assert.All(lines.Skip(1), l => Assert.Matches(@"^\d{17}[\dX]$", l[4]));
    }
}
