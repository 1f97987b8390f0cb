using ReliefDashboard.Domain;
using ReliefDashboard.Features.Accounts;

namespace ReliefDashboard.Features.Verification;

public static class VerificationEndpoints
{
    public static void MapVerificationEndpoints(this IEndpointRouteBuilder app)
    {
        // GET /verification/templates/{kind}?format=csv: a department list's empty template (xlsx with its guide, or a CSV header).
        app.MapGet("/verification/templates/{kind:int}", (int kind, string? format) =>
        {
            if (!Enum.IsDefined((DepartmentListKind)kind))
            {
                return Results.Text("没有这种比对数据模板", "text/plain; charset=utf-8", statusCode: 404);
            }
            var template = ListTemplates.Of((DepartmentListKind)kind);
            return format == "csv"
                ? Results.File(ListTemplates.Csv(template), "text/csv; charset=utf-8", template.FileName + ".csv")
                : Results.File(ListTemplates.Workbook(template), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", template.FileName + ".xlsx");
        });

        // GET /verification/evidence/{id}: a finding's or a spot check's evidence, to a user who may read it; anyone else gets 404.
        app.MapGet("/verification/evidence/{id:long}", async (long id, HttpContext http, CurrentUser current, FindingService findings, CancellationToken ct) =>
        {
            current.Override = CurrentUser.FromPrincipal(http.User);
            return await findings.EvidenceAsync(id, ct) is { } found && File.Exists(found.Path)
                ? Results.File(found.Path, found.File.ContentType, found.File.FileName)
                : Results.NotFound("找不到该佐证材料");
        });
    }
}
