namespace CoverageCompare.Web.Diagnostics;

/// <summary>
/// Logs every API answer that refuses what the client sent (400, 409, 413, 415, 422) with the route it matched, so
/// refusals can be counted per endpoint; the reason codes come from the services that refused.
/// </summary>
public static class ApiRefusalLogging
{
    public static IApplicationBuilder UseApiRefusalLogging(this IApplicationBuilder app)
    {
        var logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ApiRefusalLogging).FullName!);
        return app.Use(async (context, next) =>
        {
            await next();
            if (!context.Request.Path.StartsWithSegments("/api") || context.Response.StatusCode is not (400 or 409 or 413 or 415 or 422)) return;

            var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "(no route)";
            logger.ApiRequestRefused(context.Request.Method, route, context.Response.StatusCode, context.GetRouteValue("storyId") as string);
        });
    }
}
