using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using ReliefDashboard.Data;
using ReliefDashboard.Domain;

namespace ReliefDashboard.Figures;

/// <summary>
/// The district's live figures kept on write (<see cref="FigureSum"/> rows). Every write through the pipeline adds
/// the new stored figures of each household it changed and takes away the old ones, in its own transaction; a bulk
/// write that goes around the change tracker (the roster import, the demo load) rebuilds the towns it wrote. A read
/// costs about a thousand rows at any district size, never a scan of the households.
/// </summary>
/// <remarks>
/// "Verified within the window" depends on the date: the rows count households verified on or after the day they
/// are stamped with (<see cref="StampKey"/>); a read for another day corrects by the few households verified between
/// the two days (an index range), and the daily check rebuilds and restamps them.
/// </remarks>
public static class FigureSums
{
    public const string StampKey = "FigureSums.VerifiedSince";

    /// <summary>The household fields the sums are made of; a change to none of them moves no figure.</summary>
    private static readonly string[] Fields =
    [
        nameof(Household.TownId), nameof(Household.ChannelMask), nameof(Household.Status), nameof(Household.IndustryMask),
        nameof(Household.EmploymentMask), nameof(Household.HasLabour), nameof(Household.LabourMembers), nameof(Household.EmployedLabourMembers),
        nameof(Household.LocalLabourMembers), nameof(Household.WorkersInDistrict), nameof(Household.WorkersInProvince),
        nameof(Household.WorkersOutsideProvince), nameof(Household.LastVerifiedOn), nameof(Household.VerifiedAttained),
    ];

    /// <summary>The first day a visit still counts as recent on <paramref name="today"/>.</summary>
    public static DateOnly VerifiedSince(DateOnly today, StatusPolicy policy) => today.AddDays(-policy.VerificationMaxAgeDays);

    /// <summary>The day the stored rows count verified households from, or null while they have never been built.</summary>
    public static async Task<DateOnly?> StampAsync(ReliefDbContext db, CancellationToken ct)
    {
        var value = await db.SystemInfo.AsNoTracking().Where(i => i.Key == StampKey).Select(i => i.Value).FirstOrDefaultAsync(ct);
        return value is not null && DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
    }

    /// <summary>
    /// Adds to the tracked sums the difference each changed household makes (old figures out, new ones in). Called by
    /// the pipeline after statuses are recomputed and before the save, so the sums commit with the change or not at all.
    /// </summary>
    public static async Task ApplyAsync(ReliefDbContext db, CancellationToken ct)
    {
        var changed = db.ChangeTracker.Entries<Household>()
            .Where(e => e.State is EntityState.Added or EntityState.Deleted
                || (e.State == EntityState.Modified && Fields.Any(f => e.Property(f).IsModified && !Equals(e.Property(f).OriginalValue, e.Property(f).CurrentValue))))
            .ToList();
        var payments = db.ChangeTracker.Entries<Benefit>()
            .Where(e => e.State is EntityState.Added or EntityState.Deleted || (e.State == EntityState.Modified && MoneyFields.Any(f => e.Property(f).IsModified)))
            .ToList();
        if ((changed.Count == 0 && payments.Count == 0) || await StampAsync(db, ct) is not { } since)
        {
            // Never built: nothing to keep up to date yet; the first rebuild counts these households as they are saved.
            return;
        }
        var deltas = new Dictionary<Key, Part>();
        foreach (var entry in changed)
        {
            if (entry.State != EntityState.Added)
            {
                Add(deltas, Of(entry.OriginalValues, since), -1);
            }
            if (entry.State != EntityState.Deleted)
            {
                Add(deltas, Of(entry.CurrentValues, since), +1);
            }
        }
        await ApplyMoneyAsync(db, payments, ct);
        foreach (var (key, part) in deltas)
        {
            if (part == default)
            {
                continue;
            }
            var row = await db.FigureSums.FindAsync([key.TownId, key.ChannelMask, key.Status, key.IndustryMask, key.EmploymentMask], ct);
            if (row is null)
            {
                row = new FigureSum
                {
                    TownId = key.TownId,
                    ChannelMask = key.ChannelMask,
                    Status = key.Status,
                    IndustryMask = key.IndustryMask,
                    EmploymentMask = key.EmploymentMask,
                };
                db.FigureSums.Add(row);
            }
            part.AddTo(row);
            if (row.Households == 0)
            {
                db.FigureSums.Remove(row);
            }
        }
    }

