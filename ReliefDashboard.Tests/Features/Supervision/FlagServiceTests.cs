using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ReliefDashboard.Domain;
using ReliefDashboard.Exports;
using ReliefDashboard.Features.Overview;
using ReliefDashboard.Features.Policy;
using ReliefDashboard.Figures;
using ReliefDashboard.TestSupport;
using ReliefDashboard.Writes;

namespace ReliefDashboard.Features.Supervision;

public sealed class FlagServiceTests : ServiceTestBase
{
    private static readonly UserScope Supervisor = new("sup", "督查 赵", Roles.Supervisor, null, null);
    private static readonly EvidenceUpload Pdf = new("入户核实记录.pdf", Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<<>>endobj\n%%EOF"));

    private EvidenceStore Store => Services.GetRequiredService<EvidenceStore>();

    private async Task<int> RaiseAsync(DateOnly? deadline = null)
    {
        var result = await As<FlagService>(Supervisor).RaiseAsync(new FlagInput(Seeded.TownA, null, "无措施户未在5天内清零", IndicatorKind.NoMeasure,
            "落实帮扶措施并上传入户核实记录", deadline ?? SmallDistrict.Today.AddDays(10), FlagSeverity.Serious, [Seeded.NoMeasure]));
        Assert.True(result.Ok, result.Error);
        return result.FlagId!.Value;
    }

    private async Task<SupervisionFlag> FlagAsync(int id)
    {
        await using var db = Database.CreateDbContext();
        return await db.Flags.AsNoTracking().Include(f => f.Events).Include(f => f.Evidence).SingleAsync(f => f.Id == id);
    }

    [Fact]
    public async Task AFlag_GoesFromRaisedToClosed_ByTheRightHands_WithItsWholeHistory()
    {
        var id = await RaiseAsync();

        Assert.True((await As<FlagService>(Seeded.StaffA).AcknowledgeAsync(id, 0)).Ok);
        var answered = await As<FlagService>(Seeded.StaffA).AnswerAsync(id, 1, "已为李志强落实园区就业，附入户核实记录", [Pdf]);
        Assert.True(answered.Ok, answered.Error);
        Assert.True((await As<FlagService>(Supervisor).CloseAsync(id, 2, "核验属实")).Ok);

        var flag = await FlagAsync(id);
        Assert.Equal((FlagState.Closed, SmallDistrict.Today, true), (flag.State, flag.ClosedOn, flag.ClosedOnTime));
        Assert.Equal([FlagAction.Raise, FlagAction.Acknowledge, FlagAction.Answer, FlagAction.Close], flag.Events.OrderBy(e => e.Id).Select(e => e.Action));
        var file = Assert.Single(flag.Evidence);
        Assert.Equal(("入户核实记录.pdf", "application/pdf", Pdf.Content.LongLength), (file.FileName, file.ContentType, file.Size));
        Assert.Equal(Pdf.Content, await File.ReadAllBytesAsync(Store.PathOf(file)));
    }

    [Fact]
    public async Task ASentBackAnswer_IsAnsweredAgain()
    {
        var id = await RaiseAsync();
        Assert.True((await As<FlagService>(Seeded.StaffA).AnswerAsync(id, 0, "已整改完毕", [])).Ok);
        Assert.True((await As<FlagService>(Supervisor).ReturnAsync(id, 1, "未见入户核实记录")).Ok);
        Assert.Equal(FlagState.Returned, (await FlagAsync(id)).State);

        Assert.True((await As<FlagService>(Seeded.StaffA).AnswerAsync(id, 2, "补充入户核实记录", [Pdf])).Ok);
        Assert.Equal(FlagState.Answered, (await FlagAsync(id)).State);
    }

    [Fact]
    public async Task RefusedSteps_ChangeNothing_AndOutsidersAreLogged()
    {
        var id = await RaiseAsync();

        // Another town's staff cannot even see it; a department that is not addressed may not answer for the town.
        Assert.Contains("找不到编号为", (await As<FlagService>(Seeded.StaffB).AnswerAsync(id, 0, "越权反馈整改", [])).Error);
        Assert.Contains("只有督查人员", (await As<FlagService>(new UserScope("l", "领导", Roles.LeadingGroup, null, null)).CloseAsync(id, 0, null)).Error);
        Assert.Contains("尚未反馈", (await As<FlagService>(Supervisor).CloseAsync(id, 0, null)).Error);
        Assert.Contains("只有督查人员", (await As<FlagService>(Seeded.StaffA).CloseAsync(id, 0, null)).Error);
        Assert.Contains("只有督查人员", (await As<FlagService>(Seeded.StaffA).RaiseAsync(new FlagInput(Seeded.TownA, null, "自行下发", null, "自行整改", SmallDistrict.Today, FlagSeverity.General, []))).Error);

        var flag = await FlagAsync(id);
        Assert.Equal((FlagState.Open, 0, 1), (flag.State, flag.Version, flag.Events.Count));
        await using var db = Database.CreateDbContext();
        Assert.True(await db.Activity.CountAsync(a => a.Kind == ActivityLog.Kinds.Denied) >= 2);
    }

    [Fact]
    public async Task AStepOnAStaleCopy_IsRefused()
    {
        var id = await RaiseAsync();
        Assert.True((await As<FlagService>(Seeded.StaffA).AcknowledgeAsync(id, 0)).Ok);

        Assert.Equal(FlagService.Stale, (await As<FlagService>(Seeded.StaffA).AnswerAsync(id, 0, "基于旧页面的反馈", [])).Error);
    }

    [Theory]
    [InlineData("伪装.pdf", "MZ\u0090\u0000 not a pdf", "内容与扩展名.pdf不符")]
    [InlineData("程序.exe", "MZ\u0090\u0000", "类型不允许")]
    [InlineData("空.pdf", "", "空文件")]
    public async Task ABadEvidenceFile_IsRefused_AndNothingIsStored(string name, string content, string message)
    {
        var id = await RaiseAsync();
        var before = Store.Count();

        var result = await As<FlagService>(Seeded.StaffA).AnswerAsync(id, 0, "已整改完毕，附材料", [Pdf, new EvidenceUpload(name, Encoding.Latin1.GetBytes(content))]);

        Assert.Contains(message, result.Error);
        Assert.Equal(before, Store.Count());
        var flag = await FlagAsync(id);
        Assert.Equal((FlagState.Open, 0, 1), (flag.State, flag.Evidence.Count, flag.Events.Count));
    }

    [Fact]
    public async Task AnEvidenceFileOverTheSizeSetting_IsRefused_AndNothingIsStored()
    {
        Assert.True((await As<PolicyService>().UpdateAsync(SupervisionPolicy.Keys.EvidenceMegabytes, "1", "测试")).Ok);
        var id = await RaiseAsync();
        var big = new byte[1024 * 1024 + 1];
        "%PDF-"u8.CopyTo(big);

        var result = await As<FlagService>(Seeded.StaffA).AnswerAsync(id, 0, "已整改完毕，附扫描件", [new EvidenceUpload("扫描件.pdf", big)]);

        Assert.Equal("文件“扫描件.pdf”超过1MB，请压缩后再上传", result.Error);
        Assert.Equal(0, Store.Count());
        Assert.Empty((await FlagAsync(id)).Evidence);
    }

    [Fact]
    public async Task AFlagIsOverdue_TheDayAfterItsDeadline_AndClosingLateIsNotOnTime()
    {
        var id = await RaiseAsync(deadline: SmallDistrict.Today);
        Assert.Empty(await As<FlagService>(Supervisor).ListAsync(FlagView.Overdue));

        Clock.Today = SmallDistrict.Today.AddDays(1);
        Assert.Equal([id], (await As<FlagService>(Supervisor).ListAsync(FlagView.Overdue)).Select(r => r.Id));
        Assert.Equal([id], (await As<FlagService>(Seeded.StaffA).ListAsync(FlagView.Overdue)).Select(r => r.Id));
        Assert.Empty(await As<FlagService>(Seeded.StaffB).ListAsync(FlagView.All));

        Assert.True((await As<FlagService>(Seeded.StaffA).AnswerAsync(id, 0, "逾期后整改完毕", [])).Ok);
        Assert.True((await As<FlagService>(Supervisor).CloseAsync(id, 1, null)).Ok);
        await using var db = Database.CreateDbContext();
        var count = Assert.Single(await FlagCounts.AsOfAsync(db, Clock.Today));
        Assert.Equal((1, 0, 0, 0), (count.Due, count.OnTime, count.Overdue, count.Unclosed));
    }

    [Fact]
    public async Task FlagsClosedOnTime_FeedsTheTownsScorecard()
    {
        var onTime = await RaiseAsync();
        await RaiseAsync(deadline: SmallDistrict.Today);
        Assert.True((await As<FlagService>(Seeded.StaffA).AnswerAsync(onTime, 0, "按期整改完毕", [])).Ok);
        Assert.True((await As<FlagService>(Supervisor).CloseAsync(onTime, 1, null)).Ok);
        Clock.Today = SmallDistrict.Today.AddDays(1);

        await using var db = Database.CreateDbContext();
        var figures = await DashboardQueries.LoadAsync(db, Clock.Today, Clock.GetUtcNow().UtcDateTime, null);
        var cell = Figures.ScoreSheets.Live(figures).Towns.Single(t => t.TownId == Seeded.TownA).Cell(IndicatorKind.FlagsClosedOnTime)!;

        // One closed on time, one overdue: 1 ÷ 2.
        Assert.Equal((50.0m, 1, 2), (cell.Value, cell.Numerator, cell.Denominator));
        Assert.Null(Figures.ScoreSheets.Live(figures).Towns.Single(t => t.TownId == Seeded.TownB).Cell(IndicatorKind.FlagsClosedOnTime)!.Value);
        Assert.Equal(1, FlagCounts.OverdueFor(figures.Flags, Seeded.StaffA));
        Assert.Equal(0, FlagCounts.OverdueFor(figures.Flags, Seeded.StaffB));
    }

    [Fact]
    public async Task TheWorkInHand_IsCountedForWhoeverMustActNext()
    {
        var id = await RaiseAsync();
        async Task<(int Staff, int Other, int Supervisor)> CountsAsync()
        {
            await using var db = Database.CreateDbContext();
            var counts = await FlagCounts.AsOfAsync(db, SmallDistrict.Today);
            return (FlagCounts.ToActOn(counts, Seeded.StaffA), FlagCounts.ToActOn(counts, Seeded.StaffB), FlagCounts.ToActOn(counts, Supervisor));
        }

        Assert.Equal((1, 0, 0), await CountsAsync());
        Assert.True((await As<FlagService>(Seeded.StaffA).AnswerAsync(id, 0, "已整改完毕，请核验", [])).Ok);
        Assert.Equal((0, 0, 1), await CountsAsync());
        Assert.True((await As<FlagService>(Supervisor).ReturnAsync(id, 1, "缺少佐证材料")).Ok);
        Assert.Equal((1, 0, 0), await CountsAsync());
    }

    [Fact]
    public async Task RaisingChecksItsInput_InChinese()
    {
        var service = As<FlagService>(Supervisor);
        FlagInput Input(int? town = null, string? dept = null, DateOnly? deadline = null, int[]? households = null) =>
            new(town, dept, "督办事由说明", null, "整改要求说明", deadline ?? SmallDistrict.Today, FlagSeverity.General, households ?? []);

        Assert.Contains("二选一", (await service.RaiseAsync(Input())).Error);
        Assert.Contains("二选一", (await service.RaiseAsync(Input(Seeded.TownA, "区人社局"))).Error);
        Assert.Contains("牵头部门不存在", (await service.RaiseAsync(Input(dept: "区外事办"))).Error);
        Assert.Contains("整改期限", (await service.RaiseAsync(Input(Seeded.TownA, deadline: SmallDistrict.Today.AddDays(-1)))).Error);
        Assert.Contains("须属于被督办的镇街", (await service.RaiseAsync(Input(Seeded.TownA, households: [Seeded.OtherTown]))).Error);
        Assert.True((await service.RaiseAsync(Input(dept: "区人社局"))).Ok);
    }
}

public sealed class FlagSecurityLogTests : ServiceTestBase
{
    private static readonly UserScope Supervisor = new("sup", "督查 赵", Roles.Supervisor, null, null);

