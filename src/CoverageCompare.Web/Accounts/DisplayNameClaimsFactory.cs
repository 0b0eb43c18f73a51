using System.Security.Claims;
using CoverageCompare.Data.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CoverageCompare.Web.Accounts;

/// <summary>Puts the display name into the sign-in cookie so pages and annotations need no lookup to show who someone is.</summary>
public sealed class DisplayNameClaimsFactory(UserManager<AppUser> users, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        // Cleaned again here for names stored before the rules: a bidi override never reaches a page.
        identity.AddClaim(new Claim(Reviewer.DisplayNameClaim, DisplayNames.Clean(user.DisplayName)));
        return identity;
    }
}
