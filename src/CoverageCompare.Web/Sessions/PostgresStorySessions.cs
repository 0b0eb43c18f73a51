using System.Collections.Concurrent;
using System.Threading.Channels;
using Npgsql;

namespace CoverageCompare.Web.Sessions;

/// <summary>
/// Live sessions shared by every instance on one PostgreSQL database, through LISTEN/NOTIFY: no other service.
/// Subscribers on this instance are served by an in-process fan-out as with SQLite; what they publish, and who joins
/// or leaves, is also sent as a small <see cref="SessionMessage"/> on one channel, and what other instances send is
/// delivered here. Each instance heartbeats; one not heard from for <see cref="InstanceTimeout"/> is taken to be gone
/// with all its viewers. When the listening connection drops, it is opened again and every local reader reloads,
/// because notifications sent meanwhile are lost.
/// </summary>
public sealed partial class PostgresStorySessions : BackgroundService, IStorySessions
{
    public const string Channel = "coverage_sessions";

    public static readonly TimeSpan HeartbeatInterval = TimeSpan.FromSeconds(3);

    /// <summary>Well inside the 30 s in which a dead instance's viewers must leave everyone's lists.</summary>
    public static readonly TimeSpan InstanceTimeout = TimeSpan.FromSeconds(12);

    private static readonly TimeSpan MaxReconnectDelay = TimeSpan.FromSeconds(5);

    private readonly InProcessStorySessions local;
    private readonly NpgsqlDataSource dataSource;
    private readonly TimeProvider clock;
    private readonly ILogger<PostgresStorySessions> logger;
    private readonly Channel<SessionMessage> outbox = System.Threading.Channels.Channel.CreateUnbounded<SessionMessage>(new() { SingleReader = true });
    private readonly ConcurrentDictionary<string, (int StoryId, SessionPresence Presence)> ownViewers = new();
    private readonly ConcurrentDictionary<string, RemoteInstance> remotes = new();
    private long lastOwnEchoTicks;
    private volatile bool listening;
    private int sendFailed;

    public PostgresStorySessions(string connectionString, TimeProvider clock, ILoggerFactory loggers)
    {
        this.clock = clock;
        logger = loggers.CreateLogger<PostgresStorySessions>();
        local = new InProcessStorySessions(clock, loggers.CreateLogger<InProcessStorySessions>());
        // Keepalive lets a silently dropped LISTEN connection fail rather than wait for ever.
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { KeepAlive = 5, ApplicationName = "coverage-sessions" };
        dataSource = NpgsqlDataSource.Create(builder.ConnectionString);
    }

    /// <summary>This instance, as the others know it.</summary>
    public string InstanceId { get; } = Guid.NewGuid().ToString("N")[..12];

    /// <summary>Whether the LISTEN connection is up; <c>/healthz</c> reports it.</summary>
    public bool IsListening => listening;

    public IStorySubscription Join(int storyId, SessionViewer viewer, Func<StoryChange, Task> onChange)
    {
        var inner = local.Join(storyId, viewer, onChange);
        var subscription = new Subscription(this, storyId, inner, new SessionPresence(inner.ConnectionId, viewer, null, clock.GetUtcNow()));
        ownViewers[inner.ConnectionId] = (storyId, subscription.Presence);
        Send(SessionMessage.ForViewer(InstanceId, SessionMessage.Joined, storyId, subscription.Presence));
        return subscription;
    }

    public async ValueTask PublishAsync(StoryChange change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        await local.PublishAsync(change, cancellationToken);
        if (change.Kind != StoryChangeKind.Resync) Send(SessionMessage.ForChange(InstanceId, change));
    }

