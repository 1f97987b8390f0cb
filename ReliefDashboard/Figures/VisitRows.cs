using Microsoft.EntityFrameworkCore;
using ReliefDashboard.Data;
using ReliefDashboard.Domain;

namespace ReliefDashboard.Figures;

/// <summary>A visit as the card's history shows it.</summary>
public sealed record VisitRow(int Id, DateOnly VisitedOn, VisitKind Kind, string Visitor, string MetWith, string Findings, decimal? MonthlyIncome,
    string? IncomeNote, string? NextStep, int? FindingId, bool Backfilled, IReadOnlyList<VisitMemberCheck> Members, IReadOnlyList<(long Id, string Name)> Photos);

public static class VisitRows
{
    /// <summary>The household's visits, newest first, for whoever may read the household.</summary>
    public static async Task<IReadOnlyList<VisitRow>> OfHouseholdAsync(ReliefDbContext db, int householdId, int take, CancellationToken ct)
    {
        var visits = await db.Visits.AsNoTracking().Where(v => v.HouseholdId == householdId)
            .OrderByDescending(v => v.VisitedOn).ThenByDescending(v => v.Id).Take(take)
            .Include(v => v.Members).Include(v => v.Photos).AsSplitQuery().ToListAsync(ct);
        return visits.Select(v => new VisitRow(v.Id, v.VisitedOn, v.Kind, v.Visitor, v.MetWith, v.Findings, v.MonthlyIncome, v.IncomeNote, v.NextStep,
            v.FindingId, v.Backfilled, v.Members, v.Photos.Select(p => (p.Id, p.FileName)).ToList())).ToList();
    }
}
