using Microsoft.EntityFrameworkCore;
using ReliefDashboard.Data;
using ReliefDashboard.Domain;

namespace ReliefDashboard.Figures;

/// <summary>
/// One town's verification work as of a day: findings due (past their conclusion clock, or closed) and closed on
/// time; findings still open and how many of them are late; spot-checked households and how many were found true.
/// </summary>
public sealed record VerificationCount(int TownId, int FindingsDue, int FindingsOnTime, int FindingsOpen, int FindingsOverdue, int SpotChecked, int SpotTrue,
    int AwaitingTown = 0, int AwaitingReview = 0)
{
    /// <summary>Findings waiting for this user: conclusions to review for a supervisor, findings to verify for the town's staff.</summary>
    public static int ToActOn(IReadOnlyList<VerificationCount>? counts, UserScope user) => counts is null ? 0 : user.Role switch
    {
        Roles.Supervisor => counts.Sum(c => c.AwaitingReview),
        Roles.TownStaff => counts.Where(c => c.TownId == user.TownId).Sum(c => c.AwaitingTown),
        _ => 0,
    };

    public static int OverdueFor(IReadOnlyList<VerificationCount>? counts, UserScope user) => counts is null ? 0 : user.Role switch
    {
        Roles.TownStaff => counts.Where(c => c.TownId == user.TownId).Sum(c => c.FindingsOverdue),
        _ => user.ReadsWholeDistrict ? counts.Sum(c => c.FindingsOverdue) : 0,
    };

    /// <summary>疑点按期核实率: closed by the conclusion deadline ÷ due; no value while nothing is due.</summary>
    public IndicatorValue FindingsOnTimeRate => FindingsDue == 0 ? IndicatorValue.None : IndicatorValue.Rate(FindingsOnTime, FindingsDue);

    /// <summary>抽查属实率: found as recorded ÷ checked; no value before the first result.</summary>
    public IndicatorValue SpotTrueRate => SpotChecked == 0 ? IndicatorValue.None : IndicatorValue.Rate(SpotTrue, SpotChecked);
}

public static class VerificationCounts
{
    /// <summary>Counted in SQL as things stood at the end of <paramref name="asOf"/>, so a month-end can be scored later from the same rows.</summary>
    public static async Task<IReadOnlyList<VerificationCount>> AsOfAsync(ReliefDbContext db, DateOnly asOf, CancellationToken ct = default)
    {
        var findings = await db.Findings.AsNoTracking()
            .Where(f => f.FoundOn <= asOf)
            .GroupBy(f => f.TownId)
            .Select(g => new
            {
                TownId = g.Key,
                Due = g.Count(f => f.ConcludeDue < asOf || (f.ClosedOn != null && f.ClosedOn <= asOf)),
                OnTime = g.Count(f => f.ClosedOn != null && f.ClosedOn <= asOf && f.ClosedOn <= f.ConcludeDue),
                Open = g.Count(f => f.ClosedOn == null || f.ClosedOn > asOf),
                Overdue = g.Count(f => (f.ClosedOn == null || f.ClosedOn > asOf) && f.ConcludeDue < asOf),
                Town = g.Count(f => f.State == FindingState.Pending || f.State == FindingState.Visited || f.State == FindingState.Returned),
                Review = g.Count(f => f.State == FindingState.AwaitingReview),
            }).ToListAsync(ct);
        var end = asOf.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var spots = await db.SpotCheckItems.AsNoTracking()
            .Where(i => i.Result != null && i.RecordedAt < end)
            .GroupBy(i => i.TownId)
            .Select(g => new { TownId = g.Key, Checked = g.Count(), True = g.Count(i => i.Result == SpotResult.True) })
            .ToListAsync(ct);
        return findings.Select(f => f.TownId).Union(spots.Select(s => s.TownId)).Order().Select(town =>
        {
            var f = findings.FirstOrDefault(x => x.TownId == town);
            var s = spots.FirstOrDefault(x => x.TownId == town);
            return new VerificationCount(town, f?.Due ?? 0, f?.OnTime ?? 0, f?.Open ?? 0, f?.Overdue ?? 0, s?.Checked ?? 0, s?.True ?? 0, f?.Town ?? 0, f?.Review ?? 0);
        }).ToList();
    }
}
