using ReliefDashboard.Exports;
using ReliefDashboard.Figures;
namespace ReliefDashboard.Writes;

/// <summary>
/// The app's writers take turns here before SQLite's write lock, in order of arrival, so a clerk's save waits
/// behind at most one short transaction of a bulk job instead of polling the lock. A save that cannot get its turn
/// in time is told which bulk job holds it.
/// </summary>
public sealed class WriteGate
{
    private readonly SemaphoreSlim turn = new(1, 1);
    private string? bulk;

    /// <summary>The bulk job writing now (an import, the daily refresh), for the message a waiting clerk reads.</summary>
    public string? BulkJob => Volatile.Read(ref bulk);

    /// <summary>
    /// Waits for the turn; null when <paramref name="wait"/> ran out first. A bulk job's turn is marked with its name
    /// until it is released.
    /// </summary>
    public async Task<IDisposable?> EnterAsync(string? bulkJob, TimeSpan wait, CancellationToken ct)
    {
        if (!await turn.WaitAsync(wait, ct))
        {
            return null;
        }
        if (bulkJob is not null)
        {
            Volatile.Write(ref bulk, bulkJob);
        }
        return new Turn(this, bulkJob is not null);
    }

    private sealed class Turn(WriteGate gate, bool isBulk) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
            {
                if (isBulk)
                {
                    Volatile.Write(ref gate.bulk, null);
                }
                gate.turn.Release();
            }
        }
    }
}
