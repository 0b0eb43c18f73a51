using CoverageCompare.Web.Sessions;

namespace CoverageCompare.Web.Components.Pages.Story;

/// <summary>
/// What a child of the story page changed (or tried to: a conflict or a refusal still shows the current state), so the
/// page reloads the right part. The change itself was stored and told to the others by <see cref="Sessions.StoryWrites"/>.
/// </summary>
public sealed record StoryEdit(StoryChangeKind Kind, string? SubjectId);
