using ReliefDashboard.Exports;
using ReliefDashboard.Features.Accounts;
using ReliefDashboard.Figures;
using ReliefDashboard.Writes;

namespace ReliefDashboard.Features.Benefits;

public static class BenefitEndpoints
{
    public static void MapBenefitEndpoints(this IEndpointRouteBuilder app)
    {
        // GET /benefits/export?{the ledger page's own parameters}: the filtered ledger and its violations as .xlsx,
        // in the signed-in user's reach (town staff their town, a department its channels' kinds).
        app.MapGet("/benefits/export", async (HttpContext http, CurrentUser current, ProgrammeService programme, TimeProvider clock, CancellationToken ct) =>
        {
            current.Override = CurrentUser.FromPrincipal(http.User);
            var query = LedgerQuery.Parse(key => http.Request.Query[key].FirstOrDefault());
            var file = await programme.ExportAsync(query, ct);
            return Results.File(file, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                $"补贴台账_{clock.GetLocalNow():yyyyMMdd}.xlsx");
        });
    }
}
