using Microsoft.AspNetCore.Identity;
using ReliefDashboard.Data;

namespace ReliefDashboard.Features.Accounts;

public static class AccountEndpoints
{
    /// <summary>Sign-out is a POST with an antiforgery token, so a link elsewhere cannot sign a user out.</summary>
    public static void MapAccountEndpoints(this WebApplication app) =>
        app.MapPost("/account/logout", async (SignInManager<AppUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return Results.LocalRedirect("/account/login?signedOut=1");
        });
}
