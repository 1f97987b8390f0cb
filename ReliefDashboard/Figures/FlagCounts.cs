using Microsoft.EntityFrameworkCore;
using ReliefDashboard.Data;
using ReliefDashboard.Domain;
using ReliefDashboard.Exports;

namespace ReliefDashboard.Figures;

/// <summary>
/// One addressee's flags as of a day: how many were due (the deadline has passed, or it is closed), how many of
/// those were closed on or before the deadline, how many are overdue and how many are not yet closed.
/// </summary>
/// <remarks><see cref="AwaitingAnswer"/> and <see cref="AwaitingVerification"/> are today's states (the work in hand), not as of the day.</remarks>
public sealed record FlagCount(int? TownId, string? Department, int Due, int OnTime, int Overdue, int Unclosed, int AwaitingAnswer = 0, int AwaitingVerification = 0)
{
    /// <summary>The scorecard's 督办按期销号率: closed on time ÷ due; no value while nothing is due.</summary>
    public IndicatorValue ClosedOnTime => Due == 0 ? IndicatorValue.None : IndicatorValue.Rate(OnTime, Due);
}

public static class FlagCounts
{
    /// <summary>
    /// Counted in SQL, as things stood at the end of <paramref name="asOf"/>: flags raised by then; closed means
    /// closed by then, so a month-end can be scored later from the same rows.
    /// </summary>
    public static async Task<IReadOnlyList<FlagCount>> AsOfAsync(ReliefDbContext db, DateOnly asOf, CancellationToken ct = default)
    {
        var end = asOf.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        return await db.Flags.AsNoTracking()
            .Where(f => f.RaisedAt < end)
            .GroupBy(f => new { f.TownId, f.Department })
            .Select(g => new FlagCount(
                g.Key.TownId,
                g.Key.Department,
                g.Count(f => f.Deadline < asOf || (f.ClosedOn != null && f.ClosedOn <= asOf)),
                g.Count(f => f.ClosedOn != null && f.ClosedOn <= asOf && f.ClosedOn <= f.Deadline),
                g.Count(f => (f.ClosedOn == null || f.ClosedOn > asOf) && f.Deadline < asOf),
                g.Count(f => f.ClosedOn == null || f.ClosedOn > asOf),
                g.Count(f => f.State == FlagState.Open || f.State == FlagState.InProgress || f.State == FlagState.Returned),
                g.Count(f => f.State == FlagState.Answered)))
            .ToListAsync(ct);
    }

    /// <summary>The overdue flags a user is concerned with: their town's, their department's, or all.</summary>
    public static int OverdueFor(IReadOnlyList<FlagCount> counts, UserScope scope) => Concerning(counts, scope).Sum(c => c.Overdue);

    /// <summary>The flags waiting for this user to act: answers to verify for a supervisor, flags to answer for a town or department.</summary>
    public static int ToActOn(IReadOnlyList<FlagCount> counts, UserScope scope) => scope.Role switch
    {
        Roles.Supervisor => counts.Sum(c => c.AwaitingVerification),
        Roles.TownStaff or Roles.Department => Concerning(counts, scope).Sum(c => c.AwaitingAnswer),
        _ => 0,
    };

    private static IEnumerable<FlagCount> Concerning(IReadOnlyList<FlagCount> counts, UserScope scope) => scope.Role switch
    {
        Roles.TownStaff => counts.Where(c => c.TownId == scope.TownId),
        Roles.Department => counts.Where(c => c.Department == scope.Department),
        _ => scope.ReadsWholeDistrict ? counts : [],
    };
}
