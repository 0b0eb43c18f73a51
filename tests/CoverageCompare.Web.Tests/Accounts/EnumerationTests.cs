using System.Net;
using CoverageCompare.Data.Accounts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace CoverageCompare.Web.Tests.Accounts;

/// <summary>
/// Registration and sign-in answer the same whether an email has an account or not, with the same work, and failed
/// sign-ins slow the guesser down without locking the account's owner out: issue 13, finding 5.
/// </summary>
public sealed class EnumerationTests : IDisposable
{
    private readonly CoverageAppFactory app = new();
    private readonly CountingHasher hasher = new();
    private readonly WebApplicationFactory<Program> counted;

    public EnumerationTests()
    {
        counted = app.WithWebHostBuilder(b =>
        {
            // Failures past the free ones wait an hour: long enough that nothing in a test outlasts it.
            b.UseSetting("Accounts:FirstSignInDelay", "01:00:00");
            b.UseSetting("Accounts:MaxSignInDelay", "02:00:00");
            b.ConfigureTestServices(services =>
            {
                services.AddSingleton<IPasswordHasher<AppUser>>(hasher);
                services.AddTransient<IStartupFilter, ClientAddressFromHeader>();
            });
        });
    }

    [Fact]
    public async Task RegisteringAnExistingEmailLooksExactlyLikeRegisteringANewOne()
    {
        await TestAccounts.RegisterAsync(counted.AnonymousClient(), "Vera Victim", "vera@example.test", "vera's own long passphrase");

        var existing = await TestAccounts.RegisterAsync(counted.AnonymousClient(), "Eve Probe", "vera@example.test", "a guess at a passphrase");
        var fresh = await TestAccounts.RegisterAsync(counted.AnonymousClient(), "Nora New", "nora@example.test", "a guess at a passphrase");

        Assert.Equal((HttpStatusCode.Redirect, fresh.Headers.Location), (existing.StatusCode, existing.Headers.Location));
        Assert.Contains("If that email address had no account yet", await counted.AnonymousClient().GetStringAsync(existing.Headers.Location!.OriginalString));
        Assert.DoesNotContain("already exists", await existing.Content.ReadAsStringAsync());
        // Vera's account is untouched: her password still works, the prober's does not.
        Assert.Equal(HttpStatusCode.Redirect, (await TestAccounts.SignInAsync(counted.AnonymousClient(), "vera@example.test", "vera's own long passphrase")).StatusCode);
        Assert.NotEqual(HttpStatusCode.Redirect, (await TestAccounts.SignInAsync(counted.AnonymousClient(), "vera@example.test", "a guess at a passphrase")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await TestAccounts.SignInAsync(counted.AnonymousClient(), "nora@example.test", "a guess at a passphrase")).StatusCode);
    }

