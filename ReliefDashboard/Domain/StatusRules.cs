namespace ReliefDashboard.Domain;

/// <summary>Why a household has its status: the rule, the record it rests on, the date that decided it.</summary>
public sealed record StatusResult(
    HouseholdStatus Status,
    string Rule,
    string Explanation,
    string? RecordKind,
    int? RecordId,
    DateOnly? KeyDate,
    bool HasLabour,
    bool Verified = false);

/// <summary>
/// DOMAIN.md §4: Met / At risk / In progress / No measure / Safety net, from a household's records on an
/// assessment date. Pure: the same records, policy and date always give the same answer.
/// </summary>
public static class StatusRules
{
    public static StatusResult Evaluate(Household household, DateOnly asOf, StatusPolicy policy)
    {
        var members = household.Members.Where(m => m.IsActiveOn(asOf)).ToList();
        var hasLabour = members.Any(m => m.LabourCapacity == LabourCapacity.Full
            || (policy.WeakLabourCountsAsLabour && m.LabourCapacity == LabourCapacity.Weak));

        var qualifying = new List<(Measure Measure, string Kind, string Reason)>();
        foreach (var e in household.Employments.Where(e => Counts(e, policy)))
        {
            if (StableEmploymentReason(e, asOf, policy) is { } why)
            {
                qualifying.Add((e, "就业", why));
            }
        }
        foreach (var i in household.Industries.Where(i => Counts(i, policy)))
        {
            if (StableIndustryReason(i, asOf, policy) is { } why)
            {
                qualifying.Add((i, "产业", why));
            }
        }

        if (qualifying.Count > 0)
        {
            return MetOrAtRisk(household, qualifying, asOf, policy, hasLabour);
        }

        var open = household.Employments.Cast<Measure>().Concat(household.Industries)
            .Where(m => m.EndDate is null || m.EndDate.Value >= asOf)
            .OrderBy(m => m.StartDate)
            .ToList();
        var coverage = household.Coverages.Where(c => c.IsActiveOn(asOf)).ToList();

        if (!hasLabour && coverage.Count > 0)
        {
            var c = coverage[0];
            return new StatusResult(HouseholdStatus.SafetyNet, "safety-net",
                $"家庭无劳动能力成员，享有兜底保障（{Labels.Of(c.Kind)}，自 {c.StartDate:yyyy-MM-dd} 起），单列统计。",
                "兜底", c.Id, c.StartDate, hasLabour);
        }

        if (open.Count > 0)
        {
            var m = open[0];
            var kind = m is Employment ? "就业" : "产业";
            var what = m switch
            {
                Employment e => $"{e.Member?.Name}在{e.Employer}就业（{Labels.Of(e.Channel)}）",
                Industry i => $"{Labels.Of(i.Channel)}（{i.Type}）",
                _ => Labels.Of(m.Channel),
            };
            var detail = m.StartDate > asOf
                ? $"{what}将于 {m.StartDate:yyyy-MM-dd} 开始"
                : $"{what}自 {m.StartDate:yyyy-MM-dd} 开始，尚未满足稳定标准";
            return new StatusResult(HouseholdStatus.InProgress, "in-progress",
                $"已有 {open.Count} 项帮扶措施但均未达稳定标准：{detail}。", kind, m.Id, m.StartDate, hasLabour);
        }

        var lastEnded = household.Employments.Cast<Measure>().Concat(household.Industries)
            .Where(m => m.EndDate is not null)
            .MaxBy(m => m.EndDate);
        var tail = lastEnded is null ? "没有任何产业或就业记录" : $"最近一项措施已于 {lastEnded.EndDate:yyyy-MM-dd} 结束";
        var labourNote = hasLabour ? "" : "（家庭无劳动能力成员且无兜底保障记录）";
        return new StatusResult(HouseholdStatus.NoMeasure, "no-measure",
            $"无产业、无就业：{tail}{labourNote}，须尽快落实帮扶措施。",
            lastEnded is null ? null : lastEnded is Employment ? "就业" : "产业", lastEnded?.Id, lastEnded?.EndDate, hasLabour);
    }

