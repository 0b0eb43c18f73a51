using System.Text.Encodings.Web;
using System.Text.Json;
using CoverageCompare.Data.Annotations;
using CoverageCompare.Data.Stories;

namespace CoverageCompare.Web.Annotations;

/// <summary>schema.org ClaimReview JSON-LD for the annotations that carry a verdict: the quoted claim, where it appeared and the verdict.</summary>
public static class ClaimReviewExport
{
    private static readonly JsonWriterOptions WriterOptions = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] Write(StoryView story, IReadOnlyList<AnnotationView> threads, AnnotationIris iris)
    {
        var articles = story.Articles.ToDictionary(a => a.Id);
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, WriterOptions))
        {
            json.WriteStartObject();
            json.WriteString("@context", "https://schema.org");
            json.WriteStartArray("@graph");
            foreach (var review in threads.Where(t => t.Label is not null && articles.ContainsKey(t.Target.ArticleId)))
            {
                var article = articles[review.Target.ArticleId];
                json.WriteStartObject();
                json.WriteString("@type", "ClaimReview");
                json.WriteString("@id", iris.Annotation(review.Id));
                json.WriteString("url", iris.Annotation(review.Id));
                json.WriteString("claimReviewed", review.Target.Exact);
                json.WriteString("datePublished", review.CreatedAt.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
                json.WriteString("dateModified", review.ModifiedAt.ToString(WebAnnotationJsonLd.DateFormat, System.Globalization.CultureInfo.InvariantCulture));
                json.WriteStartObject("author");
                json.WriteString("@type", "Person");
                json.WriteString("name", review.Author);
                json.WriteEndObject();
                if (review.Note.Length > 0) json.WriteString("reviewBody", review.Note);
                if (review.Tags.Count > 0) json.WriteString("keywords", string.Join(", ", review.Tags));

                json.WriteStartObject("reviewRating");
                json.WriteString("@type", "Rating");
                json.WriteString("alternateName", review.Label);
                json.WriteEndObject();

                json.WriteStartObject("itemReviewed");
                json.WriteString("@type", "Claim");
                json.WriteStartObject("appearance");
                json.WriteString("@type", "NewsArticle");
                json.WriteString("@id", iris.Article(story.Id, article.Id));
                if (article.Url is not null) json.WriteString("url", article.Url);
                json.WriteString("headline", article.Title);
                if (article.PublishedOn is { } published) json.WriteString("datePublished", published.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
                json.WriteStartObject("publisher");
                json.WriteString("@type", "Organization");
                json.WriteString("name", article.Outlet);
                json.WriteEndObject();
                json.WriteEndObject();
                json.WriteEndObject();

                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return stream.ToArray();
    }
}
