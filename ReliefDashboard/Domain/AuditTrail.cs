using System.Globalization;

namespace ReliefDashboard.Domain;

/// <summary>Who wrote, when, and through what (a form, an import file, a daily job).</summary>
public sealed record AuditStamp(DateTime At, string User, string Source);

/// <summary>Names what an id field points to (a town, a site, a member, a job), so the trail never shows a bare id.</summary>
public interface IAuditNames
{
    string? Of(string field, object? id);
}

/// <summary>
/// The audit trail's one format, whatever wrote the change (a form, the import, the ledger, the daily refresh):
/// a new or removed record is one row listing its values as “字段：值；…”; a changed record is one row per field a
/// person changed, old and new; what the system recomputed on a household (its status and counters) is one
/// “系统重算” row per save. Keys, versions and bookkeeping columns never appear.
/// </summary>
public static class AuditTrail
{
    /// <summary>Keys, versions and who-recorded columns: the trail's own columns say these.</summary>
    public static readonly IReadOnlySet<string> Bookkeeping = new HashSet<string>
    {
        "Id", "HouseholdId", "Version", "RecordedBy", "RecordedAt", "Source", "VoidedAt", "VoidedBy", "Breaches", "BreachText", "Verification",
    };

    /// <summary>What <see cref="HouseholdStatusUpdater"/> and the head member's name set on a household: never typed by a person.</summary>
    public static readonly IReadOnlySet<string> Derived = new HashSet<string>
    {
        nameof(Household.Status), nameof(Household.StatusRule), nameof(Household.StatusExplanation), nameof(Household.StatusComputedOn),
        nameof(Household.HasLabour), nameof(Household.MemberCount), nameof(Household.ChannelMask), nameof(Household.LabourMembers),
        nameof(Household.EmployedLabourMembers), nameof(Household.LocalLabourMembers), nameof(Household.WorkersInDistrict),
        nameof(Household.WorkersInProvince), nameof(Household.WorkersOutsideProvince), nameof(Household.IndustryMask),
        nameof(Household.EmploymentMask), nameof(Household.HeadName), nameof(Household.VerifiedAttained),
    };

    /// <summary>Audited record kinds: a household, what it owns, and its money.</summary>
    public static bool IsAudited(object entity) => entity is Household or Member or Measure or Benefit or ShopfrontRental or BusinessLoan;

    /// <summary>
    /// The rows for one saved record: <paramref name="fields"/> are its stored fields in order, <paramref name="before"/>
    /// and <paramref name="after"/> their values (null before when added, null after when removed). Written for the
    /// import's hundred thousand records as much as for a form's one: loops, no per-field allocations.
    /// </summary>
    public static void Rows(List<AuditEntry> into, AuditStamp stamp, object record, int householdId, int entityId, RecordState state,
        IReadOnlyList<string> fields, object?[]? before, object?[]? after, IAuditNames names)
    {
        var entity = record.GetType().Name;
        var subject = Subject(record, names);
        var isHousehold = record is Household;
        AuditEntry Row(string action, string field, string? old, string? @new) => new()
        {
            At = stamp.At,
            User = stamp.User,
            Source = stamp.Source,
            HouseholdId = householdId,
            Entity = entity,
            EntityId = entityId,
            Subject = subject,
            Action = action,
            Field = field,
            OldValue = old,
            NewValue = @new,
        };
        bool Typed(string field) => !Bookkeeping.Contains(field) && !(isHousehold && Derived.Contains(field));

        if (state is RecordState.Added or RecordState.Removed)
        {
            var values = (state == RecordState.Added ? after : before)!;
            var text = new System.Text.StringBuilder();
            for (var i = 0; i < fields.Count; i++)
            {
                if (values[i] is { } value && Typed(fields[i]))
                {
                    if (text.Length > 0)
                    {
                        text.Append('；');
                    }
                    text.Append(AuditLabels.Field(entity, fields[i])).Append('：').Append(Value(fields[i], value, names));
                }
            }
            if (state == RecordState.Removed)
            {
                into.Add(Row("删除", AuditLabels.WholeRecord, text.ToString(), null));
                return;
            }
            // A new household's first status is part of what was added, not a recomputation of it.
            if (record is Household added)
            {
                text.Append("；达标状态：").Append(Format(added.Status));
            }
            into.Add(Row("新增", AuditLabels.WholeRecord, null, text.ToString()));
            return;
        }

        var action = "修改";
        if (record is Benefit)
        {
            var voided = IndexOf(fields, nameof(Benefit.VoidedAt));
            if (voided >= 0 && before![voided] is null && after![voided] is not null)
            {
                action = "作废";
            }
        }
        var recomputed = false;
        for (var i = 0; i < fields.Count; i++)
        {
            var (old, now) = (before![i], after![i]);
            if (Equals(old, now))
            {
                continue;
            }
            if (Typed(fields[i]))
            {
                into.Add(Row(action, fields[i], Value(fields[i], old, names), Value(fields[i], now, names)));
            }
            // The rule's own wording and the date it was computed change without anything a person would notice.
            else if (isHousehold && Derived.Contains(fields[i]) && fields[i] is not (nameof(Household.HeadName) or nameof(Household.StatusComputedOn)
                or nameof(Household.StatusRule) or nameof(Household.StatusExplanation)))
            {
                recomputed = true;
            }
        }
        if (recomputed)
        {
            var status = IndexOf(fields, nameof(Household.Status));
            var now = status >= 0 ? (HouseholdStatus)after![status]! : ((Household)record).Status;
            var was = status >= 0 ? (HouseholdStatus)before![status]! : now;
            into.Add(Row("系统重算", AuditLabels.Recomputed, Format(was), Format(now)));
        }
    }

    private static int IndexOf(IReadOnlyList<string> fields, string field)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            if (fields[i] == field)
            {
                return i;
            }
        }
        return -1;
    }

    /// <summary>Whom or what a row is about, in words: the member's name, the industry's type, the payment's kind.</summary>
    private static string? Subject(object record, IAuditNames names) => record switch
    {
        Member m => m.Name,
        Employment e => e.Member?.Name ?? names.Of(nameof(Employment.MemberId), e.MemberId),
        Training t => names.Of(nameof(Training.MemberId), t.MemberId),
        SafetyNetCoverage c => c.MemberId is { } id ? names.Of(nameof(SafetyNetCoverage.MemberId), id) : Labels.Of(c.Kind),
        Industry i => i.Type,
        Benefit b => Labels.Of(b.Kind),
        ShopfrontRental s => s.Unit,
        BusinessLoan l => l.Lender,
        _ => null,
    };

    private static string? Value(string field, object? value, IAuditNames names) =>
        value is not null && field.EndsWith("Id", StringComparison.Ordinal) && names.Of(field, value) is { } name ? name : Format(value);

    /// <summary>Values as a person reads them: enums in Chinese, dates as yyyy-MM-dd.</summary>
    public static string? Format(object? value) => value switch
    {
        null => null,
        bool b => b ? "是" : "否",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
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
        BenefitKind k => Labels.Of(k),
        LoanStatus s => Labels.Of(s),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}

public enum RecordState
{
    Added,
    Modified,
    Removed,
}
