using ReliefDashboard.Domain;
using ReliefDashboard.Exports;
using ReliefDashboard.Features.Roster;
using ReliefDashboard.Figures;
using ReliefDashboard.Writes;

namespace ReliefDashboard.Demo;

/// <summary>
/// The demo district written as a roster workbook instead of into a database: the same generator, seed and date,
/// so the file holds the households <see cref="DemoDataLoader"/> would load, in the import template's sheets.
/// It feeds the import with realistic files of any size (the import benchmark uses 100,000 households).
/// </summary>
public static class DemoRoster
{
    public static int Write(Stream stream, int households, DateOnly asOf, StatusPolicy policy)
    {
        var towns = DemoDistrictGenerator.BuildTowns();
        // Ids in the order the database would give them, so the generated households can name their town and site.
        var siteId = 0;
        for (var i = 0; i < towns.Count; i++)
        {
            towns[i].Id = i + 1;
            foreach (var site in towns[i].Sites)
            {
                site.Id = ++siteId;
                site.TownId = towns[i].Id;
            }
        }
        var list = new DemoDistrictGenerator(households, asOf, policy).Households(towns).ToList();
        RosterWriter.WriteWorkbook(stream, list, RosterNames.Of(towns), full: true);
        return list.Count;
    }
}
