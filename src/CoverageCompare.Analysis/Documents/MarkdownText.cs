using System.Text;
using Markdig;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace CoverageCompare.Analysis.Documents;

/// <summary>Visible text of a Markdown article: one paragraph per block, list items as "- " lines, no markup.</summary>
internal static class MarkdownText
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseYamlFrontMatter()
        .DisableHtml()
        .Build();

    public static ArticleDocument Read(string markdown)
    {
        var frontMatter = FrontMatter.Parse(markdown);
        var document = Markdown.Parse(markdown, Pipeline);
        var paragraphs = new List<string>();
        AppendBlocks(document, paragraphs);

        var text = string.Join("\n\n", paragraphs);
        var byline = Byline.Find(text);
        var url = frontMatter.GetValueOrDefault("url");
        return new ArticleDocument(
            text,
            DocumentFormat.Markdown,
            frontMatter.GetValueOrDefault("title") ?? FirstHeading(document),
            Sources.Outlet(frontMatter) ?? byline?.Outlet ?? Sources.HostOf(url),
            frontMatter.GetValueOrDefault("author") ?? byline?.Author,
            DateParsing.Parse(frontMatter.GetValueOrDefault("date") ?? frontMatter.GetValueOrDefault("published")) ?? byline?.Published,
            url);
    }

    private static void AppendBlocks(ContainerBlock container, List<string> paragraphs)
    {
        foreach (var block in container)
        {
            switch (block)
            {
                case YamlFrontMatterBlock or ThematicBreakBlock:
                    break;
                case ListBlock list:
                    var items = list.OfType<ListItemBlock>()
                        .Select(item => "- " + string.Join(" ", BlocksText(item)))
                        .Where(line => line.Length > 2);
                    AddIfText(paragraphs, string.Join("\n", items));
                    break;
                case ContainerBlock child:
                    AppendBlocks(child, paragraphs);
                    break;
                case LeafBlock { Inline: { } inline }:
                    AddIfText(paragraphs, InlineText(inline));
                    break;
                case LeafBlock leaf:
                    AddIfText(paragraphs, leaf.Lines.ToString());
                    break;
            }
        }
    }

    private static List<string> BlocksText(ContainerBlock container)
    {
        var parts = new List<string>();
        AppendBlocks(container, parts);
        return parts;
    }

    private static string InlineText(ContainerInline container)
    {
        var builder = new StringBuilder();
        AppendInline(container, builder);
        return builder.ToString();
    }

    private static void AppendInline(ContainerInline container, StringBuilder builder)
    {
        foreach (var inline in container)
        {
            switch (inline)
            {
                case LiteralInline literal:
                    builder.Append(literal.Content);
                    break;
                case CodeInline code:
                    builder.Append(code.Content);
                    break;
                case LineBreakInline lineBreak:
                    builder.Append(lineBreak.IsHard ? '\n' : ' ');
                    break;
                case HtmlEntityInline entity:
                    builder.Append(entity.Transcoded);
                    break;
                case AutolinkInline autolink:
                    builder.Append(autolink.Url);
                    break;
                case LinkInline { IsImage: true }:
                    break;
                case ContainerInline child:
                    AppendInline(child, builder);
                    break;
            }
        }
    }

    private static void AddIfText(List<string> paragraphs, string text)
    {
        text = text.Trim();
        if (text.Length > 0) paragraphs.Add(text);
    }

    private static string? FirstHeading(MarkdownDocument document) =>
        document.Descendants<HeadingBlock>().FirstOrDefault() is { Inline: { } inline } && InlineText(inline).Trim() is { Length: > 0 } title
            ? title
            : null;
}
