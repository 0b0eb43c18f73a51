using System.Security.Claims;

namespace CoverageCompare.Web.Accounts;

/// <summary>The person behind a circuit or a request: anonymous readers have neither id nor name.</summary>
public sealed record Reviewer(string? UserId, string? Name)
{
    public const string DisplayNameClaim = "cc:display_name";

    public static readonly Reviewer Anonymous = new(null, null);

    public bool IsSignedIn => UserId is not null;

    public static Reviewer From(ClaimsPrincipal user) => user.Identity?.IsAuthenticated == true
        ? new Reviewer(user.FindFirstValue(ClaimTypes.NameIdentifier), user.FindFirstValue(DisplayNameClaim) ?? user.Identity.Name)
        : Anonymous;
}
