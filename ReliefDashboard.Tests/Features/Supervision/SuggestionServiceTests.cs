using Microsoft.EntityFrameworkCore;
using ReliefDashboard.Domain;
using ReliefDashboard.Exports;
using ReliefDashboard.Figures;
using ReliefDashboard.TestSupport;
using ReliefDashboard.Writes;

namespace ReliefDashboard.Features.Supervision;

/// <summary>
/// Each suggestion rule on <see cref="SmallDistrict"/> (青石镇: a met household, a no-measure one that never had a
/// measure, a safety-net one; 麻塬镇: one no-measure household), changed by each test to give the rule its case.
/// </summary>
public sealed class SuggestionServiceTests : ServiceTestBase
{
    private static readonly UserScope Supervisor = new("sup", "督查 赵", Roles.Supervisor, null, null);

    private async Task<Dictionary<string, Suggestion>> SuggestionsAsync() =>
        (await As<SuggestionService>(Supervisor).ListAsync()).ToDictionary(s => s.Key);

    private async Task ChangeAsync(Func<Data.ReliefDbContext, Task> change)
    {
        await using var db = Database.Seed();
        await change(db);
    }

    [Fact]
    public async Task NoMeasureHouseholds_PastTheClearanceClock_AreSuggestedByTown()
    {
        // A household whose orchard closed two days ago: without a measure for one day, inside the five-day clock.
        var recent = new HouseholdBuilder(SmallDistrict.Today).Industry(SmallDistrict.Today.AddYears(-1), end: SmallDistrict.Today.AddDays(-2)).BuildForInsert();
        recent.Code = "610623001000009";
        recent.TownId = Seeded.TownA;
        recent.SiteId = Seeded.SiteA;
        recent.Members[0].IdNumber = Ids.Make(recent.Members[0].BirthDate, Sex.Male, 9);
        HouseholdStatusUpdater.Recompute(recent, SmallDistrict.Today, StatusPolicy.Default);
        Assert.Equal(HouseholdStatus.NoMeasure, recent.Status);
        await ChangeAsync(async db => { db.Households.Add(recent); await db.SaveChangesAsync(); });

        var found = await SuggestionsAsync();

        Assert.Equal([Seeded.NoMeasure], found[$"clear:{Seeded.TownA}"].HouseholdIds);
        Assert.Equal([Seeded.OtherTown], found[$"clear:{Seeded.TownB}"].HouseholdIds);
        Assert.Equal(FlagSeverity.Urgent, found[$"clear:{Seeded.TownA}"].Severity);
        Assert.Contains("超过5个工作日未清零", found[$"clear:{Seeded.TownA}"].Reason);

        // Seven days later the recent one is past the clock too.
        Clock.Today = SmallDistrict.Today.AddDays(7);
        Assert.Equal(2, (await SuggestionsAsync())[$"clear:{Seeded.TownA}"].HouseholdIds.Count);
    }

    [Fact]
    public async Task ARedIndicator_OnTheLiveScorecard_IsSuggested()
    {
        var found = await SuggestionsAsync();

        // 麻塬镇's only household has no measure: attainment 0 %.
        var red = found[$"red:{Seeded.TownB}:{IndicatorKind.Attainment}"];
        Assert.Equal((IndicatorKind.Attainment, "2026-11"), (red.Indicator, red.Facts));
        Assert.Contains("达标率为红色（0.0%", red.Reason);
    }

    [Fact]
    public async Task AtRiskHouseholds_AreSuggestedByTown()
    {
        Assert.DoesNotContain($"risk:{Seeded.TownA}", (await SuggestionsAsync()).Keys);
        await ChangeAsync(db => db.Households.Where(h => h.Id == Seeded.Met).ExecuteUpdateAsync(s => s.SetProperty(h => h.Status, HouseholdStatus.AtRisk)));

        Assert.Equal([Seeded.Met], (await SuggestionsAsync())[$"risk:{Seeded.TownA}"].HouseholdIds);
    }

    [Fact]
    public async Task TheSameIdNumberInTwoHouseholds_IsSuspect_InBothTowns()
    {
        await ChangeAsync(async db =>
        {
            var id = await db.Members.Where(m => m.HouseholdId == Seeded.Met).Select(m => m.IdNumber).FirstAsync();
            await db.Members.Where(m => m.HouseholdId == Seeded.OtherTown).ExecuteUpdateAsync(s => s.SetProperty(m => m.IdNumber, id));
        });

        var found = await SuggestionsAsync();

        Assert.Equal([Seeded.Met], found[$"suspect-duplicate-id:{Seeded.TownA}"].HouseholdIds);
        Assert.Equal([Seeded.OtherTown], found[$"suspect-duplicate-id:{Seeded.TownB}"].HouseholdIds);
    }

    [Fact]
    public async Task ABirthDateThatDisagreesWithTheIdNumber_IsSuspect()
    {
        Assert.DoesNotContain(await SuggestionsAsync(), s => s.Key.StartsWith("suspect-id-mismatch", StringComparison.Ordinal));
        await ChangeAsync(db => db.Members.Where(m => m.HouseholdId == Seeded.NoMeasure).ExecuteUpdateAsync(s => s.SetProperty(m => m.BirthDate, new DateOnly(1999, 1, 1))));

        Assert.Equal([Seeded.NoMeasure], (await SuggestionsAsync())[$"suspect-id-mismatch:{Seeded.TownA}"].HouseholdIds);
    }

