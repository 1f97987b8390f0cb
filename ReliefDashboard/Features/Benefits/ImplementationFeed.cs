using Microsoft.EntityFrameworkCore;
using ReliefDashboard.Data;
using ReliefDashboard.Domain;
using ReliefDashboard.Exports;
using ReliefDashboard.Realtime;

namespace ReliefDashboard.Features.Benefits;

/// <summary>
/// One per application: the policy-implementation figures of the district and of each town someone is looking at,
/// computed once per burst of changes and shared by every open page, like the dashboard's feed. Opening the page
/// reads the kept result; a change that can move money, jobs or rules recomputes, after the burst goes quiet, only
/// the scopes that are being watched, and hands the result to their pages.
/// </summary>
public sealed class ImplementationFeed : IDisposable
{
    private readonly IDbContextFactory<ReliefDbContext> dbFactory;
    private readonly TimeProvider clock;
    private readonly ILogger<ImplementationFeed> logger;
    private readonly IDisposable subscription;
    private readonly Lock gate = new();
    private readonly Dictionary<int, Task<Implementation>> current = [];
    private readonly Dictionary<int, List<Func<Implementation, Task>>> listeners = [];
    private DateOnly computedFor;
    private bool recomputing;
    private bool changedAgain;

    public ImplementationFeed(IDbContextFactory<ReliefDbContext> dbFactory, ChangeNotifier notifier, TimeProvider clock, ILogger<ImplementationFeed> logger)
    {
        this.dbFactory = dbFactory;
        this.clock = clock;
        this.logger = logger;
        subscription = notifier.Subscribe(OnChangeAsync);
    }

    /// <summary>How long a burst must be quiet before the watched figures are recomputed.</summary>
    public TimeSpan Quiet { get; init; } = TimeSpan.FromMilliseconds(150);

    private static int KeyOf(int? townId) => townId ?? 0;

    /// <summary>The figures for a town (null: the district), from the kept result when there is one for today.</summary>
    public Task<Implementation> GetAsync(int? townId)
    {
        lock (gate)
        {
            var today = clock.Today();
            if (today != computedFor)
            {
                // Targets and "active today" move with the date.
                current.Clear();
                computedFor = today;
            }
            var key = KeyOf(townId);
            if (!current.TryGetValue(key, out var task) || task.IsFaulted || task.IsCanceled)
            {
                task = ComputeAsync(townId, today);
                current[key] = task;
            }
            return task;
        }
    }

    /// <summary>The handler gets every new set of figures for the town (null: the district); dispose the result to stop.</summary>
    public IDisposable Subscribe(int? townId, Func<Implementation, Task> listener)
    {
        lock (gate)
        {
            var key = KeyOf(townId);
            if (!listeners.TryGetValue(key, out var list))
            {
                listeners[key] = list = [];
            }
            list.Add(listener);
        }
        return new Subscription(this, KeyOf(townId), listener);
    }

    private Task OnChangeAsync(DataChange change)
    {
        if (!change.MovesMoney)
        {
            return Task.CompletedTask;
        }
        lock (gate)
        {
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
            int[] watched;
            DateOnly today;
            lock (gate)
            {
                changedAgain = false;
                today = clock.Today();
                computedFor = today;
                // Scopes nobody watches are dropped and computed again when next opened.
                watched = [.. listeners.Where(l => l.Value.Count > 0).Select(l => l.Key)];
                current.Clear();
                foreach (var key in watched)
                {
                    current[key] = ComputeAsync(key == 0 ? null : key, today);
                }
            }
            foreach (var key in watched)
            {
                Task<Implementation> task;
                Func<Implementation, Task>[] targets;
                lock (gate)
                {
                    if (!current.TryGetValue(key, out task!))
                    {
                        continue;
                    }
                    targets = listeners.TryGetValue(key, out var list) ? [.. list] : [];
                }
                try
                {
                    var figures = await task;
                    await Task.WhenAll(targets.Select(t => DeliverAsync(t, figures)));
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogError(ex, "Recomputing the implementation figures failed; the next change or page will try again");
                }
            }
            lock (gate)
            {
                if (!changedAgain)
                {
                    recomputing = false;
                    return;
                }
            }
        }
    }

    private async Task DeliverAsync(Func<Implementation, Task> listener, Implementation figures)
    {
        try
        {
            await listener(figures);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "A policy-implementation page could not take the new figures");
        }
    }

    private async Task<Implementation> ComputeAsync(int? townId, DateOnly today)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await ProgrammeQueries.ImplementationAsync(db, townId, today, default);
    }

    public void Dispose() => subscription.Dispose();

    private sealed class Subscription(ImplementationFeed owner, int key, Func<Implementation, Task> listener) : IDisposable
    {
        public void Dispose()
        {
            lock (owner.gate)
            {
                if (owner.listeners.TryGetValue(key, out var list))
                {
                    list.Remove(listener);
                }
            }
        }
    }
}
