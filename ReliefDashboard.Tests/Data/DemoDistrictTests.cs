using System.Text;
using Microsoft.EntityFrameworkCore;
using ReliefDashboard.Demo;
using ReliefDashboard.Domain;
using ReliefDashboard.Features.Households;
using ReliefDashboard.TestSupport;

namespace ReliefDashboard.Data;

public sealed class DemoDistrictTests : IAsyncLifetime
{
    private static readonly DateOnly Today = new(2026, 11, 29);
    private readonly TestDatabase first = new();
    private readonly TestDatabase second = new();

    public async ValueTask InitializeAsync()
    {
        await DemoDataLoader.LoadAsync(ReliefDashboard.Writes.DistrictWrite.For(first, new FixedClock(Today)), DemoDistrictGenerator.DistrictHouseholds, Today);
        await DemoDataLoader.LoadAsync(ReliefDashboard.Writes.DistrictWrite.For(second, new FixedClock(Today)), DemoDistrictGenerator.DistrictHouseholds, Today);
    }

    public async ValueTask DisposeAsync()
    {
        await first.DisposeAsync();
        await second.DisposeAsync();
    }

    [Fact]
    public async Task TwoLoads_ProduceIdenticalDistricts()
    {
        Assert.Equal(await DumpAsync(first), await DumpAsync(second));
    }

