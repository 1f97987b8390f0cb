using System.Collections.Concurrent;
using ReliefDashboard.Exports;
using ReliefDashboard.Figures;
using ReliefDashboard.Writes;

namespace ReliefDashboard.Features.Accounts;

/// <summary>
/// Wrong passwords are counted per account name <em>and</em> client address: five in a row from one address lock
/// that name for that address only (<c>Accounts:MaxFailedAttempts</c>, <c>Accounts:LockoutMinutes</c>), so someone
/// who knows only the administrator's name cannot lock the administrator out from elsewhere. One address that
/// fails on many names (<c>Accounts:MaxFailuresPerAddress</c>, 30 by default) is held off altogether for the same
/// time. The name typed is counted whether or not such an account exists, so the answers are the same for both.
/// </summary>
public sealed class LoginThrottle(TimeProvider clock, IConfiguration configuration)
{
    private readonly ConcurrentDictionary<(string Name, string Address), Counter> byAccount = new();
    private readonly ConcurrentDictionary<string, Counter> byAddress = new();

    private sealed class Counter
    {
        public int Failures;
        public DateTimeOffset First;
        public DateTimeOffset? LockedUntil;
    }

    public int MaxFailures => configuration.GetValue("Accounts:MaxFailedAttempts", 5);
    public int MaxFailuresPerAddress => configuration.GetValue("Accounts:MaxFailuresPerAddress", 30);
    public TimeSpan LockoutTime => TimeSpan.FromMinutes(configuration.GetValue("Accounts:LockoutMinutes", 15));

    /// <summary>When sign-in from this address under this name is held off: until when; otherwise null.</summary>
    public DateTimeOffset? LockedUntil(string name, string address)
    {
        var now = clock.GetUtcNow();
        var a = byAccount.GetValueOrDefault((Key(name), address))?.LockedUntil;
        var b = byAddress.GetValueOrDefault(address)?.LockedUntil;
        var until = new[] { a, b }.Where(t => t > now).Max();
        return until;
    }

    public void Failed(string name, string address)
    {
        Count(byAccount.GetOrAdd((Key(name), address), _ => new Counter()), MaxFailures);
        Count(byAddress.GetOrAdd(address, _ => new Counter()), MaxFailuresPerAddress);
        if (byAccount.Count > 100_000)
        {
            Sweep();
        }
    }

    public void Succeeded(string name, string address) => byAccount.TryRemove((Key(name), address), out _);

    /// <summary>The administrator lifts every hold on the account, from every address.</summary>
    public void Clear(string name)
    {
        foreach (var key in byAccount.Keys.Where(k => k.Name == Key(name)))
        {
            byAccount.TryRemove(key, out _);
        }
    }

    /// <summary>The addresses currently held off for the account, for the administrator's user list.</summary>
    public IReadOnlyList<(string Address, DateTimeOffset Until)> Holds(string name)
    {
        var now = clock.GetUtcNow();
        return byAccount.Where(p => p.Key.Name == Key(name) && p.Value.LockedUntil > now)
            .Select(p => (p.Key.Address, p.Value.LockedUntil!.Value)).ToList();
    }

    private void Count(Counter c, int max)
    {
        var now = clock.GetUtcNow();
        lock (c)
        {
            if (c.LockedUntil <= now || now - c.First > LockoutTime)
            {
                c.Failures = 0;
                c.LockedUntil = null;
            }
            if (c.Failures == 0)
            {
                c.First = now;
            }
            if (++c.Failures >= max)
            {
                c.LockedUntil = now + LockoutTime;
            }
        }
    }

    private void Sweep()
    {
        var stale = clock.GetUtcNow() - LockoutTime;
        foreach (var p in byAccount.Where(p => p.Value.First < stale && !(p.Value.LockedUntil > clock.GetUtcNow())))
        {
            byAccount.TryRemove(p.Key, out _);
        }
    }

    private static string Key(string name) => name.Trim().ToUpperInvariant();
}
