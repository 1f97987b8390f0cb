using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ReliefDashboard.Features.Households;
using ReliefDashboard.TestSupport;

namespace ReliefDashboard.Domain;

/// <summary>A clock standing at one UTC instant, as a server on UTC would read it.</summary>
internal sealed class FixedInstant(DateTimeOffset utc) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => utc;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
}

public class DistrictClockTests
{
    private static readonly DateTimeOffset EveningUtc = new(2026, 12, 1, 20, 30, 0, TimeSpan.Zero);

    [Fact]
    public void AtTwentyThirtyUtc_TheDistrictIsAlreadyOnTheNextDay()
    {
        var server = new FixedInstant(EveningUtc);
        var clock = new DistrictClock(server, DistrictClock.Zone(null));

        Assert.Equal(new DateOnly(2026, 12, 1), server.Today());
        Assert.Equal(new DateOnly(2026, 12, 2), clock.Today());
        Assert.Equal(new DateTime(2026, 12, 2, 4, 30, 0), clock.ToLocal(EveningUtc.UtcDateTime));
        Assert.Equal(EveningUtc, clock.GetUtcNow());
    }

    [Fact]
    public void AnUnknownZone_IsAStartupErrorNamingIt()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => DistrictClock.Zone("Mars/Olympus"));
        Assert.Contains("Mars/Olympus", ex.Message);
    }

    [Fact]
    public async Task ASaveAtTwentyThirtyUtc_ComputesTheStatusAsOfTheDistrictsDate()
    {
        await using var database = new TestDatabase();
        var seeded = await SmallDistrict.SeedAsync(database);
        var services = new ServiceCollection().AddRelief(database, new FixedClock(SmallDistrict.Today));
        services.AddSingleton<TimeProvider>(new DistrictClock(new FixedInstant(EveningUtc), DistrictClock.Zone("Asia/Shanghai")));
        await using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<TestUser>().Scope = seeded.StaffA;
        await using var db = database.CreateDbContext();
        var head = await db.Members.SingleAsync(m => m.HouseholdId == seeded.NoMeasure);

        // A public-welfare post that starts on the district's today counts today (a post counts while active).
        var saved = await provider.CreateScope().ServiceProvider.GetRequiredService<HouseholdEditService>().SaveEmploymentAsync(new EmploymentInput
        {
            HouseholdId = seeded.NoMeasure,
            Version = 0,
            MemberId = head.Id,
            Channel = Channel.PublicWelfarePost,
            Employer = "镇人民政府",
            PostType = "保洁员",
            MonthlyPay = 1200,
            StartDate = new DateTime(2026, 12, 2),
        });

        Assert.True(saved.Ok, string.Join("；", saved.Errors));
        var h = await db.Households.AsNoTracking().SingleAsync(x => x.Id == seeded.NoMeasure);
        Assert.Equal(new DateOnly(2026, 12, 2), h.StatusComputedOn);
        // As of the server's own date (1 December) the post would not have started: 帮扶中, not 达标.
        Assert.Contains(h.Status, new[] { HouseholdStatus.Met, HouseholdStatus.AtRisk });
    }
}
