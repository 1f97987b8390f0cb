using Bunit;
using ReliefDashboard.Domain;
using ReliefDashboard.Exports;
using ReliefDashboard.Figures;
using ReliefDashboard.TestSupport;
using ReliefDashboard.Writes;

namespace ReliefDashboard.Features.Households;

public class HouseholdCardPageTests : DashboardTestContext
{
    private IRenderedComponent<MudBlazor.MudDialogProvider>? dialogs;

    private IRenderedComponent<HouseholdCardPage> Open(int id)
    {
        Render<MudBlazor.MudPopoverProvider>();
        dialogs = Render<MudBlazor.MudDialogProvider>();
        return Render<HouseholdCardPage>(p => p.Add(x => x.Id, id));
    }

    [Fact]
    public void Shows_TheStatusWithItsExplanation_MembersMasked_AndMeasuresByChannel()
    {
        var cut = Open(Seeded.Met);
        cut.WaitForAssertion(() => Assert.Contains("王建军 户", cut.Markup));

        Assert.Contains("达标", cut.Find("[data-testid=status-explanation]").TextContent);
        Assert.Contains("签订 12 个月合同", cut.Find("[data-testid=status-explanation]").TextContent);
        var member = cut.Find("[data-testid=members] tr[data-member='王建军']");
        Assert.Matches(@"6106\*{10}\d{3}[\dX]", member.TextContent);
        var park = cut.Find("[data-channel='2']");
        Assert.Contains("2. 园区用工就业", park.TextContent);
        Assert.Equal("稳定", park.QuerySelector(".measure-row")!.GetAttribute("data-state"));
        Assert.Contains("138****5678", cut.Markup);
        Assert.DoesNotContain("13812345678", cut.Markup);
    }

    [Fact]
    public void UnknownHousehold_SaysSoInChinese()
    {
        var cut = Open(999);
        cut.WaitForAssertion(() => Assert.Contains("找不到编号为 999 的搬迁户", cut.Markup));
    }

    [Fact]
    public async Task ASaveElsewhere_RefreshesTheOpenCard_WithStatusAndHistory()
    {
        var cut = Open(Seeded.NoMeasure);
        cut.WaitForAssertion(() => Assert.Contains("无措施", cut.Find("[data-testid=status-explanation]").TextContent));

        await using var db = Database.Seed();
        var head = db.Members.Single(m => m.HouseholdId == Seeded.NoMeasure);
        var edit = Services.GetRequiredService<HouseholdEditService>();
        var saved = await edit.SaveEmploymentAsync(new EmploymentInput
        {
            HouseholdId = Seeded.NoMeasure,
            Version = 0,
            MemberId = head.Id,
            Channel = Channel.PublicWelfarePost,
            Employer = "镇人民政府",
            PostType = "保洁员",
            MonthlyPay = 1200,
            StartDate = SmallDistrict.Today.ToDateTime(TimeOnly.MinValue),
        });
        Assert.True(saved.Ok);

        cut.WaitForAssertion(() => Assert.Contains("公益性岗位在岗", cut.Find("[data-testid=status-explanation]").TextContent));
        Assert.Contains("保洁员", cut.Find("[data-channel='5']").TextContent);
        var history = cut.Find("[data-testid=history]").TextContent;
        Assert.Contains("无措施", history);
        Assert.Contains("青石镇 王干事", history);
    }

