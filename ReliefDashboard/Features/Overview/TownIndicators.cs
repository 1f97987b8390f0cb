using ReliefDashboard.Domain;

namespace ReliefDashboard.Features.Overview;

/// <summary>
/// A town's scorecard indicator values from its figures (live or month-end), each with its numerator and
/// denominator. A rate with no denominator (a town without labour) has no value, not zero. Flags closed on time
/// has no value until supervision flags exist.
/// </summary>
public static class TownIndicators
{
    public static IReadOnlyDictionary<IndicatorKind, IndicatorValue> Of(Tally t, AssessmentPolicy policy) => new Dictionary<IndicatorKind, IndicatorValue>
    {
        [IndicatorKind.Attainment] = IndicatorValue.Rate(t.Attained, t.Denominator(policy)),
        [IndicatorKind.NoMeasure] = IndicatorValue.Count(t.NoMeasure),
        [IndicatorKind.LabourEmployment] = IndicatorValue.Rate(t.EmployedLabourMembers, t.LabourMembers),
        [IndicatorKind.LocalCoverage] = IndicatorValue.Rate(t.LocalCoveredHouseholds, t.LabourHouseholds),
        [IndicatorKind.FlagsClosedOnTime] = IndicatorValue.None,
        [IndicatorKind.Freshness] = t.Verified is { } verified ? IndicatorValue.Rate(verified, t.Households) : IndicatorValue.None,
    };
}
