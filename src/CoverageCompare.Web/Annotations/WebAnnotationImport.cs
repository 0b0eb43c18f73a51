using System.Globalization;
using System.Text.Json;
using CoverageCompare.Data.Annotations;
using CoverageCompare.Data.Stories;

namespace CoverageCompare.Web.Annotations;

/// <summary>
/// Reads Web Annotation JSON-LD as this app writes it (one annotation, an array, an AnnotationPage or an
/// AnnotationCollection with embedded pages) into annotations for the store. The first problem fails the whole file.
/// </summary>
public static class WebAnnotationImport
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 32 };

    public static StoreResult<IReadOnlyList<ImportedAnnotation>> Read(ReadOnlyMemory<byte> utf8)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8, Options);
        }
        catch (JsonException e)
        {
            return Fail($"The file is not valid JSON (line {e.LineNumber + 1}).");
        }

        using (document)
        {
            var root = document.RootElement;
            var items = new List<JsonElement>();
            if (Collect(root, items, hasContext: false) is { } shapeError) return Fail(shapeError);
            if (items.Count == 0) return Fail("The file has no annotations.");

            var ids = new Dictionary<string, Guid>(StringComparer.Ordinal);
            foreach (var item in items)
            {
                if (Text(item, "id") is { } iri && !ids.ContainsKey(iri)) ids[iri] = AnnotationIris.AnnotationIdOf(iri) ?? Guid.NewGuid();
            }

            var result = new List<ImportedAnnotation>(items.Count);
            for (var i = 0; i < items.Count; i++)
            {
                var (annotation, error) = ReadAnnotation(items[i], ids);
                if (error is not null) return Fail($"Annotation {i + 1}{(Text(items[i], "id") is { } id ? $" ({id})" : "")}: {error}");
                result.Add(annotation!);
            }
            return StoreResult<IReadOnlyList<ImportedAnnotation>>.Ok(result);
        }
    }

    private static string? Collect(JsonElement element, List<JsonElement> items, bool hasContext)
    {
        if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var child in element.EnumerateArray())
            {
                if (Collect(child, items, hasContext) is { } error) return error;
            }
            return null;
        }
        if (element.ValueKind != JsonValueKind.Object) return "Expected an annotation, a list of annotations or an AnnotationCollection.";

        hasContext |= HasAnnotationContext(element);
        var types = Values(element, "type");
        if (types.Contains("AnnotationCollection"))
        {
            return element.TryGetProperty("first", out var first) ? Collect(first, items, hasContext) : null;
        }
        if (types.Contains("AnnotationPage"))
        {
            if (element.TryGetProperty("items", out var pageItems) && Collect(pageItems, items, hasContext) is { } error) return error;
            return element.TryGetProperty("next", out var next) && next.ValueKind == JsonValueKind.Object ? Collect(next, items, hasContext) : null;
        }
        if (!types.Contains("Annotation")) return $"Expected \"type\": \"Annotation\" but found {(types.Count == 0 ? "no type" : $"\"{string.Join(", ", types)}\"")}.";
        if (!hasContext) return $"\"@context\" must be \"{WebAnnotationJsonLd.Profile}\".";
        items.Add(element);
        return null;
    }

    private static (ImportedAnnotation? Annotation, string? Error) ReadAnnotation(JsonElement item, Dictionary<string, Guid> ids)
    {
        if (Text(item, "id") is not { } iri) return (null, "it has no \"id\".");
        var motivation = Text(item, "motivation");

        string? note = null, label = null;
        var tags = new List<string>();
        foreach (var body in Elements(item, "body"))
        {
            if (body.ValueKind != JsonValueKind.Object || Text(body, "value") is not { } value) return (null, "a body is not a TextualBody with a value.");
            switch (Text(body, "purpose"))
            {
                case "tagging":
                    tags.Add(value);
                    break;
                case "assessing" or "classifying":
                    if (label is not null) return (null, "it has more than one verdict label.");
                    label = value;
                    break;
                default:
                    if (note is not null) return (null, "it has more than one note.");
                    note = value;
                    break;
            }
        }
        if (note is null && Text(item, "bodyValue") is { } bodyValue) note = bodyValue;

        // Creator and times are the file's claim, kept as provenance only: the store makes the importer the author.
        var creator = item.TryGetProperty("creator", out var creatorElement) ? CreatorName(creatorElement) : null;
        if (!TryReadDate(item, "created", out var created)) return (null, "\"created\" is not a date and time.");
        var from = Text(item, "via") ?? iri;

        var id = ids[iri];
        if (motivation == "replying")
        {
            var parentIri = item.TryGetProperty("target", out var parentTarget)
                ? parentTarget.ValueKind == JsonValueKind.String ? parentTarget.GetString() : Text(parentTarget, "id") ?? Text(parentTarget, "source")
                : null;
            if (parentIri is null) return (null, "a reply must target the annotation it answers.");
            var parentId = ids.TryGetValue(parentIri, out var inFile) ? inFile : AnnotationIris.AnnotationIdOf(parentIri);
            if (parentId is null) return (null, $"the annotation it replies to (\"{parentIri}\") is not an annotation IRI.");
            return (new ImportedAnnotation(id, parentId, 0, 0, 0, "", "", "", null, [], note ?? "", creator, created, from), null);
        }

        if (!item.TryGetProperty("target", out var target) || target.ValueKind != JsonValueKind.Object) return (null, "its target has no source and selectors.");
        // Our own exports name the original page as source and our copy as scope.
        if ((AnnotationIris.ArticleIdOf(Text(target, "source")) ?? AnnotationIris.ArticleIdOf(Text(target, "scope"))) is not { } articleId)
            return (null, "its target's source is not an article IRI of this app.");

        var quote = Elements(target, "selector").FirstOrDefault(s => Text(s, "type") == "TextQuoteSelector");
        var position = Elements(target, "selector").FirstOrDefault(s => Text(s, "type") == "TextPositionSelector");
        if (quote.ValueKind != JsonValueKind.Object || Text(quote, "exact") is not { Length: > 0 } exact) return (null, "its target has no TextQuoteSelector with an exact quote.");
        int start = 0, end = 0;
        if (position.ValueKind == JsonValueKind.Object
            && (!position.TryGetProperty("start", out var s) || !s.TryGetInt32(out start) || !position.TryGetProperty("end", out var e) || !e.TryGetInt32(out end)))
        {
            return (null, "its TextPositionSelector needs whole-number start and end.");
        }

        return (new ImportedAnnotation(id, null, articleId, start, end, exact, Text(quote, "prefix") ?? "", Text(quote, "suffix") ?? "",
            label, tags, note ?? "", creator, created, from), null);
    }

    private static bool HasAnnotationContext(JsonElement element) =>
        element.TryGetProperty("@context", out var context)
        && (context.ValueKind == JsonValueKind.String ? context.GetString() == WebAnnotationJsonLd.Profile
            : context.ValueKind == JsonValueKind.Array && context.EnumerateArray().Any(c => c.ValueKind == JsonValueKind.String && c.GetString() == WebAnnotationJsonLd.Profile));

    /// <summary>False when the property is there but not a date; an absent one reads as null.</summary>
    private static bool TryReadDate(JsonElement item, string name, out DateTime? date)
    {
        date = null;
        if (!item.TryGetProperty(name, out var value)) return true;
        if (value.ValueKind != JsonValueKind.String
            || !DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)) return false;
        date = parsed.UtcDateTime;
        return true;
    }

    /// <summary>A creator given as a name, an agent with a name or nickname, or a list of them (the first named one).</summary>
    private static string? CreatorName(JsonElement creator) => creator.ValueKind switch
    {
        JsonValueKind.String => creator.GetString(),
        JsonValueKind.Object => Text(creator, "name") ?? Text(creator, "nickname"),
        JsonValueKind.Array => creator.EnumerateArray().Select(CreatorName).FirstOrDefault(n => !string.IsNullOrWhiteSpace(n)),
        _ => null,
    };

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static List<string> Values(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value)
            ? value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!).ToList()
            : value.ValueKind == JsonValueKind.String ? [value.GetString()!] : []
            : [];

    private static IEnumerable<JsonElement> Elements(JsonElement element, string name) =>
        !element.TryGetProperty(name, out var value) ? []
        : value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().ToList()
        : [value];

    private static StoreResult<IReadOnlyList<ImportedAnnotation>> Fail(string error) => StoreResult<IReadOnlyList<ImportedAnnotation>>.Fail(error);
}
