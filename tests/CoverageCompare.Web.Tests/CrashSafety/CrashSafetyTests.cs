using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using CoverageCompare.Data.Annotations;
using CoverageCompare.Web.Api;
using CoverageCompare.Web.Tests.Annotations;
using CoverageCompare.Web.Tests.Postgres;
using Microsoft.Data.Sqlite;
using Npgsql;
using Xunit.Abstractions;

namespace CoverageCompare.Web.Tests.CrashSafety;

/// <summary>
/// Kills the running app with SIGKILL while it is writing, twenty times, and checks that nothing it acknowledged is
/// lost and that the database is intact (SQLite's integrity_check; amcheck when the suite runs on PostgreSQL): a 201 means the annotation is on disk, whatever happens next.
/// </summary>
public sealed class CrashSafetyTests(ITestOutputHelper output) : IDisposable
{
    private const int Kills = 20;
    private const int Writers = 3;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly string databasePath = CoverageAppFactory.NewDatabasePath();

    // Slow: 21 starts of the app take more than a minute on a busy two-core machine.
    [Fact]
    [Trait("Category", "CrashSafety")]
    [Trait("Category", "Slow")]
    public async Task EveryAcknowledgedAnnotationSurvivesTwentyKillsAndTheDatabaseStaysIntact()
    {
        var seed = Environment.TickCount;
        var random = new Random(seed);
        var acknowledged = new ConcurrentDictionary<Guid, string>();
        var clock = Stopwatch.StartNew();
        AnnotatedStory? story = null;
        var unanswered = 0;

        for (var round = 1; round <= Kills; round++)
        {
            using var app = await AppProcess.StartAsync(databasePath, StartTimeout);
            using var client = await CreateClientAsync(app.BaseUrl);
            story ??= await AnnotatedStory.CreateAsync(client, "Crash safety");
            // One write first, so the kill lands among writes in full flow rather than in the first, slow request.
            Assert.Equal(0, await WriteAsync(client, story, $"r{round}warm-up", acknowledged, count: 1));

            var prefix = $"r{round}w";
            using var writing = new CancellationTokenSource();
            var writers = Enumerable.Range(1, Writers).Select(w => Task.Run(() => WriteAsync(client, story, prefix + w, acknowledged, stop: writing.Token))).ToList();
            await Task.Delay(random.Next(30, 500));

            var exitCode = app.Kill();
            writing.Cancel();
            unanswered += (await Task.WhenAll(writers)).Sum();
            Assert.Equal(128 + 9, exitCode);
        }

        using (var app = await AppProcess.StartAsync(databasePath, StartTimeout))
        using (var client = await CreateClientAsync(app.BaseUrl))
        {
            var stored = (await client.GetFromJsonAsync<List<AnnotationView>>($"/api/stories/{story!.StoryId}/annotations"))!.ToDictionary(a => a.Id, a => a.Note);
            var lost = acknowledged.Where(a => !stored.TryGetValue(a.Key, out var note) || note != a.Value).ToList();
            Assert.True(lost.Count == 0, $"{lost.Count} of {acknowledged.Count} acknowledged annotations are missing or changed (seed {seed})");
            Assert.True(acknowledged.Count >= 3 * Kills, $"only {acknowledged.Count} annotations were acknowledged, too few to show anything (seed {seed})");
            app.Kill();
        }

        Assert.Equal("ok", await IntegrityCheckAsync());
        output.WriteLine($"{Kills} kills, {acknowledged.Count} annotations acknowledged and all kept, {unanswered} requests cut off by a kill, {clock.Elapsed.TotalSeconds:0} s (seed {seed})");
    }

    public void Dispose() => CoverageAppFactory.DeleteDatabase(databasePath);

    /// <summary>A client signed in as the test's writer: registered through the form on the first start, signed in on every later one.</summary>
    private static async Task<HttpClient> CreateClientAsync(Uri baseUrl)
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(30) };
        var signedIn = await TestAccounts.SignInAsync(client, WriterEmail, TestAccounts.Password);
        if (signedIn.StatusCode != HttpStatusCode.Redirect)
        {
            var registered = await TestAccounts.RegisterAsync(client, "Crash test", WriterEmail, TestAccounts.Password);
            Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
            // Registering signs nobody in, so that a taken email looks the same as a new one.
            Assert.Equal(HttpStatusCode.Redirect, (await TestAccounts.SignInAsync(client, WriterEmail, TestAccounts.Password)).StatusCode);
        }
        return client;
    }

    private const string WriterEmail = "crash.test@example.test";

    /// <summary>Creates annotations until the app dies; returns how many requests got no answer (stored or not, nobody was told).</summary>
    private static async Task<int> WriteAsync(
        HttpClient client, AnnotatedStory story, string writer, ConcurrentDictionary<Guid, string> acknowledged, int count = int.MaxValue, CancellationToken stop = default)
    {
        var quotes = new[] { "flood barrier", "2.4 million pounds", "eastern embankment", "Sunday evening" };
        for (var n = 0; n < count && !stop.IsCancellationRequested; n++)
        {
            var note = $"{writer} note {n}";
            try
            {
                var response = await client.PostAsJsonAsync($"/api/stories/{story.StoryId}/annotations",
                    AnnotatedStory.Request(story.First, quotes[n % quotes.Length], note: note), CancellationToken.None);
                if (response.StatusCode != HttpStatusCode.Created) throw new InvalidOperationException($"The app answered {response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                var annotation = (await response.Content.ReadFromJsonAsync<AnnotationView>(CancellationToken.None))!;
                acknowledged[annotation.Id] = note;
            }
            catch (Exception error) when (error is HttpRequestException or IOException or TaskCanceledException)
            {
                return 1;
            }
        }
        return 0;
    }

    private async Task<string?> IntegrityCheckAsync()
    {
        if (PostgresServer.SuiteOnPostgres) return await PostgresIntegrityCheckAsync();
        await using var connection = new SqliteConnection($"Data Source={databasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check;";
        return (string?)await command.ExecuteScalarAsync();
    }

    /// <summary>On PostgreSQL: amcheck verifies every B-tree index of the app's tables against its heap, as integrity_check does for SQLite.</summary>
    private async Task<string?> PostgresIntegrityCheckAsync()
    {
        await using var connection = new NpgsqlConnection(PostgresServer.Instance.ConnectionString(PostgresServer.DatabaseNameFor(databasePath)));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            CREATE EXTENSION IF NOT EXISTS amcheck;
            SELECT count(bt_index_check(c.oid, true)) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
            JOIN pg_am am ON am.oid = c.relam JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE am.amname = 'btree' AND n.nspname = 'public';
            """, connection);
        var indexes = (long)(await command.ExecuteScalarAsync())!;
        return indexes > 0 ? "ok" : "no indexes were checked";
    }
}