    private static async Task<string> DumpAsync(TestDatabase database)
    {
        await using var db = database.CreateDbContext();
        var text = new StringBuilder();
        foreach (var table in new[] { "Towns", "Sites", "Households", "Members", "Employments", "Industries", "Coverages", "Trainings" })
        {
            await using var cmd = db.Database.GetDbConnection().CreateCommand();
            cmd.CommandText = $"SELECT * FROM {table} ORDER BY Id";
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    text.Append(reader.GetValue(i)).Append('|');
                }
                text.Append('\n');
            }
        }
        return text.ToString();
    }

    [Fact]
    public async Task District_HasMoneyUnderEveryClause_AndOnlyItsLegacyLedgerBreaksARule()
    {
        await using var db = first.CreateDbContext();
        var kinds = await db.Benefits.Select(b => b.Kind).Distinct().ToListAsync();
        Assert.Equal(Enum.GetValues<BenefitKind>(), kinds.Order());
        Assert.True(await db.Shopfronts.CountAsync() >= 10);
        Assert.True(await db.Loans.CountAsync() >= 10);
        var factories = await db.Factories.ToListAsync();
        Assert.Contains(factories, f => FactoryEligibility.Of(BenefitPolicy.Default, f).Eligible);
        Assert.Contains(factories, f => !FactoryEligibility.Of(BenefitPolicy.Default, f).Eligible);

        // What the generator pays keeps the rules; the breaches are the households given an old ledger's rows.
        var violations = await ReliefDashboard.Figures.BenefitLedger.ScanAsync(db, BenefitPolicy.Default, null, default);
        var legacy = await db.Benefits.Where(b => b.Source == DemoBenefits.LegacySource).Select(b => b.HouseholdId).Distinct().ToListAsync();
        Assert.NotEmpty(violations);
        Assert.All(violations, v => Assert.Contains(v.HouseholdId, legacy));
        // The loader stores the same checks the scan makes.
        var stored = await ReliefDashboard.Figures.BenefitLedger.StoredAsync(db, null, default);
        Assert.Equal(violations.Select(v => (v.BenefitId, v.Violations.Count)).Order(), stored.Select(v => (v.BenefitId, v.Violations.Count)).Order());
    }

    [Fact]
    public async Task District_HasTheShapeThePlanDescribes()
    {
        await using var db = first.CreateDbContext();
        Assert.Equal(2524, await db.Households.CountAsync());
        Assert.InRange(await db.Members.CountAsync(), 8500, 9500);
        Assert.Equal(12, await db.Towns.CountAsync());
        Assert.Equal(3, await db.Sites.CountAsync(s => s.Kind == SiteKind.Centralized));
        Assert.Equal(3, await db.Sites.Where(s => s.Kind == SiteKind.Centralized).Select(s => s.TownId).Distinct().CountAsync());

        var pvHouseholds = db.Industries.Where(i => i.Channel == Channel.Photovoltaic).Select(i => i.HouseholdId).Distinct();
        Assert.Equal(398, await pvHouseholds.CountAsync());
        Assert.Equal(2, await db.Households.Where(h => pvHouseholds.Contains(h.Id)).Select(h => h.TownId).Distinct().CountAsync());

        var channels = await db.Employments.Select(e => e.Channel).Union(db.Industries.Select(i => i.Channel)).Union(db.Coverages.Select(c => c.Channel)).ToListAsync();
        Assert.Equal(Enum.GetValues<Channel>().Order(), channels.Distinct().Order());

        var counts = await db.Households.GroupBy(h => h.Status).ToDictionaryAsync(g => g.Key, g => g.Count());
        Assert.True(counts[HouseholdStatus.Met] > 2524 * 0.7, "most households are Met");
        Assert.InRange(counts[HouseholdStatus.NoMeasure], 20, 90);
        Assert.True(counts[HouseholdStatus.AtRisk] > 0 && counts[HouseholdStatus.SafetyNet] > 0 && counts[HouseholdStatus.InProgress] > 0);

        var rates = await db.Households.Where(h => h.Status != HouseholdStatus.SafetyNet).GroupBy(h => h.TownId)
            .Select(g => (double)g.Count(h => h.Status == HouseholdStatus.Met) / g.Count()).ToListAsync();
        Assert.InRange(rates.Count(r => r < 0.7), 2, 3);
    }

    [Fact]
    public async Task History_ReachesBackTwentyFourMonths()
    {
        await using var db = first.CreateDbContext();
        var earliest = await db.Employments.MinAsync(e => e.StartDate);
        Assert.True(earliest <= Today.AddMonths(-24));
        var startsPerMonth = await db.Employments.Where(e => e.StartDate >= Today.AddMonths(-24))
            .GroupBy(e => e.StartDate.Year * 100 + e.StartDate.Month).CountAsync();
        Assert.True(startsPerMonth >= 24);
    }

    [Fact]
    public async Task EveryDemoRecord_PassesTheAppsOwnValidators()
    {
        await using var db = first.CreateDbContext();
        var clock = new FixedClock(Today);
        var households = await db.Households.WithRecords().ToListAsync();
        var problems = new List<string>();
        void Check<T>(FluentValidation.IValidator<T> validator, T input, string what)
        {
            var result = validator.Validate(input);
            problems.AddRange(result.Errors.Select(e => $"{what}: {e.ErrorMessage}"));
        }
        var householdValidator = new HouseholdInputValidator(clock);
        var memberValidator = new MemberInputValidator(clock);
        var jobValidator = new EmploymentInputValidator();
        var industryValidator = new IndustryInputValidator();
        var coverageValidator = new CoverageInputValidator();
        var trainingValidator = new TrainingInputValidator();
        foreach (var h in households)
        {
            Check(householdValidator, h.ToInput(), h.Code);
            h.Members.ForEach(m => Check(memberValidator, m.ToInput(h), $"{h.Code} {m.Name}"));
            h.Employments.ForEach(e => Check(jobValidator, e.ToInput(h), $"{h.Code} job {e.Id}"));
            h.Industries.ForEach(i => Check(industryValidator, i.ToInput(h), $"{h.Code} industry {i.Id}"));
            h.Coverages.ForEach(c => Check(coverageValidator, c.ToInput(h), $"{h.Code} coverage {c.Id}"));
            h.Trainings.ForEach(t => Check(trainingValidator, t.ToInput(h), $"{h.Code} training {t.Id}"));
        }
        Assert.Empty(problems.Take(20));
        Assert.True(households.Sum(h => h.Trainings.Count) > 200, "channel 4 has training records");
        Assert.All(households.SelectMany(h => h.Trainings.Select(t => (h, t))), x => Assert.Contains(x.h.Members, m => m.Id == x.t.MemberId));
        Assert.Equal(households.SelectMany(h => h.Members).Count(), households.SelectMany(h => h.Members).Select(m => m.IdNumber).Distinct().Count());
        Assert.All(households, h => Assert.Single(h.Members, m => m.Relation == Relation.Head));
    }

    [Fact]
    public async Task StoredStatus_IsWhatTheRulesSay()
    {
        await using var db = first.CreateDbContext();
        var households = await db.Households.WithRecords().ToListAsync();
        var policy = await PolicyStore.LoadStatusPolicyAsync(db);
        Assert.All(households, h => Assert.Equal(StatusRules.Evaluate(h, Today, policy).Status, h.Status));
    }
}
