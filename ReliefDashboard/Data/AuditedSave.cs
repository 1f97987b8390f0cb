using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using ReliefDashboard.Domain;

namespace ReliefDashboard.Data;

/// <summary>
/// Saves household data together with its audit rows in one transaction: every added, changed or
/// removed field of a household or of anything it owns becomes one append-only <see cref="AuditEntry"/>.
/// </summary>
public static class AuditedSave
{
    /// <summary>Bookkeeping the trail leaves out: keys, the version, and the status rule's own explanation of itself.</summary>
    internal static readonly HashSet<string> Ignored =
        [nameof(Household.Id), nameof(Measure.HouseholdId), nameof(Household.Version), nameof(Household.StatusRule),
         nameof(Household.StatusExplanation), nameof(Household.StatusComputedOn)];

    public static async Task SaveWithAuditAsync(this ReliefDbContext db, string user, string source, CancellationToken ct = default)
    {
        var pending = new List<(EntityEntry Entry, string Action, List<(string Field, string? Old, string? New)> Fields)>();
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.Entity is not (Household or Member or Measure) || entry.State is EntityState.Unchanged or EntityState.Detached)
            {
                continue;
            }
            var fields = new List<(string, string?, string?)>();
            foreach (var p in entry.Properties)
            {
                var name = p.Metadata.Name;
                if (Ignored.Contains(name))
                {
                    continue;
                }
                switch (entry.State)
                {
                    case EntityState.Added when p.CurrentValue is not null:
                        fields.Add((name, null, Format(p.CurrentValue)));
                        break;
                    case EntityState.Deleted:
                        fields.Add((name, Format(p.OriginalValue), null));
                        break;
                    case EntityState.Modified when !Equals(p.OriginalValue, p.CurrentValue):
                        fields.Add((name, Format(p.OriginalValue), Format(p.CurrentValue)));
                        break;
                }
            }
            if (fields.Count > 0)
            {
                var action = entry.State switch { EntityState.Added => "新增", EntityState.Deleted => "删除", _ => "修改" };
                pending.Add((entry, action, fields));
            }
        }

        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            await db.SaveChangesAsync(ct);
            var at = DateTime.UtcNow;
            foreach (var (entry, action, fields) in pending)
            {
                var (householdId, entityId) = entry.Entity switch
                {
                    Household h => (h.Id, h.Id),
                    Member m => (m.HouseholdId, m.Id),
                    Measure m => (m.HouseholdId, m.Id),
                    _ => (0, 0),
                };
                foreach (var (field, old, @new) in fields)
                {
                    db.Audit.Add(new AuditEntry
                    {
                        At = at,
                        User = user,
                        Source = source,
                        HouseholdId = householdId,
                        Entity = entry.Metadata.ClrType.Name,
                        EntityId = entityId,
                        Action = action,
                        Field = field,
                        OldValue = old,
                        NewValue = @new,
                    });
                }
            }
            await db.SaveChangesAsync(ct);
            if (own is not null)
            {
                await own.CommitAsync(ct);
            }
        }
        finally
        {
            if (own is not null)
            {
                await own.DisposeAsync();
            }
        }
    }

    /// <summary>Values as a person reads them: enums in Chinese, dates as yyyy-MM-dd.</summary>
    public static string? Format(object? value) => value switch
    {
        null => null,
        bool b => b ? "是" : "否",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        decimal m => m.ToString("0.##", CultureInfo.InvariantCulture),
        Channel c => Labels.Numbered(c),
        HouseholdStatus s => Labels.Of(s),
        Sex s => Labels.Of(s),
        Relation r => Labels.Of(r),
        LabourCapacity l => Labels.Of(l),
        Education e => Labels.Of(e),
        Disability d => Labels.Of(d),
        WorkLocation w => Labels.Of(w),
        AssetShareForm f => Labels.Of(f),
        CoverageKind k => Labels.Of(k),
        MemberEndReason r => Labels.Of(r),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
