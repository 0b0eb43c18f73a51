using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace CoverageCompare.Analysis.Documents;

/// <summary>Visible text of an HTML page: no scripts, styles, forms or embedded media, block structure kept as blank lines.</summary>
internal static class HtmlText
{
    private static readonly HashSet<string> Hidden = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "math", "canvas",
        "head", "nav", "form", "button", "select", "textarea", "input", "video", "audio", "img", "picture",
    };

    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "section", "article", "main", "header", "footer", "aside", "blockquote", "pre",
        "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "table", "tr", "figure", "figcaption", "dl", "dt", "dd", "hr",
    };

    public static ArticleDocument Read(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        var builder = new StringBuilder();
        if (document.Body is { } body) AppendVisibleText(body, builder);

        var text = CollapseBlankLines(builder.ToString());
        var byline = Byline.Find(text);
        var url = document.QuerySelector("link[rel=canonical]")?.GetAttribute("href") ?? Meta(document, "og:url");
        return new ArticleDocument(
            text,
            DocumentFormat.Html,
            Meta(document, "og:title") ?? NullIfEmpty(document.Title) ?? NullIfEmpty(document.QuerySelector("h1")?.TextContent),
            Meta(document, "og:site_name") ?? Meta(document, "application-name") ?? byline?.Outlet ?? Sources.HostOf(url),
            Meta(document, "author") ?? Meta(document, "article:author") ?? byline?.Author,
            DateParsing.Parse(Meta(document, "article:published_time") ?? Meta(document, "date")
                ?? document.QuerySelector("time[datetime]")?.GetAttribute("datetime")) ?? byline?.Published,
            url);
    }

    private static void AppendVisibleText(INode node, StringBuilder builder)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText text:
                    AppendCollapsed(text.Data, builder);
                    break;
                case IElement element when Hidden.Contains(element.LocalName) || element.HasAttribute("hidden"):
                    break;
                case IElement { LocalName: "br" }:
                    TrimTrailingSpace(builder);
                    builder.Append('\n');
                    break;
                case IElement element when Blocks.Contains(element.LocalName):
                    EndParagraph(builder);
                    if (element.LocalName == "li") builder.Append("- ");
                    AppendVisibleText(element, builder);
                    EndParagraph(builder);
                    break;
                default:
                    AppendVisibleText(child, builder);
                    break;
            }
        }
    }

    private static void AppendCollapsed(string text, StringBuilder builder)
    {
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                if (builder.Length > 0 && !char.IsWhiteSpace(builder[^1])) builder.Append(' ');
            }
            else
            {
                builder.Append(c);
            }
        }
    }

    private static void EndParagraph(StringBuilder builder)
    {
        TrimTrailingSpace(builder);
        if (builder.Length > 0) builder.Append("\n\n");
    }

    private static void TrimTrailingSpace(StringBuilder builder)
    {
        while (builder.Length > 0 && builder[^1] == ' ') builder.Length--;
    }

    private static string CollapseBlankLines(string text)
    {
        var lines = text.Split('\n').Select(line => line.Trim());
        var builder = new StringBuilder();
        var blank = false;
        foreach (var line in lines)
        {
            if (line.Length == 0) { blank = builder.Length > 0; continue; }
            if (builder.Length > 0) builder.Append(blank ? "\n\n" : "\n");
            builder.Append(line);
            blank = false;
        }
        return builder.ToString();
    }

    private static string? Meta(IDocument document, string name) =>
        NullIfEmpty(document.QuerySelectorAll("meta")
            .FirstOrDefault(meta => string.Equals(meta.GetAttribute("property") ?? meta.GetAttribute("name"), name, StringComparison.OrdinalIgnoreCase))
            ?.GetAttribute("content"));

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
