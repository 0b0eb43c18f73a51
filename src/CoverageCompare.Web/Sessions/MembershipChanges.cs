using CoverageCompare.Data.Stories;

namespace CoverageCompare.Web.Sessions;

/// <summary>
/// Tells everyone on a workspace's stories that its members or roles changed, so an open page reads its role again
/// at once (a demoted editor loses the edit buttons, a removed member sees the story go) instead of at the next click.
/// </summary>
public sealed class MembershipChanges(StoryStore stories, IStorySessions sessions)
{
    public async Task PublishAsync(int workspaceId, string? by, CancellationToken cancellationToken = default)
    {
        foreach (var story in await stories.ListAsync([workspaceId], cancellationToken))
        {
            await sessions.PublishAsync(new StoryChange(story.Id, StoryChangeKind.MembersChanged, null, by), cancellationToken);
        }
    }
}
