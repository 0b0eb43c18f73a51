using System.Globalization;
using System.Net;
using System.Text;
using CoverageCompare.Analysis.Framing;

namespace CoverageCompare.Web.Framing;

/// <summary>
/// A story's framing view as one self-contained HTML page for teaching: inline CSS, no scripts, no outside resources,
/// every piece of article text HTML-encoded.
/// </summary>
public static class HtmlHandout
{
    private const string Style = """
        body { font: 16px/1.5 system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #1b1b1b; }
        table { border-collapse: collapse; width: 100%; margin: 1rem 0; }
        th, td { border: 1px solid #bbb; padding: .3rem .5rem; text-align: left; vertical-align: top; }
        td.n { text-align: right; font-variant-numeric: tabular-nums; }
        mark.differs { background: #fde68a; }
        mark.loaded { background: #fecaca; text-decoration: underline; }
        .fact { break-inside: avoid; margin: 1rem 0; }
        """;

    public static string Write(StoryFraming framing)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append(CultureInfo.InvariantCulture, $"<title>{E(framing.Story.Title)}: framing</title>\n")
            .Append("<style>\n").Append(Style).Append("</style>\n</head>\n<body>\n")
            .Append(CultureInfo.InvariantCulture, $"<h1>{E(framing.Story.Title)}</h1>\n<p>How {framing.Story.Articles.Count} articles tell the story.</p>\n");

        html.Append("<h2>Per article</h2>\n<table>\n<thead><tr><th>Outlet</th><th>Claims</th><th>Attributed</th><th>Speakers</th><th>Hedged</th><th>Quotations</th><th>Shared facts covered</th><th>Omits</th><th>Only this outlet</th><th>Loaded words</th></tr></thead>\n<tbody>\n");
        foreach (var a in framing.Report.Articles)
        {
            html.Append(CultureInfo.InvariantCulture,
                $"<tr><th scope=\"row\">{E(framing.OutletOf(a.ArticleId))}</th><td class=\"n\">{a.Claims}</td><td class=\"n\">{a.Attributed}</td>")
                .Append(CultureInfo.InvariantCulture, $"<td>{E(string.Join(", ", a.Speakers.Select(s => $"{s.Speaker} ({s.Claims})")))}</td>")
                .Append(CultureInfo.InvariantCulture, $"<td class=\"n\">{a.Hedged}</td><td class=\"n\">{a.Quotes}</td><td class=\"n\">{a.Covered.Count} of {a.SharedFacts}</td>")
                .Append(CultureInfo.InvariantCulture, $"<td>{E(string.Join("; ", a.Omitted.Select(f => f.Label)))}</td>")
                .Append(CultureInfo.InvariantCulture, $"<td>{E(string.Join(" ", a.SingleSource.Select(c => c.Text)))}</td>")
                .Append(CultureInfo.InvariantCulture, $"<td>{E(string.Join(", ", a.LoadedWords.Select(w => w.Word)))}</td></tr>\n");
        }
        html.Append("</tbody>\n</table>\n");

        html.Append("<h2>Wording of the shared facts</h2>\n<p><mark class=\"differs\">Marked</mark> words are not used by every outlet reporting the fact; <mark class=\"loaded\">underlined</mark> ones are loaded or evaluative.</p>\n");
        foreach (var fact in framing.Report.SharedFacts)
        {
            html.Append(CultureInfo.InvariantCulture, $"<section class=\"fact\">\n<h3>{E(fact.Label)} ({E(fact.Verdict.ToString().ToLowerInvariant())})</h3>\n<table>\n");
            foreach (var wording in fact.Wordings)
            {
                html.Append(CultureInfo.InvariantCulture, $"<tr><th scope=\"row\">{E(framing.OutletOf(wording.ArticleId))}</th><td>");
                foreach (var piece in wording.Pieces)
                {
                    html.Append(piece switch
                    {
                        { Loaded: true } => $"<mark class=\"loaded\">{E(piece.Text)}</mark>",
                        { Differs: true } => $"<mark class=\"differs\">{E(piece.Text)}</mark>",
                        _ => E(piece.Text),
                    });
                }
                html.Append("</td></tr>\n");
            }
            html.Append("</table>\n</section>\n");
        }

        html.Append("<h2>Timeline</h2>\n<table>\n<thead><tr><th>When</th><th>As written</th><th>Mentioned by</th></tr></thead>\n<tbody>\n");
        foreach (var entry in framing.Report.Timeline)
        {
            html.Append(CultureInfo.InvariantCulture,
                $"<tr><td>{E(StoryFraming.Period(entry))}</td><td>{E(entry.Label)}</td><td>{E(string.Join(", ", entry.ArticleIds.Select(framing.OutletOf)))}</td></tr>\n");
        }
        html.Append("</tbody>\n</table>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