    private static readonly string[] MoneyFields = [nameof(Benefit.TownId), nameof(Benefit.Kind), nameof(Benefit.Amount), nameof(Benefit.VoidedAt)];

    private static async Task ApplyMoneyAsync(ReliefDbContext db, List<EntityEntry<Benefit>> payments, CancellationToken ct)
    {
        var deltas = new Dictionary<(int Town, BenefitKind Kind), (int Payments, decimal Amount)>();
        void Add(PropertyValues v, int sign)
        {
            if (v.GetValue<DateTime?>(nameof(Benefit.VoidedAt)) is not null)
            {
                return;
            }
            var key = (v.GetValue<int>(nameof(Benefit.TownId)), v.GetValue<BenefitKind>(nameof(Benefit.Kind)));
            var (count, amount) = deltas.GetValueOrDefault(key);
            deltas[key] = (count + sign, amount + (sign * v.GetValue<decimal>(nameof(Benefit.Amount))));
        }
        foreach (var entry in payments)
        {
            if (entry.State != EntityState.Added)
            {
                Add(entry.OriginalValues, -1);
            }
            if (entry.State != EntityState.Deleted)
            {
                Add(entry.CurrentValues, +1);
            }
        }
        foreach (var ((town, kind), (count, amount)) in deltas)
        {
            if (count == 0 && amount == 0)
            {
                continue;
            }
            var row = await db.MoneySums.FindAsync([town, kind], ct);
            if (row is null)
            {
                row = new MoneySum { TownId = town, Kind = kind };
                db.MoneySums.Add(row);
            }
            row.Payments += count;
            row.Amount += amount;
            if (row.Payments == 0)
            {
                db.MoneySums.Remove(row);
            }
        }
    }

    /// <summary>The money sums as a fresh GROUP BY over the payments would give them.</summary>
    public static Task<List<MoneySum>> CountMoneyAsync(ReliefDbContext db, IReadOnlyCollection<int>? towns, CancellationToken ct)
    {
        var benefits = db.Benefits.Where(b => b.VoidedAt == null);
        if (towns is not null)
        {
            benefits = benefits.Where(b => EF.Parameter(towns).Contains(b.TownId));
        }
        return benefits.GroupBy(b => new { b.TownId, b.Kind })
            .Select(g => new MoneySum { TownId = g.Key.TownId, Kind = g.Key.Kind, Payments = g.Count(), Amount = g.Sum(b => b.Amount) })
            .AsNoTracking().ToListAsync(ct);
    }

    /// <summary>Money by town and kind from the kept sums (households paid are not kept: see <see cref="MoneyFigures"/>); null before the first build.</summary>
    public static async Task<List<MoneySum>?> ReadMoneyAsync(ReliefDbContext db, int? townId, CancellationToken ct)
    {
        if (await StampAsync(db, ct) is null)
        {
            return null;
        }
        var rows = townId is { } town ? db.MoneySums.Where(m => m.TownId == town) : db.MoneySums;
        return await rows.AsNoTracking().ToListAsync(ct);
    }

