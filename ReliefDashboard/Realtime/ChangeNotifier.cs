namespace ReliefDashboard.Realtime;

/// <summary>What was committed: the households touched (empty for a bulk change of the whole district).</summary>
public sealed record DataChange(IReadOnlyCollection<int> HouseholdIds);

/// <summary>
/// One per application (a scoped notifier would reach only one circuit). Services publish after they
/// commit; components subscribe after first render and unsubscribe when disposed.
/// </summary>
public sealed class ChangeNotifier
{
    private readonly Lock gate = new();
    private readonly List<Func<DataChange, Task>> handlers = [];

    public IDisposable Subscribe(Func<DataChange, Task> handler)
    {
        lock (gate)
        {
            handlers.Add(handler);
        }
        return new Subscription(this, handler);
    }

    public void Publish(DataChange change)
    {
        Func<DataChange, Task>[] targets;
        lock (gate)
        {
            targets = [.. handlers];
        }
        foreach (var handler in targets)
        {
            // Each circuit re-renders on its own dispatcher; one slow or failing circuit must not hold up the others.
            _ = Task.Run(() => handler(change));
        }
    }

    private sealed class Subscription(ChangeNotifier owner, Func<DataChange, Task> handler) : IDisposable
    {
        public void Dispose()
        {
            lock (owner.gate)
            {
                owner.handlers.Remove(handler);
            }
        }
    }
}
