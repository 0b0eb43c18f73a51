using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Threading.Channels;

namespace CoverageCompare.Web.Sessions;

/// <summary>
/// Live sessions within this process. Each subscription has its own bounded queue and delivers from it on its own,
/// so publishing is a non-blocking write per subscriber, and a slow, stuck or throwing subscriber delays only itself.
/// </summary>
public sealed partial class InProcessStorySessions(TimeProvider clock, ILogger<InProcessStorySessions> logger) : IStorySessions
{
    /// <summary>How far one subscriber may fall behind before what it has queued is replaced by one <see cref="StoryChangeKind.Resync"/>.</summary>
    public const int QueueCapacity = 256;

    private readonly Lock membership = new();

    // Copy-on-write lists, changed under the membership lock, so publishing reads a snapshot without locking.
    private readonly ConcurrentDictionary<int, ImmutableArray<Subscription>> stories = new();

    public IStorySubscription Join(int storyId, SessionViewer viewer, Func<StoryChange, Task> onChange)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(onChange);
        var subscription = new Subscription(this, storyId, new SessionPresence(NewConnectionId(), viewer, null, clock.GetUtcNow()), onChange);
        lock (membership)
        {
            stories[storyId] = stories.TryGetValue(storyId, out var present) ? present.Add(subscription) : [subscription];
        }
        subscription.Start();
        Deliver(new StoryChange(storyId, StoryChangeKind.ViewerJoined, subscription.ConnectionId, viewer.Name, subscription.ConnectionId));
        return subscription;
    }

    public ValueTask PublishAsync(StoryChange change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        Deliver(change);
        return ValueTask.CompletedTask;
    }

    public ValueTask<IReadOnlyList<SessionPresence>> ViewersAsync(int storyId, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<SessionPresence> viewers = stories.TryGetValue(storyId, out var subscriptions)
            ? subscriptions.Select(s => s.Presence).OrderBy(p => p.JoinedAt).ToList()
            : [];
        return ValueTask.FromResult(viewers);
    }

    /// <summary>Tells every subscriber of every story to reload everything, for when changes may have been missed.</summary>
    public void ResyncAll()
    {
        foreach (var storyId in stories.Keys) Deliver(new StoryChange(storyId, StoryChangeKind.Resync));
    }

    private void Deliver(StoryChange change)
    {
        if (!stories.TryGetValue(change.StoryId, out var subscriptions)) return;
        foreach (var subscription in subscriptions)
        {
            if (subscription.ConnectionId != change.Origin) subscription.Enqueue(change);
        }
    }

    private void Leave(Subscription subscription)
    {
        lock (membership)
        {
            if (!stories.TryGetValue(subscription.StoryId, out var present)) return;
            var remaining = present.Remove(subscription);
            if (remaining.IsEmpty) stories.TryRemove(subscription.StoryId, out _);
            else stories[subscription.StoryId] = remaining;
        }
        Deliver(new StoryChange(subscription.StoryId, StoryChangeKind.ViewerLeft, subscription.ConnectionId, subscription.Presence.Viewer.Name, subscription.ConnectionId));
    }

    private static string NewConnectionId() => Guid.NewGuid().ToString("N");

    [LoggerMessage(Level = LogLevel.Error, Message = "A subscriber of story {StoryId} failed on {Kind}; the others were told.")]
    private partial void SubscriberFailed(Exception exception, int storyId, StoryChangeKind kind);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A subscriber of story {StoryId} fell {Capacity} changes behind; it will reload everything.")]
    private partial void SubscriberOverflowed(int storyId, int capacity);

    private sealed class Subscription(InProcessStorySessions owner, int storyId, SessionPresence presence, Func<StoryChange, Task> onChange) : IStorySubscription
    {
        private readonly Channel<StoryChange> queue = Channel.CreateBounded<StoryChange>(new BoundedChannelOptions(QueueCapacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });

        private SessionPresence presence = presence;
        private int overflowed;
        private int disposed;

        public int StoryId => storyId;

        public string ConnectionId => presence.ConnectionId;

        public SessionPresence Presence => Volatile.Read(ref presence);

        public void Start() => _ = DeliverAsync();

        public void Enqueue(StoryChange change)
        {
            // Never waits: a full queue means this subscriber is far behind, and one reload of everything replaces what it missed.
            if (!queue.Writer.TryWrite(change) && Volatile.Read(ref disposed) == 0 && Interlocked.Exchange(ref overflowed, 1) == 0)
            {
                owner.SubscriberOverflowed(storyId, QueueCapacity);
            }
        }

        public ValueTask UpdateAsync(SessionViewer viewer, string? claimId, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(viewer);
            // Only the connection's own circuit updates it, one call at a time; readers see either version whole.
            var current = Volatile.Read(ref presence);
            var updated = current with { Viewer = viewer, ClaimId = claimId };
            if (updated == current || Volatile.Read(ref disposed) == 1) return ValueTask.CompletedTask;
            Volatile.Write(ref presence, updated);
            owner.Deliver(new StoryChange(storyId, StoryChangeKind.ViewerUpdated, ConnectionId, viewer.Name, ConnectionId));
            return ValueTask.CompletedTask;
        }

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 1) return;
            queue.Writer.TryComplete();
            owner.Leave(this);
        }

        private async Task DeliverAsync()
        {
            // ConfigureAwait(false) throughout: subscriber code runs on the thread pool, never on the publisher's thread.
            var reader = queue.Reader;
            while (await reader.WaitToReadAsync().ConfigureAwait(false))
            {
                while (reader.TryRead(out var change))
                {
                    if (Interlocked.Exchange(ref overflowed, 0) == 1)
                    {
                        // Everything still queued was stored before this moment, so the one full reload covers it too.
                        while (reader.TryRead(out _))
                        {
                        }
                        change = new StoryChange(storyId, StoryChangeKind.Resync);
                    }
                    await InvokeAsync(change).ConfigureAwait(false);
                }
            }
        }

        private async Task InvokeAsync(StoryChange change)
        {
            if (Volatile.Read(ref disposed) == 1) return;
            try
            {
                await onChange(change).ConfigureAwait(false);
            }
            catch (Exception exception)
            {
                owner.SubscriberFailed(exception, storyId, change.Kind);
            }
        }
    }
}
