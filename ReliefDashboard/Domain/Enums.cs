namespace ReliefDashboard.Domain;

/// <summary>The eight channels of the plan, 三(一)…(八). Channel 3 holds both factory jobs and businesses.</summary>
public enum Channel
{
    AgriculturalIndustry = 1,
    IndustrialParkJob = 2,
    CommunityFactoryOrBusiness = 3,
    TrainingAndLabourExport = 4,
    PublicWelfarePost = 5,
    Photovoltaic = 6,
    AssetIncome = 7,
    SafetyNet = 8,
}

public enum HouseholdStatus
{
    NoMeasure = 0,
    InProgress = 1,
    AtRisk = 2,
    Met = 3,
    SafetyNet = 4,
}

public enum TownKind
{
    Town = 0,
    SubDistrict = 1,
}

public enum SiteKind
{
    Centralized = 0,
    Dispersed = 1,
}

public enum Sex
{
    Male = 1,
    Female = 2,
}

public enum Relation
{
    Head = 0,
    Spouse = 1,
    Child = 2,
    Parent = 3,
    Grandchild = 4,
    ChildInLaw = 5,
    Sibling = 6,
    Other = 9,
}

public enum LabourCapacity
{
    Full = 0,
    Weak = 1,
    None = 2,
}

public enum Education
{
    None = 0,
    Primary = 1,
    JuniorHigh = 2,
    SeniorHigh = 3,
    Vocational = 4,
    College = 5,
}

public enum Disability
{
    None = 0,
    Physical = 1,
    Visual = 2,
    Hearing = 3,
    Intellectual = 4,
    Mental = 5,
    Multiple = 6,
}

/// <summary>Where a member works, for the 就地就近 indicator and the "where people work" chart.</summary>
public enum WorkLocation
{
    InsideDistrict = 0,
    InsideProvince = 1,
    OutsideProvince = 2,
}

public enum AssetShareForm
{
    Funds = 0,
    LandUseRight = 1,
    Trusteeship = 2,
    Custody = 3,
    Labour = 4,
}

public enum CoverageKind
{
    Dibao = 0,
    Tekun = 1,
    MedicalInsurance = 2,
    CriticalIllnessInsurance = 3,
    DisabilitySubsidy = 4,
    ElderSubsidy = 5,
    EducationAid = 6,
}

public enum MemberEndReason
{
    Deceased = 0,
    MovedOut = 1,
    Other = 9,
}
