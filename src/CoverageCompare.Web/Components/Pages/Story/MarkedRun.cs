using Microsoft.AspNetCore.Components;

namespace CoverageCompare.Web.Components.Pages.Story;

/// <summary>
/// A run of article text inside nested <c>mark</c> elements, one per annotation covering it, so overlapping annotations
/// each keep their own highlight. Written as elements, not a component per level: a story at its annotation cap has
/// tens of thousands of such levels, and as components they made the page take seconds and megabytes per reader.
/// </summary>
public static class MarkedRun
{
    public static RenderFragment Render(InnerPiece run) => builder =>
    {
        foreach (var annotation in run.Annotations)
        {
            builder.OpenElement(0, "mark");
            builder.AddAttribute(1, "class", annotation.Resolved ? "annotation resolved" : "annotation");
            builder.AddAttribute(2, "data-annotation-id", annotation.Id.ToString());
            builder.AddAttribute(3, "title", annotation.Label ?? "Note");
        }
        builder.AddContent(4, run.Text);
        for (var i = 0; i < run.Annotations.Count; i++) builder.CloseElement();
    };
}
