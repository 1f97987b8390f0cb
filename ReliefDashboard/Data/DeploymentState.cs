namespace ReliefDashboard.Data;

/// <summary>What this start found the database to be; the layout shows the demo banner from it.</summary>
public sealed class DeploymentState
{
    /// <summary>The database was created as a demo (<c>--demo</c> on a new file): every page says 演示数据.</summary>
    public bool IsDemo { get; set; }
}
