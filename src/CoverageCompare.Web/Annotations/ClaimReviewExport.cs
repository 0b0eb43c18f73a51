using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using CoverageCompare.Data.Annotations;
using CoverageCompare.Data.Stories;

namespace CoverageCompare.Web.Annotations;

/// <summary>
/// schema.org ClaimReview JSON-LD for the annotations that carry a verdict, with the properties Google's fact-check
/// structured data asks for: the claim, its rating on the configured scale, the claim's author, date and appearance
/// (the article's own URL), the organisation as author, and a human-readable page as url. Every text is plain text.
/// </summary>
public static class ClaimReviewExport
{
    private static readonly JsonWriterOptions WriterOptions = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] Write(StoryView story, IReadOnlyList<AnnotationView> threads, AnnotationIris iris, ClaimReviewSettings? settings = null)
    {
        settings ??= ClaimReviewSettings.Default;
        var articles = story.Articles.ToDictionary(a => a.Id);
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, WriterOptions))
        {
            json.WriteStartObject();
            json.WriteString("@context", "https://schema.org");
            json.WriteStartArray("@graph");
            foreach (var review in threads.Where(t => t.Label is not null && articles.ContainsKey(t.Target.ArticleId)))
            {
                WriteReview(json, story, articles[review.Target.ArticleId], review, iris, settings);
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return stream.ToArray();
    }

    private static void WriteReview(Utf8JsonWriter json, StoryView story, ArticleView article, AnnotationView review, AnnotationIris iris, ClaimReviewSettings settings)
    {
        json.WriteStartObject();
        json.WriteString("@type", "ClaimReview");
        json.WriteString("@id", iris.Annotation(review.Id));
        json.WriteString("url", iris.StoryPage(story.Id, review.Id));
        json.WriteString("claimReviewed", OneLine(review.Target.Exact));
        json.WriteString("datePublished", review.CreatedAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        json.WriteString("dateModified", review.ModifiedAt.ToString(WebAnnotationJsonLd.DateFormat, CultureInfo.InvariantCulture));

        json.WriteStartObject("author");
        json.WriteString("@type", "Organization");
        json.WriteString("name", settings.Organisation);
        if (settings.OrganisationUrl is { } organisationUrl) json.WriteString("url", organisationUrl);
        json.WriteEndObject();

        var body = PlainText.FromMarkdown(review.Note);
        if (body.Length > 0) json.WriteString("reviewBody", body);
        if (review.Tags.Count > 0) json.WriteString("keywords", string.Join(", ", review.Tags.Select(OneLine)));

        json.WriteStartObject("reviewRating");
        json.WriteString("@type", "Rating");
        if (settings.RatingOf(review.Label!) is { } rating)
        {
            json.WriteNumber("ratingValue", rating);
            json.WriteNumber("bestRating", settings.BestRating);
            json.WriteNumber("worstRating", settings.WorstRating);
        }
        json.WriteString("alternateName", OneLine(review.Label!));
        json.WriteEndObject();

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
            json.WriteString("name", OneLine(article.DisplayOutlet));
        }
        json.WriteEndObject();
        if (article.PublishedOn is { } published) json.WriteString("datePublished", published.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        json.WriteStartObject("appearance");
        json.WriteString("@type", "NewsArticle");
        json.WriteString("@id", iris.Article(story.Id, article.Id));
        json.WriteString("url", article.Url ?? iris.Article(story.Id, article.Id));
        json.WriteString("headline", OneLine(article.Title));
        if (article.PublishedOn is { } date) json.WriteString("datePublished", date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        json.WriteStartObject("publisher");
        json.WriteString("@type", "Organization");
        json.WriteString("name", OneLine(article.DisplayOutlet));
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();

        json.WriteEndObject();
    }

    private static string OneLine(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
