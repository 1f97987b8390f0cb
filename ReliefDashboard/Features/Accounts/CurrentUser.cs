using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using ReliefDashboard.Domain;
using ReliefDashboard.Exports;
using ReliefDashboard.Figures;
using ReliefDashboard.Writes;

namespace ReliefDashboard.Features.Accounts;

/// <summary>
/// The signed-in user of this circuit (or request) as a <see cref="UserScope"/>. Command-line tools and
/// tests set <see cref="Override"/> instead of signing in.
/// </summary>
public sealed class CurrentUser(IServiceProvider services)
{
    public const string TownClaim = "relief:town";
    public const string DepartmentClaim = "relief:department";
    public const string DisplayNameClaim = "relief:name";

    public UserScope? Override { get; set; }

    public async Task<UserScope> GetAsync()
    {
        if (Override is not null)
        {
            return Override;
        }
        var auth = services.GetService<AuthenticationStateProvider>();
        return auth is null ? UserScope.Anonymous : FromPrincipal((await auth.GetAuthenticationStateAsync()).User);
    }

    public static UserScope FromPrincipal(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true)
        {
            return UserScope.Anonymous;
        }
        var role = Roles.All.FirstOrDefault(principal.IsInRole) ?? "";
        var name = principal.FindFirstValue(DisplayNameClaim) is { Length: > 0 } display ? display : principal.Identity.Name ?? "";
        return new UserScope(
            principal.FindFirstValue(ClaimTypes.NameIdentifier) ?? "",
            $"{name}（{principal.Identity.Name}）",
            role,
            int.TryParse(principal.FindFirstValue(TownClaim), out var town) ? town : null,
            principal.FindFirstValue(DepartmentClaim));
    }
}
