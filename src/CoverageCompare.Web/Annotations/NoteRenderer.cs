using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace CoverageCompare.Web.Annotations;

/// <summary>
/// Renders annotation notes from Markdown to HTML that is safe to show to other people: raw HTML is escaped, links keep
/// only http, https and mailto addresses and get rel="nofollow noopener", and images become plain links so a note
/// cannot make every reader's browser fetch something. A note over the depth or size budget, or one Markdig cannot
/// parse, is shown as escaped plain text instead, so one note can never break the panel for its readers.
/// </summary>
public sealed class NoteRenderer
{
    private const string LinkRel = "nofollow noopener";

    /// <summary>Deeper than any note a person writes (quotes in lists in quotes), far below where parsing gets costly.</summary>
    public const int MaxDepth = 32;

    /// <summary>Notes are stored up to 20,000 characters; longer input (an older row, a test) is not parsed at all.</summary>
    public const int MaxMarkdownLength = 20_000;

    /// <summary>Markdown that expands past this (thousands of tiny links or list items) is shown as text.</summary>
    public const int MaxHtmlLength = 200_000;

    private readonly MarkdownPipeline pipeline = new MarkdownPipelineBuilder { MaximumNestingDepth = MaxDepth }.DisableHtml().Build();

    public string ToHtml(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown)) return "";
        if (markdown.Length > MaxMarkdownLength) return PlainText(markdown);
        try
        {
            var html = Render(markdown);
            return html.Length <= MaxHtmlLength ? html : PlainText(markdown);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or IndexOutOfRangeException or InsufficientExecutionStackException)
        {
            // Markdig refuses input nested past MaxDepth with an ArgumentException; the others guard its less-trodden paths.
            return PlainText(markdown);
        }
    }

    /// <summary>The note as written, escaped, with its line breaks kept.</summary>
    public static string PlainText(string markdown) =>
        "<p class=\"note-plain\">" + System.Net.WebUtility.HtmlEncode(markdown).ReplaceLineEndings("<br>\n") + "</p>\n";

    private string Render(string markdown)
    {
        var document = Markdown.Parse(markdown, pipeline);
        foreach (var link in document.Descendants<LinkInline>().ToList()) Secure(link);
        foreach (var autolink in document.Descendants<AutolinkInline>().ToList()) Secure(autolink);

        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        pipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();
        return writer.ToString();
    }

    private static void Secure(LinkInline link)
    {
        link.IsImage = false;
        link.Title = null;
        if (IsSafe(link.Url))
        {
            link.GetAttributes().AddPropertyIfNotExist("rel", LinkRel);
            return;
        }
        Unwrap(link);
    }

    private static void Secure(AutolinkInline link)
    {
        var url = link.IsEmail ? "mailto:" + link.Url : link.Url;
        if (IsSafe(url))
        {
            link.GetAttributes().AddPropertyIfNotExist("rel", LinkRel);
            return;
        }
        link.ReplaceBy(new LiteralInline(link.Url));
    }

    /// <summary>Keeps a refused link's words as text; an image with no words keeps its address as text instead.</summary>
    private static void Unwrap(LinkInline link)
    {
        if (link.FirstChild is null)
        {
            link.ReplaceBy(new LiteralInline(link.Url ?? ""));
            return;
        }
        while (link.FirstChild is { } child)
        {
            child.Remove();
            link.InsertBefore(child);
        }
        link.Remove();
    }

    private static bool IsSafe(string? url) =>
        Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" or "mailto";
}
