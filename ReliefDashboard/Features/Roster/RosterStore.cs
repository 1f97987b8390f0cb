using System.Data.Common;
using Microsoft.EntityFrameworkCore.Metadata;
using ReliefDashboard.Data;
using ReliefDashboard.Domain;
using ReliefDashboard.Exports;
using ReliefDashboard.Figures;
using ReliefDashboard.Writes;

namespace ReliefDashboard.Features.Roster;

/// <summary>Someone saved one of the file's households while the import ran; the import is rolled back.</summary>
public sealed class RosterConflictException(string code) : Exception($"household {code} changed during the import")
{
    public string Code { get; } = code;
}

/// <summary>
/// The values of the registered households and their records as read, before the file's rows are applied to them;
/// taken outside the write turn, so the store can write only what differs.
/// </summary>
public sealed class RosterSnapshot
{
    private readonly Dictionary<object, object?[]> values = new(ReferenceEqualityComparer.Instance);

    public RosterSnapshot(IModel model, IEnumerable<Household> households)
    {
        var (h, m, e, i, c) = (Columns<Household>(model), Columns<Member>(model), Columns<Employment>(model), Columns<Industry>(model),
            Columns<SafetyNetCoverage>(model));
        foreach (var household in households)
        {
            values[household] = TableWriter<Household>.ValuesOf(h, household);
            household.Members.ForEach(x => values[x] = TableWriter<Member>.ValuesOf(m, x));
            household.Employments.ForEach(x => values[x] = TableWriter<Employment>.ValuesOf(e, x));
            household.Industries.ForEach(x => values[x] = TableWriter<Industry>.ValuesOf(i, x));
            household.Coverages.ForEach(x => values[x] = TableWriter<SafetyNetCoverage>.ValuesOf(c, x));
        }
    }

    private static IReadOnlyList<IProperty> Columns<T>(IModel model) where T : class => TableWriter<T>.ColumnsOf(model);

    public object?[] this[object row] => values[row];
}

/// <summary>
/// Writes imported households without EF's change tracker: after the rows are applied it writes only what differs
/// from the snapshot — new records inserted, changed ones updated by id (a household only while its version is still
/// the one read) — with audit rows in <see cref="AuditTrail"/>'s one format, the same a form's save writes.
/// </summary>
public sealed class RosterStore : IDisposable
{
    private readonly TableWriter<Household> households;
    private readonly TableWriter<Member> members;
    private readonly TableWriter<Employment> employments;
    private readonly TableWriter<Industry> industries;
    private readonly TableWriter<SafetyNetCoverage> coverages;
    private readonly TableWriter<AuditEntry> audit;
    private readonly RosterSnapshot original;
    private readonly AuditStamp stamp;
    private readonly Names names;

    /// <summary>Jobs, industries and safety-net items written new / changed, for the import's report.</summary>
    public int MeasuresAdded { get; private set; }
    public int MeasuresUpdated { get; private set; }

    public RosterStore(ReliefDbContext db, DbTransaction tx, AuditStamp stamp, RosterNames names, RosterSnapshot original)
    {
        households = new(db, tx);
        members = new(db, tx);
        employments = new(db, tx);
        industries = new(db, tx);
        coverages = new(db, tx);
        audit = new(db, tx);
        (this.stamp, this.original) = (stamp, original);
        this.names = new Names(names);
    }

    /// <summary>
    /// Writes the household as it now stands; <paramref name="coverageMembers"/> names the member of each coverage
    /// row, since a new member has no id until written. Returns whether anything the trail records changed.
    /// </summary>
    public bool Write(Household h, IReadOnlyDictionary<SafetyNetCoverage, Member> coverageMembers)
    {
        names.Household = h;
        var isNew = h.Id == 0;
        if (isNew)
        {
            households.Insert(h);
            Audit(households, h, h.Id, RecordState.Added, null);
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
            var newEmployment = e.Id == 0;
            changed |= Measure(Save(employments, e, e.Id, h.Id), newEmployment);
        }
        foreach (var i in h.Industries)
        {
            i.HouseholdId = h.Id;
            var newIndustry = i.Id == 0;
            changed |= Measure(Save(industries, i, i.Id, h.Id), newIndustry);
        }
        foreach (var c in h.Coverages)
        {
            c.HouseholdId = h.Id;
            if (coverageMembers.TryGetValue(c, out var member))
            {
                c.MemberId = member.Id;
            }
            var newCoverage = c.Id == 0;
            changed |= Measure(Save(coverages, c, c.Id, h.Id), newCoverage);
        }
        if (!isNew)
        {
            var before = original[h];
            var version = h.Version;
            var typed = Typed(households, before, households.Values(h));
            changed |= typed;
            if (changed)
            {
                h.Version++;
            }
            if (!before.SequenceEqual(households.Values(h)))
            {
                if (!households.Update(h, version))
                {
                    throw new RosterConflictException(h.Code);
                }
                Audit(households, h, h.Id, RecordState.Modified, before);
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
            Audit(writer, row, householdId, RecordState.Added, null);
            return true;
        }
        var before = original[row];
        if (before.SequenceEqual(writer.Values(row)))
        {
            return false;
        }
        writer.Update(row);
        Audit(writer, row, householdId, RecordState.Modified, before);
        return Typed(writer, before, writer.Values(row));
    }

    /// <summary>Whether a field a person would have typed changed (not only what the status rules recompute).</summary>
    private static bool Typed<T>(TableWriter<T> writer, object?[] before, object?[] after) where T : class
    {
        for (var i = 0; i < after.Length; i++)
        {
            var name = writer.Properties[i].Name;
            if (!Equals(before[i], after[i]) && !AuditTrail.Bookkeeping.Contains(name) && !(typeof(T) == typeof(Household) && AuditTrail.Derived.Contains(name)))
            {
                return true;
            }
        }
        return false;
    }

    private readonly List<AuditEntry> rows = [];

    private void Audit<T>(TableWriter<T> writer, T row, int householdId, RecordState state, object?[]? before) where T : class
    {
        rows.Clear();
        AuditTrail.Rows(rows, stamp, row, householdId, writer.IdOf(row), state, writer.Names, before, state == RecordState.Removed ? null : writer.Values(row), names);
        foreach (var entry in rows)
        {
            audit.Insert(entry);
        }
    }

    public void Dispose()
    {
        households.Dispose();
        members.Dispose();
        employments.Dispose();
        industries.Dispose();
        coverages.Dispose();
        audit.Dispose();
    }

    /// <summary>Town and site names from the register, members from the household being written.</summary>
    private sealed class Names(RosterNames register) : IAuditNames
    {
        public Household? Household { get; set; }

        public string? Of(string field, object? id) => (field, id) switch
        {
            (nameof(Household.TownId), int town) => register.Towns.GetValueOrDefault(town),
            (nameof(Household.SiteId), int site) => register.Sites.GetValueOrDefault(site),
            (nameof(Employment.MemberId), int member) => Household?.Members.FirstOrDefault(m => m.Id == member)?.Name,
            _ => null,
        };
    }
}
