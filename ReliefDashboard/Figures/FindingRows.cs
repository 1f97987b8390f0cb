using Microsoft.EntityFrameworkCore;
using ReliefDashboard.Data;
using ReliefDashboard.Domain;

namespace ReliefDashboard.Figures;

public sealed record FindingFilter(int? TownId = null, string? Rule = null, FindingState? State = null, FindingAge Age = FindingAge.Any, bool OpenOnly = true,
    int? HouseholdId = null);

public enum FindingAge
{
    Any,
    OnTime,
    VisitOverdue,
    ConcludeOverdue,
    OlderThan30Days,
}

public sealed record FindingRow(
    int Id,
    string Rule,
    FindingKind Kind,
    int HouseholdId,
    string HouseholdCode,
    string HeadName,
    int TownId,
    string Town,
    string Subject,
    string Detail,
    FindingState State,
    bool? Confirmed,
    DateOnly FoundOn,
    DateOnly VisitDue,
    DateOnly ConcludeDue,
    Lateness Lateness,
    bool FactsGone,
    int Version);

/// <summary>Findings as lists show them — the district's list, a town's, a household's card — filtered to what the user may read.</summary>
public static class FindingRows
{
    public static async Task<IReadOnlyList<FindingRow>> ListAsync(ReliefDbContext db, UserScope user, DateOnly today, FindingFilter filter, int take = 500,
        CancellationToken ct = default)
    {
        var query = Visible(db.Findings.AsNoTracking(), user);
        if (filter.OpenOnly)
        {
            query = query.Where(f => f.State != FindingState.Closed);
        }
        if (filter.TownId is { } town)
        {
            query = query.Where(f => f.TownId == town);
        }
        if (filter.HouseholdId is { } household)
        {
            query = query.Where(f => f.HouseholdId == household);
        }
        if (filter.Rule is { Length: > 0 } rule)
        {
            query = query.Where(f => f.Rule == rule);
        }
        if (filter.State is { } state)
        {
            query = query.Where(f => f.State == state);
        }
        query = filter.Age switch
        {
            FindingAge.ConcludeOverdue => query.Where(f => f.State != FindingState.Closed && f.ConcludeDue < today),
            FindingAge.VisitOverdue => query.Where(f => (f.State == FindingState.Pending || f.State == FindingState.Returned) && f.VisitedOn == null
                && f.VisitDue < today && f.ConcludeDue >= today),
            FindingAge.OnTime => query.Where(f => f.State == FindingState.Closed || (f.ConcludeDue >= today
                && !((f.State == FindingState.Pending || f.State == FindingState.Returned) && f.VisitedOn == null && f.VisitDue < today))),
            FindingAge.OlderThan30Days => query.Where(f => f.FoundOn < today.AddDays(-30)),
            _ => query,
        };
        var towns = await db.Towns.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Name, ct);
        var rows = await query.OrderBy(f => f.State == FindingState.Closed).ThenBy(f => f.ConcludeDue).ThenBy(f => f.Id).Take(take)
            .Select(f => new { f, f.Household!.Code, f.Household.HeadName }).ToListAsync(ct);
        return rows.Select(r => new FindingRow(r.f.Id, r.f.Rule, r.f.Kind, r.f.HouseholdId, r.Code, r.HeadName, r.f.TownId, towns.GetValueOrDefault(r.f.TownId, ""),
            r.f.Subject, r.f.Detail, r.f.State, r.f.Confirmed, r.f.FoundOn, r.f.VisitDue, r.f.ConcludeDue, r.f.LatenessOn(today), r.f.FactsGoneOn is not null,
            r.f.Version)).ToList();
    }

    public static IQueryable<Finding> Visible(IQueryable<Finding> findings, UserScope user) => user.Role switch
    {
        Roles.TownStaff => findings.Where(f => f.TownId == user.TownId),
        _ => user.ReadsWholeDistrict ? findings : findings.Where(f => false),
    };
}
