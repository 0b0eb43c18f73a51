namespace CoverageCompare.Web;

public static class SecurityHeaders
{
    // No inline or foreign script: Blazor needs only its own file and a same-origin WebSocket. Inline style
    // attributes stay allowed because components set CSS custom properties with them.
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        // Asks the browser for its colour scheme, so later pages render dark from the start when the system is.
        headers["Accept-CH"] = "Sec-CH-Prefers-Color-Scheme";
        await next();
    });
}
