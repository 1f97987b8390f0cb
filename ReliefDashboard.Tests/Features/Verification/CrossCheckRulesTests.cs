using Microsoft.EntityFrameworkCore;
using ReliefDashboard.Domain;
using ReliefDashboard.TestSupport;

namespace ReliefDashboard.Features.Verification;

/// <summary>Each cross-check rule on hand-made households, at its boundaries: the finding appears on one side and not on the other.</summary>
public sealed class CrossCheckRulesTests : VerificationTestBase
{
    private static readonly DateOnly LongAgo = new(2026, 1, 5);

    private static string Month(int month) => $"2026-{month:D2}";

    [Fact]
    public async Task Contributions_MissingForNMonthsOfTheWindowFire_NMinusOneDoNot()
    {
        // N = 2 missing of the last M = 3 months (Sep, Oct, Nov covered by the list).
        var twoMissing = await AddAsync(b => b.Job(LongAgo, contractMonths: 12), h => h.Employments[0].HasSocialInsurance = true);
        var oneMissing = await AddAsync(b => b.Job(LongAgo, contractMonths: 12), h => h.Employments[0].HasSocialInsurance = true);
        var uninsured = await AddAsync(b => b.Job(LongAgo, contractMonths: 12));
        var result = await ImportAsync(DepartmentListKind.SocialInsurance,
            [twoMissing.IdNumber, "", "新动能电子", Month(9), "980"],
            [oneMissing.IdNumber, "", "新动能电子", Month(9), "980"],
            [oneMissing.IdNumber, "", "新动能电子", Month(10), "980"],
            [Ids.Make(new DateOnly(1990, 5, 5), Sex.Female, 77), "", "别的单位", Month(11), "980"]);
        Assert.True(result.Ok, result.Message);
        Assert.Equal(3, result.Matched);
        Assert.Equal(4, result.Rows);

        var found = await FindingsAsync(VerificationPolicy.Rules.ContributionGap);
        var finding = Assert.Single(found);
        Assert.Equal(twoMissing.Id, finding.HouseholdId);
        Assert.Contains("2026-10、2026-11", finding.Detail);
        Assert.DoesNotContain(found, f => f.HouseholdId == uninsured.Id);
    }

    [Fact]
    public async Task Contributions_PaidEveryMonthConfirmTheJob_AndTheHouseholdCountsAsVerifiedAttained()
    {
        var paid = await AddAsync(b => b.Job(LongAgo, contractMonths: 12), h => h.Employments[0].HasSocialInsurance = true);
        await ImportAsync(DepartmentListKind.SocialInsurance,
            [paid.IdNumber, "", "新动能电子", Month(9), ""], [paid.IdNumber, "", "新动能电子", Month(10), ""], [paid.IdNumber, "", "新动能电子", Month(11), ""]);
        await using var db = Database.CreateDbContext();
        var household = await db.Households.Include(h => h.Employments).SingleAsync(h => h.Id == paid.Id);
        Assert.Equal(MeasureVerification.DepartmentConfirmed, household.Employments[0].Verification);
        Assert.True(household.VerifiedAttained);
        Assert.Empty(await FindingsAsync(VerificationPolicy.Rules.ContributionGap));
    }

    [Fact]
    public async Task AJobSomeListContradicts_IsNotBorneOutByAnother()
    {
        // Registered with 人社, but no contribution for October and November: the finding stands and the job stays 自报.
        var job = await AddAsync(b => b.Job(LongAgo, contractMonths: 12), h => h.Employments[0].HasSocialInsurance = true);
        await ImportAsync(DepartmentListKind.EmploymentRegistration, [job.IdNumber, "", "新动能电子", "2026-01-05", ""]);
        await ImportAsync(DepartmentListKind.SocialInsurance, [job.IdNumber, "", "新动能电子", Month(9), ""],
            [Ids.Make(new DateOnly(1990, 5, 5), Sex.Female, 79), "", "x", Month(10), ""], [Ids.Make(new DateOnly(1990, 5, 5), Sex.Female, 79), "", "x", Month(11), ""]);
        Assert.Single(await FindingsAsync(VerificationPolicy.Rules.ContributionGap));
        await using var db = Database.CreateDbContext();
        Assert.Equal(MeasureVerification.SelfReported, (await db.Employments.SingleAsync(e => e.HouseholdId == job.Id)).Verification);
        Assert.False((await db.Households.SingleAsync(h => h.Id == job.Id)).VerifiedAttained);
    }