    [Fact]
    public async Task AWageBetween0And100Yuan_IsSuspect()
    {
        await ChangeAsync(db => db.Employments.Where(e => e.HouseholdId == Seeded.Met).ExecuteUpdateAsync(s => s.SetProperty(e => e.MonthlyPay, 50m)));

        Assert.Equal([Seeded.Met], (await SuggestionsAsync())[$"suspect-low-wage:{Seeded.TownA}"].HouseholdIds);
    }

    [Fact]
    public async Task AJobHeldByAMemberWithoutLabourCapacity_IsSuspect()
    {
        await ChangeAsync(db => db.Members.Where(m => m.HouseholdId == Seeded.Met).ExecuteUpdateAsync(s => s.SetProperty(m => m.LabourCapacity, LabourCapacity.None)));

        Assert.Equal([Seeded.Met], (await SuggestionsAsync())[$"suspect-no-labour-job:{Seeded.TownA}"].HouseholdIds);
    }

    [Fact]
    public async Task MetOnAnOnlyMeasureThatStartedThisMonth_IsSuspect()
    {
        Assert.DoesNotContain($"suspect-met-same-month:{Seeded.TownA}", (await SuggestionsAsync()).Keys);
        await ChangeAsync(db => db.Employments.Where(e => e.HouseholdId == Seeded.Met).ExecuteUpdateAsync(s => s.SetProperty(e => e.StartDate, new DateOnly(2026, 11, 3))));

        Assert.Equal([Seeded.Met], (await SuggestionsAsync())[$"suspect-met-same-month:{Seeded.TownA}"].HouseholdIds);
    }

    [Fact]
    public async Task ADismissedSuggestion_StaysAway_UntilItsFactsChange()
    {
        var key = $"clear:{Seeded.TownA}";
        var suggestion = (await SuggestionsAsync())[key];
        Assert.Contains("只有督查人员", (await As<SuggestionService>(Seeded.StaffA).DismissAsync(suggestion, "本镇自行处理")).Error);
        Assert.Contains("忽略理由", (await As<SuggestionService>(Supervisor).DismissAsync(suggestion, "无")).Error);
        Assert.True((await As<SuggestionService>(Supervisor).DismissAsync(suggestion, "该户已在办理低保，另案处理")).Ok);
        Assert.DoesNotContain(key, (await SuggestionsAsync()).Keys);

        // The met household loses its job: now two households past the clock, a new fact.
        await ChangeAsync(async db =>
        {
            await db.Employments.Where(e => e.HouseholdId == Seeded.Met).ExecuteUpdateAsync(s => s.SetProperty(e => e.EndDate, SmallDistrict.Today.AddDays(-30)));
            await db.Households.Where(h => h.Id == Seeded.Met).ExecuteUpdateAsync(s => s.SetProperty(h => h.Status, HouseholdStatus.NoMeasure));
        });
        Assert.Equal([Seeded.Met, Seeded.NoMeasure], (await SuggestionsAsync())[key].HouseholdIds.Order());
    }

    [Fact]
    public async Task AnAcceptedSuggestion_IsNotOfferedWhileItsFlagIsOpen()
    {
        var suggestion = (await SuggestionsAsync())[$"clear:{Seeded.TownB}"];
        var raised = await As<FlagService>(Supervisor).RaiseAsync(new FlagInput(suggestion.TownId, null, suggestion.Reason, suggestion.Indicator,
            suggestion.RequiredAction, SmallDistrict.Today.AddDays(5), suggestion.Severity, suggestion.HouseholdIds, suggestion.Key));
        Assert.True(raised.Ok, raised.Error);

        Assert.DoesNotContain(suggestion.Key, (await SuggestionsAsync()).Keys);
    }
}

public sealed class SuggestionAfterFlagTests : ServiceTestBase
{
    private static readonly UserScope Supervisor = new("sup", "督查 赵", Roles.Supervisor, null, null);

    [Fact]
    public async Task AFlagRaisedByHandOnATownsRedIndicator_ClearsThatSuggestion_UntilItIsClosed()
    {
        var key = $"red:{Seeded.TownB}:{IndicatorKind.Attainment}";
        Assert.Contains(await As<SuggestionService>(Supervisor).ListAsync(), s => s.Key == key);

        // Raised from the town's scorecard page: a town and an indicator, no suggestion key.
        var raised = await As<FlagService>(Supervisor).RaiseAsync(new FlagInput(Seeded.TownB, null, "达标率为红色", IndicatorKind.Attainment,
            "制定整改措施", SmallDistrict.Today.AddDays(10), FlagSeverity.Serious, []));
        Assert.True(raised.Ok, raised.Error);

        Assert.DoesNotContain(await As<SuggestionService>(Supervisor).ListAsync(), s => s.Key == key);
        Assert.Contains(await As<SuggestionService>(Supervisor).ListAsync(), s => s.Key == $"clear:{Seeded.TownB}");
    }
}
