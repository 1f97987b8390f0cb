using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Data.Sqlite;

namespace ReliefDashboard.Data;

/// <summary>
/// A request that met a damaged database page ("database disk image is malformed") marks the database unhealthy at
/// once, so <c>/healthz</c> and the banner say so before the next daily check; the error page is still shown.
/// </summary>
public sealed class DatabaseFaultHandler(DatabaseHealth health) : IExceptionHandler
{
    public ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is SqliteException { SqliteErrorCode: 11 or 26 } damaged)
            {
                health.ReportDamage(damaged.Message);
                break;
            }
        }
        return ValueTask.FromResult(false);
    }
}
