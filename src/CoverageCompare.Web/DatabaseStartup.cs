using CoverageCompare.Data;
using CoverageCompare.Data.Database;
using CoverageCompare.Data.Demo;
using CoverageCompare.Data.Stories;
using Microsoft.EntityFrameworkCore;

namespace CoverageCompare.Web;

public static class DatabaseStartup
{
    public static async Task InitializeDatabaseAsync(this IServiceProvider services)
    {
        // Seeding runs under the migration lock, so of two instances starting on one empty database only one adds the demo.
        await CoverageDatabase.MigrateAsync(
            services.GetRequiredService<IDbContextFactory<CoverageDbContext>>(),
            services.GetRequiredService<DatabaseSettings>(),
            async cancellationToken =>
            {
                if (await DemoStory.SeedIfEmptyAsync(services.GetRequiredService<StoryStore>(), cancellationToken) is { } storyId)
                {
                    services.GetRequiredService<ILogger<Program>>().LogInformation("Created the demo story {StoryId} in an empty database", storyId);
                }
            });
    }
}
