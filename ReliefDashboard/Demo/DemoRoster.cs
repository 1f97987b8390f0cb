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
    /// <param name="include">Which generated households go into the file (all when null): one town's, say.</param>
    /// <param name="alter">Changes each household before it is written, so an import over the loaded district has work to do.</param>
    public static int Write(Stream stream, int households, DateOnly asOf, StatusPolicy policy,
        Func<Household, bool>? include = null, Action<Household>? alter = null)
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
        var list = new DemoDistrictGenerator(households, asOf, policy).Households(towns).Where(h => include?.Invoke(h) ?? true).ToList();
        if (alter is not null)
        {
            list.ForEach(alter);
        }
        RosterWriter.WriteWorkbook(stream, list, RosterNames.Of(towns), full: true);
        return list.Count;
    }
}
