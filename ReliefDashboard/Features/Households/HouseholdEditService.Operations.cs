using Microsoft.EntityFrameworkCore;
using ReliefDashboard.Data;
using ReliefDashboard.Domain;
using ReliefDashboard.Exports;
using ReliefDashboard.Figures;
using ReliefDashboard.Writes;

namespace ReliefDashboard.Features.Households;

public sealed partial class HouseholdEditService
{
    public Task<SaveResult> SaveHouseholdAsync(HouseholdInput input, CancellationToken ct = default) =>
        EditAsync(input, async (db, h) =>
        {
            if (!await db.Sites.AnyAsync(s => s.Id == input.SiteId && s.TownId == h.TownId, ct))
            {
                return "所选安置点不属于本户所在镇街";
            }
            h.SiteId = input.SiteId;
            h.OriginVillage = input.OriginVillage.Trim();
            h.RelocationYear = input.RelocationYear;
            if (!input.KeepPhone)
            {
                h.Phone = string.IsNullOrWhiteSpace(input.Phone) ? null : input.Phone.Trim();
            }
            h.IsRegisteredPoor = input.IsRegisteredPoor;
            h.IsCoRelocated = input.IsCoRelocated;
            h.IsThreeNo = input.IsThreeNo;
            return null;
        }, ct);

    public Task<SaveResult> SaveMemberAsync(MemberInput input, CancellationToken ct = default) =>
        EditAsync(input, async (db, h) =>
        {
            var member = input.Id == 0 ? new Member { Name = "", IdNumber = "" } : h.Members.SingleOrDefault(m => m.Id == input.Id);
            if (member is null || member.EndedOn is not null)
            {
                return "该成员不存在或已注销";
            }
            if (input.KeepIdentity && input.Id == 0)
            {
                return "新增成员须填写完整的身份证号";
            }
            var id = input.KeepIdentity ? member.IdNumber : input.IdNumber.Trim();
            if (input.KeepIdentity && IdNumber.IsValid(id) && IdNumber.SexOf(id) != input.Sex)
            {
                return "性别与身份证号不一致";
            }
            var duplicate = await db.Members.AsNoTracking()
                .Where(m => m.IdNumber == id && m.Id != input.Id && m.EndedOn == null)
                .Join(db.Households, m => m.HouseholdId, o => o.Id, (m, o) => new { o.Code, o.TownId, m.Name })
                .FirstOrDefaultAsync(ct);
            if (duplicate is not null)
            {
                // Naming a household of another town would show town staff data they may not read.
                return duplicate.TownId == h.TownId
                    ? $"身份证号 {IdNumber.Mask(id)} 已登记在本镇街户 {duplicate.Code}（{duplicate.Name}），同一身份证号不能重复登记"
                    : $"身份证号 {IdNumber.Mask(id)} 已在其他镇街登记，同一身份证号不能重复登记；如确属本户，请联系区级管理员核实";
            }
            if (input.Relation == Relation.Head && h.Members.Any(m => m.Relation == Relation.Head && m.Id != input.Id && m.EndedOn is null))
            {
                return "本户已有户主，请先将原户主改为其他关系";
            }
            if (input.Id != 0 && member.Relation == Relation.Head && input.Relation != Relation.Head)
            {
                return "户主不能直接改为其他关系，请先将另一成员设为户主";
            }
            member.Name = input.Name.Trim();
            member.IdNumber = id;
            if (!input.KeepIdentity)
            {
                member.BirthDate = DateOnly.FromDateTime(input.BirthDate!.Value);
            }
            member.Sex = input.Sex!.Value;
            member.Relation = input.Relation;
            member.LabourCapacity = input.LabourCapacity;
            member.Education = input.Education;
            member.IsUnemployedGraduate = input.IsUnemployedGraduate;
            member.Disability = input.Disability;
            if (input.Id == 0)
            {
                h.Members.Add(member);
            }
            if (member.Relation == Relation.Head)
            {
                h.HeadName = member.Name;
            }
            return null;
        }, ct);

    /// <summary>A member who leaves the household also leaves the jobs recorded for them, on the same date.</summary>
    public Task<SaveResult> EndMemberAsync(EndInput input, CancellationToken ct = default) =>
        EditAsync(input, (db, h) =>
        {
            var member = h.Members.SingleOrDefault(m => m.Id == input.Id && m.EndedOn == null);
            var end = Date(input.EndDate)!.Value;
            string? problem = member switch
            {
                null => "该成员不存在或已注销",
                { Relation: Relation.Head } => "不能注销户主，请先将另一成员设为户主",
                _ when input.Reason is null => "请选择注销原因",
                _ when end < member.BirthDate => "注销日期不能早于出生日期",
                _ => null,
            };
            if (problem is not null)
            {
                return Task.FromResult<string?>(problem);
            }
            member!.EndedOn = end;
            member.EndReason = input.Reason;
            foreach (var job in h.Employments.Where(e => e.MemberId == member.Id && (e.EndDate is null || e.EndDate > end)))
            {
                job.EndDate = job.StartDate > end ? job.StartDate : end;
            }
            return Task.FromResult<string?>(null);
        }, ct);

