using Microsoft.EntityFrameworkCore;
using ReliefDashboard.Data;
using ReliefDashboard.Domain;

namespace ReliefDashboard.Figures;

/// <summary>A household whose attainment was found falsified: how, when, and who had entered the false record.</summary>
public sealed record Falsification(int TownId, int HouseholdId, string Code, string HeadName, DateOnly On, string How, string? EnteredBy);

/// <summary>
/// Falsification confirmed in a period (四(三) 弄虚作假): a spot check that found a household 不实, or a 疑点 the
/// town itself confirmed (核实属实, accepted by a supervisor) on a household it had counted as attained.
/// </summary>
public static class Falsifications
{
    public static async Task<IReadOnlyList<Falsification>> BetweenAsync(ReliefDbContext db, DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        var findings = await db.Findings.AsNoTracking()
            .Where(f => f.State == FindingState.Closed && f.Confirmed == true && f.WasAttained && f.Kind == FindingKind.Suspect
                && f.ClosedOn >= from && f.ClosedOn <= to)
            .Select(f => new { f.TownId, f.HouseholdId, f.Household!.Code, f.Household.HeadName, On = f.ClosedOn!.Value, f.Rule, f.EnteredBy })
            .ToListAsync(ct);
        var spots = await db.SpotCheckItems.AsNoTracking()
            .Where(i => i.Result == SpotResult.False && i.VisitedOn >= from && i.VisitedOn <= to)
            .Select(i => new { i.TownId, i.HouseholdId, i.Household!.Code, i.Household.HeadName, On = i.VisitedOn!.Value, i.EnteredBy })
            .ToListAsync(ct);
        return findings.Select(f => new Falsification(f.TownId, f.HouseholdId, f.Code, f.HeadName, f.On, $"疑点核实属实（{VerificationPolicy.Rule(f.Rule).Name}）", f.EnteredBy))
            .Concat(spots.Select(s => new Falsification(s.TownId, s.HouseholdId, s.Code, s.HeadName, s.On, "入户抽查不实", s.EnteredBy)))
            .OrderBy(f => f.TownId).ThenBy(f => f.Code, StringComparer.Ordinal).ToList();
    }

    /// <summary>The accountability reason a town's falsifications add, naming the households.</summary>
    public static string? Reason(IEnumerable<Falsification> ofTown)
    {
        var list = ofTown.GroupBy(f => f.HouseholdId).Select(g => g.First()).ToList();
        return list.Count == 0 ? null
            : $"弄虚作假{list.Count}户（{string.Join("、", list.Take(20).Select(f => $"{f.Code}{f.HeadName}：{f.How}"))}{(list.Count > 20 ? "等" : "")}）";
    }
}
