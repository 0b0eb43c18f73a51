using CoverageCompare.Web.Accounts;

namespace CoverageCompare.Web.Sessions;

/// <summary>What a write came to: refused (<see cref="Decision"/> says why), or stored, with what the store answered.</summary>
public sealed record StoryWrite<T>(AccessDecision Decision, T? Value)
{
    public bool Allowed => Decision.Allowed;
}

/// <summary>
/// The one way a change to a story is made, by a page or by the API: check access, store, then tell the story's viewers.
/// The store's answer says what to publish (null when nothing was stored); publishing is not cancelled with the request,
/// because once the change is stored the people viewing the story should hear of it.
/// </summary>
public sealed class StoryWrites(StoryAccess access, IStorySessions sessions)
{
    public Task<StoryWrite<T>> RunAsync<T>(int storyId, Reviewer reviewer, StoryOperation operation,
        Func<CancellationToken, Task<T>> store, Func<T, StoryChange?> published, CancellationToken cancellationToken = default) =>
        RunAsync(token => access.CheckAsync(storyId, reviewer, operation, token), store, published, cancellationToken);

    /// <summary>The same, for a write whose check depends on what it changes (one's own annotation or someone else's).</summary>
    public async Task<StoryWrite<T>> RunAsync<T>(Func<CancellationToken, Task<AccessDecision>> check,
        Func<CancellationToken, Task<T>> store, Func<T, StoryChange?> published, CancellationToken cancellationToken = default)
    {
        var decision = await check(cancellationToken);
        if (!decision.Allowed) return new StoryWrite<T>(decision, default);
        var value = await store(cancellationToken);
        if (published(value) is { } change) await sessions.PublishAsync(change, CancellationToken.None);
        return new StoryWrite<T>(decision, value);
    }
}
