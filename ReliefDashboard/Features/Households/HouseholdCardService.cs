using Microsoft.EntityFrameworkCore;
using ReliefDashboard.Data;
using ReliefDashboard.Domain;
using ReliefDashboard.Exports;
using ReliefDashboard.Features.Accounts;
using ReliefDashboard.Figures;
using ReliefDashboard.Writes;

namespace ReliefDashboard.Features.Households;

public sealed record HistoryRow(DateTime At, string User, string Source, string What, string Field, string? Old, string? New);

/// <summary>
/// One household for its card. ID numbers and the phone are masked here, on the server, for everyone;
/// the full values come only through <see cref="HouseholdCardService.RevealAsync"/>, which checks and records.
/// </summary>
public sealed record HouseholdCard(
    Household Household,
    string Town,
    string Site,
    SiteKind SiteKind,
    IReadOnlyList<Option> TownSites,
    IReadOnlyList<HistoryRow> History,
    StatusPolicy Policy,
    bool CanEdit,
    bool CanReveal);

public enum CardAccess
{
    Found,
    NotFound,
    Denied,
}

public sealed class HouseholdCardService(IDbContextFactory<ReliefDbContext> dbFactory, CurrentUser user, TimeProvider clock)
{
    public async Task<(CardAccess Access, HouseholdCard? Card)> GetAsync(int householdId, CancellationToken ct = default)
    {
        var scope = await user.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var h = await db.Households.AsNoTracking().Include(x => x.Town).Include(x => x.Site).WithRecords()
            .SingleOrDefaultAsync(x => x.Id == householdId, ct);
        if (h is null)
        {
            return (CardAccess.NotFound, null);
        }
        if (!scope.CanRead(h.TownId, h.ChannelMask))
        {
            await ActivityLogs.WriteAsync(db, clock, scope, ActivityLog.Kinds.Denied, $"查看搬迁户 {h.Code}（{h.Town!.Name}）", null, ct);
            return (CardAccess.Denied, null);
        }

        h.Phone = h.Phone is null ? null : IdNumber.MaskPhone(h.Phone);
        foreach (var m in h.Members.Concat(h.Employments.Select(e => e.Member).OfType<Member>()))
        {
            m.IdNumber = IdNumber.Mask(m.IdNumber);
        }
        var sites = await db.Sites.AsNoTracking().Where(s => s.TownId == h.TownId).OrderBy(s => s.Kind).ThenBy(s => s.Name)
            .Select(s => new Option(s.Id, s.Name, s.TownId)).ToListAsync(ct);
        var members = h.Members.ToDictionary(m => m.Id, m => m.Name);
        var audit = await db.Audit.AsNoTracking().Where(a => a.HouseholdId == householdId)
            .OrderByDescending(a => a.Id).ToListAsync(ct);
        var history = audit.Where(a => !IsLegacyCounter(a)).Select(a => new HistoryRow(a.At, a.User, a.Source, Describe(a, members, h),
            Label(a), Shown(a, a.OldValue, members), Shown(a, a.NewValue, members))).ToList();
        var policy = await PolicyStore.LoadStatusPolicyAsync(db, ct);
        return (CardAccess.Found, new HouseholdCard(h, h.Town!.Name, h.Site!.Name, h.Site.Kind, sites, history, policy,
            scope.CanEdit(h.TownId), scope.CanReveal(h.TownId)));
    }

    /// <summary>
    /// The full ID number of a member (<paramref name="memberId"/>) or the household's phone (null), for the roles
    /// that may see it; every reveal is recorded with its reason. Null when refused.
    /// </summary>
    public async Task<string?> RevealAsync(int householdId, int? memberId, string reason, CancellationToken ct = default)
    {
        var scope = await user.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var h = await db.Households.AsNoTracking().Where(x => x.Id == householdId)
            .Select(x => new { x.Code, x.TownId, x.Phone }).SingleOrDefaultAsync(ct);
        if (h is null)
        {
            return null;
        }
        var what = memberId is null ? "联系电话" : "身份证号";
        if (!scope.CanReveal(h.TownId))
        {
            await ActivityLogs.WriteAsync(db, clock, scope, ActivityLog.Kinds.Denied, $"查看户 {h.Code} 的完整{what}", reason, ct);
            return null;
        }
        var (whose, value) = memberId is { } id
            ? await db.Members.Where(m => m.Id == id && m.HouseholdId == householdId)
                .Select(m => new ValueTuple<string, string?>(m.Name, m.IdNumber)).SingleOrDefaultAsync(ct)
            : ("户", h.Phone);
        if (value is not null)
        {
            await ActivityLogs.WriteAsync(db, clock, scope, ActivityLog.Kinds.Reveal, $"户 {h.Code} {whose}的完整{what}", reason, ct);
        }
        return value;
    }

    /// <summary>
    /// Rows written before the trail had one format listed what the status rules recompute as if typed; the status
    /// itself still reads as a recomputation, the counters (masks, worker counts) are not shown.
    /// </summary>
    private static bool IsLegacyCounter(AuditEntry a) =>
        a.Entity == nameof(Household) && AuditTrail.Derived.Contains(a.Field) && a.Field != nameof(Household.Status) && a.Field != nameof(Household.HeadName);

    /// <summary>A member named by id in an older row is shown by name.</summary>
    private static string? Shown(AuditEntry a, string? value, Dictionary<int, string> members) =>
        a.Field == nameof(Employment.MemberId) && int.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var id)
            ? members.GetValueOrDefault(id, "（已注销成员）")
            : AuditLabels.Value(a.Field, value);

    private static bool IsRecomputation(AuditEntry a) =>
        a.Field == AuditLabels.Recomputed || (a.Entity == nameof(Household) && a.Field == nameof(Household.Status));

    private static string Label(AuditEntry a) =>
        IsRecomputation(a) ? AuditLabels.Field(AuditLabels.Recomputed) : AuditLabels.Known(a.Entity, a.Field) ?? "其他字段";

    private static string Describe(AuditEntry a, Dictionary<int, string> members, Household h)
    {
        if (IsRecomputation(a))
        {
            return "系统重算";
        }
        var entity = AuditLabels.Entity(a.Entity);
        var name = a.Subject ?? a.Entity switch
        {
            "Member" => members.GetValueOrDefault(a.EntityId),
            "Employment" => h.Employments.FirstOrDefault(e => e.Id == a.EntityId)?.Member?.Name,
            "Training" => h.Trainings.FirstOrDefault(t => t.Id == a.EntityId) is { } t ? members.GetValueOrDefault(t.MemberId) : null,
            _ => null,
        };
        return $"{a.Action}{entity}{(name is null ? "" : $"（{name}）")}";
    }
}
