namespace ReliefDashboard.Features.Households;

/// <summary>Who is acting in this circuit; the audit trail records this name.</summary>
public sealed class CurrentUser
{
    public string Name { get; set; } = "本机用户";
}