    /// <summary>
    /// Counts the sums again from the households, for the given towns (null: all), and stamps them with
    /// <paramref name="since"/>. A whole rebuild is one GROUP BY over the dashboard's covering index.
    /// </summary>
    public static async Task RebuildAsync(ReliefDbContext db, DateOnly since, IReadOnlyCollection<int>? towns, CancellationToken ct)
    {
        var stamp = await StampAsync(db, ct);
        if (towns is not null && stamp != since)
        {
            // Part of a set stamped for another day cannot be rebuilt for this one: rebuild all of it.
            towns = null;
        }
        var fresh = await CountAsync(db, since, towns, ct);
        var old = towns is null ? db.FigureSums : db.FigureSums.Where(f => EF.Parameter(towns).Contains(f.TownId));
        Replace(db.FigureSums, await old.ToDictionaryAsync(KeyOf, ct), fresh, KeyOf, (have, row) => db.Entry(have).CurrentValues.SetValues(row));
        var oldMoney = towns is null ? db.MoneySums : db.MoneySums.Where(m => EF.Parameter(towns).Contains(m.TownId));
        Replace(db.MoneySums, await oldMoney.ToDictionaryAsync(m => (m.TownId, m.Kind), ct), await CountMoneyAsync(db, towns, ct), m => (m.TownId, m.Kind),
            (have, row) => (have.Payments, have.Amount) = (row.Payments, row.Amount));
        var info = await db.SystemInfo.FirstOrDefaultAsync(i => i.Key == StampKey, ct);
        if (info is null)
        {
            db.SystemInfo.Add(new SystemInfo { Key = StampKey, Value = since.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) });
        }
        else
        {
            info.Value = since.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }
    }

    /// <summary>
    /// The live figures as of <paramref name="since"/>: the stored sums, corrected by the households verified between
    /// their stamp and that day. Before the first rebuild, the same GROUP BY the rebuild runs.
    /// </summary>
    public static async Task<List<LiveGroup>> ReadAsync(ReliefDbContext db, DateOnly since, CancellationToken ct)
    {
        if (await StampAsync(db, ct) is not { } stamp)
        {
            return (await CountAsync(db, since, null, ct)).Select(ToGroup).ToList();
        }
        var rows = await db.FigureSums.AsNoTracking().ToListAsync(ct);
        if (stamp != since)
        {
            var (from, to, sign) = since > stamp ? (stamp, since, -1) : (since, stamp, +1);
            var shifted = await db.Households.Where(h => h.LastVerifiedOn >= from && h.LastVerifiedOn < to)
                .GroupBy(h => new { h.TownId, h.ChannelMask, h.Status, h.IndustryMask, h.EmploymentMask })
                .Select(g => new { g.Key.TownId, g.Key.ChannelMask, g.Key.Status, g.Key.IndustryMask, g.Key.EmploymentMask, Count = g.Count() })
                .ToListAsync(ct);
            var byKey = rows.ToDictionary(KeyOf);
            foreach (var s in shifted)
            {
                if (byKey.TryGetValue(new Key(s.TownId, s.ChannelMask, s.Status, s.IndustryMask, s.EmploymentMask), out var row))
                {
                    row.VerifiedHouseholds += sign * s.Count;
                }
            }
        }
        return rows.Select(ToGroup).ToList();
    }

    /// <summary>Makes the tracked <paramref name="existing"/> rows equal <paramref name="fresh"/>: changed in place, added, or removed.</summary>
    private static void Replace<T, TKey>(DbSet<T> set, Dictionary<TKey, T> existing, List<T> fresh, Func<T, TKey> key, Action<T, T> copy)
        where T : class
        where TKey : notnull
    {
        foreach (var row in fresh)
        {
            if (existing.Remove(key(row), out var have))
            {
                copy(have, row);
            }
            else
            {
                set.Add(row);
            }
        }
        set.RemoveRange(existing.Values);
    }

    /// <summary>The rows that differ between the stored sums and a fresh count (as of their own stamp); empty when they agree.</summary>
    public static async Task<List<string>> DriftAsync(ReliefDbContext db, CancellationToken ct)
    {
        if (await StampAsync(db, ct) is not { } stamp)
        {
            return ["汇总表尚未建立"];
        }
        var fresh = (await CountAsync(db, stamp, null, ct)).ToDictionary(KeyOf);
        var stored = (await db.FigureSums.AsNoTracking().ToListAsync(ct)).ToDictionary(KeyOf);
        var drift = new List<string>();
        foreach (var key in fresh.Keys.Union(stored.Keys))
        {
            var want = fresh.GetValueOrDefault(key) is { } f ? Part.Of(f) : default;
            var have = stored.GetValueOrDefault(key) is { } s ? Part.Of(s) : default;
            if (want != have)
            {
                drift.Add($"{key}: stored {have}, counted {want}");
            }
        }
        var paid = (await CountMoneyAsync(db, null, ct)).ToDictionary(m => (m.TownId, m.Kind), m => (m.Payments, m.Amount));
        var kept = (await db.MoneySums.AsNoTracking().ToListAsync(ct)).ToDictionary(m => (m.TownId, m.Kind), m => (m.Payments, m.Amount));
        foreach (var key in paid.Keys.Union(kept.Keys))
        {
            if (paid.GetValueOrDefault(key) != kept.GetValueOrDefault(key))
            {
                drift.Add($"money {key}: stored {kept.GetValueOrDefault(key)}, counted {paid.GetValueOrDefault(key)}");
            }
        }
        return drift;
    }

    /// <summary>The GROUP BY the sums stand for, over the dashboard's covering index.</summary>
    public static Task<List<FigureSum>> CountAsync(ReliefDbContext db, DateOnly since, IReadOnlyCollection<int>? towns, CancellationToken ct)
    {
        var households = towns is null ? db.Households : db.Households.Where(h => EF.Parameter(towns).Contains(h.TownId));
        return households
            .GroupBy(h => new { h.TownId, h.ChannelMask, h.Status, h.IndustryMask, h.EmploymentMask })
            .Select(g => new FigureSum
            {
                TownId = g.Key.TownId,
                ChannelMask = g.Key.ChannelMask,
                Status = g.Key.Status,
                IndustryMask = g.Key.IndustryMask,
                EmploymentMask = g.Key.EmploymentMask,
                Households = g.Count(),
                LabourHouseholds = g.Count(h => h.HasLabour),
                LabourMembers = g.Sum(h => h.LabourMembers),
                EmployedLabourMembers = g.Sum(h => h.EmployedLabourMembers),
                LocalCoveredHouseholds = g.Count(h => h.LocalLabourMembers > 0),
                IdleLabourHouseholds = g.Count(h => h.EmployedLabourMembers < h.LabourMembers),
                WorkersInDistrict = g.Sum(h => h.WorkersInDistrict),
                WorkersInProvince = g.Sum(h => h.WorkersInProvince),
                WorkersOutsideProvince = g.Sum(h => h.WorkersOutsideProvince),
                VerifiedHouseholds = g.Count(h => h.LastVerifiedOn >= since),
                VerifiedAttained = g.Count(h => h.VerifiedAttained),
            })
            .AsNoTracking()
            .ToListAsync(ct);
    }

    /// <summary>A stored or counted row as the dashboard reads it.</summary>
    public static LiveGroup ToGroup(FigureSum f) => new(f.TownId, f.ChannelMask, f.Status, f.IndustryMask, f.EmploymentMask, f.Households,
        f.LabourHouseholds, f.LabourMembers, f.EmployedLabourMembers, f.LocalCoveredHouseholds, f.WorkersInDistrict, f.WorkersInProvince,
        f.WorkersOutsideProvince, f.VerifiedHouseholds, f.VerifiedAttained, f.IdleLabourHouseholds);

    private static Key KeyOf(FigureSum f) => new(f.TownId, f.ChannelMask, f.Status, f.IndustryMask, f.EmploymentMask);

    private static (Key Key, Part Part) Of(PropertyValues v, DateOnly since) => (
        new Key(v.GetValue<int>(nameof(Household.TownId)), v.GetValue<int>(nameof(Household.ChannelMask)), v.GetValue<HouseholdStatus>(nameof(Household.Status)),
            v.GetValue<int>(nameof(Household.IndustryMask)), v.GetValue<int>(nameof(Household.EmploymentMask))),
        new Part(
            1,
            v.GetValue<bool>(nameof(Household.HasLabour)) ? 1 : 0,
            v.GetValue<int>(nameof(Household.LabourMembers)),
            v.GetValue<int>(nameof(Household.EmployedLabourMembers)),
            v.GetValue<int>(nameof(Household.LocalLabourMembers)) > 0 ? 1 : 0,
            v.GetValue<int>(nameof(Household.EmployedLabourMembers)) < v.GetValue<int>(nameof(Household.LabourMembers)) ? 1 : 0,
            v.GetValue<int>(nameof(Household.WorkersInDistrict)),
            v.GetValue<int>(nameof(Household.WorkersInProvince)),
            v.GetValue<int>(nameof(Household.WorkersOutsideProvince)),
            v.GetValue<DateOnly?>(nameof(Household.LastVerifiedOn)) >= since ? 1 : 0,
            v.GetValue<bool>(nameof(Household.VerifiedAttained)) ? 1 : 0));

    private static void Add(Dictionary<Key, Part> deltas, (Key Key, Part Part) one, int sign) =>
        deltas[one.Key] = deltas.GetValueOrDefault(one.Key) + (sign < 0 ? -one.Part : one.Part);

    private readonly record struct Key(int TownId, int ChannelMask, HouseholdStatus Status, int IndustryMask, int EmploymentMask);

    private readonly record struct Part(int Households, int LabourHouseholds, int LabourMembers, int EmployedLabourMembers, int LocalCovered,
        int IdleLabour, int InDistrict, int InProvince, int Outside, int Verified, int VerifiedAttained)
    {
        public static Part Of(FigureSum f) => new(f.Households, f.LabourHouseholds, f.LabourMembers, f.EmployedLabourMembers, f.LocalCoveredHouseholds,
            f.IdleLabourHouseholds, f.WorkersInDistrict, f.WorkersInProvince, f.WorkersOutsideProvince, f.VerifiedHouseholds, f.VerifiedAttained);

        public static Part operator +(Part a, Part b) => new(a.Households + b.Households, a.LabourHouseholds + b.LabourHouseholds,
            a.LabourMembers + b.LabourMembers, a.EmployedLabourMembers + b.EmployedLabourMembers, a.LocalCovered + b.LocalCovered,
            a.IdleLabour + b.IdleLabour, a.InDistrict + b.InDistrict, a.InProvince + b.InProvince, a.Outside + b.Outside, a.Verified + b.Verified, a.VerifiedAttained + b.VerifiedAttained);

        public static Part operator -(Part a) => new(-a.Households, -a.LabourHouseholds, -a.LabourMembers, -a.EmployedLabourMembers, -a.LocalCovered,
            -a.IdleLabour, -a.InDistrict, -a.InProvince, -a.Outside, -a.Verified, -a.VerifiedAttained);

        public void AddTo(FigureSum f)
        {
            f.Households += Households;
            f.LabourHouseholds += LabourHouseholds;
            f.LabourMembers += LabourMembers;
            f.EmployedLabourMembers += EmployedLabourMembers;
            f.LocalCoveredHouseholds += LocalCovered;
            f.IdleLabourHouseholds += IdleLabour;
            f.WorkersInDistrict += InDistrict;
            f.WorkersInProvince += InProvince;
            f.WorkersOutsideProvince += Outside;
            f.VerifiedHouseholds += Verified;
            f.VerifiedAttained += VerifiedAttained;
        }
    }
}
