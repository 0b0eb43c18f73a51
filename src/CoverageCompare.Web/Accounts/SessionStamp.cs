using System.Security.Claims;
using CoverageCompare.Data.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CoverageCompare.Web.Accounts;

/// <summary>
/// A sign-in holds while its account exists and carries the account's current security stamp. Signing out and
/// changing the password renew the stamp, so every copy of an older cookie stops working at its next request, in every
/// instance and after restarts: the stamp lives in the database, not in the cookie keys.
/// </summary>
public static class SessionStamp
{
    /// <summary>
    /// Checked on every request, in place of Identity's SecurityStampValidator: that one, asked to check every time,
    /// also rebuilds the principal and reissues the cookie on every response; this reads one row and changes nothing.
    /// </summary>
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        bool current;
        try
        {
            current = context.Principal is { } principal && await IsCurrentAsync(context.HttpContext.RequestServices, principal);
        }
        // EF's retrying strategy wraps the provider's error in an InvalidOperationException.
        catch (Exception exception) when (exception is System.Data.Common.DbException || exception.InnerException is System.Data.Common.DbException)
        {
            // The database cannot say: this request goes on unsigned-in (and fails wherever it needs the database, as
            // /healthz should), but the cookie is kept for when the database is back.
            context.RejectPrincipal();
            return;
        }
        if (current) return;
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
    }

    public static async Task<bool> IsCurrentAsync(IServiceProvider services, ClaimsPrincipal principal)
    {
        var users = services.GetRequiredService<UserManager<AppUser>>();
        var user = await users.GetUserAsync(principal);
        if (user is null) return false;
        if (!users.SupportsUserSecurityStamp) return true;
        var stampClaim = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
        return principal.FindFirstValue(stampClaim) == await users.GetSecurityStampAsync(user);
    }
}
