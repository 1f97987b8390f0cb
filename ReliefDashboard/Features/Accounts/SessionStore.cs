using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;
using ReliefDashboard.Data;
using ReliefDashboard.Exports;
using ReliefDashboard.Figures;
using ReliefDashboard.Writes;

namespace ReliefDashboard.Features.Accounts;

/// <summary>
/// Sign-in sessions kept in the database (<see cref="SignInSession"/>): the cookie carries only a random session
/// key, the ticket stays on the server. Signing out deletes the row, so a cookie copied before sign-out opens
/// nothing afterwards — at once, not after a validation interval; an administrator's disabling, unlocking or
/// password reset ends every session of the account the same way.
/// </summary>
public sealed class SessionStore(IDbContextFactory<ReliefDbContext> factory, TimeProvider clock, IHttpContextAccessor http) : ITicketStore
{
    public async Task<string> StoreAsync(AuthenticationTicket ticket)
    {
        var key = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
        await using var db = await factory.CreateDbContextAsync();
        db.Sessions.Add(new SignInSession
        {
            Id = key,
            UserId = UserIdOf(ticket),
            Ticket = TicketSerializer.Default.Serialize(ticket),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            ExpiresAt = ticket.Properties.ExpiresUtc?.UtcDateTime,
            ClientAddress = http.HttpContext?.Connection.RemoteIpAddress?.ToString(),
        });
        // Expired sessions go when new ones come, so the table holds only live ones.
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Sessions.Where(s => s.ExpiresAt != null && s.ExpiresAt < now).ExecuteDeleteAsync();
        await db.SaveChangesAsync();
        return key;
    }

    public async Task RenewAsync(string key, AuthenticationTicket ticket)
    {
        await using var db = await factory.CreateDbContextAsync();
        var expires = ticket.Properties.ExpiresUtc?.UtcDateTime;
        var bytes = TicketSerializer.Default.Serialize(ticket);
        await db.Sessions.Where(s => s.Id == key)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.Ticket, bytes).SetProperty(s => s.ExpiresAt, expires));
    }

    public async Task<AuthenticationTicket?> RetrieveAsync(string key)
    {
        await using var db = await factory.CreateDbContextAsync();
        var row = await db.Sessions.AsNoTracking().Where(s => s.Id == key).Select(s => new { s.Ticket, s.ExpiresAt }).SingleOrDefaultAsync();
        if (row is null || row.ExpiresAt < clock.GetUtcNow().UtcDateTime)
        {
            return null;
        }
        return TicketSerializer.Default.Deserialize(row.Ticket);
    }

    public async Task RemoveAsync(string key)
    {
        await using var db = await factory.CreateDbContextAsync();
        await db.Sessions.Where(s => s.Id == key).ExecuteDeleteAsync();
    }

    /// <summary>Ends every session of a user (disabled, unlocked, password reset, role changed).</summary>
    public static Task<int> EndAllAsync(ReliefDbContext db, string userId, CancellationToken ct = default) =>
        db.Sessions.Where(s => s.UserId == userId).ExecuteDeleteAsync(ct);

    /// <summary>Whether the session a circuit was opened with still exists.</summary>
    public async Task<bool> IsLiveAsync(string key, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.Sessions.AnyAsync(s => s.Id == key && (s.ExpiresAt == null || s.ExpiresAt >= now), ct);
    }

    private static string UserIdOf(AuthenticationTicket ticket) =>
        ticket.Principal.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";

    /// <summary>The claim the cookie handler adds to a principal restored from a session store.</summary>
    public const string SessionKeyClaim = "Microsoft.AspNetCore.Authentication.Cookies-SessionId";

    public static void Configure(CookieAuthenticationOptions options, ITicketStore store) => options.SessionStore = store;
}
