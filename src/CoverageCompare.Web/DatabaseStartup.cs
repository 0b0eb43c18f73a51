using CoverageCompare.Data;
using CoverageCompare.Data.Demo;
using CoverageCompare.Data.Stories;
using Microsoft.EntityFrameworkCore;

namespace CoverageCompare.Web;

public static class DatabaseStartup
{
    public static async Task InitializeDatabaseAsync(this IServiceProvider services)
    {
        await SqliteSetup.MigrateAsync(services.GetRequiredService<IDbContextFactory<CoverageDbContext>>());
        if (await DemoStory.SeedIfEmptyAsync(services.GetRequiredService<StoryStore>()) is { } storyId)
        {
            services.GetRequiredService<ILogger<Program>>().LogInformation("Created the demo story {StoryId} in an empty database", storyId);
        }
    }
}
