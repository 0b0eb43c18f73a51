namespace CoverageCompare.Web.Components.Pages.Story;

/// <summary>The passage a person chose to annotate, waiting for the editor to be saved.</summary>
public sealed record PendingTarget(int ArticleId, int Start, int End, string Quote);
