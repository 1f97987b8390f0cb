using Microsoft.EntityFrameworkCore;
using ReliefDashboard.Demo;
using ReliefDashboard.TestSupport;

namespace ReliefDashboard.Domain;

public sealed class VerificationDomainTests
{
    private static readonly IReadOnlySet<DateOnly> NoHolidays = new HashSet<DateOnly>();

    [Fact]
    public void WorkingDays_SkipWeekendsAndListedHolidays()
    {
        // Friday 25 September 2026, with the National Day week off.
        var holidays = VerificationPolicy.ParseHolidays("2026-10-01,2026-10-02,2026-10-05,2026-10-06,2026-10-07")!;
        Assert.Equal(new DateOnly(2026, 9, 30), WorkingDays.Add(new DateOnly(2026, 9, 25), 3, holidays));
        Assert.Equal(new DateOnly(2026, 10, 8), WorkingDays.Add(new DateOnly(2026, 9, 25), 4, holidays));
        Assert.Equal(new DateOnly(2026, 10, 1), WorkingDays.Add(new DateOnly(2026, 9, 25), 4, NoHolidays));
        Assert.Null(VerificationPolicy.ParseHolidays("2026-10-01,十月一日"));
    }

    [Fact]
    public void SpotDraw_IsReproducible_SharesTheSampleInProportion_AndNeverRepeatsAHousehold()
    {
        var population = Enumerable.Range(1, 200).Select(i => (i, i <= 150 ? Channel.IndustrialParkJob : i <= 190 ? Channel.AgriculturalIndustry : Channel.Photovoltaic)).ToList();
        var size = SpotDraw.SampleSize(population.Count, 5, 5);
        Assert.Equal(10, size);
        var a = SpotDraw.Draw(population, size, 99);
        Assert.Equal(a, SpotDraw.Draw(population.AsEnumerable().Reverse(), size, 99));
        Assert.NotEqual(a, SpotDraw.Draw(population, size, 100));
        Assert.Equal(10, a.Select(x => x.HouseholdId).Distinct().Count());
        // 150 : 40 : 10 of 10 is 7.5 : 2 : 0.5, so 8 : 2 : 0 by largest remainders... unless ties; the park stratum gets the most.
        var byStratum = a.GroupBy(x => x.Stratum).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(10, byStratum.Values.Sum());
        Assert.InRange(byStratum[Channel.IndustrialParkJob], 7, 8);
        Assert.Equal(2, byStratum[Channel.AgriculturalIndustry]);
        Assert.Equal(5, SpotDraw.SampleSize(20, 5, 5));
        Assert.Equal(3, SpotDraw.SampleSize(3, 5, 5));
        Assert.Equal(0, SpotDraw.SampleSize(0, 5, 5));
    }

    [Fact]
    public void ADisprovedMeasure_NoLongerCounts_AndAConfirmedOneMakesTheHouseholdVerified()
    {
        var today = new DateOnly(2026, 11, 29);
        var h = new HouseholdBuilder(today).Job(today.AddMonths(-8), contractMonths: 12).Build();
        Assert.Equal(HouseholdStatus.Met, StatusRules.Evaluate(h, today, StatusPolicy.Default).Status);
        Assert.False(StatusRules.Evaluate(h, today, StatusPolicy.Default).Verified);
        h.Employments[0].Verification = MeasureVerification.DepartmentConfirmed;
        Assert.True(StatusRules.Evaluate(h, today, StatusPolicy.Default).Verified);
        h.Employments[0].Verification = MeasureVerification.Disproved;
        Assert.NotEqual(HouseholdStatus.Met, StatusRules.Evaluate(h, today, StatusPolicy.Default).Status);
    }

    /// <summary>
    /// The cross-check's SQL decides stability and 已核实达标 for a whole district at once; the status rules decide
    /// them in C# for one household. On the demo district with its department lists, both agree on every household —
    /// including jobs that started on the 29th to 31st of a month, where month arithmetic differs between the two.
    /// </summary>
    [Fact]
    public async Task TheCrossChecksSql_AgreesWithTheStatusRules_OnEveryHouseholdOfTheDemoDistrict()
    {
        var today = new DateOnly(2026, 11, 30);
        await using var database = new TestDatabase();
        var clock = new FixedClock(today);
        await DemoDataLoader.LoadAsync(Writes.DistrictWrite.For(database, clock), 600, today);
        Assert.True(await DemoVerification.LoadAsync(Writes.DistrictWrite.For(database, clock), today) > 0);
        await using var db = database.CreateDbContext();
        var households = await db.Households.AsNoTracking().Include(h => h.Members).Include(h => h.Employments).Include(h => h.Industries)
            .Include(h => h.Coverages).AsSplitQuery().ToListAsync();
        Assert.Contains(households.SelectMany(h => h.Employments), e => e.StartDate.Day >= 29 && e.EndDate is null);
        Assert.Contains(households, h => h.VerifiedAttained);
        Assert.Contains(households, h => h.Status == HouseholdStatus.Met && !h.VerifiedAttained);
        foreach (var h in households)
        {
            var stored = h.VerifiedAttained;
            Assert.True(stored == StatusRules.Evaluate(h, today, StatusPolicy.Default).Verified, $"household {h.Code}: SQL says {stored}");
        }
    }
}
