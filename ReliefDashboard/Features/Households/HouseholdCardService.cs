using Microsoft.EntityFrameworkCore;
using ReliefDashboard.Data;
using ReliefDashboard.Domain;

namespace ReliefDashboard.Features.Households;

public sealed record HistoryRow(DateTime At, string User, string Source, string What, string Field, string? Old, string? New);

public sealed record HouseholdCard(
    Household Household,
    string Town,
    string Site,
    SiteKind SiteKind,
    IReadOnlyList<Option> TownSites,
    IReadOnlyList<HistoryRow> History,
    StatusPolicy Policy);

/// <summary>One household with everything it owns and its change history, read without tracking.</summary>
public sealed class HouseholdCardService(IDbContextFactory<ReliefDbContext> dbFactory)
{
    public async Task<HouseholdCard?> GetAsync(int householdId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var h = await db.Households.AsNoTracking()
            .Include(x => x.Town)
            .Include(x => x.Site)
            .Include(x => x.Members)
            .Include(x => x.Employments).ThenInclude(e => e.Member)
            .Include(x => x.Industries)
            .Include(x => x.Coverages)
            .AsSplitQuery()
            .SingleOrDefaultAsync(x => x.Id == householdId, ct);
        if (h is null)
        {
            return null;
        }
        var sites = await db.Sites.AsNoTracking().Where(s => s.TownId == h.TownId).OrderBy(s => s.Kind).ThenBy(s => s.Name)
            .Select(s => new Option(s.Id, s.Name, s.TownId)).ToListAsync(ct);
        var members = h.Members.ToDictionary(m => m.Id, m => m.Name);
        var audit = await db.Audit.AsNoTracking().Where(a => a.HouseholdId == householdId)
            .OrderByDescending(a => a.Id).ToListAsync(ct);
        var history = audit.Select(a => new HistoryRow(a.At, a.User, a.Source, Describe(a, members, h),
            AuditLabels.Field(a.Field), AuditLabels.Value(a.Field, a.OldValue), AuditLabels.Value(a.Field, a.NewValue))).ToList();
        var policy = await PolicyStore.LoadStatusPolicyAsync(db, ct);
        return new HouseholdCard(h, h.Town!.Name, h.Site!.Name, h.Site.Kind, sites, history, policy);
    }

    private static string Describe(AuditEntry a, Dictionary<int, string> members, Household h)
    {
        var entity = AuditLabels.Entity(a.Entity);
        var name = a.Entity switch
        {
            "Member" => members.GetValueOrDefault(a.EntityId),
            "Employment" => h.Employments.FirstOrDefault(e => e.Id == a.EntityId)?.Member?.Name,
            _ => null,
        };
        return $"{a.Action}{entity}{(name is null ? "" : $"（{name}）")}";
    }
}