    [Fact]
    public async Task TheHistory_AfterAddingAJob_SaysInChineseWhatTheClerkTyped_AndOnceWhatTheSystemRecomputed()
    {
        await using (var db = Database.Seed())
        {
            // A row as the trail wrote them before it had one format: a recomputed counter and a member named by id.
            db.Audit.Add(new AuditEntry { At = new DateTime(2026, 1, 5), User = "旧系统", Source = "表单录入", HouseholdId = Seeded.NoMeasure, Entity = "Household", EntityId = Seeded.NoMeasure, Action = "修改", Field = "EmploymentMask", OldValue = "0", NewValue = "4" });
            await db.SaveChangesAsync();
        }
        var head = Database.Seed().Members.Single(m => m.HouseholdId == Seeded.NoMeasure);
        var saved = await Services.GetRequiredService<HouseholdEditService>().SaveEmploymentAsync(new EmploymentInput
        {
            HouseholdId = Seeded.NoMeasure,
            Version = 0,
            MemberId = head.Id,
            Channel = Channel.IndustrialParkJob,
            Employer = "东川建材有限公司",
            Park = "东川工业园",
            Location = WorkLocation.InsideDistrict,
            ContractMonths = 12,
            HasSocialInsurance = true,
            MonthlyPay = 3200,
            StartDate = SmallDistrict.Today.AddMonths(-7).ToDateTime(TimeOnly.MinValue),
        });
        Assert.True(saved.Ok, string.Join("；", saved.Errors));

        var cut = Open(Seeded.NoMeasure);
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=history] tbody tr")));
        var rows = cut.FindAll("[data-testid=history] tbody tr").Select(r => r.TextContent).ToList();
        // One line for the job the clerk added, with the member's name and the fields in Chinese; one recomputation.
        Assert.Equal(2, rows.Count);
        Assert.Contains(rows, r => r.Contains($"新增就业（{head.Name}）") && r.Contains("用工单位：东川建材有限公司") && r.Contains($"成员：{head.Name}")
            && r.Contains("合同期限（月）：12"));
        Assert.Single(rows, r => r.Contains("系统重算") && r.Contains("无措施") && r.Contains("达标"));
        // No identifier, counter or id shows through (the old counter row is left out).
        var history = cut.Find("[data-testid=history]").TextContent;
        Assert.DoesNotMatch("[A-Za-z]{2,}", history);
        Assert.DoesNotContain("EmploymentMask", history);
        Assert.DoesNotContain(head.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\u00a0", history);
    }

    [Fact]
    public void AnotherTownsHousehold_ShowsNoAccess_AndTheAttemptIsRecorded()
    {
        var cut = Open(Seeded.OtherTown);
        cut.WaitForAssertion(() => Assert.Contains("无权访问", cut.Find("[data-testid=no-access]").TextContent));
        Assert.DoesNotContain("高海龙", cut.Markup);
        using var db = Database.Seed();
        var log = Assert.Single(db.Activity.ToList());
        Assert.Equal(Domain.ActivityLog.Kinds.Denied, log.Kind);
        Assert.Contains("610623009000001", log.Target);
        Assert.Equal("青石镇 王干事", log.User);
    }

    [Fact]
    public void TheLeadingGroup_ReadsTheCard_WithoutEditButtonsOrReveal()
    {
        ActAs(new UserScope("lg", "领导 刘", Roles.LeadingGroup, null, null));
        var cut = Open(Seeded.OtherTown);
        cut.WaitForAssertion(() => Assert.Contains("高海龙 户", cut.Markup));
        Assert.Empty(cut.FindAll("[data-testid=edit-household]"));
        Assert.Empty(cut.FindAll("[data-testid=add-member]"));
        Assert.Empty(cut.FindAll("[data-testid=add-employment]"));
        Assert.Empty(cut.FindAll("[data-testid=reveal-phone]"));
        Assert.Contains("只读", cut.Markup);
    }

    [Fact]
    public void OwnTownStaff_CanRevealThePhone_AndTheRevealIsRecorded()
    {
        var cut = Open(Seeded.Met);
        cut.WaitForAssertion(() => Assert.Contains("138****5678", cut.Find("[data-testid=phone]").TextContent));
        cut.Find("[data-testid=reveal-phone]").Click();
        cut.WaitForAssertion(() => Assert.Contains("13812345678", cut.Find("[data-testid=phone]").TextContent));
        using var db = Database.Seed();
        Assert.Equal(Domain.ActivityLog.Kinds.Reveal, Assert.Single(db.Activity.ToList()).Kind);
    }

    [Fact]
    public async Task ATrainingRecord_IsListedUnderChannelFour_AsNotCountingTowardTheGoal()
    {
        await using (var db = Database.Seed())
        {
            var head = db.Members.Single(m => m.HouseholdId == Seeded.NoMeasure);
            db.Trainings.Add(new Training
            {
                HouseholdId = Seeded.NoMeasure,
                MemberId = head.Id,
                Channel = Channel.TrainingAndLabourExport,
                Course = "家政服务",
                Hours = 80,
                StartDate = SmallDistrict.Today.AddMonths(-3),
                EndDate = SmallDistrict.Today.AddMonths(-2),
            });
            await db.SaveChangesAsync();
        }
        var cut = Open(Seeded.NoMeasure);
        cut.WaitForAssertion(() => Assert.Contains("培训：家政服务", cut.Find("[data-channel='4']").TextContent));
        Assert.Equal("已结业", cut.Find("[data-channel='4'] .measure-row").GetAttribute("data-state"));
        Assert.Contains("培训本身不计入达标", cut.Find("[data-channel='4']").TextContent);
        Assert.Contains("无措施", cut.Find("[data-testid=status-explanation]").TextContent);
    }

