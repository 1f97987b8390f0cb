using ReliefDashboard.Domain;
using ReliefDashboard.Exports;

namespace ReliefDashboard.Figures;

/// <summary>
/// A town's scorecard indicator values from its figures (live or month-end), each with its numerator and
/// denominator. A rate with no denominator (a town without labour) has no value, not zero; nor has flags closed
/// on time for a town with no flag due yet.
/// </summary>
public static class TownIndicators
{
    public static IReadOnlyDictionary<IndicatorKind, IndicatorValue> Of(Tally t, AssessmentPolicy policy, FlagCount? flags = null,
        VerificationCount? checks = null) => new Dictionary<IndicatorKind, IndicatorValue>
        {
            [IndicatorKind.Attainment] = IndicatorValue.Rate(t.Attained, t.Denominator(policy)),
            [IndicatorKind.NoMeasure] = IndicatorValue.Count(t.NoMeasure),
            [IndicatorKind.LabourEmployment] = IndicatorValue.Rate(t.EmployedLabourMembers, t.LabourMembers),
            [IndicatorKind.LocalCoverage] = IndicatorValue.Rate(t.LocalCoveredHouseholds, t.LabourHouseholds),
            [IndicatorKind.FlagsClosedOnTime] = flags?.ClosedOnTime ?? IndicatorValue.None,
            [IndicatorKind.VerifiedAttainment] = t.VerifiedAttained is { } attained ? IndicatorValue.Rate(attained, t.Denominator(policy)) : IndicatorValue.None,
            [IndicatorKind.FindingsOnTime] = checks?.FindingsOnTimeRate ?? IndicatorValue.None,
            [IndicatorKind.SpotChecksTrue] = checks?.SpotTrueRate ?? IndicatorValue.None,
            [IndicatorKind.Freshness] = t.Verified is { } verified ? IndicatorValue.Rate(verified, t.Households) : IndicatorValue.None,
        };
}
