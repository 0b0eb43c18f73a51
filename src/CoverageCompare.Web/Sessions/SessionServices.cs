namespace CoverageCompare.Web.Sessions;

public static class SessionServices
{
    public static IServiceCollection AddStorySessions(this IServiceCollection services) => services
        .AddSingleton<IStorySessions, InProcessStorySessions>()
        .AddSingleton<MembershipChanges>();
}
