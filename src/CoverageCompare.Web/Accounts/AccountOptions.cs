namespace CoverageCompare.Web.Accounts;

/// <summary>The <c>Accounts</c> configuration section.</summary>
public sealed class AccountOptions
{
    public const string Section = "Accounts";

    /// <summary>Off for a closed install: then people join only through an existing account.</summary>
    public bool AllowRegistration { get; set; } = true;

    /// <summary>Wrong passwords for one email from one network before each further try has to wait.</summary>
    public int FreeFailedSignIns { get; set; } = 5;

    /// <summary>The first wait after the free tries; each further failure doubles it, up to <see cref="MaxSignInDelay"/>.</summary>
    public TimeSpan FirstSignInDelay { get; set; } = TimeSpan.FromSeconds(2);

    public TimeSpan MaxSignInDelay { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How often an open page checks that its sign-in still stands (signed out elsewhere, password changed).</summary>
    public TimeSpan CircuitRevalidationInterval { get; set; } = TimeSpan.FromSeconds(30);
}
