using System.Data.Common;
using ReliefDashboard.Data;
using ReliefDashboard.Domain;
using ReliefDashboard.Exports;
using ReliefDashboard.Figures;

namespace ReliefDashboard.Writes;

/// <summary>
/// What a write's apply step works with: the context (inside the write transaction), who is writing, the
/// district's clock read once for the whole write, and a way to name households written around the change tracker.
/// </summary>
public sealed class WriteContext
{
    private readonly HashSet<int> households = [];
    private readonly HashSet<int> towns = [];

    internal WriteContext(ReliefDbContext db, DbTransaction transaction, UserScope user, DateTime now, DateOnly today)
    {
        (Db, Transaction, User, Now, Today, AsOf) = (db, transaction, user, now, today, today);
    }

    public ReliefDbContext Db { get; }

    /// <summary>The open transaction, for bulk writers that go around the change tracker (<see cref="TableWriter{T}"/>).</summary>
    public DbTransaction Transaction { get; }

    public UserScope User { get; }

    /// <summary>The moment of the write in UTC, the same for every row it stamps.</summary>
    public DateTime Now { get; }

    /// <summary>The district's date at <see cref="Now"/>.</summary>
    public DateOnly Today { get; }

    /// <summary>The date statuses are recomputed for: today, unless a job recomputes for a given date.</summary>
    public DateOnly AsOf { get; set; }

    /// <summary>
    /// Names households written without the change tracker (raw bulk writes): their payments are re-checked and the
    /// published change names them. Tracked changes are found by the pipeline itself.
    /// </summary>
    public void Touched(IEnumerable<int> householdIds) => households.UnionWith(householdIds);

    public void TouchedTowns(IEnumerable<int> townIds) => towns.UnionWith(townIds);

    /// <summary>
    /// Households were written around the change tracker: after the save, the pipeline counts the live figures of
    /// these towns (null: every town) again from the households instead of adding the differences.
    /// </summary>
    public void RebuildFigures(IEnumerable<int>? townIds)
    {
        if (townIds is null)
        {
            RebuildAllFigures = true;
        }
        else
        {
            figureTowns.UnionWith(townIds);
        }
    }

    internal bool RebuildAllFigures { get; private set; }

    internal IReadOnlyCollection<int> FigureTowns => figureTowns;

    private readonly HashSet<int> figureTowns = [];

    /// <summary>Households whose payments the pipeline must not re-check (the bulk writer already did, or none exist).</summary>
    public bool SkipPaymentChecks { get; set; }

    /// <summary>Set by a write that ran the cross-check itself (a department list, the demo load): the pipeline does not run it again.</summary>
    public bool SkipCrossCheck { get; set; }

    /// <summary>
    /// Saves what is tracked so far, inside the transaction, so a bulk loader learns the ids of towns and sites it
    /// builds on. Only for records the audit trail does not cover; audited records are saved by the pipeline.
    /// </summary>
    public async Task FlushAsync(CancellationToken ct)
    {
        Db.ChangeTracker.DetectChanges();
        if (Db.ChangeTracker.Entries().Any(e => e.State is not (Microsoft.EntityFrameworkCore.EntityState.Unchanged or Microsoft.EntityFrameworkCore.EntityState.Detached)
            && AuditTrail.IsAudited(e.Entity)))
        {
            throw new InvalidOperationException("Audited records are saved by the pipeline, not flushed by a write step");
        }
        await Db.SaveChangesAsync(ct);
    }

    /// <summary>Adds a row to the activity log, committed with the change itself (a refused change writes none).</summary>
    public void Log(string kind, string target, string? detail = null) =>
        Db.Activity.Add(new ActivityLog { At = Now, User = User.Name, Kind = kind, Target = target, Detail = detail });

    /// <summary>Runs once the applied changes are saved (their new ids known), before the audit rows and the commit.</summary>
    public void OnSaved(Action step) => saved.Add(() =>
    {
        step();
        return Task.CompletedTask;
    });

    /// <summary>As <see cref="OnSaved(Action)"/>, for a step that reads what was just saved (month-end figures to score).</summary>
    public void OnSaved(Func<Task> step) => saved.Add(step);

    internal List<Func<Task>> Saved => saved;

    private readonly List<Func<Task>> saved = [];

    internal IReadOnlyCollection<int> TouchedHouseholds => households;

    internal IReadOnlyCollection<int> TouchedTownIds => towns;
}
