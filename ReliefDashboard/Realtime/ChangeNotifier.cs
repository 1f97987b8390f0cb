namespace ReliefDashboard.Realtime;

/// <summary>What kind of record a commit changed; subscribers skip the kinds that cannot move what they show.</summary>
public enum ChangeKind
{
    /// <summary>A household's own facts: members, jobs, industries, coverage, training, and the status they give.</summary>
    HouseholdData,
    /// <summary>Payments, shopfront rentals, loans, community factories.</summary>
    Money,
    /// <summary>A 督办 flag raised, moved on or closed; a suggestion dismissed.</summary>
    Flag,
    /// <summary>A policy setting: every rule and figure may read it.</summary>
    Policy,
    /// <summary>Towns, sites and accounts.</summary>
    Administration,
    /// <summary>Many households at once: an import, the daily refresh, a demo district.</summary>
    Bulk,
    /// <summary>Stored figures: month-end figures taken, a scorecard period closed.</summary>
    Figures,
    /// <summary>Verification: a department list imported and cross-checked, a finding's step, a spot check.</summary>
    Verification,
}

/// <summary>
/// What was committed: its kind, the households it touched and the towns they are in (both empty when the change
/// is not about particular households, e.g. a policy setting).
/// </summary>
public sealed record DataChange(ChangeKind Kind, IReadOnlyCollection<int> HouseholdIds, IReadOnlyCollection<int> TownIds)
{
    public static DataChange Of(ChangeKind kind) => new(kind, [], []);

    /// <summary>Whether a view of one household (its card) must reload: a change to it, or one that reaches every household.</summary>
    public bool Reaches(int householdId) =>
        HouseholdIds.Contains(householdId) || (HouseholdIds.Count == 0 && Kind is ChangeKind.Policy or ChangeKind.Bulk or ChangeKind.Administration or ChangeKind.Verification);

    /// <summary>Whether district figures (counts, rates, money sums, breaches, flags) can move.</summary>
    public bool MovesFigures => Kind is not ChangeKind.Administration || TownIds.Count > 0;

    /// <summary>Whether a list of households (the registry) can change: their facts, a bulk change, a rule, a site's name.</summary>
    public bool MovesHouseholds => Kind is ChangeKind.HouseholdData or ChangeKind.Bulk or ChangeKind.Policy or ChangeKind.Administration;

    /// <summary>Whether money lists (ledger, breaches, factories) can change: money itself, or the jobs and rules its checks read.</summary>
    public bool MovesMoney => Kind is ChangeKind.Money or ChangeKind.HouseholdData or ChangeKind.Bulk or ChangeKind.Policy or ChangeKind.Administration;

    /// <summary>Whether findings and spot checks can change: a list, a loop step, or a record the rules read.</summary>
    public bool MovesFindings => Kind is ChangeKind.Verification or ChangeKind.HouseholdData or ChangeKind.Bulk or ChangeKind.Policy or ChangeKind.Money;

    /// <summary>Whether 督办 lists can change: a flag step, the deadlines' settings, a town's name.</summary>
    public bool MovesFlags => Kind is ChangeKind.Flag or ChangeKind.Policy or ChangeKind.Administration;
}

/// <summary>
/// One per application (a scoped notifier would reach only one circuit). The write pipeline publishes after it
/// commits; components subscribe after first render and unsubscribe when disposed.
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

    /// <summary>How many listeners are subscribed now (a closed page must leave none behind).</summary>
    public int Listeners
    {
        get
        {
            lock (gate)
            {
                return handlers.Count;
            }
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
