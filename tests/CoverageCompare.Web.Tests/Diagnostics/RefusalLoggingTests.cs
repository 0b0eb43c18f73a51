using System.Net;
using System.Net.Http.Json;
using CoverageCompare.Analysis.Documents;
using CoverageCompare.Data;
using CoverageCompare.Data.Annotations;
using CoverageCompare.Web.Api;
using CoverageCompare.Web.Importing;
using CoverageCompare.Web.Tests.Annotations;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using CoverageCompare.Web.Tests.Postgres;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CoverageCompare.Web.Tests.Diagnostics;

/// <summary>The app with every log call of every level captured.</summary>
public sealed class LoggedAppFixture : IDisposable
{
    private readonly CoverageAppFactory factory = new();

    public LoggedAppFixture()
    {
        App = factory.WithWebHostBuilder(builder => builder.ConfigureLogging(logging =>
        {
            logging.AddProvider(Logs);
            logging.AddFilter<CapturingLoggerProvider>(null, LogLevel.Trace);
        }));
    }

    public CapturingLoggerProvider Logs { get; } = new();

    public WebApplicationFactory<Program> App { get; }

    public string DatabasePath => factory.DatabasePath;

    public void Dispose()
    {
        App.Dispose();
        factory.Dispose();
        CoverageAppFactory.DeleteDatabase(factory.DatabasePath);
    }
}

public sealed class RefusalLoggingTests(LoggedAppFixture fixture) : IClassFixture<LoggedAppFixture>, IAsyncLifetime
{
    private HttpClient client = default!;

