namespace ReliefDashboard.Domain;

/// <summary>
/// The app's one clock: the injected time (the system's, or a test's) read in the district's configured time
/// zone, so "today" — the assessment date, every deadline, every daily job — is the district's date whatever zone
/// the server is set to. A UTC server at 20:30Z is already at 04:30 the next day in Asia/Shanghai.
/// </summary>
public sealed class DistrictClock(TimeProvider inner, TimeZoneInfo zone) : TimeProvider
{
    public const string DefaultZone = "Asia/Shanghai";

    public override TimeZoneInfo LocalTimeZone => zone;

    public override DateTimeOffset GetUtcNow() => inner.GetUtcNow();

    public override long GetTimestamp() => inner.GetTimestamp();

    public override long TimestampFrequency => inner.TimestampFrequency;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        inner.CreateTimer(callback, state, dueTime, period);

    /// <summary>The configured zone by its IANA (or Windows) id; an unknown id is a start-up error that names it.</summary>
    public static TimeZoneInfo Zone(string? id)
    {
        var name = string.IsNullOrWhiteSpace(id) ? DefaultZone : id.Trim();
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(name);
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            if (name == DefaultZone)
            {
                // A machine without tzdata: China has kept UTC+8 without daylight saving since 1991.
                return TimeZoneInfo.CreateCustomTimeZone(DefaultZone, TimeSpan.FromHours(8), "中国标准时间", "中国标准时间");
            }
            throw new InvalidOperationException($"配置项 District:TimeZone 的时区“{name}”在本机不存在，请改为如 {DefaultZone} 的时区名", ex);
        }
    }
}

public static class ClockExtensions
{
    /// <summary>The district's date now: the assessment date of every status and figure.</summary>
    public static DateOnly Today(this TimeProvider clock) => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    /// <summary>A stored UTC time as the district's wall-clock time, for display.</summary>
    public static DateTime ToLocal(this TimeProvider clock, DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), clock.LocalTimeZone);

    /// <summary>The district's date at a UTC moment.</summary>
    public static DateOnly ToLocalDate(this TimeProvider clock, DateTime utc) => DateOnly.FromDateTime(clock.ToLocal(utc));

    public static DateTime? ToLocal(this TimeProvider clock, DateTime? utc) => utc is { } u ? clock.ToLocal(u) : null;

    public static DateTimeOffset ToLocal(this TimeProvider clock, DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, clock.LocalTimeZone);
}
