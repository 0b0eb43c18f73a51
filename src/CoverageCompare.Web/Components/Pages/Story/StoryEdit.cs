using CoverageCompare.Web.Sessions;

namespace CoverageCompare.Web.Components.Pages.Story;

/// <summary>
/// What a child of the story page changed, so the page can reload the right part and tell the others.
/// <see cref="Saved"/> is false when nothing was stored (a conflict or a refusal): the page still reloads, to show the current state.
/// <see cref="Published"/> is true when the change went through <see cref="StoryWrites"/>, which told the others already.
/// </summary>
public sealed record StoryEdit(StoryChangeKind Kind, string? SubjectId, bool Saved = true, bool Published = false);