    [Fact]
    public void ARefusedCard_RenderedTwice_IsOneRowInTheSecurityLog()
    {
        // A page is rendered twice on a visit (prerendered, then live): one attempt is one row.
        var first = Open(Seeded.OtherTown);
        first.WaitForAssertion(() => Assert.Contains("无权访问", first.Find("[data-testid=no-access]").TextContent));
        var again = Render<HouseholdCardPage>(p => p.Add(x => x.Id, Seeded.OtherTown));
        again.WaitForAssertion(() => Assert.Contains("无权访问", again.Find("[data-testid=no-access]").TextContent));
        using var db = Database.Seed();
        Assert.Single(db.Activity.ToList());
    }

    [Fact]
    public void EditingAMember_ShowsTheIdAndBirthDateMasked_AndOnlyARevealInTheDialogIsRecorded()
    {
        using (var db0 = Database.Seed())
        {
            Assert.Empty(db0.Activity.ToList());
        }
        var cut = Open(Seeded.Met);
        cut.WaitForAssertion(() => Assert.Contains("王建军 户", cut.Markup));
        string full;
        using (var db = Database.Seed())
        {
            full = db.Members.Single(m => m.HouseholdId == Seeded.Met).IdNumber;
        }
        var birth = cut.Find("[data-testid=members] tr[data-member='王建军'] [data-testid=member-birth]").TextContent;
        Assert.Equal($"{full[6..10]}年", birth.Trim());

        cut.FindAll("[data-testid=members] tr[data-member='王建军'] button").First(b => b.TextContent.Contains("编辑")).Click();
        var dialogs = this.dialogs!;
        dialogs.WaitForAssertion(() => Assert.Equal(IdNumber.Mask(full), dialogs.Find(".mud-dialog input[data-testid=member-id]").GetAttribute("value")));
        Assert.DoesNotContain(full, dialogs.Markup + cut.Markup);
        Assert.DoesNotContain($"{full[6..10]}-{full[10..12]}-{full[12..14]}", dialogs.Markup + cut.Markup);
        using (var db = Database.Seed())
        {
            Assert.Empty(db.Activity.ToList());
        }

        dialogs.Find("[data-testid=reveal-identity]").Click();
        dialogs.WaitForAssertion(() => Assert.Equal(full, dialogs.Find(".mud-dialog input[data-testid=member-id]").GetAttribute("value")));
        using var after = Database.Seed();
        var reveal = Assert.Single(after.Activity.ToList());
        Assert.Equal((ActivityLog.Kinds.Reveal, "编辑成员信息"), (reveal.Kind, reveal.Detail));
    }

    [Fact]
    public async Task TheStatusBanner_SaysTheStatusOnce_AlsoForAnExplanationStoredWithTheOldPrefix()
    {
        var cut = Open(Seeded.Met);
        cut.WaitForAssertion(() => Assert.StartsWith("达标：", cut.Find("[data-testid=status-explanation]").TextContent.Trim()));
        Assert.DoesNotContain("达标：达标", cut.Find("[data-testid=status-explanation]").TextContent);

        await using (var db = Database.Seed())
        {
            await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ExecuteUpdateAsync(db.Households.Where(h => h.Id == Seeded.Met),
                u => u.SetProperty(h => h.StatusExplanation, "达标：王建军在某公司就业。"));
        }
        var again = Render<HouseholdCardPage>(p => p.Add(x => x.Id, Seeded.Met));
        again.WaitForAssertion(() => Assert.Contains("王建军在某公司就业", again.Find("[data-testid=status-explanation]").TextContent));
        Assert.DoesNotContain("达标：达标", again.Find("[data-testid=status-explanation]").TextContent);
    }
}
