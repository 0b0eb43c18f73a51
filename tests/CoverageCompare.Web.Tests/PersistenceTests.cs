using System.Net.Http.Json;
using CoverageCompare.Data;
using CoverageCompare.Data.Stories;
using CoverageCompare.Web.Api;
using CoverageCompare.Web.Tests.Postgres;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoverageCompare.Web.Tests;

public sealed class PersistenceTests : IDisposable
{
    private readonly string databasePath = CoverageAppFactory.NewDatabasePath();

    [Fact]
    public async Task DataSurvivesARestartOnTheSameFileAndTheDemoIsNotSeededTwice()
    {
        int storyId;
        TestAccount account;
        using (var first = new CoverageAppFactory(databasePath))
        {
            (account, var client) = await first.SignedInAccountAsync("Ada");
            var created = await client.PostAsJsonAsync("/api/stories", new CreateStoryRequest("Kept across restarts"));
            storyId = (await created.Content.ReadFromJsonAsync<StorySummary>())!.Id;
            await client.PostAsJsonAsync($"/api/stories/{storyId}/articles", new ImportArticleRequest("kept.txt", "This sentence must survive."));
        }

        using var second = new CoverageAppFactory(databasePath);
        var again = await second.SignedInClientAsync(account);
        var stories = await again.GetFromJsonAsync<List<StorySummary>>("/api/stories");
        var story = await again.GetFromJsonAsync<StoryView>($"/api/stories/{storyId}");

        Assert.Equal(2, stories!.Count);
        Assert.Single(stories, s => s.Id == storyId && s.WorkspaceId == account.WorkspaceId);
        Assert.Single(stories, s => s.Title == Data.Demo.DemoStory.Title);
        Assert.Equal("This sentence must survive.", Assert.Single(story!.Articles).Text);
    }

    [Fact]
    public async Task DatabaseIsMigratedInWalModeAndTheHandWrittenSnapshotMatchesTheModel()
    {
        using var app = new CoverageAppFactory(databasePath);
        app.CreateClient();
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<CoverageDbContext>>().CreateDbContextAsync();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.False(db.Database.HasPendingModelChanges(), "the model changed without a migration and snapshot to match");

        // WAL is SQLite's; on PostgreSQL the checks above cover the generated migrations and their snapshot.
        if (PostgresServer.SuiteOnPostgres) return;
        await using var connection = new SqliteConnection($"Data Source={databasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
    }

    public void Dispose() => CoverageAppFactory.DeleteDatabase(databasePath);
}
