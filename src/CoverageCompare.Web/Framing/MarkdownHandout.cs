using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace CoverageCompare.Web.Framing;

/// <summary>A story's framing view as Markdown for teaching; article text is escaped so it reads as written and never as markup.</summary>
public static partial class MarkdownHandout
{
    public static string Write(StoryFraming framing)
    {
        var md = new StringBuilder();
        md.Append(CultureInfo.InvariantCulture, $"# {E(framing.Story.Title)}\n\nHow {framing.Story.Articles.Count} articles tell the story.\n\n## Per article\n\n");
        md.Append("| Outlet | Claims | Attributed | Speakers | Hedged | Quotations | Shared facts covered | Loaded words |\n");
        md.Append("| --- | ---: | ---: | --- | ---: | ---: | ---: | --- |\n");
        foreach (var a in framing.Report.Articles)
        {
            md.Append(CultureInfo.InvariantCulture,
                $"| {E(framing.OutletOf(a.ArticleId))} | {a.Claims} | {a.Attributed} | {E(string.Join(", ", a.Speakers.Select(s => $"{s.Speaker} ({s.Claims})")))} | {a.Hedged} | {a.Quotes} | {a.Covered.Count} of {a.SharedFacts} | {E(string.Join(", ", a.LoadedWords.Select(w => w.Word)))} |\n");
        }
        foreach (var a in framing.Report.Articles)
        {
            md.Append(CultureInfo.InvariantCulture, $"\n### {E(framing.OutletOf(a.ArticleId))}\n\n");
            md.Append(CultureInfo.InvariantCulture, $"- Omits: {(a.Omitted.Count == 0 ? "nothing the others share" : E(string.Join("; ", a.Omitted.Select(f => f.Label))))}\n");
            foreach (var claim in a.SingleSource)
            {
                md.Append(CultureInfo.InvariantCulture, $"- Only here: {E(claim.Text)}\n");
            }
        }

        md.Append("\n## Wording of the shared facts\n\n**Bold** words are not used by every outlet reporting the fact; _italic_ ones are loaded or evaluative.\n");
        foreach (var fact in framing.Report.SharedFacts)
        {
            md.Append(CultureInfo.InvariantCulture, $"\n### {E(fact.Label)} ({fact.Verdict.ToString().ToLowerInvariant()})\n\n");
            foreach (var wording in fact.Wordings)
            {
                var text = string.Concat(wording.Pieces.Select(p => p switch
                {
                    { Loaded: true } => $"_{E(p.Text)}_",
                    { Differs: true } => $"**{E(p.Text)}**",
                    _ => E(p.Text),
                }));
                md.Append(CultureInfo.InvariantCulture, $"- {E(framing.OutletOf(wording.ArticleId))}: {text}\n");
            }
        }

        md.Append("\n## Timeline\n\n| When | As written | Mentioned by |\n| --- | --- | --- |\n");
        foreach (var entry in framing.Report.Timeline)
        {
            md.Append(CultureInfo.InvariantCulture,
                $"| {StoryFraming.Period(entry)} | {E(entry.Label)} | {E(string.Join(", ", entry.ArticleIds.Select(framing.OutletOf)))} |\n");
        }
        return md.ToString();
    }

    /// <summary>Backslash-escapes every ASCII punctuation mark Markdown could read as syntax, and flattens line breaks.</summary>
    private static string E(string text) => Special().Replace(text.ReplaceLineEndings(" "), @"\$0");

    [GeneratedRegex(@"[\\`*_{}\[\]()<>#+\-.!|~&""']")]
    private static partial Regex Special();
}