    public async ValueTask<IReadOnlyList<SessionPresence>> ViewersAsync(int storyId, CancellationToken cancellationToken = default)
    {
        var here = await local.ViewersAsync(storyId, cancellationToken);
        var elsewhere = remotes.Values.SelectMany(r => r.Viewers.Values).Where(v => v.StoryId == storyId).Select(v => v.Presence);
        return here.Concat(elsewhere).OrderBy(p => p.JoinedAt).ToList();
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(ListenAsync(stoppingToken), SendAsync(stoppingToken), HeartbeatAsync(stoppingToken));

    public override void Dispose()
    {
        base.Dispose();
        dataSource.Dispose();
    }

    private void Send(SessionMessage message) => outbox.Writer.TryWrite(message);

    private async Task ListenAsync(CancellationToken stoppingToken)
    {
        var attempt = 0;
        var first = true;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(stoppingToken);
                connection.Notification += (_, e) => Receive(e.Payload);
                await using (var command = new NpgsqlCommand($"LISTEN {Channel}", connection)) await command.ExecuteNonQueryAsync(stoppingToken);
                Interlocked.Exchange(ref lastOwnEchoTicks, clock.GetUtcNow().UtcTicks);
                listening = true;
                attempt = 0;
                if (!first)
                {
                    ListenRestored();
                    // What was sent while the connection was down is lost: others' viewers are rebuilt from their answers
                    // to our hello, and every reader here reloads, as a reader reconnecting to a story does.
                    remotes.Clear();
                    local.ResyncAll();
                }
                first = false;
                Send(new SessionMessage(InstanceId, SessionMessage.Hello));
                while (!stoppingToken.IsCancellationRequested)
                {
                    await connection.WaitAsync(HeartbeatInterval, stoppingToken);
                    SweepSilentInstances();
                    // Our own heartbeats come back on this connection; when they stop, it is dead even if no error says so.
                    if (clock.GetUtcNow().UtcTicks - Interlocked.Read(ref lastOwnEchoTicks) > InstanceTimeout.Ticks)
                    {
                        throw new TimeoutException("The LISTEN connection stopped hearing this instance's own heartbeats.");
                    }
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception)
            {
                if (listening || first) ListenLost(exception.GetType().Name);
                listening = false;
                var delay = TimeSpan.FromMilliseconds(Math.Min(MaxReconnectDelay.TotalMilliseconds, 250 * Math.Pow(2, attempt++)));
                try
                {
                    await Task.Delay(delay, clock, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }
        listening = false;
    }

    private async Task SendAsync(CancellationToken stoppingToken)
    {
        var reader = outbox.Reader;
        var batch = new List<SessionMessage>();
        try
        {
            while (await reader.WaitToReadAsync(stoppingToken))
            {
                batch.Clear();
                if (Interlocked.Exchange(ref sendFailed, 0) == 1) batch.Add(new SessionMessage(InstanceId, SessionMessage.ResyncAll));
                while (batch.Count < 100 && reader.TryRead(out var message)) batch.Add(message);
                try
                {
                    await NotifyAsync(batch, stoppingToken);
                }
                catch (Exception exception) when (exception is NpgsqlException or InvalidOperationException or TimeoutException)
                {
                    // Readers elsewhere missed these; the first batch that gets through tells them to reload.
                    Interlocked.Exchange(ref sendFailed, 1);
                    NotifyFailed(batch.Count, exception.GetType().Name);
                    await Task.Delay(TimeSpan.FromMilliseconds(250), clock, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task NotifyAsync(List<SessionMessage> messages, CancellationToken cancellationToken)
    {
        await using var batch = dataSource.CreateBatch();
        foreach (var message in messages)
        {
            var command = new NpgsqlBatchCommand("SELECT pg_notify(@channel, @payload)");
            command.Parameters.AddWithValue("channel", Channel);
            command.Parameters.AddWithValue("payload", message.ToPayload());
            batch.BatchCommands.Add(command);
        }
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task HeartbeatAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(HeartbeatInterval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken)) Send(new SessionMessage(InstanceId, SessionMessage.Heartbeat));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private void Receive(string payload)
    {
        if (SessionMessage.FromPayload(payload) is not { } message) return;
        var now = clock.GetUtcNow();
        if (message.Instance == InstanceId)
        {
            Interlocked.Exchange(ref lastOwnEchoTicks, now.UtcTicks);
            return;
        }
        var remote = remotes.GetOrAdd(message.Instance, _ => new RemoteInstance());
        remote.LastSeen = now;
        switch (message.Type)
        {
            case SessionMessage.Change:
                Deliver(message.ToChange());
                break;
            case SessionMessage.Joined or SessionMessage.Updated when message.ConnectionId is not null:
                var presence = message.ToPresence();
                var known = remote.Viewers.ContainsKey(presence.ConnectionId);
                remote.Viewers[presence.ConnectionId] = (message.StoryId, presence);
                var kind = message.Type == SessionMessage.Joined && !known ? StoryChangeKind.ViewerJoined : StoryChangeKind.ViewerUpdated;
                Deliver(new StoryChange(message.StoryId, kind, presence.ConnectionId, presence.Viewer.Name, presence.ConnectionId));
                break;
            case SessionMessage.Left when message.ConnectionId is not null:
                if (remote.Viewers.TryRemove(message.ConnectionId, out var left))
                {
                    Deliver(new StoryChange(left.StoryId, StoryChangeKind.ViewerLeft, message.ConnectionId, left.Presence.Viewer.Name, message.ConnectionId));
                }
                break;
            case SessionMessage.Hello:
                foreach (var (storyId, own) in ownViewers.Values) Send(SessionMessage.ForViewer(InstanceId, SessionMessage.Joined, storyId, own));
                break;
            case SessionMessage.ResyncAll:
                local.ResyncAll();
                break;
        }
    }

    private void Deliver(StoryChange change) => _ = local.PublishAsync(change);

    private void SweepSilentInstances()
    {
        var cutoff = clock.GetUtcNow() - InstanceTimeout;
        foreach (var (instance, remote) in remotes)
        {
            if (remote.LastSeen >= cutoff || !remotes.TryRemove(instance, out _)) continue;
            InstanceGone(instance, remote.Viewers.Count);
            foreach (var (connectionId, (storyId, presence)) in remote.Viewers)
            {
                Deliver(new StoryChange(storyId, StoryChangeKind.ViewerLeft, connectionId, presence.Viewer.Name, connectionId));
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Live sessions: the LISTEN connection is down ({ErrorType}); reconnecting.")]
    private partial void ListenLost(string errorType);

    [LoggerMessage(Level = LogLevel.Information, Message = "Live sessions: the LISTEN connection is back; readers on this instance reload.")]
    private partial void ListenRestored();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Live sessions: {Count} notifications could not be sent ({ErrorType}); other instances will be told to reload.")]
    private partial void NotifyFailed(int count, string errorType);

    [LoggerMessage(Level = LogLevel.Information, Message = "Live sessions: instance {Instance} fell silent; its {Count} viewers have left.")]
    private partial void InstanceGone(string instance, int count);

    private sealed class RemoteInstance
    {
        public DateTimeOffset LastSeen { get; set; }

        public ConcurrentDictionary<string, (int StoryId, SessionPresence Presence)> Viewers { get; } = new();
    }

    private sealed class Subscription(PostgresStorySessions owner, int storyId, IStorySubscription inner, SessionPresence presence) : IStorySubscription
    {
        private int disposed;

        public string ConnectionId => inner.ConnectionId;

        public SessionPresence Presence { get; private set; } = presence;

        public async ValueTask UpdateAsync(SessionViewer viewer, string? claimId, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(viewer);
            var updated = Presence with { Viewer = viewer, ClaimId = claimId };
            if (updated == Presence || Volatile.Read(ref disposed) == 1) return;
            Presence = updated;
            await inner.UpdateAsync(viewer, claimId, cancellationToken);
            owner.ownViewers[ConnectionId] = (storyId, updated);
            owner.Send(SessionMessage.ForViewer(owner.InstanceId, SessionMessage.Updated, storyId, updated));
        }

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 1) return;
            inner.Dispose();
            owner.ownViewers.TryRemove(ConnectionId, out _);
            owner.Send(new SessionMessage(owner.InstanceId, SessionMessage.Left, storyId, ConnectionId: ConnectionId));
        }
    }
}
