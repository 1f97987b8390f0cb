using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using ReliefDashboard.Data;
using ReliefDashboard.Exports;
using ReliefDashboard.Figures;
using ReliefDashboard.Writes;

namespace ReliefDashboard.Features.Accounts;

public static class AccountEndpoints
{
    /// <summary>
    /// Sign-out is a POST that must carry the page's antiforgery token, so another site cannot sign a user out;
    /// it deletes the server-side session (<see cref="SessionStore"/>), so the old cookie opens nothing afterwards.
    /// </summary>
    public static void MapAccountEndpoints(this WebApplication app) =>
        app.MapPost("/account/logout", async (HttpContext http, IAntiforgery antiforgery, SignInManager<AppUser> signIn) =>
        {
            if (!await antiforgery.IsRequestValidAsync(http))
            {
                return Results.Text("退出请求无效（缺少或错误的安全令牌），请从系统页面上的“退出”按钮退出。", "text/plain; charset=utf-8", statusCode: 400);
            }
            await signIn.SignOutAsync();
            return Results.LocalRedirect("/account/login?signedOut=1");
        }).DisableAntiforgery().AllowAnonymous();
}
