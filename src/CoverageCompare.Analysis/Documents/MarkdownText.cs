using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace CoverageCompare.Analysis.Documents;

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
        var text = Markdown.ToPlainText(markdown, Pipeline).Trim('\n', '\r', ' ');

        return new ArticleDocument(
            text,
            DocumentFormat.Markdown,
            frontMatter.GetValueOrDefault("title") ?? FirstHeading(document),
            frontMatter.GetValueOrDefault("outlet") ?? frontMatter.GetValueOrDefault("source") ?? frontMatter.GetValueOrDefault("publisher"),
            frontMatter.GetValueOrDefault("author"),
            DateParsing.Parse(frontMatter.GetValueOrDefault("date") ?? frontMatter.GetValueOrDefault("published")),
            frontMatter.GetValueOrDefault("url"));
    }

    private static string? FirstHeading(MarkdownDocument document)
    {
        var heading = document.Descendants<HeadingBlock>().FirstOrDefault();
        if (heading?.Inline is null) return null;
        var title = string.Concat(heading.Inline.Descendants<LiteralInline>().Select(literal => literal.Content.ToString())).Trim();
        return title.Length > 0 ? title : null;
    }
}
