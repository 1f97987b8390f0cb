using System.Globalization;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using ReliefDashboard.Data;
using ReliefDashboard.Domain;
using ReliefDashboard.Exports;
using ReliefDashboard.Features.Accounts;
using ReliefDashboard.Features.Admin;
using ReliefDashboard.Features.Households;
using ReliefDashboard.Figures;
using ReliefDashboard.Jobs;
using ReliefDashboard.Realtime;
using ReliefDashboard.Writes;

namespace ReliefDashboard.Features.Policy;

/// <summary>
/// The stored policy settings. An administrator's change is checked against the kind of value the setting
/// holds, kept in its history, and followed by a recomputation of every household's status.
/// </summary>
public sealed class PolicyService(
    IDbContextFactory<ReliefDbContext> dbFactory,
    CurrentUser current,
    StatusRefreshService refresh,
    DistrictWrite writes,
    TimeProvider clock,
    NamePolicy names)
{
    public async Task<IReadOnlyList<PolicySetting>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var settings = await db.PolicySettings.AsNoTracking().ToListAsync(ct);
        var order = PolicyDefaults.All.Select(d => d.Key).ToList();
        return settings.OrderBy(p => order.IndexOf(p.Key) is var i and >= 0 ? i : int.MaxValue).ThenBy(p => p.Key).ToList();
    }

    public async Task<IReadOnlyList<PolicySettingChange>> HistoryAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.PolicyChanges.AsNoTracking().OrderByDescending(c => c.Id).Take(200).ToListAsync(ct);
    }

    public const string ReasonRequired = "请填写修改依据（如会议纪要、文件号）：修改历史要说明为什么改";

    /// <summary>What a value of the setting must be, shown under its field: the same words a wrong value is refused with.</summary>
    public static string Help(string key) => key switch
    {
        StatusPolicy.Keys.CountingChannels => "渠道编号1至7，用逗号分隔，如 1,2,3,4,5,6,7",
        _ when AssessmentPolicy.IsPercentKey(key) => "0至100的百分数，如 95 或 92.5",
        SupervisionPolicy.Keys.EvidenceTypes => $"文件类型用逗号分隔，可选：{string.Join(",", SupervisionPolicy.KnownTypes)}",
        NamePolicy.Keys.Exceptions => "完整姓名，逗号分隔，如：Anna Müller,玛丽亚；留空表示没有例外",
        _ => Problem(key, "\u0001") is { } rule ? rule.Replace("应为", "", StringComparison.Ordinal) : "",
    };

    /// <summary>Null when the value fits the setting, otherwise why not, in Chinese.</summary>
    public static string? Problem(string key, string value)
    {
        var text = value.Trim();
        switch (key)
        {
            case StatusPolicy.Keys.ContractMonths or StatusPolicy.Keys.ContinuousMonths or StatusPolicy.Keys.IndustryMonths:
                return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var months) && months is >= 1 and <= 60
                    ? null : "月数应为1至60之间的整数";
            case StatusPolicy.Keys.EndingWithinDays or StatusPolicy.Keys.VerificationDays:
                return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var days) && days is >= 1 and <= 730
                    ? null : "天数应为1至730之间的整数";
            case StatusPolicy.Keys.CountingChannels:
                var parts = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
                return parts.Length > 0 && parts.All(p => int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out var c) && c is >= 1 and <= 7)
                    && parts.Distinct().Count() == parts.Length
                    ? null : "应为1至7之间的渠道编号，用逗号分隔，至少一个（第8类兜底保障不能计入达标）";
            case var percent when AssessmentPolicy.IsPercentKey(percent):
                return Percent(text);
            case SupervisionPolicy.Keys.HelpWithinDays or SupervisionPolicy.Keys.ClearWithinDays or SupervisionPolicy.Keys.DefaultDeadlineDays:
                return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var d) && d is >= 1 and <= 60
                    ? null : "天数应为1至60之间的整数";
            case SupervisionPolicy.Keys.EvidenceMegabytes:
                return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var mb) && mb is >= 1 and <= 50
                    ? null : "应为1至50之间的整数（MB）";
            case SupervisionPolicy.Keys.EvidenceTypes:
                var types = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
                return types.Length > 0 && types.All(t => SupervisionPolicy.KnownTypes.Contains(t)) && types.Distinct().Count() == types.Length
                    ? null : $"应为以下类型中的一个或多个，用逗号分隔：{string.Join(",", SupervisionPolicy.KnownTypes)}";
            case ScorecardPolicy.Keys.AccountRedIndicators:
                return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var reds) && reds >= 0 && reds <= ScorecardPolicy.Indicators.Count
                    ? null : $"应为0至{ScorecardPolicy.Indicators.Count}之间的整数";
            case ScorecardPolicy.Keys.TotalGreenFrom or ScorecardPolicy.Keys.TotalAmberFrom or ScorecardPolicy.Keys.CommendMinTotal:
                return decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var points) && points is >= 0 and <= 100
                    && decimal.Round(points, 1) == points
                    ? null : "应为0至100之间的分数，最多一位小数";
            case var field when field.EndsWith("." + ScorecardPolicy.Fields.Weight, StringComparison.Ordinal):
                return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var weight) && weight is >= 0 and <= 100
                    ? null : "权重应为0至100之间的整数";
            case var field when field.EndsWith("." + ScorecardPolicy.Fields.PointsPerUnit, StringComparison.Ordinal):
                return decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var per) && per is >= 0 and <= 100
                    && decimal.Round(per, 1) == per
                    ? null : "扣分应为0至100之间的数，最多一位小数";
            case var field when ScorecardPolicy.IsScorecardKey(field) && IsThreshold(field):
                return field.StartsWith(ScorecardPolicy.Prefix + ScorecardPolicy.Slug(IndicatorKind.NoMeasure) + ".", StringComparison.Ordinal)
                    ? int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count is >= 0 and <= 100_000
                        ? null : "户数应为0至100000之间的整数"
                    : Percent(text);
            case NamePolicy.Keys.Exceptions:
                return NamePolicy.Parse(text).FirstOrDefault(n => n.Length > 40) is { } tooLong ? $"姓名“{tooLong}”超过40个字" : null;
            case var benefit when BenefitPolicy.IsBenefitKey(benefit):
                return BenefitPolicy.ValueProblem(benefit, text);
            case var verify when VerificationPolicy.IsVerificationKey(verify):
                return VerificationPolicy.ValueProblem(verify, text);
            case var field when FieldPolicy.IsFieldKey(field):
                return FieldPolicy.ValueProblem(field, text);
            default:
                return text is "true" or "false" ? null : "应为“是”或“否”";
        }
    }

    private static string? Percent(string text) =>
        decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var p) && p is >= 0 and <= 100
            && decimal.Round(p, 1) == p
            ? null : "应为0至100之间的百分数，最多一位小数";

    private static bool IsThreshold(string key) =>
        key.EndsWith("." + ScorecardPolicy.Fields.Target, StringComparison.Ordinal)
        || key.EndsWith("." + ScorecardPolicy.Fields.GreenFrom, StringComparison.Ordinal)
        || key.EndsWith("." + ScorecardPolicy.Fields.AmberFrom, StringComparison.Ordinal);

    public async Task<AdminResult> UpdateAsync(string key, string value, string? reason, CancellationToken ct = default)
    {
        var scope = await current.GetAsync();
        var input = new PolicyChangeInput(key, value, reason);
        var text = value.Trim();
        var changed = false;
        var written = await writes.CommitAsync(input, new WriteRequest(ChangeKind.Policy, "政策口径", $"修改政策口径 {key}"), scope, async w =>
        {
            var db = w.Db;
            if (scope.Role != Roles.Admin)
            {
                return Refusal.Forbidden($"修改政策口径 {key}", AdminResult.Forbidden.Errors[0]);
            }
            var setting = await db.PolicySettings.FindAsync([key], ct);
            if (setting is null)
            {
                return Refusal.Invalid("该口径不存在");
            }
            if (text == setting.Value)
            {
                return null;
            }
            var values = await PolicyStore.LoadValuesAsync(db, ct);
            values[key] = text;
            if (CrossProblem(key, values) is { } conflict)
            {
                return Refusal.Invalid(conflict);
            }
            // The value is right; the history still has to say why it changed.
            if (string.IsNullOrWhiteSpace(reason))
            {
                return Refusal.Invalid(ReasonRequired);
            }
            var old = setting.Value;
            db.PolicyChanges.Add(new PolicySettingChange
            {
                Key = key,
                OldValue = setting.Value,
                NewValue = text,
                User = scope.Name,
                At = w.Now,
                Reason = reason.Trim(),
            });
            setting.Value = text;
            w.Log(ActivityLog.Kinds.Admin, $"修改政策口径：{setting.Label}", $"{old} → {text}");
            changed = true;
            return null;
        }, ct);
        if (!written.Ok)
        {
            return written.Status == WriteStatus.Forbidden ? AdminResult.Forbidden : new AdminResult(false, written.Problems);
        }
        if (!changed)
        {
            return AdminResult.Success;
        }
        if (key == NamePolicy.Keys.Exceptions)
        {
            names.Load(text);
        }
        if (StatusPolicy.IsReadByRules(key))
        {
            // Every stored status was computed under the old value.
            await refresh.RefreshAsync(clock.Today(), ct, all: true);
        }
        if (VerificationPolicy.IsReadByRules(key) || StatusPolicy.IsReadByRules(key))
        {
            // The cross-check's rules and its stability tests read the setting.
            await ReliefDashboard.Jobs.CrossCheckJob.RunAsync(writes, scope, $"按新口径重新比对（{key}）", ct);
        }
        if (BenefitPolicy.IsBenefitKey(key))
        {
            // Every stored payment check was made under the old value.
            await writes.CommitAsync(new WriteRequest(ChangeKind.Bulk, "政策口径", "按新口径重新检查补贴发放") { IsBulk = true }, scope, async w =>
            {
                w.SkipPaymentChecks = true;
                await BenefitLedger.RefreshAsync(w.Db, BenefitPolicy.FromSettings(await PolicyStore.LoadValuesAsync(w.Db, ct)), null, ct);
                return null;
            }, ct);
        }
        return AdminResult.Success;
    }

    /// <summary>Rules between settings: the order of bands and targets, the money rules, the clearance days.</summary>
    private static string? CrossProblem(string key, Dictionary<string, string> values)
    {
        if ((AssessmentPolicy.IsPercentKey(key) || ScorecardPolicy.IsScorecardKey(key))
            && (AssessmentPolicy.FromSettings(values).Problem() ?? ScorecardPolicy.FromSettings(values).Problem()) is { } order)
        {
            return order;
        }
        if (BenefitPolicy.IsBenefitKey(key) && BenefitPolicy.FromSettings(values).Problem() is { } money)
        {
            return money;
        }
        if (VerificationPolicy.IsVerificationKey(key) && VerificationPolicy.FromSettings(values).Problem() is { } clocks)
        {
            return clocks;
        }
        if (key is SupervisionPolicy.Keys.HelpWithinDays or SupervisionPolicy.Keys.ClearWithinDays)
        {
            var clearance = SupervisionPolicy.FromSettings(values);
            if (clearance.ClearWithinDays < clearance.HelpWithinDays)
            {
                return "清零天数不能少于帮扶天数";
            }
        }
        return null;
    }
}

/// <summary>A change of one policy setting: its key, the new value as typed, and why.</summary>
public sealed record PolicyChangeInput(string Key, string Value, string? Reason);

/// <summary>The value's own rules (its type and range); the rules between settings are checked against the stored ones.</summary>
public sealed class PolicyChangeInputValidator : FluentValidation.AbstractValidator<PolicyChangeInput>
{
    public PolicyChangeInputValidator()
    {
        RuleFor(x => x).Custom((input, context) =>
        {
            if (PolicyService.Problem(input.Key, input.Value) is { } problem)
            {
                context.AddFailure(nameof(PolicyChangeInput.Value), problem);
            }
        });
    }
}
