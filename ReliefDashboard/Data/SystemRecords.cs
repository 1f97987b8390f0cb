namespace ReliefDashboard.Data;

/// <summary>Facts about the database itself: whether it was created as a demo, when, by which start.</summary>
public sealed class SystemInfo
{
    public const string DemoKey = "Demo";

    public string Key { get; set; } = "";
    public string Value { get; set; } = "";
}

/// <summary>
/// One signed-in session, kept on the server: the cookie carries only <see cref="Id"/>, so signing out deletes
/// the row and a copied cookie opens nothing afterwards.
/// </summary>
public sealed class SignInSession
{
    public string Id { get; set; } = "";
    public string UserId { get; set; } = "";
    public byte[] Ticket { get; set; } = [];
    public DateTime CreatedAt { get; set; }
    public DateTime? ExpiresAt { get; set; }
    public string? ClientAddress { get; set; }
}
