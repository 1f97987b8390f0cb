using Microsoft.EntityFrameworkCore;
using ReliefDashboard.Data;
using ReliefDashboard.Domain;

namespace ReliefDashboard.Figures;

/// <summary>A household without a measure on its clearance clock: since when, when help and clearance are due, whether it was visited since.</summary>
public sealed record NoMeasureClock(int HouseholdId, int TownId, string Code, string HeadName, DateOnly Since, DateOnly HelpDue, DateOnly ClearDue, DateOnly? VisitedSince);

/// <summary>
/// The 零就业动态清零 clocks, read the same way by the worklist and the 督办 suggestions: a household is without a
/// measure from the day its last measure ended, or — if it never had one — from the day it was entered (its first
/// audit row; a household loaded without one, from the start of its relocation year). Help is due a number of working days later, clearance a larger number; holidays are skipped.
/// </summary>
public static class NoMeasureClocks
{
    public static async Task<IReadOnlyList<NoMeasureClock>> LoadAsync(ReliefDbContext db, TimeProvider clock, int? townId, CancellationToken ct,
        IReadOnlyDictionary<string, string>? known = null)
    {
        var settings = known ?? await PolicyStore.LoadValuesAsync(db, ct);
        var supervision = SupervisionPolicy.FromSettings(settings);
        var holidays = VerificationPolicy.FromSettings(settings).Holidays;
        var query = db.Households.AsNoTracking().Where(h => h.Status == HouseholdStatus.NoMeasure);
        if (townId is { } town)
        {
            query = query.Where(h => h.TownId == town);
        }
        var rows = await query.Select(h => new
        {
            h.Id,
            h.TownId,
            h.Code,
            h.HeadName,
            h.RelocationYear,
            Job = h.Employments.Max(e => e.EndDate),
            Business = h.Industries.Max(i => i.EndDate),
        }).ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var never = rows.Where(r => r.Job is null && r.Business is null).Select(r => r.Id).ToList();
        var entered = never.Count == 0 ? [] : await db.Audit.AsNoTracking().Where(a => never.Contains(a.HouseholdId))
            .GroupBy(a => a.HouseholdId).Select(g => new { g.Key, At = g.Min(a => a.At) }).ToDictionaryAsync(g => g.Key, g => g.At, ct);
        var visited = ids.Count == 0 ? [] : await db.Visits.AsNoTracking().Where(v => ids.Contains(v.HouseholdId))
            .GroupBy(v => v.HouseholdId).Select(g => new { g.Key, On = g.Max(v => v.VisitedOn) }).ToDictionaryAsync(g => g.Key, g => g.On, ct);
        var today = clock.Today();
        return rows.Select(r =>
        {
            var lastEnd = new[] { r.Job, r.Business }.Max();
            var since = lastEnd ?? (entered.TryGetValue(r.Id, out var at) ? clock.ToLocalDate(at) : new DateOnly(Math.Min(r.RelocationYear, today.Year), 1, 1));
            DateOnly? visit = visited.TryGetValue(r.Id, out var on) && on >= since ? on : null;
            return new NoMeasureClock(r.Id, r.TownId, r.Code, r.HeadName, since,
                FieldClock.HelpDue(since, supervision.HelpWithinDays, holidays), FieldClock.ClearDue(since, supervision.ClearWithinDays, holidays), visit);
        }).ToList();
    }
}
