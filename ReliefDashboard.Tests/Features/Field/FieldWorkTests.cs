using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ReliefDashboard.Domain;
using ReliefDashboard.Features.Field;
using ReliefDashboard.Features.Supervision;
using ReliefDashboard.Features.Verification;
using ReliefDashboard.Jobs;
using ReliefDashboard.TestSupport;

namespace ReliefDashboard.Features.Field;

/// <summary>Home visits as records, the worklist and its clocks, door cards: what a town worker does in a day.</summary>
public sealed class FieldWorkTests : VerificationTestBase
{
    private UserScope StaffA => new("staff-a", "青石 王", Roles.TownStaff, Seeded.TownA, null);

    private UserScope StaffB => new("staff-b", "麻塬 李", Roles.TownStaff, Seeded.TownB, null);

    private async Task<Household> LoadAsync(int id)
    {
        await using var db = Database.CreateDbContext();
        return await db.Households.AsNoTracking().Include(h => h.Employments).SingleAsync(h => h.Id == id);
    }

    private async Task<int> VisitCountAsync()
    {
        await using var db = Database.CreateDbContext();
        return await db.Visits.CountAsync();
    }

    private static VisitInput Visit(Household h, DateOnly? on = null, params VisitMemberInput[] members) => new()
    {
        HouseholdId = h.Id,
        Version = h.Version,
        VisitedOn = (on ?? Today).ToDateTime(TimeOnly.MinValue),
        Kind = VisitKind.Visit,
        MetWith = "户主",
        Findings = "家中有人，核对就业情况",
        Members = [.. members],
    };

    [Fact]
    public async Task AVisit_OnAnAtRiskBecauseUnvisitedHousehold_TurnsItMetAtOnce_AndCountsInThatMonthsFreshness()
    {
        var (id, _) = await AddAsync(b => b.Job(Today.AddYears(-1), contractMonths: 24).Verified(Today.AddDays(-200)));
        var before = await LoadAsync(id);
        Assert.Equal((HouseholdStatus.AtRisk, "at-risk-unverified"), (before.Status, before.StatusRule));

        var result = await As<VisitService>(StaffA).RecordAsync(Visit(before), []);

        Assert.True(result.Ok, string.Join("；", result.Errors));
        Assert.Equal(HouseholdStatus.Met, result.Status);
        var after = await LoadAsync(id);
        Assert.Equal((HouseholdStatus.Met, Today, before.Version + 1), (after.Status, after.LastVerifiedOn, after.Version));
        await using (var db = Database.CreateDbContext())
        {
            var visit = await db.Visits.SingleAsync(v => v.HouseholdId == id);
            Assert.Equal((Today, "青石 王", "户主", Seeded.TownA), (visit.VisitedOn, visit.Visitor, visit.MetWith, visit.TownId));
            Assert.Contains(await db.Audit.Where(a => a.HouseholdId == id).ToListAsync(), a => a.Field == nameof(Household.LastVerifiedOn) && a.Source == VisitService.Source);
        }

        // The month-end taken two days later counts the household as visited in November, from the visit record.
        Clock.Today = new DateOnly(2026, 12, 1);
        Assert.Contains(new DateOnly(2026, 11, 30), await Services.GetRequiredService<MonthlyFiguresService>().TakeMissingAsync(Clock.Today));
        await using var read = Database.CreateDbContext();
        var november = await read.MonthlyFigures.Where(m => m.Month == new DateOnly(2026, 11, 30) && m.TownId == Seeded.TownA).ToListAsync();
        var windowStart = new DateOnly(2026, 11, 30).AddDays(-90);
        var visited = await read.Households.CountAsync(h => h.TownId == Seeded.TownA && h.LastVerifiedOn >= windowStart);
        Assert.Equal(visited, november.Sum(m => m.VerifiedHouseholds ?? 0));
        Assert.Contains(november, m => m.Status == HouseholdStatus.Met && m.VerifiedHouseholds > 0);
    }

