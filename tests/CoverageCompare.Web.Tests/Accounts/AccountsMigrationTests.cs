using CoverageCompare.Data;
using CoverageCompare.Data.Workspaces;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CoverageCompare.Web.Tests.Accounts;

/// <summary>A database written before accounts existed keeps everything when it is upgraded.</summary>
public sealed class AccountsMigrationTests : IDisposable
{
    private readonly string databasePath = CoverageAppFactory.NewDatabasePath();

    [Fact]
    public async Task StoriesWrittenBeforeAccountsMoveIntoThePublicDemoWorkspaceWithTheirArticlesAndAnnotations()
    {
        var builder = new DbContextOptionsBuilder<CoverageDbContext>();
        builder.UseCoverageSqlite($"Data Source={databasePath};Pooling=False");
        var options = builder.Options;
        await using (var db = new CoverageDbContext(options))
        {
            await db.GetService<IMigrator>().MigrateAsync("20261122000000_Annotations");
            await db.Database.ExecuteSqlRawAsync(
                """
                INSERT INTO Stories (Id, Title, CreatedAt, UpdatedAt) VALUES (7, 'Old story', '2026-01-01 00:00:00', '2026-01-01 00:00:00');
                INSERT INTO Articles (Id, StoryId, Position, Outlet, Title, Text, Format, ContentHash, CreatedAt)
                    VALUES (70, 7, 0, 'Old Outlet', 'Old article', 'The bridge opened on Monday.', 'Text', 'hash', '2026-01-01 00:00:00');
                INSERT INTO Annotations (PublicId, StoryId, ArticleId, Start, "End", Exact, Prefix, Suffix, Tags, Note, Author, CreatedAt, ModifiedAt, Orphaned, Version)
                    VALUES ('6f1c0e1e-0000-0000-0000-000000000001', 7, 70, 4, 10, 'bridge', 'The ', ' opened', '[]', 'Checked.', 'Ada', '2026-01-01 00:00:00', '2026-01-01 00:00:00', 0, 1);
                """);
        }

        await using (var db = new CoverageDbContext(options))
        {
            await db.Database.MigrateAsync();
            var story = await db.Stories.SingleAsync(s => s.Id == 7);
            Assert.Equal(Workspace.DemoId, story.WorkspaceId);
            Assert.True((await db.Workspaces.SingleAsync(w => w.Id == Workspace.DemoId)).IsPublic);
            Assert.Equal("The bridge opened on Monday.", (await db.Articles.SingleAsync(a => a.StoryId == 7)).Text);
            Assert.Equal("Checked.", (await db.Annotations.SingleAsync(a => a.StoryId == 7)).Note);
        }

        await using var connection = new SqliteConnection($"Data Source={databasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA foreign_key_check; ";
        await using (var reader = await command.ExecuteReaderAsync()) Assert.False(await reader.ReadAsync(), "a foreign key points nowhere after the upgrade");
        command.CommandText = "PRAGMA foreign_key_list(Stories);";
        await using (var reader = await command.ExecuteReaderAsync())
        {
            Assert.True(await reader.ReadAsync());
            Assert.Equal("Workspaces", reader.GetString(2));
        }
    }

    public void Dispose() => CoverageAppFactory.DeleteDatabase(databasePath);
}
