using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.Extensions.Options;

namespace CoverageCompare.Web.Accounts;

/// <summary>
/// Checks an open circuit's sign-in against the account's security stamp every little while: signing out (which
/// renews the stamp) or changing the password anywhere turns the circuit anonymous, and the app then reloads the page
/// (see Routes.razor), which ends the circuit. HTTP requests are checked every time (<see cref="SessionStamp"/>).
/// </summary>
public sealed class RevalidatingAuthenticationStateProvider(ILoggerFactory loggerFactory, IServiceScopeFactory scopes, IOptions<AccountOptions> options)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => options.Value.CircuitRevalidationInterval;

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await SessionStamp.IsCurrentAsync(scope.ServiceProvider, authenticationState.User);
    }
}
