using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using ReliefDashboard.Data;
using ReliefDashboard.Exports;
using ReliefDashboard.Figures;
using ReliefDashboard.Writes;

namespace ReliefDashboard.Features.Accounts;

/// <summary>Puts the user's town, lead unit and display name into the sign-in cookie next to the role.</summary>
public sealed class AppClaimsFactory(UserManager<AppUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(CurrentUser.DisplayNameClaim, user.DisplayName));
        if (user.TownId is { } town)
        {
            identity.AddClaim(new Claim(CurrentUser.TownClaim, town.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
        if (user.Department is { } department)
        {
            identity.AddClaim(new Claim(CurrentUser.DepartmentClaim, department));
        }
        return identity;
    }
}
