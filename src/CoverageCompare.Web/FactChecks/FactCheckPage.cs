using System.Globalization;
using System.Net;
using System.Text;
using CoverageCompare.Data.CheckLists;
using CoverageCompare.Web.Annotations;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace CoverageCompare.Web.FactChecks;

/// <summary>
/// A published fact-check as one self-contained HTML page, like the handouts: inline CSS, no script that runs, no
/// outside resources. It shows the claim and where it appeared, the team's verdict and summary (Markdown with raw
/// HTML escaped) and the sources the summary cites, and carries the same review as ClaimReview JSON-LD.
/// </summary>
public static class FactCheckPage
{
    private const string Style = """
        body { font: 17px/1.55 system-ui, sans-serif; max-width: 44rem; margin: 2rem auto; padding: 0 1rem; color: #1b1b1b; }
        blockquote { margin: 1rem 0; padding: .5rem 1rem; border-left: 4px solid #888; background: #f4f4f4; }
        .verdict { font-size: 1.3rem; font-weight: 600; }
        .meta { color: #555; font-size: .9rem; }
        """;

    private static readonly MarkdownPipeline LinkPipeline = new MarkdownPipelineBuilder { MaximumNestingDepth = NoteRenderer.MaxDepth }.DisableHtml().Build();

    public static string Write(PublishedCheck check, AnnotationIris iris, ClaimReviewSettings settings, NoteRenderer notes)
    {
        var item = check.Item;
        var verdict = item.FinalVerdict ?? "";
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append(CultureInfo.InvariantCulture, $"<title>Fact-check: {E(Cut(item.ClaimText, 120))}</title>\n")
            .Append(CultureInfo.InvariantCulture, $"<link rel=\"canonical\" href=\"{E(iris.FactCheck(item.Slug!))}\">\n")
            .Append("<style>\n").Append(Style).Append("</style>\n");
        if (check.Article is { } reviewed)
        {
            var entry = ClaimReviewExport.FromCheck(item, new ReviewedArticle(iris.Article(item.StoryId, reviewed.Id), reviewed.Url, reviewed.Title, reviewed.Outlet, reviewed.Author, reviewed.PublishedOn), iris);
            html.Append("<script type=\"application/ld+json\">\n").Append(ClaimReviewExport.WriteEmbedded(entry, settings)).Append("\n</script>\n");
        }
        html.Append("</head>\n<body>\n<main>\n")
            .Append(CultureInfo.InvariantCulture, $"<p class=\"meta\">Fact-check by {E(settings.Organisation)} · {E(check.StoryTitle)}</p>\n")
            .Append("<h1>The claim</h1>\n")
            .Append(CultureInfo.InvariantCulture, $"<blockquote data-testid=\"factcheck-claim\">{E(item.ClaimText)}</blockquote>\n");

        if (check.Article is { } article)
        {
            var source = SafeUrl(article.Url) is { } url ? $"<a href=\"{E(url)}\" rel=\"nofollow noopener\">{E(article.Title)}</a>" : E(article.Title);
            var by = string.IsNullOrWhiteSpace(article.Author) ? "" : $" by {E(article.Author)}";
            var on = article.PublishedOn is { } date ? $", {date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}" : "";
            html.Append(CultureInfo.InvariantCulture, $"<p data-testid=\"factcheck-appearance\">Appeared in {E(article.Outlet)}: {source}{by}{on}</p>\n");
        }

        var rating = settings.RatingOf(verdict) is { } value ? $" <span class=\"meta\">({value} on a scale of {settings.WorstRating} to {settings.BestRating})</span>" : "";
        html.Append("<h2>Verdict</h2>\n")
            .Append(CultureInfo.InvariantCulture, $"<p class=\"verdict\" data-testid=\"factcheck-verdict\">{E(verdict)}{rating}</p>\n")
            .Append("<section data-testid=\"factcheck-summary\">\n").Append(notes.ToHtml(item.Summary)).Append("</section>\n");

        var sources = Sources(item.Summary);
        if (sources.Count > 0)
        {
            html.Append("<h2>Sources</h2>\n<ul data-testid=\"factcheck-sources\">\n");
            foreach (var (text, url) in sources)
                html.Append(CultureInfo.InvariantCulture, $"<li><a href=\"{E(url)}\" rel=\"nofollow noopener\">{E(text)}</a></li>\n");
            html.Append("</ul>\n");
        }

        var published = item.PublishedAt?.ToString("d MMMM yyyy", CultureInfo.InvariantCulture) ?? "";
        html.Append(CultureInfo.InvariantCulture, $"<p class=\"meta\">Published {published}; last changed {item.ModifiedAt.ToString("d MMMM yyyy HH:mm 'UTC'", CultureInfo.InvariantCulture)}.</p>\n")
            .Append("</main>\n</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>The http(s) links the summary cites, in order, each once: its words (or its address) and its address.</summary>
    public static IReadOnlyList<(string Text, string Url)> Sources(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown) || markdown.Length > NoteRenderer.MaxMarkdownLength) return [];
        MarkdownDocument document;
        try
        {
            document = Markdown.Parse(markdown, LinkPipeline);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or IndexOutOfRangeException or InsufficientExecutionStackException)
        {
            return [];
        }
        var found = new List<(string, string)>();
        foreach (var inline in document.Descendants<Inline>())
        {
            var (text, url) = inline switch
            {
                LinkInline link => (string.Concat(link.Descendants<LiteralInline>().Select(l => l.Content.ToString())), link.Url),
                AutolinkInline auto when !auto.IsEmail => (auto.Url, auto.Url),
                _ => ("", null),
            };
            if (SafeUrl(url) is { } safe && found.All(f => f.Item2 != safe)) found.Add((text.Length > 0 ? text : safe, safe));
        }
        return found;
    }

    private static string? SafeUrl(string? url) =>
        Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri.AbsoluteUri : null;

    private static string Cut(string text, int length) => text.Length <= length ? text : text[..length] + "…";

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