    [Fact]
    public async Task ABusinessLicence_ActiveIsConfirmed_CancelledOrAbsentIsAFinding()
    {
        var active = await AddAsync(b => b.Industry(LongAgo, channel: Channel.CommunityFactoryOrBusiness), h => h.Industries[0].LicenceNumber = "92610623MA00000001");
        var cancelled = await AddAsync(b => b.Industry(LongAgo, channel: Channel.CommunityFactoryOrBusiness), h => h.Industries[0].LicenceNumber = "92610623MA00000002");
        var absent = await AddAsync(b => b.Industry(LongAgo, channel: Channel.CommunityFactoryOrBusiness), h => h.Industries[0].LicenceNumber = "92610623MA00000003");
        var result = await ImportAsync(DepartmentListKind.BusinessRegistration,
            [active.IdNumber, "", "92610623MA00000001", "便民超市", "存续", "2025-01-01", ""],
            [cancelled.IdNumber, "", "92610623MA00000002", "小吃店", "注销", "2025-01-01", "2026-10-10"]);
        Assert.True(result.Ok, result.Message);

        var found = await FindingsAsync(VerificationPolicy.Rules.Licence);
        Assert.Equal([cancelled.Id, absent.Id], found.Select(f => f.HouseholdId).Order());
        Assert.Contains("注销", found.Single(f => f.HouseholdId == cancelled.Id).Detail);
        Assert.Contains("查无记录", found.Single(f => f.HouseholdId == absent.Id).Detail);
        await using var db = Database.CreateDbContext();
        Assert.Equal(MeasureVerification.DepartmentConfirmed, (await db.Industries.SingleAsync(i => i.HouseholdId == active.Id)).Verification);
    }

    [Fact]
    public async Task ALabourerRecordedDeadStillCountedInAJob_IsAFinding_AnotherEventIsNot()
    {
        var deceased = await AddAsync(b => b.Job(LongAgo, contractMonths: 12));
        var other = await AddAsync(b => b.Job(LongAgo, contractMonths: 12));
        var result = await ImportAsync(DepartmentListKind.RegisterChange, [deceased.IdNumber, "", "死亡", "2026-10-01"], [other.IdNumber, "", "其他", "2026-10-01"]);
        Assert.True(result.Ok, result.Message);
        var finding = Assert.Single(await FindingsAsync(VerificationPolicy.Rules.LabourGone));
        Assert.Equal(deceased.Id, finding.HouseholdId);
        Assert.Contains("2026-10-01死亡", finding.Detail);
    }

    [Theory]
    [InlineData(701, true)]
    [InlineData(700, false)]
    [InlineData(699, false)]
    public async Task ADibaoHouseholdsPay_AboveTheStandardPerMemberIsAFinding(int pay, bool fires)
    {
        // One member, so the household's pay is its pay per member; the standard is 700 yuan.
        var household = await AddAsync(b => b.Job(LongAgo, contractMonths: 12), h => h.Employments[0].MonthlyPay = pay);
        var result = await ImportAsync(DepartmentListKind.Assistance, [household.IdNumber, "", "低保", "2025-06-01", "", "450"]);
        Assert.True(result.Ok, result.Message);
        var found = await FindingsAsync(VerificationPolicy.Rules.DibaoPay);
        Assert.Equal(fires, found.Any(f => f.HouseholdId == household.Id));
        Assert.All(found, f => Assert.Equal(FindingKind.Suspect, f.Kind));
    }

    [Theory]
    [InlineData("10000", true)]
    [InlineData("9999", false)]
    public async Task AHighMedicalCostInAnAttainedHousehold_IsAWarning(string cost, bool fires)
    {
        var attained = await AddAsync(b => b.Job(LongAgo, contractMonths: 12));
        var result = await ImportAsync(DepartmentListKind.MedicalCost, [attained.IdNumber, "", Month(11), cost]);
        Assert.True(result.Ok, result.Message);
        var found = await FindingsAsync(VerificationPolicy.Rules.MedicalCost);
        Assert.Equal(fires, found.Count == 1);
        Assert.All(found, f => Assert.Equal(FindingKind.Warning, f.Kind));
    }

    [Theory]
    [InlineData("车辆", "100000.01", true)]
    [InlineData("车辆", "100000", false)]
    [InlineData("商品房", "", true)]
    [InlineData("公司股东", "", true)]
    public async Task AssetsInAHouseholdOnTheSafetyNet_AreAFinding(string kind, string value, bool fires)
    {
        var household = await AddAsync(b => b.Job(LongAgo, contractMonths: 12).Coverage(LongAgo));
        var result = await ImportAsync(DepartmentListKind.Asset, [household.IdNumber, "", kind, value, "说明"]);
        Assert.True(result.Ok, result.Message);
        Assert.Equal(fires, (await FindingsAsync(VerificationPolicy.Rules.Assets)).Count == 1);
    }

    [Fact]
    public async Task AssetsInAHouseholdWithoutBenefits_AreNotAFinding()
    {
        var household = await AddAsync(b => b.Job(LongAgo, contractMonths: 12));
        await ImportAsync(DepartmentListKind.Asset, [household.IdNumber, "", "商品房", "", "江北"]);
        Assert.Empty(await FindingsAsync(VerificationPolicy.Rules.Assets));
    }

