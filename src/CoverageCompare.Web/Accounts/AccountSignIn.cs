using CoverageCompare.Data.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CoverageCompare.Web.Accounts;

public enum SignInOutcome
{
    SignedIn,
    Refused,
    TooManyAttempts,
}

public sealed record SignInAttempt(SignInOutcome Outcome, TimeSpan RetryAfter = default);

/// <summary>
/// Password sign-in that answers the same, with the same work, whether the email has an account or not: an unknown
/// email is checked against a dummy hash, so both take one password hash; failures slow the (email, network) pair down
/// (<see cref="SignInThrottle"/>) and never lock the account.
/// </summary>
public sealed class AccountSignIn(UserManager<AppUser> users, SignInManager<AppUser> signIn, IPasswordHasher<AppUser> hasher, SignInThrottle throttle, DummyPasswordHash dummy)
{
    public async Task<SignInAttempt> PasswordSignInAsync(string email, string password, bool remember, string address)
    {
        email = email.Trim();
        var wait = throttle.WaitFor(email, address);
        if (wait > TimeSpan.Zero) return new SignInAttempt(SignInOutcome.TooManyAttempts, wait);

        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            hasher.VerifyHashedPassword(dummy.User, dummy.Hash, password);
            return Failed(email, address);
        }

        // Identity's own lockout stays off: a count per account is exactly what lets others lock someone out.
        var result = await signIn.PasswordSignInAsync(user, password, remember, lockoutOnFailure: false);
        if (!result.Succeeded) return Failed(email, address);
        throttle.Succeeded(email, address);
        return new SignInAttempt(SignInOutcome.SignedIn);
    }

    private SignInAttempt Failed(string email, string address)
    {
        throttle.Failed(email, address);
        return new SignInAttempt(SignInOutcome.Refused);
    }
}

/// <summary>
/// A hash of a random password, made once with the same settings as real ones (so checking against it costs the
/// same), for sign-ins whose email has no account.
/// </summary>
public sealed class DummyPasswordHash
{
    public DummyPasswordHash(IOptions<PasswordHasherOptions> options)
    {
        User = new AppUser { UserName = "nobody", Email = "nobody@invalid" };
        Hash = new PasswordHasher<AppUser>(options).HashPassword(User, Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24)));
    }

    public AppUser User { get; }

    public string Hash { get; }
}
