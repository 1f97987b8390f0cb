using ReliefDashboard.Domain;
using ReliefDashboard.Exports;
using ReliefDashboard.Figures;
using ReliefDashboard.Writes;

namespace ReliefDashboard.Components.Shared;

/// <summary>Colours shared by chips, tiles and charts, so a status or band looks the same everywhere.</summary>
public static class Colours
{
    public static string Of(HouseholdStatus status) => status switch
    {
        HouseholdStatus.Met => "#2E7D32",
        HouseholdStatus.AtRisk => "#EF6C00",
        HouseholdStatus.InProgress => "#1565C0",
        HouseholdStatus.NoMeasure => "#C62828",
        _ => "#6A1B9A",
    };

    public static string Of(Band band) => band switch
    {
        Band.Green => "#2E7D32",
        Band.Amber => "#F9A825",
        _ => "#C62828",
    };

    /// <summary>A light fill for a table cell in the band, dark enough text on it to read on a projector.</summary>
    public static string Tint(Band band) => band switch
    {
        Band.Green => "#E3F2E5",
        Band.Amber => "#FFF4CC",
        _ => "#FDE2E2",
    };

    public static string Ink(Band band) => band switch
    {
        Band.Green => "#1B5E20",
        Band.Amber => "#7A5A00",
        _ => "#B71C1C",
    };

    public static string BandLabel(Band band) => band switch
    {
        Band.Green => "绿",
        Band.Amber => "黄",
        _ => "红",
    };

    public const string Industry = "#1565C0";
    public const string Employment = "#EF6C00";
    public const string Coverage = "#6A1B9A";
    public const string Target = "#37474F";
}
