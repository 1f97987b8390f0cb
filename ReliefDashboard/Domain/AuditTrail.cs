using System.Globalization;

namespace ReliefDashboard.Domain;

/// <summary>Who wrote, when, and through what (a form, an import file, a daily job).</summary>
public sealed record AuditStamp(DateTime At, string User, string Source);

/// <summary>One stored field of a record before and after a save (null before when added, null after when removed).</summary>
public readonly record struct FieldChange(string Field, object? Old, object? New);

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
        "Id", "HouseholdId", "Version", "RecordedBy", "RecordedAt", "Source", "VoidedAt", "VoidedBy", "Breaches", "BreachText",
    };

    /// <summary>What <see cref="HouseholdStatusUpdater"/> and the head member's name set on a household: never typed by a person.</summary>
    public static readonly IReadOnlySet<string> Derived = new HashSet<string>
    {
        nameof(Household.Status), nameof(Household.StatusRule), nameof(Household.StatusExplanation), nameof(Household.StatusComputedOn),
        nameof(Household.HasLabour), nameof(Household.MemberCount), nameof(Household.ChannelMask), nameof(Household.LabourMembers),
        nameof(Household.EmployedLabourMembers), nameof(Household.LocalLabourMembers), nameof(Household.WorkersInDistrict),
        nameof(Household.WorkersInProvince), nameof(Household.WorkersOutsideProvince), nameof(Household.IndustryMask),
        nameof(Household.EmploymentMask), nameof(Household.HeadName),
    };

    /// <summary>Audited record kinds: a household, what it owns, and its money.</summary>
    public static bool IsAudited(object entity) => entity is Household or Member or Measure or Benefit or ShopfrontRental or BusinessLoan;

    public static IEnumerable<AuditEntry> Rows(AuditStamp stamp, object record, int householdId, int entityId, RecordState state,
        IReadOnlyList<FieldChange> fields, IAuditNames names)
    {
        var entity = record switch
        {
            Measure m => m.GetType().Name,
            _ => record.GetType().Name,
        };
        var subject = Subject(record, names);
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
        var typed = fields.Where(f => !Bookkeeping.Contains(f.Field) && !(record is Household && Derived.Contains(f.Field))).ToList();
        switch (state)
        {
            case RecordState.Added:
                yield return Row("新增", AuditLabels.WholeRecord, null, Summary(entity, typed.Select(f => (f.Field, f.New)), names));
                break;
            case RecordState.Removed:
                yield return Row("删除", AuditLabels.WholeRecord, Summary(entity, typed.Select(f => (f.Field, f.Old)), names), null);
                yield break;
            default:
                var action = record is Benefit && fields.Any(f => f.Field == nameof(Benefit.VoidedAt) && f.Old is null && f.New is not null) ? "作废" : "修改";
                foreach (var f in typed.Where(f => !Equals(f.Old, f.New)))
                {
                    yield return Row(action, f.Field, Value(f.Field, f.Old, names), Value(f.Field, f.New, names));
                }
                break;
        }
        if (record is Household)
        {
            // The rule's own wording and the date it was computed change without anything a person would notice.
            var derived = fields.Where(f => Derived.Contains(f.Field) && !Equals(f.Old, f.New)
                && f.Field is not (nameof(Household.HeadName) or nameof(Household.StatusComputedOn) or nameof(Household.StatusRule) or nameof(Household.StatusExplanation))).ToList();
            if (derived.Count > 0)
            {
                var status = fields.FirstOrDefault(f => f.Field == nameof(Household.Status));
                var now = (HouseholdStatus?)status.New ?? ((Household)record).Status;
                HouseholdStatus? was = state == RecordState.Added ? null : (HouseholdStatus?)status.Old ?? now;
                yield return Row("系统重算", AuditLabels.Recomputed, Format(was), Format(now));
            }
        }
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

    private static string Summary(string entity, IEnumerable<(string Field, object? Value)> values, IAuditNames names) =>
        string.Join("；", values.Where(v => v.Value is not null)
            .Select(v => $"{AuditLabels.Field(entity, v.Field)}：{Value(v.Field, v.Value, names)}"));

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
