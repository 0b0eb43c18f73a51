using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace CoverageCompare.Web.Accounts;

/// <summary>
/// Slows password guessing per (email, network) instead of locking the account: after a few free failures each try
/// from that network for that email waits twice as long as the one before, while the owner of the account signs in
/// from anywhere else as usual. It counts the email as typed, so an unknown email is slowed exactly like a real one.
/// Kept in memory: a restart or a second instance starts counting afresh (see README, Security).
/// </summary>
public sealed class SignInThrottle(IOptions<AccountOptions> options, TimeProvider clock)
{
    /// <summary>Beyond this many (email, network) pairs, the idle ones are forgotten first, so memory stays bounded.</summary>
    public const int MaxEntries = 100_000;

    private static readonly TimeSpan ForgetAfter = TimeSpan.FromDays(1);

    private readonly ConcurrentDictionary<(string Email, string Address), Entry> entries = new();

    private sealed record Entry(int Failures, DateTimeOffset RetryAt, DateTimeOffset LastFailure);

    /// <summary>How long this email must wait before the next try from this network; zero when it may try now.</summary>
    public TimeSpan WaitFor(string email, string address)
    {
        if (!entries.TryGetValue(Key(email, address), out var entry)) return TimeSpan.Zero;
        var wait = entry.RetryAt - clock.GetUtcNow();
        return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
    }

    public void Failed(string email, string address)
    {
        var now = clock.GetUtcNow();
        if (entries.Count >= MaxEntries) Trim(now);
        var settings = options.Value;
        entries.AddOrUpdate(Key(email, address),
            _ => new Entry(1, now + Delay(1, settings), now),
            (_, entry) =>
            {
                var failures = entry.LastFailure + ForgetAfter < now ? 1 : entry.Failures + 1;
                return new Entry(failures, now + Delay(failures, settings), now);
            });
    }

    public void Succeeded(string email, string address) => entries.TryRemove(Key(email, address), out _);

    /// <summary>Nothing for the free failures, then the first delay doubled for each failure past them.</summary>
    public static TimeSpan Delay(int failures, AccountOptions settings)
    {
        var past = failures - settings.FreeFailedSignIns;
        if (past <= 0) return TimeSpan.Zero;
        var ticks = settings.FirstSignInDelay.Ticks * Math.Pow(2, Math.Min(past - 1, 40));
        return ticks >= settings.MaxSignInDelay.Ticks ? settings.MaxSignInDelay : TimeSpan.FromTicks((long)ticks);
    }

    private void Trim(DateTimeOffset now)
    {
        foreach (var (key, entry) in entries)
            if (entry.LastFailure + ForgetAfter < now || entry.RetryAt < now) entries.TryRemove(key, out _);
        if (entries.Count < MaxEntries) return;
        foreach (var (key, _) in entries.OrderBy(e => e.Value.LastFailure).Take(entries.Count / 2)) entries.TryRemove(key, out _);
    }

    private static (string, string) Key(string email, string address) => (email.Trim().ToUpperInvariant(), address);
}
