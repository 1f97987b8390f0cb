using System.Data.Common;
using ReliefDashboard.Data;
using ReliefDashboard.Domain;
using ReliefDashboard.Features.Households;

namespace ReliefDashboard.Features.Roster;

/// <summary>Someone saved one of the file's households while the import ran; the import is rolled back.</summary>
public sealed class RosterConflictException(string code) : Exception($"household {code} changed during the import")
{
    public string Code { get; } = code;
}

/// <summary>
/// Writes imported households without EF's change tracker: it remembers each loaded record's values, and after the
/// rows are applied writes only what differs — new records inserted, changed ones updated by id (a household only
/// while its version is still the one read) — with their audit rows. A new record gets one audit row listing its
/// values; a changed one a row per changed field, old and new, as the forms' saves do.
/// </summary>
public sealed class RosterStore : IDisposable
{
    private readonly TableWriter<Household> households;
    private readonly TableWriter<Member> members;
    private readonly TableWriter<Employment> employments;
    private readonly TableWriter<Industry> industries;
    private readonly TableWriter<SafetyNetCoverage> coverages;
    private readonly TableWriter<AuditEntry> audit;
    private readonly Dictionary<object, object?[]> original = new(ReferenceEqualityComparer.Instance);
    private readonly string user;
    private readonly string source;
    private readonly DateTime at;
    private readonly RosterNames names;

    /// <summary>Jobs, industries and safety-net items written new / changed, for the import's report.</summary>
    public int MeasuresAdded { get; private set; }
    public int MeasuresUpdated { get; private set; }

    public RosterStore(ReliefDbContext db, DbTransaction tx, string user, string source, DateTime at, RosterNames names)
    {
        households = new(db, tx);
        members = new(db, tx);
        employments = new(db, tx);
        industries = new(db, tx);
        coverages = new(db, tx);
        audit = new(db, tx);
        (this.user, this.source, this.at, this.names) = (user, source, at, names);
    }

    /// <summary>Records the values of a loaded household and its records, before the file's rows are applied.</summary>
    public void Remember(Household h)
    {
        original[h] = households.Values(h);
        h.Members.ForEach(m => original[m] = members.Values(m));
        h.Employments.ForEach(e => original[e] = employments.Values(e));
        h.Industries.ForEach(i => original[i] = industries.Values(i));
        h.Coverages.ForEach(c => original[c] = coverages.Values(c));
    }

    /// <summary>
    /// Writes the household as it now stands; <paramref name="coverageMembers"/> names the member of each coverage
    /// row, since a new member has no id until written. Returns whether anything the trail records changed.
    /// </summary>
    public bool Write(Household h, IReadOnlyDictionary<SafetyNetCoverage, Member> coverageMembers)
    {
        var isNew = h.Id == 0;
        if (isNew)
        {
            households.Insert(h);
            Added(h, h.Id, households, h);
        }
        var changed = isNew;
        foreach (var m in h.Members)
        {
            m.HouseholdId = h.Id;
            changed |= Save(members, m, m.Id, h.Id);
        }
        foreach (var e in h.Employments)
        {
            e.HouseholdId = h.Id;
            e.MemberId = e.Member!.Id;
            changed |= Measure(Save(employments, e, e.Id, h.Id), e.Id == 0);
        }
        foreach (var i in h.Industries)
        {
            i.HouseholdId = h.Id;
            changed |= Measure(Save(industries, i, i.Id, h.Id), i.Id == 0);
        }
        foreach (var c in h.Coverages)
        {
            c.HouseholdId = h.Id;
            if (coverageMembers.TryGetValue(c, out var member))
            {
                c.MemberId = member.Id;
            }
            changed |= Measure(Save(coverages, c, c.Id, h.Id), c.Id == 0);
        }
        if (!isNew)
        {
            var before = original[h];
            var version = h.Version;
            changed |= Changed(households, h, h.Id, h.Id, before);
            if (changed)
            {
                h.Version++;
            }
            if (!before.SequenceEqual(households.Values(h)) && !households.Update(h, version))
            {
                throw new RosterConflictException(h.Code);
            }
        }
        return changed;
    }

    private bool Measure(bool changed, bool wasNew)
    {
        if (changed && wasNew)
        {
            MeasuresAdded++;
        }
        else if (changed)
        {
            MeasuresUpdated++;
        }
        return changed;
    }

    private bool Save<T>(TableWriter<T> writer, T row, int id, int householdId) where T : class
    {
        if (id == 0)
        {
            writer.Insert(row);
            Added(row, householdId, writer, null);
            return true;
        }
        var before = original[row];
        if (before.SequenceEqual(writer.Values(row)))
        {
            return false;
        }
        writer.Update(row);
        return Changed(writer, row, id, householdId, before);
    }

    private static readonly HashSet<string> NotListed = [.. AuditedSave.Ignored, nameof(Household.TownId), nameof(Household.SiteId), nameof(Employment.MemberId)];

    /// <summary>One row for a new record: its values as "字段：值；…" (ID numbers and phones are masked when shown).</summary>
    private void Added<T>(T row, int householdId, TableWriter<T> writer, Household? household) where T : class
    {
        var values = writer.Values(row);
        var parts = new List<string>();
        if (household is not null)
        {
            parts.Add($"镇街：{names.Towns[household.TownId]}");
            parts.Add($"安置点：{names.Sites[household.SiteId]}");
        }
        for (var i = 0; i < values.Length; i++)
        {
            var name = writer.Properties[i].Name;
            if (values[i] is not null && !NotListed.Contains(name))
            {
                parts.Add($"{AuditLabels.Field(name)}：{AuditedSave.Format(values[i])}");
            }
        }
        Audit(householdId, typeof(T).Name, writer.IdOf(row), "新增", AuditLabels.WholeRecord, null, string.Join("；", parts));
    }

    private bool Changed<T>(TableWriter<T> writer, T row, int id, int householdId, object?[] before) where T : class
    {
        var after = writer.Values(row);
        var any = false;
        for (var i = 0; i < after.Length; i++)
        {
            var name = writer.Properties[i].Name;
            if (!Equals(before[i], after[i]) && !AuditedSave.Ignored.Contains(name))
            {
                Audit(householdId, typeof(T).Name, id, "修改", name, AuditedSave.Format(before[i]), AuditedSave.Format(after[i]));
                any = true;
            }
        }
        return any;
    }

    private void Audit(int householdId, string entity, int entityId, string action, string field, string? old, string? @new) =>
        audit.Insert(new AuditEntry
        {
            At = at,
            User = user,
            Source = source,
            HouseholdId = householdId,
            Entity = entity,
            EntityId = entityId,
            Action = action,
            Field = field,
            OldValue = old,
            NewValue = @new,
        });

    public void Dispose()
    {
        households.Dispose();
        members.Dispose();
        employments.Dispose();
        industries.Dispose();
        coverages.Dispose();
        audit.Dispose();
    }
}
