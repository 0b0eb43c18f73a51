using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace CoverageCompare.Analysis;

/// <summary>
/// Reads and writes the analysis document of the CLI contract (version 1). Written by hand with
/// <see cref="Utf8JsonWriter"/> so that property order and number formatting never depend on
/// reflection: the same result always gives the same bytes.
/// </summary>
public static class AnalysisJson
{
    public const int Version = 1;

    private static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    public static byte[] SerializeToUtf8Bytes(AnalysisDocument document, bool indented = false)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Options(indented)))
        {
            Write(writer, document);
        }
        return buffer.ToArray();
    }

    public static string Serialize(AnalysisDocument document, bool indented = false) =>
        Encoding.UTF8.GetString(SerializeToUtf8Bytes(document, indented));

    /// <summary>A result on its own, for storage; the article list is left empty.</summary>
    public static string Serialize(AnalysisResult result) => Serialize(new AnalysisDocument([], result));

    /// <summary>The batch line for a story whose files could not be read.</summary>
    public static string SerializeError(string? id, string error)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Options(indented: false)))
        {
            writer.WriteStartObject();
            writer.WriteString("id", id);
            writer.WriteString("error", error);
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static void Write(Utf8JsonWriter writer, AnalysisDocument document)
    {
        var result = document.Result;
        writer.WriteStartObject();
        if (document.Id is not null)
        {
            writer.WriteString("id", document.Id);
        }
        writer.WriteNumber("version", Version);
        writer.WriteStartObject("engine");
        writer.WriteString("name", result.Engine.Name);
        writer.WriteString("model", result.Engine.Model);
        writer.WriteString("note", result.Engine.Note);
        writer.WriteEndObject();
        writer.WriteStartArray("articles");
        foreach (var article in document.Articles)
        {
            writer.WriteStartObject();
            writer.WriteString("id", article.Id);
            writer.WriteString("path", article.Path);
            writer.WriteString("title", article.Title);
            writer.WriteNumber("length", article.Length);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();

        writer.WriteStartArray("claims");
        foreach (var claim in result.Claims)
        {
            writer.WriteStartObject();
            writer.WriteString("id", claim.Id);
            writer.WriteString("article", claim.ArticleId);
            writer.WriteNumber("start", claim.Start);
            writer.WriteNumber("end", claim.End);
            writer.WriteString("text", claim.Text);
            writer.WriteString("kind", Name(claim.Kind));
            writer.WriteString("speaker", claim.Speaker);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();

        writer.WriteStartArray("groups");
        foreach (var group in result.Groups)
        {
            writer.WriteStartObject();
            writer.WriteString("id", group.Id);
            writer.WriteString("label", group.Label);
            writer.WriteStartArray("claims");
            foreach (var id in group.ClaimIds)
            {
                writer.WriteStringValue(id);
            }
            writer.WriteEndArray();
            // Our addition to the contract, written only when there is something to say: a compound sentence of
            // another group that reports this fact too. "claims" stays a partition, so older readers are unaffected.
            if (group.AlsoClaimIds.Count > 0)
            {
                writer.WriteStartArray("alsoClaims");
                foreach (var id in group.AlsoClaimIds)
                {
                    writer.WriteStringValue(id);
                }
                writer.WriteEndArray();
            }
            writer.WriteString("verdict", Name(group.Verdict));
            writer.WriteEndObject();
        }
        writer.WriteEndArray();

        writer.WriteStartArray("links");
        foreach (var link in result.Links)
        {
            writer.WriteStartObject();
            writer.WriteString("a", link.A);
            writer.WriteString("b", link.B);
            writer.WriteString("relation", Name(link.Relation));
            writer.WriteNumber("score", Math.Round(link.Score, 2));
            writer.WriteStartArray("reasons");
            foreach (var reason in link.Reasons)
            {
                writer.WriteStringValue(reason);
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        // Our addition to the contract, written only when there is something to say.
        if (result.HeadlineIssues.Count > 0)
        {
            writer.WriteStartArray("headlineIssues");
            foreach (var issue in result.HeadlineIssues)
            {
                writer.WriteStartObject();
                writer.WriteString("claim", issue.ClaimId);
                writer.WriteStartArray("reasons");
                foreach (var reason in issue.Reasons)
                {
                    writer.WriteStringValue(reason);
                }
                writer.WriteEndArray();
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
        }
        writer.WriteEndObject();
    }

    public static AnalysisDocument Deserialize(string json) => Deserialize(Encoding.UTF8.GetBytes(json));

    /// <exception cref="JsonException">The text is not an analysis document of a supported version.</exception>
    public static AnalysisDocument Deserialize(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8);
        using var json = JsonDocument.ParseValue(ref reader);
        var root = json.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("version", out var version) || version.GetInt32() != Version)
        {
            throw new JsonException($"Not an analysis document of version {Version}.");
        }
        var articles = Array(root, "articles", a => new AnalyzedArticle(
            Required(a, "id"), a.GetProperty("path").GetString(), a.GetProperty("title").GetString(), a.GetProperty("length").GetInt32()));
        var claims = Array(root, "claims", c => new Claim(
            Required(c, "id"), Required(c, "article"), c.GetProperty("start").GetInt32(), c.GetProperty("end").GetInt32(),
            Required(c, "text"), Parse<ClaimKind>(Required(c, "kind")), c.GetProperty("speaker").GetString()));
        var groups = Array(root, "groups", g => new ClaimGroup(
            Required(g, "id"), Required(g, "label"), Array(g, "claims", id => id.GetString() ?? throw new JsonException("null claim id")),
            Parse<GroupVerdict>(Required(g, "verdict")))
        {
            AlsoClaimIds = g.TryGetProperty("alsoClaims", out _) ? Array(g, "alsoClaims", id => id.GetString() ?? throw new JsonException("null claim id")) : [],
        });
        var links = Array(root, "links", l => new ClaimLink(
            Required(l, "a"), Required(l, "b"), Parse<Relation>(Required(l, "relation")), l.GetProperty("score").GetDouble(),
            Array(l, "reasons", r => r.GetString() ?? "")));
        var id = root.TryGetProperty("id", out var idElement) ? idElement.GetString() : null;
        var issues = root.TryGetProperty("headlineIssues", out _)
            ? Array(root, "headlineIssues", i => new HeadlineIssue(Required(i, "claim"), Array(i, "reasons", r => r.GetString() ?? "")))
            : [];
        // Documents written before the engine field was added were lexical.
        var engine = root.TryGetProperty("engine", out var e) && e.ValueKind == JsonValueKind.Object
            ? new EngineInfo(Required(e, "name"), e.GetProperty("model").GetString(), e.GetProperty("note").GetString())
            : EngineInfo.Lexical;
        return new AnalysisDocument(articles, new AnalysisResult(claims, groups, links) { HeadlineIssues = issues, Engine = engine }, id);
    }

    private static JsonWriterOptions Options(bool indented) => new() { Indented = indented, Encoder = Encoder };

    private static string Name<T>(T value) where T : struct, Enum => value.ToString().ToLowerInvariant();

    private static T Parse<T>(string name) where T : struct, Enum =>
        Enum.TryParse<T>(name, ignoreCase: true, out var value) && Enum.IsDefined(value) && !int.TryParse(name, NumberStyles.Integer, CultureInfo.InvariantCulture, out _)
            ? value
            : throw new JsonException($"Unknown {typeof(T).Name} '{name}'.");

    private static string Required(JsonElement element, string name) =>
        element.GetProperty(name).GetString() ?? throw new JsonException($"'{name}' is null.");

    private static T[] Array<T>(JsonElement element, string name, Func<JsonElement, T> read) =>
        element.GetProperty(name).EnumerateArray().Select(read).ToArray();
}
