using Microsoft.EntityFrameworkCore;
using ReliefDashboard.Data;
using ReliefDashboard.Domain;
using ReliefDashboard.Exports;
using ReliefDashboard.Realtime;

namespace ReliefDashboard.Figures;

/// <summary>
/// One per application: keeps the district's figures, recomputes them once per burst of committed changes and
/// hands the same result to every open dashboard. A burst (an import, the daily refresh, ten saves in a second)
/// costs one recomputation after it goes quiet, however many circuits are watching; nobody polls.
/// </summary>
public sealed class DashboardFeed : IDisposable
{
    private readonly IDbContextFactory<ReliefDbContext> dbFactory;
    private readonly TimeProvider clock;
    private readonly ILogger<DashboardFeed> logger;
    private readonly IDisposable subscription;
    private readonly Lock gate = new();
    private readonly List<Func<DistrictFigures, Task>> listeners = [];
    private Task<DistrictFigures>? current;
    private DateTime? lastChangedAt;
    private bool recomputing;
    private bool changedAgain;
    private int computations;

    public DashboardFeed(IDbContextFactory<ReliefDbContext> dbFactory, ChangeNotifier notifier, TimeProvider clock, ILogger<DashboardFeed> logger)
    {
        this.dbFactory = dbFactory;
        this.clock = clock;
        this.logger = logger;
        subscription = notifier.Subscribe(OnChangeAsync);
    }

    /// <summary>How long a burst must be quiet before the figures are recomputed.</summary>
    public TimeSpan Quiet { get; init; } = TimeSpan.FromMilliseconds(150);

    /// <summary>How many times the figures have been computed; tests read it to see bursts coalesce.</summary>
    public int Computations => computations;

    public Task<DistrictFigures> GetAsync()
    {
        lock (gate)
        {
            // A failed read (a locked or missing database) is not kept: the next page to open tries again.
            if (current is null || current.IsFaulted || current.IsCanceled)
            {
                current = ComputeAsync();
            }
            return current;
        }
    }

    /// <summary>The handler gets every new set of figures; dispose the result to stop.</summary>
    public IDisposable Subscribe(Func<DistrictFigures, Task> listener)
    {
        lock (gate)
        {
            listeners.Add(listener);
        }
        return new Subscription(this, listener);
    }

    private Task OnChangeAsync(DataChange change)
    {
        if (!change.MovesFigures)
        {
            return Task.CompletedTask;
        }
        lock (gate)
        {
            lastChangedAt = clock.GetUtcNow().UtcDateTime;
            if (recomputing)
            {
                changedAgain = true;
                return Task.CompletedTask;
            }
            recomputing = true;
        }
        return RecomputeAsync();
    }

    private async Task RecomputeAsync()
    {
        while (true)
        {
            await Task.Delay(Quiet, clock);
            lock (gate)
            {
                changedAgain = false;
            }
            Func<DistrictFigures, Task>[] targets;
            DistrictFigures figures;
            try
            {
                figures = await ComputeAsync();
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Recomputing the dashboard figures failed; the next change will try again");
                lock (gate)
                {
                    current = null;
                    recomputing = false;
                }
                return;
            }
            bool more;
            lock (gate)
            {
                current = Task.FromResult(figures);
                targets = [.. listeners];
                more = changedAgain;
                recomputing = more;
            }
            await Task.WhenAll(targets.Select(t => Deliver(t, figures)));
            if (!more)
            {
                return;
            }
        }
    }

    private async Task Deliver(Func<DistrictFigures, Task> listener, DistrictFigures figures)
    {
        try
        {
            await listener(figures);
        }
        catch (Exception ex)
        {
            // One broken circuit must not keep the figures from the others.
            logger.LogWarning(ex, "A dashboard could not take the new figures");
        }
    }

    private async Task<DistrictFigures> ComputeAsync()
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var today = clock.Today();
        DateTime? changed;
        Task<DistrictFigures>? previous;
        lock (gate)
        {
            changed = lastChangedAt;
            previous = current;
        }
        if (changed is null)
        {
            // A fresh start has seen no change yet: the data last changed when the newest recorded change was made.
            changed = await LastRecordedChangeAsync(db);
            lock (gate)
            {
                lastChangedAt ??= changed;
            }
        }
        var history = previous is { IsCompletedSuccessfully: true } ? previous.Result.History : null;
        var figures = await DashboardQueries.LoadAsync(db, today, clock.GetUtcNow().UtcDateTime, changed, history);
        Interlocked.Increment(ref computations);
        return figures;
    }

    /// <summary>The time of the newest audited edit, policy change or flag step (each the row with the highest id: one index step).</summary>
    public static async Task<DateTime?> LastRecordedChangeAsync(ReliefDbContext db)
    {
        var times = new[]
        {
            await db.Audit.OrderByDescending(a => a.Id).Select(a => (DateTime?)a.At).FirstOrDefaultAsync(),
            await db.PolicyChanges.OrderByDescending(c => c.Id).Select(c => (DateTime?)c.At).FirstOrDefaultAsync(),
            await db.FlagEvents.OrderByDescending(e => e.Id).Select(e => (DateTime?)e.At).FirstOrDefaultAsync(),
            // A demo database changed last when it was made.
            await db.SystemInfo.Where(i => i.Key == SystemInfo.DemoKey).Select(i => i.Value).FirstOrDefaultAsync() is { } made
                && DateTimeOffset.TryParse(made, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var at)
                ? at.UtcDateTime : null,
        };
        return times.Max();
    }

    public void Dispose() => subscription.Dispose();

    private sealed class Subscription(DashboardFeed owner, Func<DistrictFigures, Task> listener) : IDisposable
    {
        public void Dispose()
        {
            lock (owner.gate)
            {
                owner.listeners.Remove(listener);
            }
        }
    }
}
