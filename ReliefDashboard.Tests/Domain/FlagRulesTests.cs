namespace ReliefDashboard.Domain;

/// <summary>Every step × every state × every kind of user, against the workflow of issue 6 written out by hand.</summary>
public class FlagRulesTests
{
    private static readonly SupervisionFlag TownFlag = new() { TownId = 1, Reason = "r", RequiredAction = "a", RaisedBy = "s" };
    private static readonly SupervisionFlag DepartmentFlag = new() { Department = "区人社局", Reason = "r", RequiredAction = "a", RaisedBy = "s" };

    private static readonly Dictionary<string, UserScope> Users = new()
    {
        ["supervisor"] = new("s", "督查", Roles.Supervisor, null, null),
        ["own town"] = new("t1", "青石镇干部", Roles.TownStaff, 1, null),
        ["other town"] = new("t2", "麻塬镇干部", Roles.TownStaff, 2, null),
        ["addressed department"] = new("d1", "人社局", Roles.Department, null, "区人社局"),
        ["other department"] = new("d2", "农业局", Roles.Department, null, "区农业局"),
        ["leading group"] = new("l", "领导", Roles.LeadingGroup, null, null),
        ["admin"] = new("a", "管理员", Roles.Admin, null, null),
    };

    /// <summary>The allowed steps, and nothing else: (step, from, who, flag addressed to a town?).</summary>
    private static readonly HashSet<(FlagAction, FlagState, string, bool)> Allowed =
    [
        (FlagAction.Acknowledge, FlagState.Open, "own town", true),
        (FlagAction.Acknowledge, FlagState.Returned, "own town", true),
        (FlagAction.Answer, FlagState.Open, "own town", true),
        (FlagAction.Answer, FlagState.InProgress, "own town", true),
        (FlagAction.Answer, FlagState.Returned, "own town", true),
        (FlagAction.Acknowledge, FlagState.Open, "addressed department", false),
        (FlagAction.Acknowledge, FlagState.Returned, "addressed department", false),
        (FlagAction.Answer, FlagState.Open, "addressed department", false),
        (FlagAction.Answer, FlagState.InProgress, "addressed department", false),
        (FlagAction.Answer, FlagState.Returned, "addressed department", false),
        (FlagAction.Close, FlagState.Answered, "supervisor", true),
        (FlagAction.Return, FlagState.Answered, "supervisor", true),
        (FlagAction.Close, FlagState.Answered, "supervisor", false),
        (FlagAction.Return, FlagState.Answered, "supervisor", false),
    ];

    public static TheoryData<FlagAction, FlagState, string, bool> Every()
    {
        var data = new TheoryData<FlagAction, FlagState, string, bool>();
        foreach (var action in new[] { FlagAction.Acknowledge, FlagAction.Answer, FlagAction.Close, FlagAction.Return })
        {
            foreach (var state in Enum.GetValues<FlagState>())
            {
                foreach (var user in Users.Keys)
                {
                    data.Add(action, state, user, true);
                    data.Add(action, state, user, false);
                }
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Every))]
    public void EachStep_IsAllowedOnlyWhereTheWorkflowSays(FlagAction action, FlagState from, string user, bool toTown)
    {
        var refusal = FlagRules.Refusal(action, from, Users[user], toTown ? TownFlag : DepartmentFlag);

        if (Allowed.Contains((action, from, user, toTown)))
        {
            Assert.Null(refusal);
        }
        else
        {
            Assert.False(string.IsNullOrWhiteSpace(refusal));
        }
    }

    [Theory]
    [InlineData("supervisor", true)]
    [InlineData("own town", false)]
    [InlineData("addressed department", false)]
    [InlineData("leading group", false)]
    [InlineData("admin", false)]
    public void OnlySupervisors_Raise(string user, bool allowed) =>
        Assert.Equal(allowed, FlagRules.Refusal(FlagAction.Raise, null, Users[user], null) is null);

    [Fact]
    public void NothingUnanswered_CanBeClosed_AndTheMessageSaysSo() =>
        Assert.Equal("督办件尚未反馈整改情况，不能销号", FlagRules.Refusal(FlagAction.Close, FlagState.InProgress, Users["supervisor"], TownFlag));

    [Fact]
    public void Overdue_IsTheDayAfterTheDeadline_UntilClosed()
    {
        var flag = new SupervisionFlag { TownId = 1, Reason = "r", RequiredAction = "a", RaisedBy = "s", Deadline = new DateOnly(2026, 11, 20), State = FlagState.Answered };

        Assert.False(flag.IsOverdueOn(new DateOnly(2026, 11, 20)));
        Assert.True(flag.IsOverdueOn(new DateOnly(2026, 11, 21)));
        flag.State = FlagState.Closed;
        Assert.False(flag.IsOverdueOn(new DateOnly(2026, 11, 21)));
    }
}
