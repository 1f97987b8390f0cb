using Microsoft.EntityFrameworkCore;
using ReliefDashboard.Data;
using ReliefDashboard.Domain;
using ReliefDashboard.Exports;

namespace ReliefDashboard.Figures;

public sealed record MoneyGroup(int TownId, BenefitKind Kind, int Payments, int Households, decimal Amount);

/// <summary>
/// Payments that break a rule as the settings stand, counted by town, kind of payment and the set of breaches
/// (<see cref="BenefitLedger.Bit"/> flags): a payment is counted once however many rules it breaks.
/// </summary>
public sealed record ViolationCount(int TownId, BenefitKind Benefit, int Breaches, int Payments)
{
    public bool Has(ViolationKind kind) => (Breaches & BenefitLedger.Bit(kind)) != 0;
}

/// <summary>The money the dashboard, the implementation page and the scorecards read: sums and breach counts, in SQL.</summary>
public static class MoneyFigures
{
    /// <summary>Money by town and kind; <paramref name="households"/> also counts the households paid (a slower DISTINCT, for the implementation page).</summary>
    public static async Task<IReadOnlyList<MoneyGroup>> MoneyAsync(ReliefDbContext db, int? townId, CancellationToken ct, bool households = false)
    {
        if (!households && await FigureSums.ReadMoneyAsync(db, townId, ct) is { } kept)
        {
            return kept.Select(m => new MoneyGroup(m.TownId, m.Kind, m.Payments, 0, m.Amount)).ToList();
        }
        var benefits = db.Benefits.Where(b => b.VoidedAt == null);
        if (townId is { } town)
        {
            benefits = benefits.Where(b => b.TownId == town);
        }
        var groups = benefits.GroupBy(b => new { b.TownId, b.Kind });
        var rows = households
            ? await groups.Select(g => new { g.Key.TownId, g.Key.Kind, Payments = g.Count(), Households = g.Select(b => b.HouseholdId).Distinct().Count(), Amount = g.Sum(b => b.Amount) }).ToListAsync(ct)
            : await groups.Select(g => new { g.Key.TownId, g.Key.Kind, Payments = g.Count(), Households = 0, Amount = g.Sum(b => b.Amount) }).ToListAsync(ct);
        return rows.Select(r => new MoneyGroup(r.TownId, r.Kind, r.Payments, r.Households, r.Amount)).ToList();
    }

    /// <summary>Payments whose stored check found a breach, counted in SQL by town and kind of breach.</summary>
    public static async Task<IReadOnlyList<ViolationCount>> ViolationCountsAsync(ReliefDbContext db, int? townId, CancellationToken ct)
    {
        var rows = db.Benefits.Where(b => b.Breaches > 0 && b.VoidedAt == null);
        if (townId is { } town)
        {
            rows = rows.Where(b => b.TownId == town);
        }
        // Read the few breaching rows by the breach index and group them here: asked to GROUP BY town and kind in SQL,
        // SQLite walks the money index in that order over every payment instead (600 ms at a million households).
        var breaching = await rows.Select(b => new { b.TownId, b.Kind, b.Breaches }).ToListAsync(ct);
        return breaching.GroupBy(b => b).Select(g => new ViolationCount(g.Key.TownId, g.Key.Kind, g.Key.Breaches, g.Count())).ToList();
    }
}
