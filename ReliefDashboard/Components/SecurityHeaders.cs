using ReliefDashboard.Exports;
using ReliefDashboard.Figures;
using ReliefDashboard.Writes;
namespace ReliefDashboard.Components;

/// <summary>
/// The headers every response carries. The Content-Security-Policy lets the page load scripts, styles and
/// connections only from this server (no inline or foreign script: the app has none, and the intranet has no
/// internet); styles may be inline because MudBlazor and Plotly set element styles. HSTS is added by
/// <c>UseHsts</c> only when the request came over HTTPS (directly or through a trusted reverse proxy).
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; " +
        "connect-src 'self'; worker-src 'self' blob:; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "same-origin";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                return Task.CompletedTask;
            });
            await next();
        });
}
