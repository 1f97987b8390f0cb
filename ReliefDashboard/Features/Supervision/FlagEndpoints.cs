using ReliefDashboard.Exports;
using ReliefDashboard.Features.Accounts;
using ReliefDashboard.Figures;
using ReliefDashboard.Writes;

namespace ReliefDashboard.Features.Supervision;

public static class FlagEndpoints
{
    /// <summary>GET /flags/evidence/{id}: an evidence file, to a user who may read its flag; anyone else gets 404.</summary>
    public static void MapFlagEndpoints(this IEndpointRouteBuilder app) =>
        app.MapGet("/flags/evidence/{id:long}", async (long id, HttpContext http, CurrentUser current, FlagService flags, CancellationToken ct) =>
        {
            // A plain request, not a circuit: the user is the request's.
            current.Override = CurrentUser.FromPrincipal(http.User);
            return await flags.EvidenceAsync(id, ct) is { } found && File.Exists(found.Path)
                ? Results.File(found.Path, found.File.ContentType, found.File.FileName)
                : Results.NotFound("找不到该佐证材料");
        });
}