    [Fact]
    public void MonthEndFreshness_IsReadFromTheVisits_NotFromTheLatestDate()
    {
        // Visited in June and in December only: at the end of October the June visit is past the 90 days.
        var h = new HouseholdBuilder(Today).Job(Today.AddYears(-2), contractMonths: 36).Verified(new DateOnly(2026, 12, 1)).Build();
        var months = new[] { new DateOnly(2026, 6, 30), new DateOnly(2026, 10, 31) };
        var exact = new MonthlyFiguresBuilder(months, StatusPolicy.Default);
        exact.Add(h, [new DateOnly(2026, 6, 20), new DateOnly(2026, 12, 1)]);
        Assert.Equal(1, exact.Rows.Where(r => r.Month == months[0]).Sum(r => r.VerifiedHouseholds));
        Assert.Equal(0, exact.Rows.Where(r => r.Month == months[1]).Sum(r => r.VerifiedHouseholds));
        Assert.Equal(HouseholdStatus.AtRisk, exact.Rows.Single(r => r.Month == months[1]).Status);

        // With only the single old date, a later visit is read as one on the month-end (the old reading, kept for households without visits).
        var single = new MonthlyFiguresBuilder(months, StatusPolicy.Default);
        single.Add(h);
        Assert.Equal(1, single.Rows.Where(r => r.Month == months[1]).Sum(r => r.VerifiedHouseholds));
    }

    [Fact]
    public async Task AVisitThatFindsAMemberOutOfWork_EndsTheJobOnTheVisitDay_AndTheStatusFollows()
    {
        var (id, _) = await AddAsync(b => b.Job(Today.AddYears(-1), contractMonths: 24));
        var h = await LoadAsync(id);
        Assert.Equal(HouseholdStatus.Met, h.Status);
        var job = h.Employments.Single();
        var day = Today.AddDays(-2);

        var result = await As<VisitService>(StaffA).RecordAsync(Visit(h, day,
            new VisitMemberInput { MemberId = job.MemberId, AtHome = true, EmploymentId = job.Id, StillEmployed = false, Note = "厂里裁员，已回家" }), []);

        Assert.True(result.Ok, string.Join("；", result.Errors));
        Assert.Equal(HouseholdStatus.NoMeasure, result.Status);
        Assert.Single(result.Ended!);
        var after = await LoadAsync(id);
        Assert.Equal(day, after.Employments.Single().EndDate);
        Assert.Equal(HouseholdStatus.NoMeasure, after.Status);
        await using var db = Database.CreateDbContext();
        var ended = await db.Audit.SingleAsync(a => a.HouseholdId == id && a.Entity == nameof(Employment) && a.Field == nameof(Measure.EndDate));
        Assert.Equal((VisitService.Source, "青石 王"), (ended.Source, ended.User));
        var check = await db.VisitMembers.SingleAsync();
        Assert.Equal((false, job.Id, "厂里裁员，已回家"), (check.StillEmployed, check.EmploymentId, check.Note));
    }

    [Fact]
    public async Task AVisitForAFinding_IsTheFindingsHomeVisitStep()
    {
        var (id, _) = await AddAsync(b => b.Job(Today.AddYears(-1), contractMonths: 24));
        var findingId = await AddFindingAsync(id, Seeded.TownA);
        var h = await LoadAsync(id);
        var input = Visit(h);
        input.Kind = VisitKind.Verify;
        input.FindingId = findingId;

        Assert.True((await As<VisitService>(StaffA).RecordAsync(input, [])).Ok);

        await using var db = Database.CreateDbContext();
        var finding = await db.Findings.Include(f => f.Events).SingleAsync(f => f.Id == findingId);
        Assert.Equal((FindingState.Visited, Today), (finding.State, finding.VisitedOn));
        Assert.Contains(finding.Events, e => e.Action == FindingAction.Visit && e.User == "青石 王");
        Assert.Equal(findingId, (await db.Visits.SingleAsync()).FindingId);
    }

