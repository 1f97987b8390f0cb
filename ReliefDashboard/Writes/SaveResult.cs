using ReliefDashboard.Domain;
using ReliefDashboard.Exports;
using ReliefDashboard.Figures;

namespace ReliefDashboard.Writes;

public enum SaveOutcome
{
    Saved,
    Invalid,
    Conflict,
    NotFound,
    Forbidden,
    /// <summary>A bulk job held the write lock; nothing was written and the form keeps the input.</summary>
    Busy,
}

/// <summary>
/// What became of a save. On a conflict, <see cref="Version"/> is the household's current version and
/// <see cref="OtherChanges"/> says what the other person saved, so the user can check and save again.
/// </summary>
public sealed record SaveResult(
    SaveOutcome Outcome,
    IReadOnlyList<string> Errors,
    int Version,
    HouseholdStatus? Status = null,
    IReadOnlyList<string>? OtherChanges = null)
{
    public bool Ok => Outcome == SaveOutcome.Saved;

    public static SaveResult Invalid(IEnumerable<string> errors) => new(SaveOutcome.Invalid, errors.Distinct().ToList(), 0);

    public static SaveResult Invalid(string error) => Invalid([error]);

    public static readonly SaveResult NotFound = new(SaveOutcome.NotFound, ["找不到该户，可能已被删除"], 0);

    public static readonly SaveResult Forbidden = new(SaveOutcome.Forbidden, ["无权修改：只有本镇街的工作人员可以修改本镇街搬迁户的记录。本次操作已记录。"], 0);

    /// <summary>
    /// A form's result from what the write pipeline did; <paramref name="saved"/> gives the saved record's version and
    /// status, a conflict keeps the version the user saw unless the write step described the conflict itself.
    /// </summary>
    public static SaveResult From(Written written, Func<SaveResult> saved, int seenVersion = 0, SaveResult? conflict = null) => written.Status switch
    {
        WriteStatus.Saved => saved(),
        WriteStatus.Conflict => conflict ?? new SaveResult(SaveOutcome.Conflict, written.Problems, seenVersion),
        WriteStatus.NotFound => NotFound,
        WriteStatus.Forbidden => new SaveResult(SaveOutcome.Forbidden, written.Problems, 0),
        WriteStatus.Busy => new SaveResult(SaveOutcome.Busy, written.Problems, 0),
        _ => Invalid(written.Problems),
    };
}
