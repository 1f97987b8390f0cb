using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ReliefDashboard.Domain;
using ReliefDashboard.Exports;
using ReliefDashboard.Figures;
using ReliefDashboard.Jobs;
using ReliefDashboard.TestSupport;
using ReliefDashboard.Writes;

namespace ReliefDashboard.Features.Households;

public sealed class HouseholdEditServiceTests : ServiceTestBase
{
    private static readonly DateOnly Today = SmallDistrict.Today;

    private HouseholdEditService Service(string user = "青石镇 王干事") => As<HouseholdEditService>(Seeded.StaffA with { Name = user });

    private async Task<(int Version, int HeadId)> CurrentAsync(int householdId)
    {
        await using var db = Database.CreateDbContext();
        var h = await db.Households.Include(x => x.Members).SingleAsync(x => x.Id == householdId);
        return (h.Version, h.Members.Single(m => m.Relation == Relation.Head).Id);
    }

    private async Task<EmploymentInput> StableJobAsync(int householdId)
    {
        var (version, head) = await CurrentAsync(householdId);
        return new EmploymentInput
        {
            HouseholdId = householdId,
            Version = version,
            MemberId = head,
            Channel = Channel.IndustrialParkJob,
            Employer = "东川建材有限公司",
            Park = "东川工业园区",
            ContractMonths = 12,
            MonthlyPay = 3200,
            HasSocialInsurance = true,
            StartDate = Today.AddDays(-3).ToDateTime(TimeOnly.MinValue),
        };
    }

    private async Task<(int Employments, int Members, int Audit)> CountsAsync()
    {
        await using var db = Database.CreateDbContext();
        return (await db.Employments.CountAsync(), await db.Members.CountAsync(), await db.Audit.CountAsync());
    }

    [Fact]
    public async Task StableEmployment_MakesNoMeasureHouseholdMet_AndIsAudited()
    {
        var result = await Service().SaveEmploymentAsync(await StableJobAsync(Seeded.NoMeasure));

        Assert.Equal(SaveOutcome.Saved, result.Outcome);
        Assert.Equal(HouseholdStatus.Met, result.Status);
        await using var db = Database.CreateDbContext();
        var h = await db.Households.SingleAsync(x => x.Id == Seeded.NoMeasure);
        Assert.Equal(HouseholdStatus.Met, h.Status);
        Assert.Equal(1, h.Version);
        var audit = await db.Audit.Where(a => a.HouseholdId == Seeded.NoMeasure).ToListAsync();
        Assert.All(audit, a => Assert.Equal("青石镇 王干事", a.User));
        Assert.All(audit, a => Assert.Equal(HouseholdEditService.FormSource, a.Source));
        // One row for the new job, listing what the clerk typed; one for what the system recomputed.
        Assert.Contains(audit, a => a is { Entity: "Employment", Action: "新增", Field: AuditLabels.WholeRecord } && a.NewValue!.Contains("用工单位：东川建材有限公司"));
        Assert.Contains(audit, a => a is { Entity: "Household", Action: "系统重算", Field: AuditLabels.Recomputed, OldValue: "无措施", NewValue: "达标" });
        Assert.Equal(2, audit.Count);
    }

