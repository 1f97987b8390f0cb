using ReliefDashboard.Exports;
namespace ReliefDashboard.Figures;

/// <summary>One entry of a pick list (a town, a site, a member): its id, its name, and what it belongs to.</summary>
public sealed record Option(int Id, string Name, int? ParentId = null);
