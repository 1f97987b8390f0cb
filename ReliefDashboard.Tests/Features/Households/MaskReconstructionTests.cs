using System.Globalization;
using System.Text.RegularExpressions;
using Bunit;
using Microsoft.EntityFrameworkCore;
using ReliefDashboard.Domain;
using ReliefDashboard.Exports;
using ReliefDashboard.Features.Roster;
using ReliefDashboard.Figures;
using ReliefDashboard.TestSupport;
using ReliefDashboard.Writes;

namespace ReliefDashboard.Features.Households;

/// <summary>
/// An attacker with a reader's account takes the masked roster export and the household cards of the same members,
/// knows the district's area code (the same for everyone), and tries every ID number that agrees with what is shown:
/// the visible digits, the birth data, the sex and the check character. No member may come out as one number.
/// </summary>
public partial class MaskReconstructionTests : DashboardTestContext
{
    public static TheoryData<string> Readers => ["leader", "supervisor", "department"];

    private static UserScope Reader(string who) => who switch
    {
        "leader" => new UserScope("leader", "领导", Roles.LeadingGroup, null, null),
        "supervisor" => new UserScope("supervisor", "督查", Roles.Supervisor, null, null),
        _ => new UserScope("renshe", "区人社局", Roles.Department, null, "区人社局"),
    };

    [Theory]
    [MemberData(nameof(Readers))]
    public async Task NoIdNumberCanBeRebuilt_FromTheMaskedExportAndTheCardsTogether(string who)
    {
        ActAs(Reader(who));
        Dictionary<string, string> realByMask;
        string area;
        await using (var db = Database.CreateDbContext())
        {
            var real = await db.Members.AsNoTracking().Select(m => m.IdNumber).ToListAsync();
            realByMask = real.ToDictionary(IdNumber.Mask);
            area = real[0][..6];
            // Every member of one district shares the area code: the attacker knows it from any one ID number.
            Assert.All(real, id => Assert.Equal(area, id[..6]));
        }

        // What is shown beside each masked number, from every place the reader can look.
        var shown = new Dictionary<string, List<string>>();
        void Saw(string mask, string birth) => (shown.TryGetValue(mask, out var l) ? l : shown[mask] = []).Add(birth.Trim());

        foreach (var csv in new[] { false, true })
        {
            var export = await Services.GetRequiredService<RosterExport>().ExportAsync(null, full: false, csv: csv);
            Assert.Null(export.Error);
            var bytes = csv ? CsvSheet(export.File!.Content, "家庭成员.csv") : export.File!.Content;
            var file = RosterReader.Read(bytes, csv ? "家庭成员.csv" : "export.xlsx");
            foreach (var row in file.Sheets[RosterTemplate.Members])
            {
                Saw(row.Get(RosterTemplate.IdNumber), row.Get("出生日期"));
            }
        }
        var cards = 0;
        Render<MudBlazor.MudPopoverProvider>();
        foreach (var household in new[] { Seeded.Met, Seeded.NoMeasure, Seeded.SafetyNet, Seeded.OtherTown })
        {
            var cut = Render<HouseholdCardPage>(p => p.Add(x => x.Id, household));
            cut.WaitForAssertion(() => Assert.True(cut.FindAll("[data-testid=members]").Count > 0 || cut.FindAll("[data-testid=no-access]").Count > 0));
            foreach (var row in cut.FindAll("[data-testid=members] tbody tr"))
            {
                var mask = MaskPattern().Match(row.TextContent).Value;
                Saw(mask, row.QuerySelector("[data-testid=member-birth]")!.TextContent);
                cards++;
            }
        }
        Assert.True(cards > 0, "the reader should see at least one card");
        Assert.NotEmpty(shown);

        foreach (var (mask, births) in shown)
        {
            Assert.True(realByMask.ContainsKey(mask), $"{mask} is not a mask of a registered member");
            var candidates = Candidates(mask, area, births);
            Assert.Contains(realByMask[mask], candidates);
            Assert.True(candidates.Count >= 10, $"{mask} with {string.Join("、", births)} leaves only {candidates.Count} candidates");
        }
    }

    [Fact]
    public async Task TheAttackWorks_WhereTheFullBirthDateIsShown()
    {
        // The same attack against what the card and export used to show (the full date beside the mask) rebuilds
        // the number exactly: the test above would fail on that build.
        await using var db = Database.CreateDbContext();
        var member = await db.Members.AsNoTracking().FirstAsync();
        var candidates = Candidates(IdNumber.Mask(member.IdNumber), member.IdNumber[..6], [member.BirthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)]);
        Assert.Equal([member.IdNumber], candidates);
    }

    /// <summary>Every 18-digit number consistent with the mask, the area code and the finest birth data shown.</summary>
    private static List<string> Candidates(string mask, string area, IEnumerable<string> births)
    {
        Assert.Matches(MaskPattern(), mask);
        var dates = births.Select(DatesOf).Aggregate((a, b) => a.Intersect(b).ToList());
        var found = new List<string>();
        foreach (var date in dates)
        {
            var first17 = area + date.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + mask[14..17];
            if (first17.StartsWith(mask[..4], StringComparison.Ordinal) && IdNumber.ComputeCheckChar(first17) == mask[17])
            {
                found.Add(first17 + mask[17]);
            }
        }
        return found;
    }

    private static List<DateOnly> DatesOf(string birth)
    {
        if (DateOnly.TryParseExact(birth, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var exact))
        {
            return [exact];
        }
        var year = int.Parse(YearPattern().Match(birth).Value, CultureInfo.InvariantCulture);
        var days = new List<DateOnly>();
        for (var d = new DateOnly(year, 1, 1); d.Year == year; d = d.AddDays(1))
        {
            days.Add(d);
        }
        return days;
    }

    private static byte[] CsvSheet(byte[] zip, string name)
    {
        using var archive = new System.IO.Compression.ZipArchive(new MemoryStream(zip));
        using var entry = archive.GetEntry(name)!.Open();
        using var copy = new MemoryStream();
        entry.CopyTo(copy);
        return copy.ToArray();
    }

    [GeneratedRegex(@"\d{4}\*{10}\d{3}[\dX]")]
    private static partial Regex MaskPattern();

    [GeneratedRegex(@"\d{4}")]
    private static partial Regex YearPattern();
}
