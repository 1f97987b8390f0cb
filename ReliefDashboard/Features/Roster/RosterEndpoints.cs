namespace ReliefDashboard.Features.Roster;

public static class RosterEndpoints
{
    /// <summary>GET /roster/template: the empty roster workbook with its guide sheet.</summary>
    public static void MapRosterEndpoints(this IEndpointRouteBuilder app) =>
        app.MapGet("/roster/template", () => Results.File(RosterTemplate.Workbook(),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "搬迁户台账模板.xlsx"));
}
