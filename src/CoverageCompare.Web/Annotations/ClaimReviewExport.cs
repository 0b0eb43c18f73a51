using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using CoverageCompare.Data.Annotations;
using CoverageCompare.Data.CheckLists;
using CoverageCompare.Data.Stories;

namespace CoverageCompare.Web.Annotations;

/// <summary>The claim a review is about and where it appeared, whichever the review came from (an annotation or a published check).</summary>
public sealed record ReviewedArticle(string Iri, string? Url, string Title, string Outlet, string? Author, DateOnly? PublishedOn)
{
    public static ReviewedArticle From(ArticleView article, string iri) =>
        new(iri, article.Url, article.Title, article.DisplayOutlet, article.Author, article.PublishedOn);
}

/// <summary>One ClaimReview: its IRI, the human-readable page it lives at, the claim, the verdict and a Markdown body.</summary>
public sealed record ClaimReviewEntry(string Id, string Url, string Claim, DateTime Published, DateTime Modified, string Verdict, string BodyMarkdown, IReadOnlyList<string> Tags, ReviewedArticle Article);

/// <summary>
/// schema.org ClaimReview JSON-LD with the properties Google's fact-check structured data asks for: the claim, its
/// rating on the configured scale, the claim's author, date and appearance (the article's own URL), the organisation
/// as author, and a human-readable page as url. Every text is plain text. A published check-list item speaks for its
/// claim: its final verdict and its public page replace the annotations on the same words.
/// </summary>
public static class ClaimReviewExport
{
    private static readonly JsonWriterOptions WriterOptions = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    // Inside an HTML <script> element: the default encoder writes < > & ' as \u escapes, so no text can close the element.
    private static readonly JsonWriterOptions EmbeddedOptions = new() { Indented = true, Encoder = JavaScriptEncoder.Default };

    public static byte[] Write(StoryView story, IReadOnlyList<AnnotationView> threads, AnnotationIris iris, ClaimReviewSettings? settings = null, IReadOnlyList<CheckItemView>? checks = null)
    {
        settings ??= ClaimReviewSettings.Default;
        var articles = story.Articles.ToDictionary(a => a.Id);
        var published = (checks ?? []).Where(c => c is { IsPublished: true, FinalVerdict: not null, Slug: not null, ArticleId: { } id } && articles.ContainsKey(id)).ToList();
        var entries = published.Select(c => FromCheck(c, ReviewedArticle.From(articles[c.ArticleId!.Value], iris.Article(story.Id, c.ArticleId.Value)), iris))
            .Concat(threads
                .Where(t => t.Label is not null && articles.ContainsKey(t.Target.ArticleId))
                .Where(t => !published.Any(c => c.Covers(t.Target.ArticleId, t.Target.Start, t.Target.End)))
                .Select(t => new ClaimReviewEntry(iris.Annotation(t.Id), iris.StoryPage(story.Id, t.Id), t.Target.Exact, t.CreatedAt, t.ModifiedAt, t.Label!, t.Note, t.Tags,
                    ReviewedArticle.From(articles[t.Target.ArticleId], iris.Article(story.Id, t.Target.ArticleId)))));

        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, WriterOptions))
        {
            json.WriteStartObject();
            json.WriteString("@context", "https://schema.org");
            json.WriteStartArray("@graph");
            foreach (var entry in entries) WriteReview(json, entry, settings);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return stream.ToArray();
    }

    /// <summary>One ClaimReview as a document of its own, escaped for embedding in an HTML page's script element.</summary>
    public static string WriteEmbedded(ClaimReviewEntry entry, ClaimReviewSettings settings)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, EmbeddedOptions))
        {
            WriteReview(json, entry, settings, context: true);
        }
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    public static ClaimReviewEntry FromCheck(CheckItemView check, ReviewedArticle article, AnnotationIris iris) =>
        new(iris.FactCheck(check.Slug!), iris.FactCheck(check.Slug!), check.ClaimText, check.PublishedAt ?? check.ModifiedAt, check.ModifiedAt,
            check.FinalVerdict!, check.Summary, [], article);

    private static void WriteReview(Utf8JsonWriter json, ClaimReviewEntry review, ClaimReviewSettings settings, bool context = false)
    {
        json.WriteStartObject();
        if (context) json.WriteString("@context", "https://schema.org");
        json.WriteString("@type", "ClaimReview");
        json.WriteString("@id", review.Id);
        json.WriteString("url", review.Url);
        json.WriteString("claimReviewed", OneLine(review.Claim));
        json.WriteString("datePublished", review.Published.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        json.WriteString("dateModified", review.Modified.ToString(WebAnnotationJsonLd.DateFormat, CultureInfo.InvariantCulture));

        json.WriteStartObject("author");
        json.WriteString("@type", "Organization");
        json.WriteString("name", settings.Organisation);
        if (settings.OrganisationUrl is { } organisationUrl) json.WriteString("url", organisationUrl);
        json.WriteEndObject();

        var body = PlainText.FromMarkdown(review.BodyMarkdown);
        if (body.Length > 0) json.WriteString("reviewBody", body);
        if (review.Tags.Count > 0) json.WriteString("keywords", string.Join(", ", review.Tags.Select(OneLine)));

        json.WriteStartObject("reviewRating");
        json.WriteString("@type", "Rating");
        if (settings.RatingOf(review.Verdict) is { } rating)
        {
            json.WriteNumber("ratingValue", rating);
            json.WriteNumber("bestRating", settings.BestRating);
            json.WriteNumber("worstRating", settings.WorstRating);
        }
        json.WriteString("alternateName", OneLine(review.Verdict));
        json.WriteEndObject();

        var article = review.Article;
        json.WriteStartObject("itemReviewed");
        json.WriteString("@type", "Claim");
        // Who made the claim: the article's author when known, else the outlet that published it.
        json.WriteStartObject("author");
        if (!string.IsNullOrWhiteSpace(article.Author))
        {
            json.WriteString("@type", "Person");
            json.WriteString("name", OneLine(article.Author));
        }
        else
        {
            json.WriteString("@type", "Organization");
            json.WriteString("name", OneLine(article.Outlet));
        }
        json.WriteEndObject();
        if (article.PublishedOn is { } published) json.WriteString("datePublished", published.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        json.WriteStartObject("appearance");
        json.WriteString("@type", "NewsArticle");
        json.WriteString("@id", article.Iri);
        json.WriteString("url", article.Url ?? article.Iri);
        json.WriteString("headline", OneLine(article.Title));
        if (article.PublishedOn is { } date) json.WriteString("datePublished", date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        json.WriteStartObject("publisher");
        json.WriteString("@type", "Organization");
        json.WriteString("name", OneLine(article.Outlet));
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();

        json.WriteEndObject();
    }

    private static string OneLine(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
