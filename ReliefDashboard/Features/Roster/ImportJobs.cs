using System.Collections.Concurrent;
using ReliefDashboard.Domain;
using ReliefDashboard.Exports;
using ReliefDashboard.Features.Accounts;
using ReliefDashboard.Figures;
using ReliefDashboard.Writes;

namespace ReliefDashboard.Features.Roster;

/// <summary>One import running or done: its stage and progress while it runs, its result after.</summary>
public sealed class ImportJob(string fileName, string userId, DateTime startedAt)
{
    public Guid Id { get; } = Guid.NewGuid();
    public string FileName { get; } = fileName;
    public string UserId { get; } = userId;
    public DateTime StartedAt { get; } = startedAt;
    public string Stage { get; private set; } = "排队中";
    public double Done { get; private set; }
    public ImportResult? Result { get; private set; }
    public bool Finished => Result is not null;

    /// <summary>Raised on every step; pages redraw through their own dispatcher.</summary>
    public event Action? Changed;

    internal void Report((string Stage, double Done) step)
    {
        (Stage, Done) = step;
        Changed?.Invoke();
    }

    internal void Finish(ImportResult result)
    {
        Result = result;
        Done = 1;
        Stage = "完成";
        Changed?.Invoke();
    }
}

/// <summary>
/// Runs imports off the page: a job keeps going when its user navigates away or closes the tab, and the import
/// page shows the user's recent jobs when it opens again. One per application.
/// </summary>
public sealed class ImportJobs(IServiceScopeFactory scopes, TimeProvider clock, ILogger<ImportJobs> logger)
{
    private readonly ConcurrentDictionary<Guid, ImportJob> jobs = new();

    public ImportJob Start(UserScope user, byte[] content, string fileName, bool onlyClean)
    {
        var job = new ImportJob(fileName, user.UserId, clock.GetUtcNow().UtcDateTime);
        jobs[job.Id] = job;
        _ = Task.Run(async () =>
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<CurrentUser>().Override = user;
                var import = scope.ServiceProvider.GetRequiredService<RosterImport>();
                job.Finish(await import.ImportAsync(content, fileName, onlyClean, CancellationToken.None, new Progress(job)));
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Import of {File} failed", fileName);
                job.Finish(new ImportResult(false, "导入时发生错误，未写入任何数据；请稍后重试或联系管理员", null));
            }
        });
        return job;
    }

    /// <summary>The user's jobs of the last day, newest first.</summary>
    public IReadOnlyList<ImportJob> Of(string userId) =>
        jobs.Values.Where(j => j.UserId == userId && j.StartedAt > clock.GetUtcNow().UtcDateTime.AddDays(-1)).OrderByDescending(j => j.StartedAt).ToList();

    private sealed class Progress(ImportJob job) : IProgress<(string Stage, double Done)>
    {
        public void Report((string Stage, double Done) value) => job.Report(value);
    }
}
