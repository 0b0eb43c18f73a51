namespace CoverageCompare.Web.Sessions;

/// <summary>
/// The live sessions of every story: who has it open and what they change. One instance per app. The in-process
/// implementation serves one server; past one machine another implementation carries the same small
/// <see cref="StoryChange"/> records over PostgreSQL LISTEN/NOTIFY or Redis pub/sub, behind sticky sessions.
/// </summary>
public interface IStorySessions
{
    /// <summary>
    /// Opens a connection to a story: the viewer appears in its presence and <paramref name="onChange"/> hears every
    /// change others make, in order, until the subscription is disposed. Each subscription is its own connection,
    /// so a person with two tabs open has two.
    /// </summary>
    IStorySubscription Join(int storyId, SessionViewer viewer, Func<StoryChange, Task> onChange);

    /// <summary>Tells everyone in the story except the change's <see cref="StoryChange.Origin"/>; returns without waiting for them.</summary>
    ValueTask PublishAsync(StoryChange change, CancellationToken cancellationToken = default);

    /// <summary>The open connections to a story, earliest first.</summary>
    ValueTask<IReadOnlyList<SessionPresence>> ViewersAsync(int storyId, CancellationToken cancellationToken = default);
}

/// <summary>A viewer's connection to a story; disposing it (more than once is fine) leaves the story.</summary>
public interface IStorySubscription : IDisposable
{
    string ConnectionId { get; }

    /// <summary>Changes what the others see of this connection: a new name, or the claim being looked at (null for none).</summary>
    ValueTask UpdateAsync(SessionViewer viewer, string? claimId, CancellationToken cancellationToken = default);
}