    [Fact]
    public async Task ARefusedVisit_ChangesNothing_AndSaysWhyInChinese()
    {
        var (id, _) = await AddAsync(b => b.Job(Today.AddYears(-1), contractMonths: 24).Verified(Today.AddDays(-200)));
        var h = await LoadAsync(id);

        var otherTown = await As<VisitService>(StaffB).RecordAsync(Visit(h), []);
        Assert.False(otherTown.Ok);
        Assert.Contains("只有本镇街的工作人员", otherTown.Errors[0]);

        var stale = Visit(h);
        stale.Version = h.Version - 1;
        Assert.Equal(VisitService.Stale, (await As<VisitService>(StaffA).RecordAsync(stale, [])).Errors[0]);

        var future = await As<VisitService>(StaffA).RecordAsync(Visit(h, Today.AddDays(1)), []);
        Assert.Contains("走访日期不能晚于今天", future.Errors);

        var blank = Visit(h);
        blank.MetWith = " ";
        blank.Findings = "";
        Assert.Equal(["请填写见到的人（如：户主、户主配偶）", "请填写走访发现的情况"], (await As<VisitService>(StaffA).RecordAsync(blank, [])).Errors);

        // A photo that is a renamed text file is refused by its content, and no file is kept.
        var renamed = await As<VisitService>(StaffA).RecordAsync(Visit(h), [new EvidenceUpload("门口.jpg", "not a picture"u8.ToArray())]);
        Assert.Contains("内容与扩展名.jpg不符", renamed.Errors[0]);
        var pdf = await As<VisitService>(StaffA).RecordAsync(Visit(h), [new EvidenceUpload("说明.pdf", "%PDF-1.4 x"u8.ToArray())]);
        Assert.Contains("类型不允许", pdf.Errors[0]);

        // A job of another member, or one already ended, is refused.
        var wrongJob = await As<VisitService>(StaffA).RecordAsync(Visit(h, null,
            new VisitMemberInput { MemberId = h.Employments[0].MemberId, EmploymentId = 999_999, StillEmployed = false }), []);
        Assert.Contains("岗位不存在", wrongJob.Errors[0]);

        Assert.Equal(0, await VisitCountAsync());
        var after = await LoadAsync(id);
        Assert.Equal((h.Version, h.LastVerifiedOn, HouseholdStatus.AtRisk, (DateOnly?)null), (after.Version, after.LastVerifiedOn, after.Status, after.Employments[0].EndDate));
        Assert.Empty(Directory.Exists(Services.GetRequiredService<EvidenceStore>().Root) ? Directory.GetFiles(Services.GetRequiredService<EvidenceStore>().Root) : []);
    }