    [Fact]
    public async Task AParkJob_WithNeitherRegistrationNorContributionsIsAFinding_ARegisteredOneIsNot_UnlessRegistrationIsRequired()
    {
        var registered = await AddAsync(b => b.Job(LongAgo, contractMonths: 12));
        var unregistered = await AddAsync(b => b.Job(LongAgo, contractMonths: 12));
        var paidOnly = await AddAsync(b => b.Job(LongAgo, contractMonths: 12), h => h.Employments[0].HasSocialInsurance = true);
        await ImportAsync(DepartmentListKind.SocialInsurance, [paidOnly.IdNumber, "", "新动能电子", Month(11), ""]);
        await ImportAsync(DepartmentListKind.EmploymentRegistration, [registered.IdNumber, "", "新动能电子", "2026-01-05", ""]);
        int[] ours = [registered.Id, unregistered.Id, paidOnly.Id];
        Assert.Equal([unregistered.Id], (await FindingsAsync(VerificationPolicy.Rules.NoRegistration)).Select(f => f.HouseholdId).Where(ours.Contains));

        await SetAsync(VerificationPolicy.Keys.RegistrationRequired, "true");
        Assert.Equal([unregistered.Id, paidOnly.Id], (await FindingsAsync(VerificationPolicy.Rules.NoRegistration)).Select(f => f.HouseholdId).Where(ours.Contains).Order());
    }

    [Fact]
    public async Task ADisabledRule_RaisesNothing()
    {
        await SetAsync(VerificationPolicy.Keys.Enabled(VerificationPolicy.Rules.LabourGone), "false");
        var deceased = await AddAsync(b => b.Job(LongAgo, contractMonths: 12));
        await ImportAsync(DepartmentListKind.RegisterChange, [deceased.IdNumber, "", "死亡", "2026-10-01"]);
        Assert.Empty(await FindingsAsync());
    }

    [Fact]
    public async Task EndingTheJobThroughTheForm_MakesTheFindingNoLongerHold_AndNamesTheCorrection()
    {
        var deceased = await AddAsync(b => b.Job(LongAgo, contractMonths: 12));
        await ImportAsync(DepartmentListKind.RegisterChange, [deceased.IdNumber, "", "死亡", "2026-10-01"]);
        var finding = Assert.Single(await FindingsAsync());
        Assert.Null(finding.FactsGoneOn);

        await using (var db = Database.CreateDbContext())
        {
            var job = await db.Employments.SingleAsync(e => e.HouseholdId == deceased.Id);
            var version = await db.Households.Where(h => h.Id == deceased.Id).Select(h => h.Version).SingleAsync();
            var saved = await As<ReliefDashboard.Features.Households.HouseholdEditService>(Seeded.StaffA).EndMeasureAsync(
                ReliefDashboard.Features.Households.MeasureKind.Employment,
                new ReliefDashboard.Features.Households.EndInput { HouseholdId = deceased.Id, Version = version, Id = job.Id, EndDate = new DateTime(2026, 10, 1), StartDate = job.StartDate.ToDateTime(TimeOnly.MinValue) });
            Assert.True(saved.Ok, string.Join("；", saved.Errors));
        }

        var after = Assert.Single(await FindingsAsync());
        Assert.Equal(Today, after.FactsGoneOn);
        Assert.Contains(Seeded.StaffA.Name, after.Correction);
        Assert.Contains(after.Events, e => e.Action == FindingAction.Corrected);
        Assert.Equal(FindingState.Pending, after.State);
    }

    [Fact]
    public async Task ReimportingTheSameMonth_ReplacesTheList_AndAFindingItExplainsAwayNoLongerHolds()
    {
        var twoMissing = await AddAsync(b => b.Job(LongAgo, contractMonths: 12), h => h.Employments[0].HasSocialInsurance = true);
        var other = Ids.Make(new DateOnly(1990, 5, 5), Sex.Female, 78);
        await ImportAsync(DepartmentListKind.SocialInsurance, [twoMissing.IdNumber, "", "新动能电子", Month(9), ""], [other, "", "x", Month(10), ""], [other, "", "x", Month(11), ""]);
        Assert.Single(await FindingsAsync());

        var corrected = await ImportAsync(DepartmentListKind.SocialInsurance,
            [twoMissing.IdNumber, "", "新动能电子", Month(9), ""], [twoMissing.IdNumber, "", "新动能电子", Month(10), ""], [twoMissing.IdNumber, "", "新动能电子", Month(11), ""]);
        Assert.True(corrected.Ok, corrected.Message);
        Assert.Contains("替换", corrected.Message);
        var finding = Assert.Single(await FindingsAsync());
        Assert.NotNull(finding.FactsGoneOn);
        await using var db = Database.CreateDbContext();
        Assert.Equal(3, await db.DepartmentRecords.CountAsync());
        Assert.Equal(1, await db.DepartmentLists.CountAsync(l => l.ReplacedAt != null));
    }
}
