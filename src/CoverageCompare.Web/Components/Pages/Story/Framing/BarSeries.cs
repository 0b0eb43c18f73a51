namespace CoverageCompare.Web.Components.Pages.Story.Framing;

/// <summary>One measure across a chart's labels: its values and, for the text alternative, each value said in words.</summary>
public sealed record BarSeries(string Measure, string Name, IReadOnlyList<int> Values, IReadOnlyList<string> Texts);
