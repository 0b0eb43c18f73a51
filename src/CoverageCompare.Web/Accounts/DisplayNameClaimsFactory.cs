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
        identity.AddClaim(new Claim(Reviewer.DisplayNameClaim, user.DisplayName));
        return identity;
    }
}
