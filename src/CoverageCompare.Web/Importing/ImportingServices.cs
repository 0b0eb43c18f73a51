namespace CoverageCompare.Web.Importing;

public static class ImportingServices
{
    public static IServiceCollection AddArticleFetching(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<UrlImportOptions>()
            .Bind(configuration.GetSection(UrlImportOptions.Section))
            .Validate(o => o.AllowedHosts.All(AddressPolicy.IsValidEntry), $"{UrlImportOptions.Section}:AllowedHosts lists something that is not a host name, an address or a CIDR range.")
            .Validate(o => o.Timeout > TimeSpan.Zero && o.MaxRedirects >= 0, $"{UrlImportOptions.Section} needs a positive Timeout and a MaxRedirects of 0 or more.")
            .ValidateOnStart();
        return services
            .AddSingleton<ArticleFetcher>()
            .AddSingleton<UrlImport>();
    }
}
