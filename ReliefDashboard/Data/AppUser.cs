using Microsoft.AspNetCore.Identity;

namespace ReliefDashboard.Data;

/// <summary>A person who signs in; town staff are bound to one town, department users to one lead unit.</summary>
public class AppUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    public int? TownId { get; set; }
    public string? Department { get; set; }
    public bool IsDisabled { get; set; }
}
