using ReliefDashboard.Exports;
using ReliefDashboard.Figures;
using ReliefDashboard.Realtime;

namespace ReliefDashboard.Writes;

public enum WriteStatus
{
    Saved,
    Invalid,
    Forbidden,
    NotFound,
    Conflict,
    /// <summary>A bulk job held the write lock longer than a form save may wait; nothing was written.</summary>
    Busy,
    /// <summary>The database refused the write (full, read-only, damaged); nothing was written.</summary>
    Failed,
    /// <summary>A job found nothing to write; nothing was committed and nothing is published.</summary>
    Unchanged,
}

/// <summary>Why a change was not applied; returned by a write's apply step to stop the pipeline and roll back.</summary>
public sealed record Refusal(WriteStatus Status, IReadOnlyList<string> Problems, string? DeniedTarget = null)
{
    public static Refusal Invalid(params IEnumerable<string> problems) => new(WriteStatus.Invalid, problems.Distinct().ToList());

    public static readonly Refusal NotFound = new(WriteStatus.NotFound, ["找不到该记录，可能已被删除"]);

    /// <summary>The user may not change this; <paramref name="target"/> is recorded in the activity log as a refused attempt.</summary>
    public static Refusal Forbidden(string target, string message = "无权进行此项修改。本次操作已记录。") =>
        new(WriteStatus.Forbidden, [message], target);

    public static Refusal Conflict(params IEnumerable<string> problems) => new(WriteStatus.Conflict, problems.ToList());

    /// <summary>Nothing to write (a job whose work another run already did): roll back quietly, publish nothing.</summary>
    public static readonly Refusal Unchanged = new(WriteStatus.Unchanged, []);
}

/// <summary>What became of a write: saved (with the change that was published) or why not, in Chinese.</summary>
public sealed record Written(WriteStatus Status, IReadOnlyList<string> Problems, DataChange? Change = null)
{
    public bool Ok => Status == WriteStatus.Saved;

    /// <summary>How long the write held SQLite's write lock (from BEGIN IMMEDIATE to COMMIT or ROLLBACK).</summary>
    public TimeSpan Held { get; init; }
}

/// <summary>What a write is: the kind of change it publishes, the source its audit rows name, and what it does in words.</summary>
public sealed record WriteRequest(ChangeKind Kind, string Source, string What)
{
    /// <summary>A bulk job (an import, a daily refresh) waits for its turn as long as it takes; a person's save does not.</summary>
    public bool IsBulk { get; init; }
}
