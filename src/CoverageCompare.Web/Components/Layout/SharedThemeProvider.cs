using System.Collections.Concurrent;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.AspNetCore.Components.RenderTree;
using MudBlazor;

namespace CoverageCompare.Web.Components.Layout;

/// <summary>
/// MudBlazor's theme provider, with its style elements held once per app instead of once per circuit. The base class
/// builds the theme's CSS variables as a new 12,000-character string on every render, and a circuit's render tree
/// keeps the last two (a heap dump of 20 open story pages: 48 KB per circuit, the same text in each). Here each render
/// still asks the base class for its markup, so the output stays MudBlazor's own, but hands the renderer one shared
/// copy of each distinct text.
/// </summary>
public sealed class SharedThemeProvider : MudThemeProvider
{
    // A handful of texts at most (the scrollbar, the chart style, the theme light and dark); the bound only keeps a
    // theme changed at run time from growing it without end.
    private const int MaxShared = 16;
    private static readonly ConcurrentDictionary<string, string> Shared = new(StringComparer.Ordinal);

    // The frames are read back from the base class's own render, so their types and sequence numbers are MudBlazor's
    // literals, passed through unchanged (BL0006, ASP0006); any frame other than markup falls back to the base render.
#pragma warning disable BL0006, ASP0006
    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        using var own = new RenderTreeBuilder();
        base.BuildRenderTree(own);
        var frames = own.GetFrames();
        for (var i = 0; i < frames.Count; i++)
        {
            if (frames.Array[i].FrameType != RenderTreeFrameType.Markup)
            {
                // Not the shape this was written against (a MudBlazor update): render as the base class does.
                base.BuildRenderTree(builder);
                return;
            }
        }
        for (var i = 0; i < frames.Count; i++)
        {
            ref var frame = ref frames.Array[i];
            builder.AddMarkupContent(frame.Sequence, SharedCopy(frame.MarkupContent));
        }
    }
#pragma warning restore BL0006, ASP0006

    private static string SharedCopy(string text) =>
        Shared.TryGetValue(text, out var shared) ? shared
        : Shared.Count < MaxShared ? Shared.GetOrAdd(text, text)
        : text;
}
