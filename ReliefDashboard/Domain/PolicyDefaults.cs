namespace ReliefDashboard.Domain;

/// <summary>Every stored setting's default, in the order the settings page lists them; the migrations seed these.</summary>
public static class PolicyDefaults
{
    public static IReadOnlyList<PolicySetting> All { get; } = [.. StatusPolicy.Defaults, .. AssessmentPolicy.Defaults, .. ScorecardPolicy.Defaults, .. SupervisionPolicy.Defaults, .. BenefitPolicy.Defaults, .. NamePolicy.Defaults, .. VerificationPolicy.Defaults, .. FieldPolicy.Defaults];
}
