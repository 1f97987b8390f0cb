using Microsoft.EntityFrameworkCore;
using ReliefDashboard.Domain;
using ReliefDashboard.Features.Households;
using ReliefDashboard.Features.Supervision;
using ReliefDashboard.Figures;
using ReliefDashboard.TestSupport;

namespace ReliefDashboard.Features.Verification;

/// <summary>The verification loop for every role: only the allowed steps, stale versions refused, the clocks, every step in the history.</summary>
public sealed class FindingLoopTests : VerificationTestBase
{
    private static readonly UserScope Leader = new("lead", "领导 赵", Roles.LeadingGroup, null, null);
    private static readonly UserScope Department = new("dept", "区人社局 刘", Roles.Department, null, "区人社局");

    private static readonly EvidenceUpload Pdf = new("说明.pdf", "%PDF-1.4 民政局出具的说明"u8.ToArray());

    /// <summary>A deceased labourer still counted in a job, in town A: one finding, found today (Sunday 29 November).</summary>
    private async Task<(Finding Finding, int HouseholdId)> FindingAsync()
    {
        var (household, id) = await AddAsync(b => b.Job(new DateOnly(2026, 1, 5), contractMonths: 12));
        var result = await ImportAsync(DepartmentListKind.RegisterChange, [id, "", "死亡", "2026-10-01"]);
        Assert.True(result.Ok, result.Message);
        return (Assert.Single(await FindingsAsync(VerificationPolicy.Rules.LabourGone)), household);
    }

    private async Task<Finding> ReloadAsync(int id) => (await FindingsAsync()).Single(f => f.Id == id);

    [Fact]
    public async Task TheClocks_AreWorkingDaysFromTheDayFound_AndOverdueStartsTheDayAfter()
    {
        var (finding, _) = await FindingAsync();
        // Found on Sunday 29 November: five working days is Friday 4 December, fifteen is Friday 18 December.
        Assert.Equal((new DateOnly(2026, 12, 4), new DateOnly(2026, 12, 18)), (finding.VisitDue, finding.ConcludeDue));
        Assert.Equal(Lateness.OnTime, finding.LatenessOn(new DateOnly(2026, 12, 4)));
        Assert.Equal(Lateness.VisitOverdue, finding.LatenessOn(new DateOnly(2026, 12, 5)));
        Assert.Equal(Lateness.VisitOverdue, finding.LatenessOn(new DateOnly(2026, 12, 18)));
        Assert.Equal(Lateness.ConcludeOverdue, finding.LatenessOn(new DateOnly(2026, 12, 19)));
    }

    [Fact]
    public async Task Readers_AreTheTownsStaffAndTheDistrict_NotAnotherTownNorADepartment()
    {
        var (finding, _) = await FindingAsync();
        Assert.NotNull(await As<FindingService>(Seeded.StaffA).GetAsync(finding.Id));
        Assert.NotNull(await As<FindingService>(Supervisor).GetAsync(finding.Id));
        Assert.NotNull(await As<FindingService>(Leader).GetAsync(finding.Id));
        Assert.Null(await As<FindingService>(Seeded.StaffB).GetAsync(finding.Id));
        Assert.Null(await As<FindingService>(Department).GetAsync(finding.Id));
        Assert.Empty(await As<FindingService>(Seeded.StaffB).ListAsync(new FindingFilter()));
        Assert.Empty(await As<FindingService>(Department).ListAsync(new FindingFilter()));
        Assert.Single(await As<FindingService>(Seeded.StaffA).ListAsync(new FindingFilter()));
        await using var db = Database.CreateDbContext();
        Assert.Equal(2, await db.Activity.CountAsync(a => a.Kind == ActivityLog.Kinds.Denied && a.Target == $"查看疑点#{finding.Id}"));
    }

    [Fact]
    public async Task OnlyTheTownsStaffVisitAndConclude_OnlyASupervisorReviews()
    {
        var (finding, _) = await FindingAsync();
        foreach (var outsider in new[] { Seeded.StaffB, Supervisor, Leader, Department })
        {
            var refused = await As<FindingService>(outsider).VisitAsync(finding.Id, finding.Version, Today, "入户了解情况");
            Assert.False(refused.Ok);
            var explained = await As<FindingService>(outsider).ExplainAsync(finding.Id, finding.Version, "部门数据有误，当事人仍健在", [Pdf]);
            Assert.False(explained.Ok);
        }
        var staff = await As<FindingService>(Seeded.StaffA).VerifyAsync(finding.Id, finding.Version, null);
        Assert.False(staff.Ok);
        Assert.Contains("督查", staff.Error);
        Assert.Equal(FindingState.Pending, (await ReloadAsync(finding.Id)).State);
        await using var db = Database.CreateDbContext();
        Assert.True(await db.Activity.CountAsync(a => a.Kind == ActivityLog.Kinds.Denied) >= 6);
    }

