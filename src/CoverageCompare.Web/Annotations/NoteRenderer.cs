using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace CoverageCompare.Web.Annotations;

/// <summary>
/// Renders annotation notes from Markdown to HTML that is safe to show to other people: raw HTML is escaped, links keep
/// only http, https and mailto addresses and get rel="nofollow noopener", and images become plain links so a note
/// cannot make every reader's browser fetch something.
/// </summary>
public sealed class NoteRenderer
{
    private const string LinkRel = "nofollow noopener";

    private readonly MarkdownPipeline pipeline = new MarkdownPipelineBuilder().DisableHtml().Build();

    public string ToHtml(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown)) return "";

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
