using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using CoverageCompare.Analysis;
using CoverageCompare.Analysis.Framing;

namespace CoverageCompare.Cli.Framing;

/// <summary>Writes a framing report by hand with <see cref="Utf8JsonWriter"/>, so the same report always gives the same bytes.</summary>
public static class FramingJson
{
    public static string Serialize(IReadOnlyList<AnalyzedArticle> listing, FramingReport report)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("articles");
            for (var i = 0; i < report.Articles.Count; i++)
            {
                WriteArticle(writer, listing[i], report.Articles[i]);
            }
            writer.WriteEndArray();
            writer.WriteStartArray("sharedFacts");
            foreach (var fact in report.SharedFacts)
            {
                WriteFact(writer, fact);
            }
            writer.WriteEndArray();
            writer.WriteStartArray("timeline");
            foreach (var entry in report.Timeline)
            {
                WriteTimelineEntry(writer, entry);
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteArticle(Utf8JsonWriter writer, AnalyzedArticle listed, ArticleFraming article)
    {
        writer.WriteStartObject();
        writer.WriteString("id", article.ArticleId);
        writer.WriteString("path", listed.Path);
        writer.WriteString("title", listed.Title);
        writer.WriteNumber("claims", article.Claims);
        writer.WriteNumber("attributed", article.Attributed);
        writer.WriteStartArray("speakers");
        foreach (var speaker in article.Speakers)
        {
            writer.WriteStartObject();
            writer.WriteString("speaker", speaker.Speaker);
            writer.WriteNumber("claims", speaker.Claims);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteNumber("hedged", article.Hedged);
        WriteStrings(writer, "hedgeWords", article.HedgeWords);
        writer.WriteNumber("quotes", article.Quotes);
        writer.WriteNumber("sharedFacts", article.SharedFacts);
        WriteFacts(writer, "covered", article.Covered);
        WriteFacts(writer, "omitted", article.Omitted);
        writer.WriteStartArray("singleSource");
        foreach (var claim in article.SingleSource)
        {
            writer.WriteStartObject();
            writer.WriteString("claim", claim.ClaimId);
            writer.WriteString("text", claim.Text);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteStartArray("loadedWords");
        foreach (var word in article.LoadedWords)
        {
            writer.WriteStartObject();
            writer.WriteString("word", word.Word);
            writer.WriteString("claim", word.ClaimId);
            writer.WriteNumber("start", word.Start);
            writer.WriteNumber("end", word.End);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteFact(Utf8JsonWriter writer, SharedFact fact)
    {
        writer.WriteStartObject();
        writer.WriteString("group", fact.GroupId);
        writer.WriteString("label", fact.Label);
        writer.WriteString("verdict", fact.Verdict.ToString().ToLowerInvariant());
        writer.WriteStartArray("wordings");
        foreach (var wording in fact.Wordings)
        {
            writer.WriteStartObject();
            writer.WriteString("article", wording.ArticleId);
            writer.WriteString("claim", wording.ClaimId);
            writer.WriteString("text", wording.Text);
            WriteStrings(writer, "differingWords", wording.DifferingWords.ToList());
            WriteStrings(writer, "loadedWords", wording.LoadedWords.ToList());
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteTimelineEntry(Utf8JsonWriter writer, TimelineEntry entry)
    {
        writer.WriteStartObject();
        writer.WriteString("from", entry.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        writer.WriteString("to", entry.To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        writer.WriteString("label", entry.Label);
        writer.WriteStartArray("mentions");
        foreach (var mention in entry.Mentions)
        {
            writer.WriteStartObject();
            writer.WriteString("article", mention.ArticleId);
            writer.WriteString("claim", mention.ClaimId);
            writer.WriteString("text", mention.Text);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteFacts(Utf8JsonWriter writer, string name, IReadOnlyList<FactRef> facts)
    {
        writer.WriteStartArray(name);
        foreach (var fact in facts)
        {
            writer.WriteStartObject();
            writer.WriteString("group", fact.GroupId);
            writer.WriteString("label", fact.Label);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
    }

    private static void WriteStrings(Utf8JsonWriter writer, string name, IReadOnlyList<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }
        writer.WriteEndArray();
    }
}
