using CoverageCompare.Data;
using CoverageCompare.Data.Accounts;
using CoverageCompare.Data.Workspaces;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;
using CoverageCompare.Web.Accounts.Passwords;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace CoverageCompare.Web.Accounts;

public static class AccountSetup
{
    public const int MinPasswordLength = 10;

    public static IServiceCollection AddAccounts(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AccountOptions>()
            .Bind(configuration.GetSection(AccountOptions.Section))
            .Validate(o => o.FreeFailedSignIns >= 0 && o.FirstSignInDelay > TimeSpan.Zero && o.MaxSignInDelay >= o.FirstSignInDelay && o.CircuitRevalidationInterval > TimeSpan.Zero,
                $"{AccountOptions.Section}: FreeFailedSignIns is 0 or more, the sign-in delays and CircuitRevalidationInterval are longer than 0, and MaxSignInDelay is at least FirstSignInDelay.")
            .ValidateOnStart();

        services.AddCascadingAuthenticationState();
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.AddAuthorization();
        services.AddIdentityCore<AppUser>(options =>
            {
                // Length over composition rules, as NIST 800-63B advises.
                options.Password.RequiredLength = MinPasswordLength;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.User.RequireUniqueEmail = true;
                // No account lock: SignInThrottle slows guessing per email and network instead.
                options.Lockout.AllowedForNewUsers = false;
            })
            .AddEntityFrameworkStores<CoverageDbContext>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<DisplayNameClaimsFactory>()
            .AddPasswordValidator<CommonPasswordValidator>();

        services.AddScoped<AuthenticationStateProvider, RevalidatingAuthenticationStateProvider>();
        services.AddSingleton<SignInThrottle>();
        services.AddSingleton<DummyPasswordHash>();
        services.AddScoped<AccountSignIn>();

        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.LoginPath = "/account/login";
            cookie.AccessDeniedPath = "/account/login";
            cookie.Cookie.Name = "cc-auth";
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.SlidingExpiration = true;
            cookie.ExpireTimeSpan = TimeSpan.FromDays(14);
            cookie.Events.OnValidatePrincipal = SessionStamp.ValidateAsync;
            // The JSON API answers with a status, not a redirect to a sign-in page it cannot follow.
            cookie.Events.OnRedirectToLogin = context => StatusOrRedirect(context, StatusCodes.Status401Unauthorized);
            cookie.Events.OnRedirectToAccessDenied = context => StatusOrRedirect(context, StatusCodes.Status403Forbidden);
        });

        services.AddSingleton<WorkspaceAccess>();
        services.AddSingleton<WorkspaceStore>();
        services.AddSingleton<StoryAccess>();
        return services;
    }

    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // A form post (antiforgery-checked) so a link or an image on another site cannot sign anyone out.
        endpoints.MapPost("/account/logout", async (SignInManager<AppUser> signIn, HttpContext http, [FromForm] string? returnUrl) =>
        {
            // A new security stamp makes every copy of this sign-in's cookie worthless, not just the one the browser drops.
            if (await signIn.UserManager.GetUserAsync(http.User) is { } user) await signIn.UserManager.UpdateSecurityStampAsync(user);
            await signIn.SignOutAsync();
            return TypedResults.LocalRedirect(SafeReturnUrl(returnUrl));
        });
        return endpoints;
    }

    /// <summary>
    /// Only paths on this site, so a crafted sign-in link cannot send someone elsewhere afterwards. The result is ASCII,
    /// as a Location header must be: other characters are percent-encoded as UTF-8, and a path with control characters
    /// or broken UTF-16 is not followed at all.
    /// </summary>
    public static string SafeReturnUrl(string? returnUrl)
    {
        if (string.IsNullOrEmpty(returnUrl) || returnUrl.Length > 2048 || !returnUrl.StartsWith('/')
            || returnUrl.StartsWith("//", StringComparison.Ordinal) || returnUrl.StartsWith("/\\", StringComparison.Ordinal)
            || returnUrl.Any(char.IsControl))
        {
            return "/";
        }
        var escaped = new System.Text.StringBuilder(returnUrl.Length);
        foreach (var rune in returnUrl.EnumerateRunes())
        {
            if (rune == System.Text.Rune.ReplacementChar && !returnUrl.Contains('\uFFFD')) return "/";
            if (rune.IsAscii) escaped.Append((char)rune.Value);
            else escaped.Append(Uri.EscapeDataString(rune.ToString()));
        }
        return escaped.ToString();
    }

    private static Task StatusOrRedirect(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