    [Fact]
    public async Task Explained_NeedsAReasonAndEvidence_ThenTheSupervisorCloses_AndEveryStepIsInTheHistory()
    {
        var (finding, _) = await FindingAsync();
        var staff = As<FindingService>(Seeded.StaffA);
        Assert.True((await staff.VisitAsync(finding.Id, finding.Version, Today, "入户见到本人，仍在岗")).Ok);
        finding = await ReloadAsync(finding.Id);
        Assert.Equal((FindingState.Visited, Today), (finding.State, finding.VisitedOn));

        var noFile = await As<FindingService>(Seeded.StaffA).ExplainAsync(finding.Id, finding.Version, "公安数据有误，本人健在且在岗", []);
        Assert.Contains("佐证材料", noFile.Error);
        var shortReason = await As<FindingService>(Seeded.StaffA).ExplainAsync(finding.Id, finding.Version, "有误", [Pdf]);
        Assert.Contains("10至2000字", shortReason.Error);
        Assert.True((await As<FindingService>(Seeded.StaffA).ExplainAsync(finding.Id, finding.Version, "公安数据有误，本人健在且在岗，已报公安分局更正", [Pdf])).Ok);
        finding = await ReloadAsync(finding.Id);
        Assert.Equal((FindingState.AwaitingReview, false), (finding.State, finding.Confirmed));

        Assert.True((await As<FindingService>(Supervisor).ReturnAsync(finding.Id, finding.Version, "佐证材料不清晰，请补充")).Ok);
        finding = await ReloadAsync(finding.Id);
        Assert.Equal((FindingState.Returned, (bool?)null), (finding.State, finding.Confirmed));
        Assert.True((await As<FindingService>(Seeded.StaffA).ExplainAsync(finding.Id, finding.Version, "公安数据有误，已附公安分局出具的证明", [Pdf])).Ok);
        finding = await ReloadAsync(finding.Id);
        Assert.True((await As<FindingService>(Supervisor).VerifyAsync(finding.Id, finding.Version, "证明材料齐全")).Ok);
        finding = await ReloadAsync(finding.Id);
        Assert.Equal((FindingState.Closed, Today), (finding.State, finding.ClosedOn));
        Assert.Equal([FindingAction.Found, FindingAction.Visit, FindingAction.Explain, FindingAction.Return, FindingAction.Explain, FindingAction.Verify],
            finding.Events.OrderBy(e => e.Id).Select(e => e.Action));
        Assert.Equal(new[] { Seeded.StaffA.Name, Supervisor.Name }.Order(), finding.Events.Skip(1).Select(e => e.User).Distinct().Order());
        await using var db = Database.CreateDbContext();
        Assert.Equal(2, await db.VerificationEvidence.CountAsync(e => e.FindingId == finding.Id));
    }

    [Fact]
    public async Task AStaleVersion_IsRefused()
    {
        var (finding, _) = await FindingAsync();
        Assert.True((await As<FindingService>(Seeded.StaffA).VisitAsync(finding.Id, finding.Version, Today, "第一次入户")).Ok);
        var stale = await As<FindingService>(Seeded.StaffA).ExplainAsync(finding.Id, finding.Version, "同时打开的旧页面提交的结论", [Pdf]);
        Assert.Equal(FindingService.Stale, stale.Error);
    }

    [Fact]
    public async Task ConfirmedTrue_OnlyAfterTheRecordIsCorrected_AndItNamesWhoEnteredTheRecord()
    {
        var (finding, household) = await FindingAsync();
        var early = await As<FindingService>(Seeded.StaffA).ConfirmWrongAsync(finding.Id, finding.Version, "核实属实，本人已去世");
        Assert.Contains("先通过登记表单更正", early.Error);

        await using (var db = Database.CreateDbContext())
        {
            var job = await db.Employments.SingleAsync(e => e.HouseholdId == household);
            var version = await db.Households.Where(h => h.Id == household).Select(h => h.Version).SingleAsync();
            var saved = await As<HouseholdEditService>(Seeded.StaffA).EndMeasureAsync(MeasureKind.Employment,
                new EndInput { HouseholdId = household, Version = version, Id = job.Id, EndDate = new DateTime(2026, 10, 1), StartDate = job.StartDate.ToDateTime(TimeOnly.MinValue) });
            Assert.True(saved.Ok);
        }
        finding = await ReloadAsync(finding.Id);
        Assert.True((await As<FindingService>(Seeded.StaffA).ConfirmWrongAsync(finding.Id, finding.Version, "核实属实，本人已于10月去世，已结束其就业记录")).Ok);
        finding = await ReloadAsync(finding.Id);
        Assert.Equal((FindingState.AwaitingReview, true), (finding.State, finding.Confirmed));
        Assert.NotNull(finding.Correction);
        Assert.True((await As<FindingService>(Supervisor).VerifyAsync(finding.Id, finding.Version, null)).Ok);
        Assert.True((await ReloadAsync(finding.Id)).IsFalsification);
    }

    [Fact]
    public async Task OverdueAndOnTimeFindings_CountOnTheTownsScorecard()
    {
        var (finding, _) = await FindingAsync();
        await using var db = Database.CreateDbContext();
        var beforeDue = (await VerificationCounts.AsOfAsync(db, finding.ConcludeDue)).Single(c => c.TownId == Seeded.TownA);
        Assert.Equal((0, 1, 0), (beforeDue.FindingsDue, beforeDue.FindingsOpen, beforeDue.FindingsOverdue));
        Assert.Null(beforeDue.FindingsOnTimeRate.Value);
        var late = (await VerificationCounts.AsOfAsync(db, finding.ConcludeDue.AddDays(1))).Single(c => c.TownId == Seeded.TownA);
        Assert.Equal((1, 0, 1), (late.FindingsDue, late.FindingsOnTime, late.FindingsOverdue));
        Assert.Equal(0m, late.FindingsOnTimeRate.Value);
    }
}