    [Fact]
    public async Task APhoto_IsStoredBesideTheDatabase_WithTheVisit()
    {
        var (id, _) = await AddAsync(b => b.Job(Today.AddYears(-1), contractMonths: 24));
        var png = new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3 };
        Assert.True((await As<VisitService>(StaffA).RecordAsync(Visit(await LoadAsync(id)), [new EvidenceUpload("门口.png", png)])).Ok);
        await using var db = Database.CreateDbContext();
        var photo = await db.VisitPhotos.SingleAsync();
        Assert.Equal(("门口.png", "image/png", 11L), (photo.FileName, photo.ContentType, photo.Size));
        Assert.True(File.Exists(Path.Combine(Services.GetRequiredService<EvidenceStore>().Root, photo.StoredName)));
    }

    [Fact]
    public async Task ANoMeasureHousehold_WhoseLastMeasureEndedThreeWorkingDaysAgo_IsDueToday_AndOverdueTomorrow()
    {
        // The last job ended on Wednesday 30 September; 1–7 October are holidays (the National Day week) and a weekend:
        // the third working day after is Monday 12 October. Without the holiday list it would have been 5 October.
        var (id, _) = await AddAsync(b => b.Job(new DateOnly(2025, 9, 1), end: new DateOnly(2026, 9, 30), contractMonths: 24));
        Clock.Today = new DateOnly(2026, 10, 12);

        var item = await ItemAsync(WorkKind.NoMeasureHelp, id);
        Assert.Equal(Clock.Today, item!.Due);
        Assert.Equal(("今天到期", ClockState.Near), (FieldClock.Text(item.Due, Clock.Today), FieldClock.State(item.Due, Clock.Today, 2)));
        Assert.Equal($"households/{id}/visit", item.Url);

        Clock.Today = new DateOnly(2026, 10, 13);
        item = await ItemAsync(WorkKind.NoMeasureHelp, id);
        Assert.Equal(("逾期 1 天", ClockState.Overdue), (FieldClock.Text(item!.Due, Clock.Today), FieldClock.State(item.Due, Clock.Today, 2)));

        // Helped: the visit moves it to the clearance clock (five working days: 14 October) ...
        Clock.Today = new DateOnly(2026, 10, 13);
        Assert.True((await As<VisitService>(StaffA).RecordAsync(Visit(await LoadAsync(id), Clock.Today), [])).Ok);
        Assert.Null(await ItemAsync(WorkKind.NoMeasureHelp, id));
        Assert.Equal(new DateOnly(2026, 10, 14), (await ItemAsync(WorkKind.NoMeasureClear, id))!.Due);

        // ... and a new job clears it.
        var job = new Features.Households.EmploymentInput
        {
            HouseholdId = id,
            Version = (await LoadAsync(id)).Version,
            MemberId = (await LoadAsync(id)).Employments[0].MemberId,
            Channel = Channel.PublicWelfarePost,
            Employer = "社区公益岗",
            PostType = "保洁",
            Location = WorkLocation.InsideDistrict,
            StartDate = Clock.Today.ToDateTime(TimeOnly.MinValue),
            MonthlyPay = 800,
        };
        var saved = await As<Features.Households.HouseholdEditService>(StaffA).SaveEmploymentAsync(job);
        Assert.True(saved.Ok, string.Join("；", saved.Errors));
        Assert.Null(await ItemAsync(WorkKind.NoMeasureClear, id));
    }

    [Fact]
    public void TheHolidayList_IsRespectedByTheClock()
    {
        var holidays = new HashSet<DateOnly> { new(2026, 10, 1), new(2026, 10, 2), new(2026, 10, 5), new(2026, 10, 6), new(2026, 10, 7) };
        Assert.Equal(new DateOnly(2026, 10, 12), FieldClock.HelpDue(new DateOnly(2026, 9, 30), 3, holidays));
        Assert.Equal(new DateOnly(2026, 10, 5), FieldClock.HelpDue(new DateOnly(2026, 9, 30), 3, new HashSet<DateOnly>()));
        Assert.Equal(("剩 3 天", ClockState.OnTime), (FieldClock.Text(new DateOnly(2026, 10, 15), new DateOnly(2026, 10, 12)), FieldClock.State(new DateOnly(2026, 10, 15), new DateOnly(2026, 10, 12), 2)));
    }

    [Fact]
    public async Task EachKindOfWork_AppearsOnTheList_AndLeavesItWhenDone()
    {
        var (unvisited, _) = await AddAsync(b => b.Job(Today.AddYears(-1), contractMonths: 24).Verified(null));
        var (ending, _) = await AddAsync(b => b.Job(Today.AddYears(-1), end: Today.AddDays(20), contractMonths: 24));
        var (suspect, _) = await AddAsync(b => b.Job(Today.AddYears(-1), contractMonths: 24));
        var findingId = await AddFindingAsync(suspect, Seeded.TownA);
        var flagId = await AddFlagAsync(Seeded.TownA);
        var (spotItem, spotCheck) = await AddSpotItemAsync(suspect, Seeded.TownA);

        var list = (await As<WorklistService>(StaffA).ForTownAsync(null))!;
        Assert.Contains(list.Items, i => i.Kind == WorkKind.Unvisited && i.HouseholdId == unvisited && i.Detail == "从未走访核实");
        Assert.Contains(list.Items, i => i.Kind == WorkKind.Ending && i.HouseholdId == ending && i.Due == Today.AddDays(20));
        Assert.Contains(list.Items, i => i.Kind == WorkKind.Finding && i.Url == $"verification/findings/{findingId}");
        Assert.Contains(list.Items, i => i.Kind == WorkKind.Flag && i.Url == $"flags/{flagId}");
        Assert.DoesNotContain(list.Items, i => i.Kind == WorkKind.SpotCheck); // a checker's work, not the town's
        Assert.Contains(list.Items, i => i.Kind == WorkKind.NoMeasureHelp && i.HouseholdId == Seeded.NoMeasure);
        Assert.DoesNotContain(list.Items, i => i.TownId != Seeded.TownA);
        Assert.Equal(list.Items.OrderBy(i => i.Due).Select(i => i.Due), list.Items.Select(i => i.Due));
        var supervisorList = (await As<WorklistService>(Supervisor).ForTownAsync(Seeded.TownA))!;
        Assert.Contains(supervisorList.Items, i => i.Kind == WorkKind.SpotCheck && i.Url == $"verification/spot-checks/{spotCheck}");

        // Done: visited, the contract extended, the finding concluded, the flag answered, the spot check recorded.
        Assert.True((await As<VisitService>(StaffA).RecordAsync(Visit(await LoadAsync(unvisited)), [])).Ok);
        await using (var db = Database.Seed())
        {
            (await db.Employments.SingleAsync(e => e.HouseholdId == ending)).EndDate = null;
            await db.SaveChangesAsync();
        }
        var finding = await As<FindingService>(StaffA).GetAsync(findingId);
        var step = await As<FindingService>(StaffA).VisitAsync(findingId, finding!.Value.Finding.Version, Today, "已入户核实，与部门数据一致");
        Assert.True(step.Ok, step.Error);
        step = await As<FindingService>(StaffA).ExplainAsync(findingId, finding.Value.Finding.Version + 1, "该户成员在外省就业，社保在就业地缴纳",
            [new EvidenceUpload("证明.pdf", "%PDF-1.4 ok"u8.ToArray())]);
        Assert.True(step.Ok, step.Error);
        var flag = await As<FlagService>(StaffA).GetAsync(flagId);
        var answered = await As<FlagService>(StaffA).AnswerAsync(flagId, flag!.Version, "已逐户落实帮扶措施，整改完成", [new EvidenceUpload("说明.pdf", "%PDF-1.4 ok"u8.ToArray())]);
        Assert.True(answered.Ok, answered.Error);
        await using (var db = Database.CreateDbContext())
        {
            var item = await db.SpotCheckItems.SingleAsync(i => i.Id == spotItem);
            var recorded = await As<SpotCheckService>(Supervisor).RecordAsync(new SpotResultInput(item.Id, item.Version, SpotResult.True, Today, "入户核查，就业情况属实", []), []);
            Assert.True(recorded.Ok, recorded.Error);
        }

        list = (await As<WorklistService>(StaffA).ForTownAsync(null))!;
        Assert.DoesNotContain(list.Items, i => i.HouseholdId == unvisited || i.HouseholdId == ending || i.Kind is WorkKind.Finding or WorkKind.Flag);
        Assert.DoesNotContain((await As<WorklistService>(Supervisor).ForTownAsync(Seeded.TownA))!.Items, i => i.Kind == WorkKind.SpotCheck);
        await using var read = Database.CreateDbContext();
        Assert.Equal(VisitKind.SpotCheck, (await read.Visits.SingleAsync(v => v.HouseholdId == suspect && v.SpotCheckItemId == spotItem)).Kind);
    }

    [Fact]
    public async Task Supervisors_SeeWhatIsOverdue_ByTownAndHowLong()
    {
        await AddFlagAsync(Seeded.TownB, deadline: Today.AddDays(-4));

        var rows = (await As<WorklistService>(Supervisor).EscalationAsync())!;

        var flag = rows.Single(r => r.Kind == WorkKind.Flag);
        Assert.Equal((Seeded.TownB, 1, 4), (flag.TownId, flag.Overdue, flag.WorstDays));
        Assert.Contains(rows, r => r.Kind == WorkKind.NoMeasureHelp && r.TownId == Seeded.TownA);
        Assert.Equal(rows.OrderByDescending(r => r.WorstDays).Select(r => r.WorstDays), rows.Select(r => r.WorstDays));
        Assert.Null(await As<WorklistService>(StaffA).EscalationAsync());
        Assert.Null(await As<WorklistService>(new UserScope("dept", "人社", Roles.Department, null, "区人社局")).ForTownAsync(null));
    }

    [Fact]
    public async Task ADoorCardsQrCode_DecodesToTheHouseholdsCardAddress()
    {
        var cards = (await As<DoorCards>(StaffA).ForAsync(Seeded.Met, null, "http://relief.intranet/"))!;

        var card = Assert.Single(cards);
        Assert.Equal($"http://relief.intranet/households/{Seeded.Met}", card.Url);
        Assert.Equal(card.Url, Decode(card.QrSvg));
        Assert.Equal("12317", card.Hotline);

        // Another town's household: no card for this worker; a whole site prints every household of it.
        Assert.Null(await As<DoorCards>(StaffA).ForAsync(Seeded.OtherTown, null, "http://relief.intranet/"));
        var site = (await As<DoorCards>(Supervisor).ForAsync(null, Seeded.SiteA, "http://relief.intranet/"))!;
        await using var db = Database.CreateDbContext();
        Assert.Equal(await db.Households.CountAsync(h => h.SiteId == Seeded.SiteA), site.Count);
        Assert.All(site, c => Assert.Equal(c.Url, Decode(c.QrSvg)));
    }

    /// <summary>Rasterises the card's SVG (its dark modules) and reads it with ZXing, as a phone's scanner would.</summary>
    private static string Decode(string svg)
    {
        var box = Regex.Match(svg, "viewBox=\"0 0 ([0-9.]+) ([0-9.]+)\"");
        var size = (int)double.Parse(box.Groups[1].Value, CultureInfo.InvariantCulture);
        var scale = Math.Max(1, 400 / size);
        var width = size * scale + 40;
        var pixels = Enumerable.Repeat((byte)255, width * width).ToArray();
        // QRCoder draws the dark modules as one path of row runs: "M{x} {y}h{w}v1h-{w}z".
        var dark = Regex.Match(svg, "<path fill=\"#000000\" d=\"([^\"]*)\"").Groups[1].Value;
        foreach (Match run in Regex.Matches(dark, "M([0-9]+) ([0-9]+)h([0-9]+)v1h-[0-9]+z"))
        {
            var (x, y, w) = (int.Parse(run.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(run.Groups[2].Value, CultureInfo.InvariantCulture),
                int.Parse(run.Groups[3].Value, CultureInfo.InvariantCulture));
            for (var row = y * scale; row < (y + 1) * scale; row++)
            {
                for (var col = x * scale; col < (x + w) * scale; col++)
                {
                    pixels[(row + 20) * width + col + 20] = 0;
                }
            }
        }
        var source = new ZXing.RGBLuminanceSource(pixels, width, width, ZXing.RGBLuminanceSource.BitmapFormat.Gray8);
        var result = new ZXing.QrCode.QRCodeReader().decode(new ZXing.BinaryBitmap(new ZXing.Common.HybridBinarizer(source)));
        return result?.Text ?? throw new InvalidOperationException("The QR code did not decode: " + svg[..Math.Min(600, svg.Length)]);
    }

    private async Task<WorkItem?> ItemAsync(WorkKind kind, int householdId) =>
        (await As<WorklistService>(StaffA).ForTownAsync(null))!.Items.SingleOrDefault(i => i.Kind == kind && i.HouseholdId == householdId);

    private async Task<int> AddFindingAsync(int householdId, int townId)
    {
        await using var db = Database.Seed();
        var finding = new Finding
        {
            Key = $"test:{householdId}:{Guid.NewGuid():N}",
            Rule = VerificationPolicy.Rules.ContributionGap,
            Kind = FindingKind.Suspect,
            HouseholdId = householdId,
            TownId = townId,
            SubjectEntity = nameof(Employment),
            SubjectId = 1,
            Subject = "王建军 · 新动能电子科技有限公司",
            Detail = "近3个月社保缴费缺2个月",
            Facts = "2026-09,2026-10",
            FoundOn = Today,
            VisitDue = Today.AddDays(7),
            ConcludeDue = Today.AddDays(21),
            WasAttained = true,
        };
        db.Findings.Add(finding);
        await db.SaveChangesAsync();
        return finding.Id;
    }

    private async Task<int> AddFlagAsync(int townId, DateOnly? deadline = null)
    {
        await using var db = Database.Seed();
        var flag = new SupervisionFlag
        {
            TownId = townId,
            Reason = "无措施户未清零",
            RequiredAction = "限期清零",
            Deadline = deadline ?? Today.AddDays(10),
            RaisedBy = "督查 张",
            RaisedAt = DateTime.UtcNow,
        };
        db.Flags.Add(flag);
        await db.SaveChangesAsync();
        return flag.Id;
    }

    private async Task<(int Item, int Check)> AddSpotItemAsync(int householdId, int townId)
    {
        await using var db = Database.Seed();
        var check = new SpotCheck { TownId = townId, Seed = 1, SharePercent = 5, Population = 3, DrawnBy = "督查 张", DrawnAt = DateTime.UtcNow, DrawnOn = Today };
        check.Items.Add(new SpotCheckItem { HouseholdId = householdId, TownId = townId, Stratum = Channel.IndustrialParkJob });
        db.SpotChecks.Add(check);
        await db.SaveChangesAsync();
        return (check.Items[0].Id, check.Id);
    }
}