    public Task<SaveResult> SaveEmploymentAsync(EmploymentInput input, CancellationToken ct = default) =>
        EditAsync(input, (db, h) =>
        {
            var job = input.Id == 0 ? new Employment { Employer = "" } : h.Employments.SingleOrDefault(e => e.Id == input.Id);
            if (job is null)
            {
                return Task.FromResult<string?>("该就业记录不存在");
            }
            if (h.Members.SingleOrDefault(m => m.Id == input.MemberId) is not { EndedOn: null } member)
            {
                return Task.FromResult<string?>("所选成员不属于本户或已注销");
            }
            job.MemberId = member.Id;
            job.Member = member;
            job.Channel = input.Channel;
            job.Employer = input.Employer.Trim();
            job.Park = Blank(input.Park);
            job.Location = input.Location;
            job.ContractMonths = input.ContractMonths;
            job.HasSocialInsurance = input.HasSocialInsurance;
            job.MonthlyPay = input.MonthlyPay;
            job.PostType = Blank(input.PostType);
            job.StartDate = Date(input.StartDate)!.Value;
            job.EndDate = Date(input.EndDate);
            if (input.Id == 0)
            {
                h.Employments.Add(job);
            }
            return Task.FromResult<string?>(null);
        }, ct);

    public Task<SaveResult> SaveIndustryAsync(IndustryInput input, CancellationToken ct = default) =>
        EditAsync(input, (db, h) =>
        {
            var industry = input.Id == 0 ? new Industry { Type = "" } : h.Industries.SingleOrDefault(i => i.Id == input.Id);
            if (industry is null)
            {
                return Task.FromResult<string?>("该产业记录不存在");
            }
            industry.Channel = input.Channel;
            industry.Type = input.Type.Trim();
            industry.Scale = input.Scale;
            industry.ScaleUnit = Blank(input.ScaleUnit);
            industry.Park = Blank(input.Park);
            industry.LicenceNumber = Blank(input.LicenceNumber);
            industry.PvStation = Blank(input.PvStation);
            industry.PvShareKw = input.PvShareKw;
            industry.Collective = Blank(input.Collective);
            industry.ShareForm = input.ShareForm;
            industry.AnnualIncome = input.AnnualIncome;
            industry.StartDate = Date(input.StartDate)!.Value;
            industry.EndDate = Date(input.EndDate);
            if (input.Id == 0)
            {
                h.Industries.Add(industry);
            }
            return Task.FromResult<string?>(null);
        }, ct);

    public Task<SaveResult> SaveCoverageAsync(CoverageInput input, CancellationToken ct = default) =>
        EditAsync(input, (db, h) =>
        {
            var coverage = input.Id == 0 ? new SafetyNetCoverage() : h.Coverages.SingleOrDefault(c => c.Id == input.Id);
            if (coverage is null)
            {
                return Task.FromResult<string?>("该兜底保障记录不存在");
            }
            if (input.MemberId is { } mid && h.Members.All(m => m.Id != mid))
            {
                return Task.FromResult<string?>("所选成员不属于本户");
            }
            coverage.Channel = Channel.SafetyNet;
            coverage.MemberId = input.MemberId;
            coverage.Kind = input.Kind;
            coverage.MonthlyAmount = input.MonthlyAmount;
            coverage.StartDate = Date(input.StartDate)!.Value;
            coverage.EndDate = Date(input.EndDate);
            if (input.Id == 0)
            {
                h.Coverages.Add(coverage);
            }
            return Task.FromResult<string?>(null);
        }, ct);

    public Task<SaveResult> SaveTrainingAsync(TrainingInput input, CancellationToken ct = default) =>
        EditAsync(input, (db, h) =>
        {
            var training = input.Id == 0 ? new Training { Course = "" } : h.Trainings.SingleOrDefault(t => t.Id == input.Id);
            if (training is null)
            {
                return Task.FromResult<string?>("该培训记录不存在");
            }
            if (h.Members.SingleOrDefault(m => m.Id == input.MemberId) is not { EndedOn: null })
            {
                return Task.FromResult<string?>("所选成员不属于本户或已注销");
            }
            training.Channel = Channel.TrainingAndLabourExport;
            training.MemberId = input.MemberId;
            training.Course = input.Course.Trim();
            training.Provider = Blank(input.Provider);
            training.Hours = input.Hours;
            training.Certificate = Blank(input.Certificate);
            training.StartDate = Date(input.StartDate)!.Value;
            training.EndDate = Date(input.EndDate);
            if (input.Id == 0)
            {
                h.Trainings.Add(training);
            }
            return Task.FromResult<string?>(null);
        }, ct);

    /// <summary>Ends an employment, industry or coverage record (<paramref name="kind"/>) on the given date.</summary>
    public Task<SaveResult> EndMeasureAsync(MeasureKind kind, EndInput input, CancellationToken ct = default) =>
        EditAsync(input, (db, h) => Task.FromResult(EndMeasure(h, kind, input.Id, Date(input.EndDate)!.Value)), ct);

    /// <summary>
    /// Ends one of the household's records on <paramref name="end"/>, or says why it cannot: the end form's rule, which
    /// a home visit that finds a member out of work follows too.
    /// </summary>
    public static string? EndMeasure(Household h, MeasureKind kind, int id, DateOnly end)
    {
        Measure? measure = kind switch
        {
            MeasureKind.Employment => h.Employments.SingleOrDefault(e => e.Id == id),
            MeasureKind.Industry => h.Industries.SingleOrDefault(i => i.Id == id),
            MeasureKind.Training => h.Trainings.SingleOrDefault(t => t.Id == id),
            _ => h.Coverages.SingleOrDefault(c => c.Id == id),
        };
        string? problem = measure switch
        {
            null => "该记录不存在",
            _ when end < measure.StartDate => "结束日期不能早于开始日期",
            _ => null,
        };
        if (problem is null)
        {
            measure!.EndDate = end;
        }
        return problem;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

public enum MeasureKind
{
    Employment,
    Industry,
    Coverage,
    Training,
}
