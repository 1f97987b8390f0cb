using ReliefDashboard.Exports;
using ReliefDashboard.Features.Accounts;
using ReliefDashboard.Features.Households;
using ReliefDashboard.Figures;
using ReliefDashboard.Writes;

namespace ReliefDashboard.Features.Roster;

public static class RosterEndpoints
{
    public static void MapRosterEndpoints(this IEndpointRouteBuilder app)
    {
        // GET /roster/template: the empty roster workbook with its guide sheet.
        app.MapGet("/roster/template", () => Results.File(RosterTemplate.Workbook(),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "搬迁户台账模板.xlsx"));

        // GET /roster/export?town=3&full=true&format=csv: the households the user may see, masked unless full.
        app.MapGet("/roster/export", async (string? town, string? full, string? format, HttpContext http, CurrentUser current, RosterExport export, CancellationToken ct) =>
        {
            int? townId = null;
            if (!string.IsNullOrEmpty(town))
            {
                if (!int.TryParse(town, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id))
                {
                    return Results.Text($"参数 town 应为镇街编号（正整数），收到“{town}”。", "text/plain; charset=utf-8", statusCode: 400);
                }
                townId = id;
            }
            current.Override = CurrentUser.FromPrincipal(http.User);
            var (file, error) = await export.ExportAsync(new RegistryQuery { TownId = townId }, full == "true", format == "csv", ct);
            return file is null ? Results.Text(error, "text/plain; charset=utf-8", statusCode: 403) : Results.File(file.Content, file.ContentType, file.FileName);
        });

        // GET /households/export?{the registry's own parameters}&kind=list|roster&format=xlsx|csv&full=true:
        // what the registry shows under its current filter and sort, every page.
        app.MapGet("/households/export", async (string? kind, string? format, string? full, HttpContext http, CurrentUser current, RosterExport export, CancellationToken ct) =>
        {
            current.Override = CurrentUser.FromPrincipal(http.User);
            var query = RegistryQuery.Parse(key => http.Request.Query[key].FirstOrDefault());
            var (file, error) = kind == "roster"
                ? await export.ExportAsync(query, full == "true", format == "csv", ct)
                : await export.ExportListAsync(query, full == "true", format == "csv", ct);
            return file is null ? Results.Text(error, "text/plain; charset=utf-8", statusCode: 403) : Results.File(file.Content, file.ContentType, file.FileName);
        });
    }
}
