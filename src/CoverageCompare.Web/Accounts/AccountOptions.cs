namespace CoverageCompare.Web.Accounts;

/// <summary>The <c>Accounts</c> configuration section.</summary>
public sealed class AccountOptions
{
    public const string Section = "Accounts";

    /// <summary>Off for a closed install: then people join only through an existing account.</summary>
    public bool AllowRegistration { get; set; } = true;

    public int MaxFailedSignIns { get; set; } = 5;

    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(5);
}
