namespace CoverageCompare.Web.Components.Pages.Story.Framing;

/// <summary>One bar: <see cref="Description"/> is what its tooltip and screen readers say, e.g. "Metro Wire: 2 of 8 claims".</summary>
public sealed record BarItem(string Label, int Value, string Description);
