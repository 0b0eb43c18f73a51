using CoverageCompare.Data.Database;

namespace CoverageCompare.Web.Sessions;

public static class SessionServices
{
    /// <summary>In-process sessions for one instance on SQLite; on PostgreSQL, sessions every instance shares through LISTEN/NOTIFY.</summary>
    public static IServiceCollection AddStorySessions(this IServiceCollection services, DatabaseSettings database)
    {
        services.AddSingleton<MembershipChanges>();
        services.AddSingleton<StoryWrites>();
        services.AddSingleton<AnnotationWrites>();
        // One shared, read-only copy of each shown story for all its circuits; each circuit keeps its own StoryState.
        services.AddSingleton<Components.Pages.Story.StoryCopies>();
        services.AddScoped<Components.Pages.Story.StoryState>();
        if (!database.IsPostgres) return services.AddSingleton<IStorySessions, InProcessStorySessions>();
        services.AddSingleton(sp => new PostgresStorySessions(database.ConnectionString, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILoggerFactory>()));
        services.AddSingleton<IStorySessions>(sp => sp.GetRequiredService<PostgresStorySessions>());
        services.AddHostedService(sp => sp.GetRequiredService<PostgresStorySessions>());
        return services;
    }
}