    [Theory]
    [InlineData("end-before-start", "结束日期不能早于开始日期")]
    [InlineData("negative-pay", "月工资不能为负数")]
    [InlineData("contract-zero", "合同期限应在1至120个月之间")]
    [InlineData("contract-too-long", "合同期限应在1至120个月之间")]
    [InlineData("no-employer", "用工单位不能为空")]
    public async Task InvalidEmployment_IsRefusedInChinese_AndWritesNothing(string problem, string message)
    {
        var input = await StableJobAsync(Seeded.NoMeasure);
        switch (problem)
        {
            case "end-before-start": input.EndDate = input.StartDate!.Value.AddDays(-1); break;
            case "negative-pay": input.MonthlyPay = -1; break;
            case "contract-zero": input.ContractMonths = 0; break;
            case "contract-too-long": input.ContractMonths = 121; break;
            default: input.Employer = " "; break;
        }
        var before = await CountsAsync();

        var result = await Service().SaveEmploymentAsync(input);

        Assert.Equal(SaveOutcome.Invalid, result.Outcome);
        Assert.Contains(message, result.Errors);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task AFailingWrite_IsReportedInChinese_AndLeavesNothingHalfWritten()
    {
        await using (var db = Database.CreateDbContext())
        {
            await db.Database.ExecuteSqlRawAsync("CREATE TRIGGER refuse_audit BEFORE INSERT ON Audit BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END;");
        }
        var before = await CountsAsync();

        var result = await Service().SaveEmploymentAsync(await StableJobAsync(Seeded.NoMeasure));

        Assert.Equal(SaveOutcome.Invalid, result.Outcome);
        Assert.Contains("本次修改未保存", Assert.Single(result.Errors));
        Assert.Equal(before, await CountsAsync());
        var (version, _) = await CurrentAsync(Seeded.NoMeasure);
        Assert.Equal(0, version);
    }

    [Fact]
    public async Task InvalidIdNumber_IsRefused_AndNoMemberIsWritten()
    {
        var (version, _) = await CurrentAsync(Seeded.Met);
        var before = await CountsAsync();
        var result = await Service().SaveMemberAsync(new MemberInput
        {
            HouseholdId = Seeded.Met,
            Version = version,
            Name = "王小军",
            IdNumber = "610623200001010011",
            BirthDate = new DateTime(2000, 1, 1),
            Sex = Sex.Male,
        });
        Assert.Equal(SaveOutcome.Invalid, result.Outcome);
        Assert.Contains("身份证号校验码不正确", result.Errors);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task AMemberSavedWithItsIdentityKeptMasked_KeepsTheStoredIdAndBirthDate()
    {
        var (version, _) = await CurrentAsync(Seeded.Met);
        Member head;
        await using (var db = Database.CreateDbContext())
        {
            head = await db.Members.AsNoTracking().SingleAsync(m => m.HouseholdId == Seeded.Met);
        }
        var result = await Service().SaveMemberAsync(new MemberInput
        {
            HouseholdId = Seeded.Met,
            Version = version,
            Id = head.Id,
            Name = head.Name,
            IdNumber = IdNumber.Mask(head.IdNumber),
            BirthDate = null,
            Sex = head.Sex,
            Relation = head.Relation,
            LabourCapacity = head.LabourCapacity,
            Education = Education.SeniorHigh,
            KeepIdentity = true,
        });
        Assert.True(result.Ok, string.Join("；", result.Errors));
        await using var check = Database.CreateDbContext();
        var saved = await check.Members.AsNoTracking().SingleAsync(m => m.Id == head.Id);
        Assert.Equal((head.IdNumber, head.BirthDate, Education.SeniorHigh), (saved.IdNumber, saved.BirthDate, saved.Education));
    }

    [Fact]
    public async Task AMaskedIdNumber_TypedOrImported_IsRefusedInChinese()
    {
        var (version, _) = await CurrentAsync(Seeded.Met);
        var result = await Service().SaveMemberAsync(new MemberInput
        {
            HouseholdId = Seeded.Met,
            Version = version,
            Name = "王小军",
            IdNumber = "6106**********0011",
            BirthDate = new DateTime(2000, 1, 1),
            Sex = Sex.Male,
        });
        Assert.Contains("身份证号是隐藏后的号码（含*），不能据此登记，请填写完整的18位身份证号", result.Errors);
        var newMember = await Service().SaveMemberAsync(new MemberInput { HouseholdId = Seeded.Met, Version = version, Name = "王小军", KeepIdentity = true, Sex = Sex.Male });
        Assert.Contains("新增成员须填写完整的身份证号", newMember.Errors);
    }

    [Fact]
    public async Task IdNumber_DisagreeingWithBirthDateAndSex_IsRefused()
    {
        var (version, _) = await CurrentAsync(Seeded.Met);
        var id = Ids.Make(new DateOnly(2000, 1, 1), Sex.Male, 77);
        var result = await Service().SaveMemberAsync(new MemberInput
        {
            HouseholdId = Seeded.Met,
            Version = version,
            Name = "王小军",
            IdNumber = id,
            BirthDate = new DateTime(2000, 1, 2),
            Sex = Sex.Female,
        });
        Assert.Contains("出生日期与身份证号不一致", result.Errors);
        Assert.Contains("性别与身份证号不一致", result.Errors);
    }

    [Fact]
    public async Task IdNumberRegisteredInAnotherTownsHousehold_IsRefused_WithoutNamingThatHousehold()
    {
        await using var db = Database.CreateDbContext();
        var taken = await db.Members.Where(m => m.HouseholdId == Seeded.OtherTown).Select(m => m.IdNumber).SingleAsync();
        var (version, _) = await CurrentAsync(Seeded.Met);
        var result = await Service().SaveMemberAsync(new MemberInput
        {
            HouseholdId = Seeded.Met,
            Version = version,
            Name = "高海龙",
            IdNumber = taken,
            BirthDate = IdNumber.BirthDate(taken)!.Value.ToDateTime(TimeOnly.MinValue),
            Sex = IdNumber.SexOf(taken),
        });
        Assert.Equal(SaveOutcome.Invalid, result.Outcome);
        var error = Assert.Single(result.Errors);
        Assert.Contains("已在其他镇街登记", error);
        Assert.DoesNotContain("610623009000001", error);
        Assert.DoesNotContain("高海龙", error);
    }

    [Fact]
    public async Task IdNumberRegisteredInTheSameTown_IsRefused_NamingTheHousehold()
    {
        await using var db = Database.CreateDbContext();
        var taken = await db.Members.Where(m => m.HouseholdId == Seeded.NoMeasure).Select(m => m.IdNumber).SingleAsync();
        var (version, _) = await CurrentAsync(Seeded.Met);
        var result = await Service().SaveMemberAsync(new MemberInput
        {
            HouseholdId = Seeded.Met,
            Version = version,
            Name = "李志强",
            IdNumber = taken,
            BirthDate = IdNumber.BirthDate(taken)!.Value.ToDateTime(TimeOnly.MinValue),
            Sex = IdNumber.SexOf(taken),
        });
        Assert.Contains("已登记在本镇街户 610623001000002（李志强）", Assert.Single(result.Errors));
    }

    [Fact]
    public async Task SecondSaveOnTheSameVersion_IsAConflict_AndTheFirstSaveStands()
    {
        var first = await StableJobAsync(Seeded.NoMeasure);
        var second = await StableJobAsync(Seeded.NoMeasure);
        second.Employer = "宏远服饰有限公司";
        second.MonthlyPay = 2800;

        Assert.True((await Service("王干事").SaveEmploymentAsync(first)).Ok);
        var conflict = await Service("李干事").SaveEmploymentAsync(second);

        Assert.Equal(SaveOutcome.Conflict, conflict.Outcome);
        Assert.Contains("已被他人修改", conflict.Errors[0]);
        Assert.Equal(1, conflict.Version);
        Assert.Contains(conflict.OtherChanges!, c => c.StartsWith("王干事") && c.Contains("东川建材有限公司"));
        await using var db = Database.CreateDbContext();
        var employer = await db.Employments.Where(e => e.HouseholdId == Seeded.NoMeasure).Select(e => e.Employer).SingleAsync();
        Assert.Equal("东川建材有限公司", employer);
        Assert.DoesNotContain(await db.Audit.Select(a => a.User).ToListAsync(), u => u == "李干事");

        // After reading the conflict, saving again on the version it reported is a deliberate second save.
        second.Version = conflict.Version;
        Assert.True((await Service("李干事").SaveEmploymentAsync(second)).Ok);
    }

    [Fact]
    public async Task EndingAMember_EndsTheirOpenJobsOnTheSameDate()
    {
        var (version, head) = await CurrentAsync(Seeded.Met);
        var add = await Service().SaveMemberAsync(new MemberInput
        {
            HouseholdId = Seeded.Met,
            Version = version,
            Name = "王小军",
            IdNumber = Ids.Make(new DateOnly(1999, 5, 1), Sex.Male, 50),
            BirthDate = new DateTime(1999, 5, 1),
            Sex = Sex.Male,
            Relation = Relation.Child,
        });
        Assert.True(add.Ok, string.Join(";", add.Errors));
        await using var db = Database.CreateDbContext();
        var son = await db.Members.SingleAsync(m => m.Name == "王小军");
        var job = await StableJobAsync(Seeded.Met);
        job.MemberId = son.Id;
        var saved = await Service().SaveEmploymentAsync(job);
        Assert.True(saved.Ok, string.Join(";", saved.Errors));

        var end = await Service().EndMemberAsync(new EndInput
        {
            HouseholdId = Seeded.Met,
            Version = saved.Version,
            Id = son.Id,
            EndDate = Today.ToDateTime(TimeOnly.MinValue),
            Reason = MemberEndReason.MovedOut,
        });

        Assert.True(end.Ok);
        await using var check = Database.CreateDbContext();
        Assert.Equal(Today, await check.Employments.Where(e => e.MemberId == son.Id).Select(e => e.EndDate).SingleAsync());
        // A member is gone from the day he leaves; the stored count follows the same rule as the status.
        Assert.Equal(1, await check.Households.Where(h => h.Id == Seeded.Met).Select(h => h.MemberCount).SingleAsync());
        Assert.NotEqual(head, son.Id);
    }

    [Fact]
    public async Task ATrainingRecord_IsSavedAndAudited_ButDoesNotMakeAHouseholdMet()
    {
        var (version, head) = await CurrentAsync(Seeded.NoMeasure);
        var result = await Service().SaveTrainingAsync(new TrainingInput
        {
            HouseholdId = Seeded.NoMeasure,
            Version = version,
            MemberId = head,
            Course = "电工",
            Provider = "区职业技术教育中心",
            Hours = 120,
            StartDate = Today.AddMonths(-8).ToDateTime(TimeOnly.MinValue),
            EndDate = Today.AddMonths(-7).ToDateTime(TimeOnly.MinValue),
        });

        Assert.True(result.Ok, string.Join(";", result.Errors));
        Assert.Equal(HouseholdStatus.NoMeasure, result.Status);
        await using var db = Database.CreateDbContext();
        Assert.Equal("电工", (await db.Trainings.SingleAsync(t => t.HouseholdId == Seeded.NoMeasure)).Course);
        Assert.Contains(await db.Audit.Where(a => a.HouseholdId == Seeded.NoMeasure).ToListAsync(), a => a is { Entity: "Training", Field: AuditLabels.WholeRecord } && a.NewValue!.Contains("培训项目：电工"));
    }

    [Fact]
    public async Task TheHead_CannotBeEnded()
    {
        var (version, head) = await CurrentAsync(Seeded.Met);
        var result = await Service().EndMemberAsync(new EndInput
        {
            HouseholdId = Seeded.Met,
            Version = version,
            Id = head,
            EndDate = Today.ToDateTime(TimeOnly.MinValue),
            Reason = MemberEndReason.Deceased,
        });
        Assert.Contains("不能注销户主，请先将另一成员设为户主", result.Errors);
    }

    [Fact]
    public async Task ASiteOfAnotherTown_IsRefused()
    {
        var (version, _) = await CurrentAsync(Seeded.Met);
        var result = await Service().SaveHouseholdAsync(new HouseholdInput
        {
            HouseholdId = Seeded.Met,
            Version = version,
            SiteId = Seeded.SiteB,
            OriginVillage = "李家沟村",
            RelocationYear = 2018,
        });
        Assert.Contains("所选安置点不属于本户所在镇街", result.Errors);
    }

    [Fact]
    public async Task EndingTheOnlyMeasure_TurnsTheHouseholdToNoMeasure()
    {
        await using var db = Database.CreateDbContext();
        var job = await db.Employments.SingleAsync(e => e.HouseholdId == Seeded.Met);
        var (version, _) = await CurrentAsync(Seeded.Met);
        var result = await Service().EndMeasureAsync(MeasureKind.Employment, new EndInput
        {
            HouseholdId = Seeded.Met,
            Version = version,
            Id = job.Id,
            EndDate = Today.AddDays(-1).ToDateTime(TimeOnly.MinValue),
        });
        Assert.Equal(HouseholdStatus.NoMeasure, result.Status);
        var registry = As<HouseholdRegistryService>();
        var parkJobs = await registry.SearchAsync(new RegistryQuery { Channel = Channel.IndustrialParkJob });
        Assert.DoesNotContain(parkJobs.Rows, r => r.Id == Seeded.Met);
    }

    [Fact]
    public async Task DailyRefresh_RecomputesWhenTimeAloneChangesTheStatus()
    {
        var job = await StableJobAsync(Seeded.NoMeasure);
        job.ContractMonths = null;
        Assert.Equal(HouseholdStatus.InProgress, (await Service().SaveEmploymentAsync(job)).Status);

        var refresh = Services.GetRequiredService<StatusRefreshService>();
        var sixMonthsOn = Today.AddMonths(6).AddDays(-3);
        var changed = await refresh.RefreshAsync(sixMonthsOn, CancellationToken.None);

        await using var db = Database.CreateDbContext();
        var h = await db.Households.SingleAsync(x => x.Id == Seeded.NoMeasure);
        Assert.Equal(HouseholdStatus.AtRisk, h.Status);
        Assert.Equal("at-risk-unverified", h.StatusRule);
        Assert.Equal(sixMonthsOn, h.StatusComputedOn);
        Assert.True(changed >= 1);
        Assert.Contains(await db.Audit.Where(a => a.HouseholdId == Seeded.NoMeasure && a.Field == AuditLabels.Recomputed).ToListAsync(),
            a => a.Source == HouseholdStatusUpdater.RuleSource && a.NewValue == "预警");
        Assert.Equal(1, h.Version);
    }
}
