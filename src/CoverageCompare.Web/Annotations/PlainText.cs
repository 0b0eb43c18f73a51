using Markdig;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace CoverageCompare.Web.Annotations;

/// <summary>
/// A note's Markdown as plain text for formats that carry text, not markup (ClaimReview's reviewBody): emphasis,
/// links and headings lose their syntax, and raw HTML a person typed is dropped rather than passed on as markup.
/// </summary>
public static class PlainText
{
    // HTML is parsed as HTML here (unlike the note renderer) precisely so the plain-text renderer can leave it out.
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder { MaximumNestingDepth = NoteRenderer.MaxDepth }.Build();

    public static string FromMarkdown(string markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown)) return "";
        if (markdown.Length > NoteRenderer.MaxMarkdownLength) return WithoutTags(markdown);
        try
        {
            var document = Markdown.Parse(markdown, Pipeline);
            foreach (var block in document.Descendants<HtmlBlock>().ToList()) block.Parent?.Remove(block);
            foreach (var inline in document.Descendants<HtmlInline>().ToList()) inline.Remove();
            using var writer = new StringWriter();
            var renderer = new HtmlRenderer(writer) { EnableHtmlForBlock = false, EnableHtmlForInline = false, EnableHtmlEscape = false };
            Pipeline.Setup(renderer);
            renderer.Render(document);
            writer.Flush();
            return writer.ToString().Trim();
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or IndexOutOfRangeException or InsufficientExecutionStackException)
        {
            return WithoutTags(markdown);
        }
    }

    /// <summary>The fallback for what Markdig will not parse: every angle bracket goes, so no tag survives.</summary>
    private static string WithoutTags(string text) => text.Replace("<", "", StringComparison.Ordinal).Replace(">", "", StringComparison.Ordinal).Trim();
}
