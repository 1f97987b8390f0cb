using ReliefDashboard.Domain;
namespace ReliefDashboard.Data;

/// <summary>The schedule of the daily jobs: once at start, then every day at a local time of day.</summary>
public static class DailyRun
{
    /// <summary>A failed run is logged and the job tries again at its next time, so one bad day stops nothing.</summary>
    public static async Task EveryDayAsync(
        TimeProvider clock, TimeSpan at, Func<DateOnly, CancellationToken, Task> job, ILogger logger, string name, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await job(clock.Today(), stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "The daily {Job} failed; it will be retried at its next run", name);
            }
            var now = clock.GetLocalNow();
            await Task.Delay(now.Date.AddDays(1).Add(at) - now.DateTime, clock, stoppingToken);
        }
    }
}
