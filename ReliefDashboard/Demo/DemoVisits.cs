using ReliefDashboard.Domain;

namespace ReliefDashboard.Demo;

/// <summary>
/// The demo district's visit history (走访记录): going back from each household's last visit at intervals of one to
/// three months, as far as the month-end history needs, so past months' freshness is read from visits as in a real
/// district. Beyond <see cref="FullHistoryUpTo"/> households (the benchmark's million) only the last visit is written.
/// </summary>
public static class DemoVisits
{
    public const int FullHistoryUpTo = 50_000;

    private static readonly string[] Met = ["户主", "户主及配偶", "户主之子", "户主配偶"];

    public static List<HouseholdVisit> Of(Household h, DateOnly historyFrom, bool fullHistory)
    {
        var visits = new List<HouseholdVisit>();
        if (h.LastVerifiedOn is not { } last)
        {
            return visits;
        }
        var relocated = new DateOnly(h.RelocationYear, 1, 1);
        var rng = new Random(h.Id);
        var floor = historyFrom.AddDays(-120);
        for (var day = last; day >= floor && day >= relocated; day = day.AddDays(-rng.Next(30, 95)))
        {
            var latest = visits.Count == 0;
            visits.Add(new HouseholdVisit
            {
                HouseholdId = h.Id,
                TownId = h.TownId,
                VisitedOn = day,
                Kind = VisitKind.Visit,
                Visitor = "包户干部",
                MetWith = Met[rng.Next(Met.Length)],
                Findings = latest ? "入户走访，家庭成员就业、产业情况与台账一致。" : "例行入户走访，情况与台账一致。",
                RecordedBy = "演示数据",
                RecordedAt = day.ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc),
            });
            if (!fullHistory)
            {
                break;
            }
        }
        return visits;
    }
}