    public async Task InitializeAsync() => client = (await fixture.App.SignedInAccountAsync("Ada")).Client;

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task ARefusedAnnotationIsLoggedWithItsStoryOperationAndReasonCode()
    {
        var story = await AnnotatedStory.CreateAsync(client, "Logged refusal");

        var response = await client.PostAsJsonAsync($"/api/stories/{story.StoryId}/annotations",
            AnnotatedStory.Request(story.First, "flood barrier", label: "Dubious"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var refused = Assert.Single(fixture.Logs.WithEvent(2010), l => Equals(l.Fields["StoryId"], story.StoryId));
        Assert.Equal(LogLevel.Information, refused.Level);
        Assert.Equal("AnnotationRefused", refused.EventId.Name);
        Assert.Equal("Created", refused.Fields["Operation"]);
        Assert.Equal(AnnotationRefusal.Label, refused.Fields["Reason"]);
        Assert.DoesNotContain("Dubious", refused.AllText);
        var api = Assert.Single(fixture.Logs.WithEvent(1010), l => Equals(l.Fields["StoryId"], story.StoryId.ToString()));
        Assert.Equal(("POST", "/api/stories/{storyId:int}/annotations/", 400), (api.Fields["Method"], api.Fields["Route"], api.Fields["StatusCode"]));
    }

    [Fact]
    public async Task ARefusedImportIsLoggedWithItsReasonAndSizeButNotItsText()
    {
        var story = await AnnotatedStory.CreateAsync(client, "Logged import");
        const string text = "Unlisted informant Rosalind Quarry met the editor at dawn.";

        var response = await client.PostAsJsonAsync($"/api/stories/{story.StoryId}/articles", new ImportArticleRequest("tip.pdf", text));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var refused = Assert.Single(fixture.Logs.WithEvent(2001), l => Equals(l.Fields["ByteCount"], (long)text.Length));
        Assert.Equal((DocumentRefusal.UnsupportedType, "file"), (refused.Fields["Reason"], refused.Fields["Source"]));
        Assert.DoesNotContain(fixture.Logs.Logs, l => l.AllText.Contains("Rosalind", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ANoteNeverReachesTheLogsWhetherSavedRefusedOrInConflict()
    {
        const string secret = "Source K. confirmed off the record at 02:40";
        var story = await AnnotatedStory.CreateAsync(client, "Private notes");

        var saved = await story.AnnotateAsync(client, story.First, "flood barrier", "Accurate", note: secret, tags: ["sources"]);
        var tooLong = await client.PostAsJsonAsync($"/api/stories/{story.StoryId}/annotations",
            AnnotatedStory.Request(story.First, "2.4 million pounds", note: secret + new string('.', 20_000)));
        var edited = await client.PutAsJsonAsync($"/api/annotations/{saved.Id}", new EditAnnotationRequest("Accurate", [], secret + " (edited)", saved.Version));
        var stale = await client.PutAsJsonAsync($"/api/annotations/{saved.Id}", new EditAnnotationRequest("Misleading", [], secret + " (stale)", saved.Version));
        var reply = await client.PostAsJsonAsync($"/api/annotations/{saved.Id}/replies", new ReplyRequest(secret + " (reply)"));
        var badLabel = await client.PutAsJsonAsync($"/api/annotations/{saved.Id}", new EditAnnotationRequest(secret, [], "x", saved.Version + 1));

        Assert.Equal(
            [HttpStatusCode.BadRequest, HttpStatusCode.OK, HttpStatusCode.Conflict, HttpStatusCode.Created, HttpStatusCode.BadRequest],
            new[] { tooLong.StatusCode, edited.StatusCode, stale.StatusCode, reply.StatusCode, badLabel.StatusCode });
        var conflict = Assert.Single(fixture.Logs.WithEvent(2011), l => Equals(l.Fields["AnnotationId"], saved.Id));
        Assert.Equal((1, 2), (conflict.Fields["ExpectedVersion"], conflict.Fields["CurrentVersion"]));
        Assert.Contains(fixture.Logs.WithEvent(2010), l => Equals(l.Fields["Reason"], AnnotationRefusal.Note));
        Assert.Contains(fixture.Logs.WithEvent(2010), l => Equals(l.Fields["AnnotationId"], saved.Id) && Equals(l.Fields["Reason"], AnnotationRefusal.Label));
        Assert.Contains(fixture.Logs.Logs, l => l.Category.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal));
        Assert.DoesNotContain(fixture.Logs.Logs, l => l.AllText.Contains("Source K.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AFetchRefusedForItsAddressIsAWarningWithTheHostButNotThePathOrQuery()
    {
        var story = await AnnotatedStory.CreateAsync(client, "Logged fetch");

        var response = await client.PostAsJsonAsync($"/api/stories/{story.StoryId}/articles/from-url",
            new ImportUrlRequest("http://192.168.10.1/admin/export?token=tk-93f1c2"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var refused = Assert.Single(fixture.Logs.WithEvent(1001), l => Equals(l.Fields["StoryId"], story.StoryId));
        Assert.Equal(LogLevel.Warning, refused.Level);
        Assert.Equal((FetchRefusal.ForbiddenAddress, "192.168.10.1"), (refused.Fields["Reason"], refused.Fields["Host"]));
        Assert.DoesNotContain(fixture.Logs.Logs, l => l.AllText.Contains("tk-93f1c2", StringComparison.Ordinal) || l.AllText.Contains("/admin/export", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AFailedHealthCheckIsLoggedWithTheSqliteErrorCode()
    {
        fixture.App.CreateClient();
        if (PostgresServer.SuiteOnPostgres)
        {
            await AFailedHealthCheckOnPostgresIsLoggedWithItsSqlStateAsync();
            return;
        }
        await using var blocker = new SqliteConnection($"Data Source={fixture.DatabasePath};Pooling=False");
        await blocker.OpenAsync();
        await using (var command = blocker.CreateCommand())
        {
            command.CommandText = "BEGIN IMMEDIATE;";
            await command.ExecuteNonQueryAsync();
        }

        // The check waits out SQLite's 5 s busy timeout for the write lock the blocker holds.
        var response = await client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var failed = Assert.Single(fixture.Logs.WithEvent(1030));
        Assert.Equal(("database", "SqliteException", 5), (failed.Fields["Check"], failed.Fields["ErrorType"], failed.Fields["SqliteErrorCode"]));
        Assert.Equal(LogLevel.Error, failed.Level);
    }

    /// <summary>PostgreSQL's counterpart: the database stops taking connections, and the check's failure names SQLSTATE 55000.</summary>
    private async Task AFailedHealthCheckOnPostgresIsLoggedWithItsSqlStateAsync()
    {
        var database = PostgresServer.DatabaseNameFor(fixture.DatabasePath);
        await using var admin = new NpgsqlConnection(PostgresServer.Instance.ConnectionString("postgres"));
        await admin.OpenAsync();
        await AdminAsync(admin, $"ALTER DATABASE {database} ALLOW_CONNECTIONS false; SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = '{database}';");
        try
        {
            NpgsqlConnection.ClearAllPools();
            var response = await client.GetAsync("/healthz");

            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            var failed = Assert.Single(fixture.Logs.WithEvent(1031));
            Assert.Equal(("database", "PostgresException", "55000"), (failed.Fields["Check"], failed.Fields["ErrorType"], failed.Fields["SqlState"]));
            Assert.Equal(LogLevel.Error, failed.Level);
        }
        finally
        {
            await AdminAsync(admin, $"ALTER DATABASE {database} ALLOW_CONNECTIONS true;");
        }
    }

    private static async Task AdminAsync(NpgsqlConnection admin, string sql)
    {
        await using var command = new NpgsqlCommand(sql, admin);
        await command.ExecuteNonQueryAsync();
    }
}
