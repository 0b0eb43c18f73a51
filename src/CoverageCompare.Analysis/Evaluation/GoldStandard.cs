using System.Text.Json;

namespace CoverageCompare.Analysis.Evaluation;

/// <summary>A short extract that locates one claim: it must occur exactly once in the file's text.</summary>
public sealed record GoldMention(string File, string Quote)
{
    public override string ToString() => $"{System.IO.Path.GetFileName(File)}: \"{Quote}\"";
}

/// <summary>Two mentions of one fact that report it differently, and optionally the kind of reason expected ("number", "actor", ...).</summary>
public sealed record GoldDisagreement(GoldMention A, GoldMention B, string? Reason);

/// <summary>
/// One fact: every pair of <see cref="Mentions"/> in different files must be linked; <see cref="Also"/> mentions touch the
/// fact in passing (a link to them is correct, not required). Pairs not listed in <see cref="Disagreements"/> agree.
/// </summary>
public sealed record GoldFact(string Name, IReadOnlyList<GoldMention> Mentions, IReadOnlyList<GoldMention> Also, IReadOnlyList<GoldDisagreement> Disagreements)
{
    public Relation Relation => Disagreements.Count > 0 ? Relation.Disagree : Relation.Agree;
}

/// <summary>
/// A gold alignment of one story (format in docs/gold-format.md): the files, in the order they are analysed, and the
/// facts two or more of them report. <see cref="Exhaustive"/> says every such fact is listed, so that every link the
/// engine makes between the files is judged, not only links between listed mentions.
/// </summary>
public sealed record GoldStandard(IReadOnlyList<string> Files, bool Exhaustive, IReadOnlyList<GoldFact> Facts)
{
    private const int MaxFacts = 10_000;

    /// <summary>The position of a mention's file in <see cref="Files"/>.</summary>
    public int IndexOf(string file)
    {
        for (var i = 0; i < Files.Count; i++)
        {
            if (string.Equals(Files[i], file, StringComparison.Ordinal)) return i;
        }
        return -1;
    }

    /// <summary>Reads the JSON; throws <see cref="FormatException"/> naming what is wrong.</summary>
    public static GoldStandard Parse(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new FormatException($"not valid JSON ({e.Message})", e);
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw new FormatException("expected an object with \"files\" and \"facts\"");
            var files = Strings(Required(root, "files", JsonValueKind.Array), "files");
            if (files.Count == 0) throw new FormatException("\"files\" lists no file");
            var exhaustive = root.TryGetProperty("exhaustive", out var e) && e.ValueKind == JsonValueKind.True;
            var facts = new List<GoldFact>();
            foreach (var item in Required(root, "facts", JsonValueKind.Array).EnumerateArray())
            {
                if (facts.Count == MaxFacts) throw new FormatException($"more than {MaxFacts} facts");
                facts.Add(ReadFact(item, files, facts.Count + 1));
            }
            return new GoldStandard(files, exhaustive, facts);
        }
    }

    private static GoldFact ReadFact(JsonElement item, IReadOnlyList<string> files, int number)
    {
        if (item.ValueKind != JsonValueKind.Object) throw new FormatException($"fact {number} is not an object");
        var name = item.TryGetProperty("fact", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString()! : $"fact {number}";
        var where = $"fact \"{name}\"";
        var mentions = Mentions(Required(item, "mentions", JsonValueKind.Array), files, where);
        var also = item.TryGetProperty("also", out var a) ? Mentions(a, files, where) : [];
        var disagreements = new List<GoldDisagreement>();
        if (item.TryGetProperty("disagree", out var d))
        {
            if (d.ValueKind != JsonValueKind.Array) throw new FormatException($"{where}: \"disagree\" must be a list");
            foreach (var pair in d.EnumerateArray())
            {
                var first = Listed(pair, "a", mentions, where);
                var second = Listed(pair, "b", mentions, where);
                if (first.File == second.File) throw new FormatException($"{where}: a disagreement is between two different files");
                var reason = pair.TryGetProperty("reason", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString() : null;
                disagreements.Add(new GoldDisagreement(first, second, reason));
            }
        }
        var relation = item.TryGetProperty("relation", out var rel) && rel.ValueKind == JsonValueKind.String ? rel.GetString() : null;
        var expected = disagreements.Count > 0 ? "disagree" : "agree";
        if (relation is not null && relation != expected)
        {
            throw new FormatException($"{where}: \"relation\" is \"{relation}\" but the fact lists {(disagreements.Count > 0 ? "" : "no ")}pairs under \"disagree\"");
        }
        if (mentions.Select(m => m.File).Distinct(StringComparer.Ordinal).Count() < 2 && mentions.Count > 0)
        {
            throw new FormatException($"{where}: its mentions are all in one file; a fact needs two files (or put them under \"also\")");
        }
        return new GoldFact(name, mentions, also, disagreements);
    }

    private static GoldMention Listed(JsonElement pair, string side, IReadOnlyList<GoldMention> mentions, string where)
    {
        if (pair.ValueKind != JsonValueKind.Object || !pair.TryGetProperty(side, out var q) || q.ValueKind != JsonValueKind.String)
        {
            throw new FormatException($"{where}: each disagreement is {{\"a\": QUOTE, \"b\": QUOTE, \"reason\": KIND}}");
        }
        var quote = q.GetString()!;
        var matches = mentions.Where(m => m.Quote == quote).ToList();
        return matches.Count == 1 ? matches[0] : throw new FormatException($"{where}: disagreement quote \"{quote}\" must be exactly one of its mentions' quotes");
    }

    private static List<GoldMention> Mentions(JsonElement list, IReadOnlyList<string> files, string where)
    {
        if (list.ValueKind != JsonValueKind.Array) throw new FormatException($"{where}: mentions must be a list");
        var mentions = new List<GoldMention>();
        foreach (var m in list.EnumerateArray())
        {
            if (m.ValueKind != JsonValueKind.Object
                || !m.TryGetProperty("file", out var f) || f.ValueKind != JsonValueKind.String
                || !m.TryGetProperty("quote", out var q) || q.ValueKind != JsonValueKind.String || q.GetString()!.Length == 0)
            {
                throw new FormatException($"{where}: each mention is {{\"file\": NAME, \"quote\": TEXT}}");
            }
            mentions.Add(new GoldMention(File(f.GetString()!, files, where), q.GetString()!));
        }
        return mentions;
    }

    /// <summary>A mention names its file as written in "files" or by its file name alone.</summary>
    private static string File(string name, IReadOnlyList<string> files, string where)
    {
        if (files.Contains(name, StringComparer.Ordinal)) return name;
        var byName = files.Where(f => System.IO.Path.GetFileName(f) == name).ToList();
        return byName.Count == 1 ? byName[0] : throw new FormatException($"{where}: \"{name}\" is {(byName.Count == 0 ? "not" : "more than once")} in \"files\"");
    }

    private static JsonElement Required(JsonElement parent, string name, JsonValueKind kind) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind == kind
            ? value
            : throw new FormatException($"\"{name}\" is missing or not a{(kind == JsonValueKind.Array ? " list" : "n object")}");

    private static List<string> Strings(JsonElement list, string name) =>
        list.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String && e.GetString()!.Length > 0
            ? e.GetString()!
            : throw new FormatException($"\"{name}\" holds something other than a path")).ToList();
}