    [Fact]
    public async Task AWrongPasswordAndAnUnknownEmailGetTheSameAnswerAndBothCostOnePasswordHash()
    {
        var account = await counted.CreateAccountAsync("Kim Known");
        await TestAccounts.SignInAsync(counted.AnonymousClient(), "warm.up@example.test", "not the password");

        var before = hasher.Verifications;
        var known = await TestAccounts.SignInAsync(counted.AnonymousClient(), account.Email, "not the password");
        var afterKnown = hasher.Verifications;
        var unknown = await TestAccounts.SignInAsync(counted.AnonymousClient(), "nobody.here@example.test", "not the password");
        var afterUnknown = hasher.Verifications;

        Assert.Equal((1, 1), (afterKnown - before, afterUnknown - afterKnown));
        Assert.Equal(known.StatusCode, unknown.StatusCode);
        Assert.Equal(Message(await known.Content.ReadAsStringAsync()), Message(await unknown.Content.ReadAsStringAsync()));
        Assert.Contains("do not match an account", await unknown.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task FailedSignInsSlowTheGuessersNetworkWhileTheOwnerSignsInFromTheirs()
    {
        var account = await counted.CreateAccountAsync("Lena Target");
        var attacker = From(counted, "203.0.113.7");
        for (var i = 0; i < 5; i++)
            Assert.Contains("do not match", await (await TestAccounts.SignInAsync(attacker, account.Email, $"guess number {i}")).Content.ReadAsStringAsync());

        var sixth = await TestAccounts.SignInAsync(attacker, account.Email, "guess number 5");
        var before = hasher.Verifications;
        var rightButSlowed = await TestAccounts.SignInAsync(attacker, account.Email, account.Password);
        var checkedWhileSlowed = hasher.Verifications - before;
        var owner = await TestAccounts.SignInAsync(From(counted, "198.51.100.20"), account.Email, account.Password);

        Assert.Contains("do not match", await sixth.Content.ReadAsStringAsync());
        Assert.Contains("Try again in 60 minutes", await rightButSlowed.Content.ReadAsStringAsync());
        // A slowed try is turned away before its password is looked at, so the right one teaches the guesser nothing.
        Assert.Equal(0, checkedWhileSlowed);
        Assert.Equal(HttpStatusCode.Redirect, owner.StatusCode);
        Assert.DoesNotContain("locked", await rightButSlowed.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AnUnknownEmailIsSlowedDownExactlyLikeAKnownOne()
    {
        var account = await counted.CreateAccountAsync("Kai Known");
        var attacker = From(counted, "203.0.113.9");
        var answers = new List<(string Known, string Unknown)>();
        for (var i = 0; i < 7; i++)
        {
            answers.Add((Message(await (await TestAccounts.SignInAsync(attacker, account.Email, $"guess {i}")).Content.ReadAsStringAsync()),
                Message(await (await TestAccounts.SignInAsync(attacker, "ghost@example.test", $"guess {i}")).Content.ReadAsStringAsync())));
        }

        Assert.All(answers, a => Assert.Equal(a.Known, a.Unknown));
        Assert.Contains("Too many failed sign-ins", answers[^1].Unknown);
    }

    [Fact]
    public void TheWaitDoublesAfterTheFreeFailuresUpToItsCeiling()
    {
        var settings = new Web.Accounts.AccountOptions { FreeFailedSignIns = 5, FirstSignInDelay = TimeSpan.FromSeconds(2), MaxSignInDelay = TimeSpan.FromMinutes(15) };

        var waits = Enumerable.Range(1, 20).Select(f => Web.Accounts.SignInThrottle.Delay(f, settings).TotalSeconds).ToList();

        Assert.Equal([0, 0, 0, 0, 0, 2, 4, 8, 16, 32, 64, 128, 256, 512, 900, 900], waits.Take(16));
        Assert.Equal(900, waits[^1]);
    }

    private static HttpClient From(WebApplicationFactory<Program> factory, string address)
    {
        var client = factory.AnonymousClient();
        client.DefaultRequestHeaders.Add(ClientAddressFromHeader.Header, address);
        return client;
    }

    /// <summary>The text of the page's form message, the only part of the page that could tell the cases apart.</summary>
    private static string Message(string page)
    {
        var start = page.IndexOf("data-testid=\"form-message\"", StringComparison.Ordinal);
        Assert.True(start >= 0, "the page shows no message");
        return page[start..page.IndexOf("</p>", start, StringComparison.Ordinal)];
    }

    private sealed class CountingHasher : IPasswordHasher<AppUser>
    {
        private readonly PasswordHasher<AppUser> inner = new();
        private int verifications;

        public int Verifications => Volatile.Read(ref verifications);

        public string HashPassword(AppUser user, string password) => inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(AppUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref verifications);
            return inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }

    /// <summary>Lets a test speak from several networks: TestServer requests otherwise all come from one.</summary>
    private sealed class ClientAddressFromHeader : IStartupFilter
    {
        public const string Header = "X-Test-Client-Address";

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (context.Request.Headers.TryGetValue(Header, out var address)) context.Connection.RemoteIpAddress = IPAddress.Parse(address!);
                return nextMiddleware(context);
            });
            next(app);
        };
    }

    public void Dispose()
    {
        counted.Dispose();
        app.Dispose();
        CoverageAppFactory.DeleteDatabase(app.DatabasePath);
    }
}
