using ReliefDashboard.Exports;
using ReliefDashboard.Figures;
namespace ReliefDashboard.Writes;

/// <summary>Every edit names the household and the version the user saw, for optimistic concurrency.</summary>
public abstract class HouseholdEditInput
{
    public int HouseholdId { get; set; }
    public int Version { get; set; }
}