    /// <summary>A measure in a counting channel that no check has found false.</summary>
    public static bool Counts(Measure m, StatusPolicy policy) =>
        policy.CountingChannels.Contains(m.Channel) && m.Verification != MeasureVerification.Disproved;

    private static bool IsConfirmed(Measure m) => m.Verification is MeasureVerification.DepartmentConfirmed or MeasureVerification.VisitConfirmed;

    private static StatusResult MetOrAtRisk(Household household, List<(Measure Measure, string Kind, string Reason)> qualifying,
        DateOnly asOf, StatusPolicy policy, bool hasLabour)
    {
        var horizon = asOf.AddDays(policy.AtRiskEndingWithinDays);
        var lasting = qualifying.Where(q => q.Measure.EndDate is null || q.Measure.EndDate.Value > horizon).ToList();
        if (lasting.Count == 0)
        {
            var latest = qualifying.MaxBy(q => q.Measure.EndDate)!;
            return new StatusResult(HouseholdStatus.AtRisk, "at-risk-ending",
                $"达标措施将全部在 {policy.AtRiskEndingWithinDays} 天内到期：{latest.Reason}，{latest.Measure.EndDate:yyyy-MM-dd} 到期。",
                latest.Kind, latest.Measure.Id, latest.Measure.EndDate, hasLabour, qualifying.Any(q => IsConfirmed(q.Measure)));
        }

        var best = lasting[0];
        var verified = household.LastVerifiedOn;
        if (verified is null || asOf.DayNumber - verified.Value.DayNumber > policy.VerificationMaxAgeDays)
        {
            var when = verified is null ? "从未走访核实" : $"最近走访核实于 {verified:yyyy-MM-dd}";
            return new StatusResult(HouseholdStatus.AtRisk, "at-risk-unverified",
                $"已达标（{best.Reason}），但{when}，超过 {policy.VerificationMaxAgeDays} 天未核实。",
                best.Kind, best.Measure.Id, verified, hasLabour, qualifying.Any(q => IsConfirmed(q.Measure)));
        }

        return new StatusResult(HouseholdStatus.Met, "met",
            $"{best.Reason}。", best.Kind, best.Measure.Id, best.Measure.StartDate, hasLabour, qualifying.Any(q => IsConfirmed(q.Measure)));
    }

    /// <summary>Why an employment is stable on the date, or null when it is not.</summary>
    public static string? StableEmploymentReason(Employment e, DateOnly asOf, StatusPolicy policy)
    {
        if (!e.IsActiveOn(asOf))
        {
            return null;
        }
        var who = e.Member?.Name is { } n ? $"{n}在{e.Employer}" : e.Employer;
        if (e.Channel == Channel.PublicWelfarePost && policy.PublicWelfarePostStableWhileActive)
        {
            return $"{who}公益性岗位在岗（自 {e.StartDate:yyyy-MM-dd}）";
        }
        if (e.ContractMonths is { } months && months >= policy.StableEmploymentContractMonths)
        {
            return $"{who}就业，签订 {months} 个月合同（自 {e.StartDate:yyyy-MM-dd}）";
        }
        if (e.StartDate.AddMonths(policy.StableEmploymentContinuousMonths) <= asOf)
        {
            return $"{who}连续就业满 {policy.StableEmploymentContinuousMonths} 个月（自 {e.StartDate:yyyy-MM-dd}）";
        }
        return null;
    }

    /// <summary>Why an industry is stable on the date, or null when it is not.</summary>
    public static string? StableIndustryReason(Industry i, DateOnly asOf, StatusPolicy policy)
    {
        if (!i.IsActiveOn(asOf))
        {
            return null;
        }
        if (i.Channel is Channel.Photovoltaic or Channel.AssetIncome && policy.ShareIncomeStableWhileActiveAndPaying)
        {
            return i.AnnualIncome > 0
                ? $"{Labels.Of(i.Channel)}（{i.Type}）有效且年收益 {Fen.Show(i.AnnualIncome)}"
                : null;
        }
        if (i.StartDate.AddMonths(policy.StableIndustryMonths) <= asOf)
        {
            return $"{Labels.Of(i.Channel)}（{i.Type}）持续经营满 {policy.StableIndustryMonths} 个月（自 {i.StartDate:yyyy-MM-dd}）";
        }
        return null;
    }
}
