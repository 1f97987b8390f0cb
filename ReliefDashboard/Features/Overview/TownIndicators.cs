using ReliefDashboard.Domain;

namespace ReliefDashboard.Features.Overview;

/// <summary>
/// The scorecard indicators each town's live figures already give: attainment, households with no measure, labour
/// employment and local-employment coverage. A rate with no denominator (a town without labour) is null, not zero.
/// </summary>
public static class TownIndicators
{
    public static IReadOnlyDictionary<IndicatorKind, decimal?> Of(Tally t, AssessmentPolicy policy) => new Dictionary<IndicatorKind, decimal?>
    {
        [IndicatorKind.Attainment] = t.AttainmentPercent(policy),
        [IndicatorKind.NoMeasure] = t.NoMeasure,
        [IndicatorKind.LabourEmployment] = t.EmploymentPercent,
        [IndicatorKind.LocalCoverage] = t.LocalCoveragePercent,
    };
}
