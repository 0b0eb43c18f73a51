using Microsoft.AspNetCore.Identity;

namespace CoverageCompare.Data.Accounts;

public sealed class AppUser : IdentityUser
{
    public const int DisplayNameLength = 100;

    /// <summary>The name other reviewers see beside annotations and in the presence list.</summary>
    public string DisplayName { get; set; } = "";
}
