namespace ReliefDashboard.Data;

/// <summary>
/// A lock file beside the database (<c>relief.db.lock</c>) that the web app holds open for as long as it runs, so
/// <c>restore</c> can tell that the file it would replace is in use and refuse.
/// </summary>
public sealed class RunningApp : IDisposable
{
    private readonly FileStream? held;

    private RunningApp(FileStream? held) => this.held = held;

    /// <summary>Holds the lock for <paramref name="databaseFile"/>; a second app on the same file still starts (SQLite allows it).</summary>
    public static RunningApp Hold(string? databaseFile)
    {
        if (databaseFile is null)
        {
            return new RunningApp(null);
        }
        try
        {
            return new RunningApp(new FileStream(LockFile(databaseFile), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException)
        {
            return new RunningApp(null);
        }
    }

    public static bool IsRunningOn(string databaseFile)
    {
        if (!File.Exists(LockFile(databaseFile)))
        {
            return false;
        }
        try
        {
            using var _ = new FileStream(LockFile(databaseFile), FileMode.Open, FileAccess.ReadWrite, FileShare.None);
            return false;
        }
        catch (IOException)
        {
            return true;
        }
    }

    private static string LockFile(string databaseFile) => databaseFile + ".lock";

    public void Dispose() => held?.Dispose();
}