    [Fact]
    public async Task AnOutsider_OpeningAFlagOrItsEvidence_IsRefusedAndRecordedOnce()
    {
        var raised = await As<FlagService>(Supervisor).RaiseAsync(new FlagInput(Seeded.TownA, null, "无措施户未清零", IndicatorKind.NoMeasure,
            "落实帮扶措施", SmallDistrict.Today.AddDays(10), FlagSeverity.Serious, [Seeded.NoMeasure]));
        var id = raised.FlagId!.Value;
        var pdf = new EvidenceUpload("核实记录.pdf", Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<<>>endobj\n%%EOF"));
        Assert.True((await As<FlagService>(Seeded.StaffA).AnswerAsync(id, 0, "已整改，附核实记录", [pdf])).Ok);
        long evidenceId;
        await using (var db = Database.CreateDbContext())
        {
            evidenceId = await db.FlagEvidence.Where(e => e.FlagId == id).Select(e => e.Id).SingleAsync();
        }

        // The other town's staff: a guessed flag link, opened twice (the page renders twice), and a guessed file link.
        Assert.Null(await As<FlagService>(Seeded.StaffB).GetAsync(id));
        Assert.Null(await As<FlagService>(Seeded.StaffB).GetAsync(id));
        Assert.Null(await As<FlagService>(Seeded.StaffB).EvidenceAsync(evidenceId));
        Assert.NotNull(await As<FlagService>(Seeded.StaffA).EvidenceAsync(evidenceId));

        await using var check = Database.CreateDbContext();
        var denied = await check.Activity.Where(a => a.Kind == ActivityLog.Kinds.Denied).ToListAsync();
        Assert.Single(denied, a => a.Target == $"查看督办件#{id}" && a.User == Seeded.StaffB.Name);
        Assert.Single(denied, a => a.Target == $"下载督办件#{id}的佐证材料" && a.Detail == "核实记录.pdf");
        Assert.DoesNotContain(denied, a => a.User == Seeded.StaffA.Name);
    }
}
