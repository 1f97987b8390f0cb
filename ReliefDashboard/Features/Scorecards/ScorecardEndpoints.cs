using ReliefDashboard.Domain;
using ReliefDashboard.Exports;
using ReliefDashboard.Figures;
using ReliefDashboard.Writes;

namespace ReliefDashboard.Features.Scorecards;

public static class ScorecardEndpoints
{
    /// <summary>GET /scorecard/export?period=2026-Q3 (empty for the live month): the scorecard as .xlsx, rows as ranked.</summary>
    public static void MapScorecardEndpoints(this IEndpointRouteBuilder app) =>
        app.MapGet("/scorecard/export", async (string? period, ScorecardService scorecards, CancellationToken ct) =>
        {
            var sheet = await scorecards.SheetAsync(period, ct);
            if (sheet is null)
            {
                return Results.NotFound("没有该考核期的记录");
            }
            var bytes = ScorecardWorkbook.Write(sheet, ScoreTable.Rows(sheet, null, false, false));
            var name = $"镇街考核_{sheet.Period.Key}{(sheet.Live ? "_实时" : sheet.Closed ? "_已关闭" : "_月末")}.xlsx";
            return Results.File(bytes, ScorecardWorkbook.ContentType, name);
        });
}
