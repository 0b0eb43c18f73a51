using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using CoverageCompare.Data.Annotations;
using CoverageCompare.Data.Stories;

namespace CoverageCompare.Web.Annotations;

/// <summary>Writes a story's annotations as a W3C Web Annotation <c>AnnotationCollection</c>; the same input always gives the same bytes.</summary>
public static class WebAnnotationJsonLd
{
    public const string MediaType = "application/ld+json";
    public const string Profile = "http://www.w3.org/ns/anno.jsonld";
    public const string ContentType = $"{MediaType}; profile=\"{Profile}\"";

    internal const string DateFormat = "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'";

    private static readonly JsonWriterOptions WriterOptions = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] WriteCollection(StoryView story, IReadOnlyList<AnnotationView> threads, AnnotationIris iris)
    {
        var items = threads.SelectMany(t => t.Replies.Prepend(t)).ToList();
        var collection = iris.Collection(story.Id);
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, WriterOptions))
        {
            json.WriteStartObject();
            json.WriteString("@context", Profile);
            json.WriteString("id", collection);
            json.WriteString("type", "AnnotationCollection");
            json.WriteString("label", $"Annotations on “{story.Title}”");
            json.WriteNumber("total", items.Count);
            if (items.Count > 0)
            {
                json.WriteStartObject("first");
                json.WriteString("id", collection + "#page-1");
                json.WriteString("type", "AnnotationPage");
                json.WriteString("partOf", collection);
                json.WriteNumber("startIndex", 0);
                json.WriteStartArray("items");
                var urls = story.Articles.ToDictionary(a => a.Id, a => a.Url);
                foreach (var item in items) WriteAnnotation(json, story.Id, item, iris, urls.GetValueOrDefault(item.Target.ArticleId));
                json.WriteEndArray();
                json.WriteEndObject();
            }
            json.WriteEndObject();
        }
        return stream.ToArray();
    }

    /// <param name="articleUrl">The annotated article's own address, when it has one: the target's source.</param>
    public static byte[] WriteAnnotation(int storyId, AnnotationView annotation, AnnotationIris iris, string? articleUrl = null)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, WriterOptions)) WriteAnnotation(json, storyId, annotation, iris, articleUrl, withContext: true);
        return stream.ToArray();
    }

    public static string Motivation(AnnotationView annotation) =>
        annotation.IsReply ? "replying"
        : annotation.Label is not null ? "assessing"
        : annotation.Note.Length > 0 || annotation.Tags.Count > 0 ? "commenting"
        : "highlighting";

    private static void WriteAnnotation(Utf8JsonWriter json, int storyId, AnnotationView a, AnnotationIris iris, string? articleUrl, bool withContext = false)
    {
        json.WriteStartObject();
        if (withContext) json.WriteString("@context", Profile);
        json.WriteString("id", iris.Annotation(a.Id));
        json.WriteString("type", "Annotation");
        json.WriteString("motivation", Motivation(a));
        json.WriteString("created", Date(a.CreatedAt));
        json.WriteString("modified", Date(a.ModifiedAt));
        json.WriteStartObject("creator");
        json.WriteString("type", "Person");
        json.WriteString("name", a.Author);
        json.WriteEndObject();
        // The creator is who imported it here; where it came from is the standard "via". The name the file claimed is
        // not written as a creator, so passing a file through this app cannot lend it a verified author.
        if (a.Imported?.From is { } from && Uri.IsWellFormedUriString(from, UriKind.Absolute)) json.WriteString("via", from);

        if (a.Note.Length > 0 || a.Label is not null || a.Tags.Count > 0)
        {
            json.WriteStartArray("body");
            if (a.Note.Length > 0) WriteBody(json, a.IsReply ? "replying" : "commenting", a.Note, markdown: true);
            if (a.Label is not null) WriteBody(json, "assessing", a.Label, markdown: false);
            foreach (var tag in a.Tags) WriteBody(json, "tagging", tag, markdown: false);
            json.WriteEndArray();
        }

        if (a.ParentId is { } parentId)
        {
            json.WriteString("target", iris.Annotation(parentId));
        }
        else
        {
            json.WriteStartObject("target");
            json.WriteString("type", "SpecificResource");
            // Another tool anchors on the original page; our copy of the text, which the selectors count in, is the scope.
            if (articleUrl is not null)
            {
                json.WriteString("source", articleUrl);
                json.WriteString("scope", iris.Article(storyId, a.Target.ArticleId));
            }
            else
            {
                json.WriteString("source", iris.Article(storyId, a.Target.ArticleId));
            }
            json.WriteStartArray("selector");
            json.WriteStartObject();
            json.WriteString("type", "TextPositionSelector");
            json.WriteNumber("start", a.Target.Start);
            json.WriteNumber("end", a.Target.End);
            json.WriteEndObject();
            json.WriteStartObject();
            json.WriteString("type", "TextQuoteSelector");
            json.WriteString("exact", a.Target.Exact);
            json.WriteString("prefix", a.Target.Prefix);
            json.WriteString("suffix", a.Target.Suffix);
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndObject();
    }

    private static void WriteBody(Utf8JsonWriter json, string purpose, string value, bool markdown)
    {
        json.WriteStartObject();
        json.WriteString("type", "TextualBody");
        json.WriteString("purpose", purpose);
        json.WriteString("value", value);
        json.WriteString("format", markdown ? "text/markdown" : "text/plain");
        json.WriteEndObject();
    }

    private static string Date(DateTime utc) => utc.ToString(DateFormat, CultureInfo.InvariantCulture);
}
