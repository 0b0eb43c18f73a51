using System.Diagnostics;
using System.Text;
using CoverageCompare.Web.Sessions;
using CoverageCompare.Web.Tests.Sessions;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace CoverageCompare.Web.Tests.Postgres;

/// <summary>Two instances' live sessions on one PostgreSQL database, as two app servers would have them.</summary>
public sealed class PostgresStorySessionsTests : IAsyncLifetime
{
    private const int StoryId = 7;
    private PostgresStorySessions a = default!;
    private PostgresStorySessions b = default!;
    private string connectionString = "";

    public async Task InitializeAsync()
    {
        if (PostgresServer.SkipReason is not null) return;
        connectionString = await CreateDatabaseAsync();
        a = new PostgresStorySessions(connectionString, TimeProvider.System, NullLoggerFactory.Instance);
        b = new PostgresStorySessions(connectionString, TimeProvider.System, NullLoggerFactory.Instance);
        await a.StartAsync(CancellationToken.None);
        await b.StartAsync(CancellationToken.None);
        await UntilAsync(() => a.IsListening && b.IsListening);
    }

    public async Task DisposeAsync()
    {
        if (PostgresServer.SkipReason is not null) return;
        await a.StopAsync(CancellationToken.None);
        await b.StopAsync(CancellationToken.None);
        a.Dispose();
        b.Dispose();
    }

    [PostgresFact]
    public async Task ChangesAndPresenceMadeOnOneInstanceReachTheOther()
    {
        var onB = new ChangeRecorder();
        using var bob = b.Join(StoryId, SessionViewer.Create("reviewer:bob", "Bob"), onB.OnChangeAsync);
        var ada = a.Join(StoryId, SessionViewer.Create("reviewer:ada", "Ada"), _ => Task.CompletedTask);

        Assert.Equal((StoryChangeKind.ViewerJoined, ada.ConnectionId), Heard(await onB.NextAsync()));
        Assert.Equal(["Bob", "Ada"], (await b.ViewersAsync(StoryId)).Select(v => v.Viewer.Name).OrderDescending());

        await a.PublishAsync(new StoryChange(StoryId, StoryChangeKind.AnnotationCreated, "42", "Ada", ada.ConnectionId));
        Assert.Equal(new StoryChange(StoryId, StoryChangeKind.AnnotationCreated, "42", "Ada", ada.ConnectionId), await onB.NextContentAsync());

        await ada.UpdateAsync(SessionViewer.Create("reviewer:ada", "Ada L."), "c3");
        Assert.Equal((StoryChangeKind.ViewerUpdated, ada.ConnectionId), Heard(await onB.NextAsync()));
        // A re-announcement of Ada's old presence (another instance saying hello) is heard as an update too, and may
        // come first; the list must show the real one soon after.
        await UntilAsync(async () => (await b.ViewersAsync(StoryId)).Any(v => v is { Viewer.Name: "Ada L.", ClaimId: "c3" }));

        ada.Dispose();
        while (Heard(await onB.NextAsync()) is var heard && heard != (StoryChangeKind.ViewerLeft, ada.ConnectionId))
        {
            Assert.Equal((StoryChangeKind.ViewerUpdated, ada.ConnectionId), heard);
        }
        Assert.Equal(["Bob"], (await b.ViewersAsync(StoryId)).Select(v => v.Viewer.Name));
    }

    [PostgresFact]
    public async Task AnInstanceThatStopsHeartbeatingTakesItsViewersOutOfEveryListWithinThirtySeconds()
    {
        var onB = new ChangeRecorder();
        using var bob = b.Join(StoryId, SessionViewer.Create("reviewer:bob", "Bob"), onB.OnChangeAsync);
        var ada = a.Join(StoryId, SessionViewer.Create("reviewer:ada", "Ada"), _ => Task.CompletedTask);
        await UntilAsync(async () => (await b.ViewersAsync(StoryId)).Count == 2);

        // Stopping without disposing the subscription sends no goodbye, as when the process dies.
        var clock = Stopwatch.StartNew();
        await a.StopAsync(CancellationToken.None);
        await UntilAsync(async () => (await b.ViewersAsync(StoryId)).Count == 1, TimeSpan.FromSeconds(30));

        Assert.InRange(clock.Elapsed, PostgresStorySessions.InstanceTimeout - TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(30));
        while (Heard(await onB.NextAsync()) != (StoryChangeKind.ViewerLeft, ada.ConnectionId))
        {
            // Joins and re-announcements come first; the leave must follow.
        }
    }

    [PostgresFact]
    public async Task ADroppedListenConnectionIsReopenedAndItsReadersReload()
    {
        var onB = new ChangeRecorder();
        using var bob = b.Join(StoryId, SessionViewer.Create("reviewer:bob", "Bob"), onB.OnChangeAsync);
        await UntilAsync(async () => (await a.ViewersAsync(StoryId)).Count == 1);

        await using (var admin = new NpgsqlConnection(connectionString))
        {
            await admin.OpenAsync();
            await using var kill = new NpgsqlCommand(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN%'", admin);
            Assert.Equal(2L, await kill.ExecuteScalarAsync());
        }

        Assert.Equal(StoryChangeKind.Resync, (await onB.NextContentAsync()).Kind);
        await UntilAsync(() => a.IsListening && b.IsListening);
        await a.PublishAsync(new StoryChange(StoryId, StoryChangeKind.StoryRenamed, null, "Ada"));
        Assert.Equal(StoryChangeKind.StoryRenamed, (await onB.NextContentAsync()).Kind);
        // After its own reconnect, A asked again who is where; Bob is back in its list.
        await UntilAsync(async () => (await a.ViewersAsync(StoryId)).Count == 1);
    }

    [Fact]
    public void AMessageStaysWithinNotifysLimitWhateverTheNamesLengths()
    {
        var huge = new string('\u4e2d', 10_000);
        var presence = new SessionPresence(Guid.NewGuid().ToString("N"), new SessionViewer(huge, huge), huge, DateTimeOffset.UtcNow);
        var payload = SessionMessage.ForViewer("instance", SessionMessage.Joined, StoryId, presence).ToPayload();

        Assert.InRange(Encoding.UTF8.GetByteCount(payload), 1, SessionMessage.MaxPayloadBytes);
        Assert.Equal(presence.ConnectionId, SessionMessage.FromPayload(payload)!.ConnectionId);
    }

    internal static async Task<string> CreateDatabaseAsync()
    {
        var name = PostgresServer.NewDatabaseName();
        await using var connection = new NpgsqlConnection(PostgresServer.Instance.ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await create.ExecuteNonQueryAsync();
        return PostgresServer.Instance.ConnectionString(name);
    }

    private static (StoryChangeKind, string?) Heard(StoryChange change) => (change.Kind, change.SubjectId);

    private static Task UntilAsync(Func<bool> condition, TimeSpan? patience = null) => UntilAsync(() => Task.FromResult(condition()), patience);

    private static async Task UntilAsync(Func<Task<bool>> condition, TimeSpan? patience = null)
    {
        var deadline = Stopwatch.StartNew();
        while (!await condition())
        {
            if (deadline.Elapsed > (patience ?? TimeSpan.FromSeconds(10))) throw new TimeoutException("The condition did not become true in time.");
            await Task.Delay(50);
        }
    }
}
