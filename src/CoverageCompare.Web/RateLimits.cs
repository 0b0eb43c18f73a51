using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Claims;
using System.Threading.RateLimiting;
using CoverageCompare.Web.Diagnostics;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace CoverageCompare.Web;

public sealed class WindowLimit
{
    public int PermitLimit { get; set; }

    public TimeSpan Window { get; set; }
}

/// <summary>Requests allowed per fixed window; bound from the <c>RateLimits</c> configuration section.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    public WindowLimit SignIn { get; set; } = new() { PermitLimit = 10, Window = TimeSpan.FromMinutes(5) };

    public WindowLimit Registration { get; set; } = new() { PermitLimit = 5, Window = TimeSpan.FromHours(1) };

    public WindowLimit Import { get; set; } = new() { PermitLimit = 30, Window = TimeSpan.FromMinutes(1) };
}

/// <summary>
/// The app's named rate limits. Sign-in and registration count only POSTs (showing the form is free) per client
/// address; imports count per signed-in user, or per address for anyone else. A turned-away request gets 429, a
/// Retry-After header and one plain sentence, and is logged.
/// </summary>
public static class RateLimits
{
    public const string SignIn = "sign-in";
    public const string Registration = "registration";
    public const string Import = "import";

    public static IServiceCollection AddRequestRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RateLimitOptions>()
            .Bind(configuration.GetSection(RateLimitOptions.Section))
            .Validate(o => new[] { o.SignIn, o.Registration, o.Import }.All(l => l.PermitLimit > 0 && l.Window > TimeSpan.Zero),
                $"Every {RateLimitOptions.Section} entry needs a PermitLimit above 0 and a Window longer than 0.")
            .ValidateOnStart();
        return services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = RejectAsync;
            options.AddPolicy(SignIn, context => Partition(context, l => l.SignIn, postsOnly: true, perUser: false));
            options.AddPolicy(Registration, context => Partition(context, l => l.Registration, postsOnly: true, perUser: false));
            options.AddPolicy(Import, context => Partition(context, l => l.Import, postsOnly: false, perUser: true));
        });
    }

    private static RateLimitPartition<string> Partition(HttpContext context, Func<RateLimitOptions, WindowLimit> select, bool postsOnly, bool perUser)
    {
        if (postsOnly && !HttpMethods.IsPost(context.Request.Method)) return RateLimitPartition.GetNoLimiter("");

        var limit = select(context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value);
        return RateLimitPartition.GetFixedWindowLimiter(ClientKey(context, perUser), _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limit.PermitLimit,
            Window = limit.Window,
            QueueLimit = 0,
        });
    }

    /// <summary>
    /// The user when signed in and asked for, else the address. An IPv6 client is counted by its /64, the block one
    /// household or machine is given, or changing the last bits would escape the limit.
    /// </summary>
    internal static string ClientKey(HttpContext context, bool perUser)
    {
        if (perUser && context.User.Identity?.IsAuthenticated == true)
        {
            return "user:" + (context.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? context.User.Identity.Name);
        }
        var address = context.Connection.RemoteIpAddress;
        if (address is null) return "address:unknown";
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var bytes = address.GetAddressBytes();
            bytes.AsSpan(8).Clear();
            return $"address:{new IPAddress(bytes)}/64";
        }
        return $"address:{address}";
    }

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var policy = context.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName ?? "";
        var limits = context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;
        var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : LimitFor(policy, limits).Window;
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));

        context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(RateLimits).FullName!).RateLimited(
            policy, context.Request.Method, (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? context.Request.Path.Value ?? "",
            ClientKey(context, perUser: policy == Import), seconds);

        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync(Message(policy, seconds), cancellationToken);
    }

    private static WindowLimit LimitFor(string policy, RateLimitOptions limits) => policy switch
    {
        SignIn => limits.SignIn,
        Registration => limits.Registration,
        _ => limits.Import,
    };

    private static string Message(string policy, int seconds)
    {
        var wait = seconds < 120 ? $"{seconds} seconds" : $"{(seconds + 59) / 60} minutes";
        return policy switch
        {
            SignIn => $"Too many sign-in attempts from your network. Try again in {wait}.",
            Registration => $"Too many accounts were registered from your network. Try again in {wait}.",
            Import => $"Too many articles were imported in a short time. Try again in {wait}.",
            _ => $"Too many requests. Try again in {wait}.",
        };
    }
}
