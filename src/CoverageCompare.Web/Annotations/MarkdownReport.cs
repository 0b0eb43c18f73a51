using System.Globalization;
using System.Text;
using CoverageCompare.Data.Annotations;
using CoverageCompare.Data.Stories;

namespace CoverageCompare.Web.Annotations;

/// <summary>A readable report of a story's annotations, article by article in column order.</summary>
public static class MarkdownReport
{
    public static string Write(StoryView story, IReadOnlyList<AnnotationView> threads)
    {
        var report = new StringBuilder();
        report.Append("# Annotations: ").AppendLine(Inline(story.Title)).AppendLine();
        report.Append(CultureInfo.InvariantCulture, $"{threads.Count} annotation{(threads.Count == 1 ? "" : "s")}");
        var verdicts = threads.Where(t => t.Label is not null).GroupBy(t => t.Label!).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).ToList();
        if (verdicts.Count > 0) report.Append("; verdicts: ").Append(string.Join(", ", verdicts.Select(g => $"{Inline(g.Key)} {g.Count()}")));
        report.AppendLine(".").AppendLine();

        foreach (var article in story.Articles)
        {
            var onArticle = threads.Where(t => t.Target.ArticleId == article.Id).OrderBy(t => t.Target.Start).ThenBy(t => t.CreatedAt).ToList();
            if (onArticle.Count == 0) continue;
            report.Append("## ").Append(Inline(article.DisplayOutlet)).Append(": ").AppendLine(Inline(article.Title)).AppendLine();
            foreach (var thread in onArticle) WriteThread(report, thread);
        }
        return report.ToString();
    }

    private static void WriteThread(StringBuilder report, AnnotationView thread)
    {
        report.Append("### ").Append(thread.Label is null ? "Comment" : Inline(thread.Label));
        if (thread.Target.Orphaned) report.Append(" (orphaned: the quoted text is no longer in the article)");
        if (thread.ResolvedAt is not null) report.Append(" (resolved)");
        report.AppendLine().AppendLine();
        report.Append("> “").Append(Inline(thread.Target.Exact)).AppendLine("”").AppendLine();
        report.Append(CultureInfo.InvariantCulture, $"*{ImportedBy(thread)}{Inline(thread.Author)}, {thread.CreatedAt:yyyy-MM-dd HH:mm} UTC{AsWritten(thread)}*");
        if (thread.Tags.Count > 0) report.Append(" · tags: ").Append(string.Join(", ", thread.Tags.Select(Inline)));
        report.AppendLine().AppendLine();
        if (thread.Note.Length > 0) report.AppendLine(Indented(thread.Note, "")).AppendLine();
        foreach (var reply in thread.Replies)
        {
            report.Append(CultureInfo.InvariantCulture, $"- {ImportedBy(reply)}**{Inline(reply.Author)}** ({reply.CreatedAt:yyyy-MM-dd HH:mm} UTC){AsWritten(reply)}:").AppendLine();
            report.AppendLine(Indented(reply.Note, "  ")).AppendLine();
        }
    }

    private static string ImportedBy(AnnotationView a) => a.Imported is null ? "" : "imported by ";

    /// <summary>What an imported file claimed, after the verified importer and never in its place.</summary>
    private static string AsWritten(AnnotationView a)
    {
        if (a.Imported is not { } imported) return "";
        var claimed = imported.Created is { } created ? string.Create(CultureInfo.InvariantCulture, $", {created:yyyy-MM-dd HH:mm} UTC") : "";
        return $" · creator as written: {Inline(imported.Creator ?? "none given")}{claimed}";
    }

    /// <summary>Keeps names and quotes on one line and literal: no headings, emphasis, links or HTML of their own.</summary>
    private static string Inline(string text)
    {
        var line = string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        var escaped = new StringBuilder(line.Length);
        foreach (var c in line)
        {
            if (c is '\\' or '*' or '_' or '[' or ']' or '<' or '>' or '`' or '#' or '!') escaped.Append('\\');
            escaped.Append(c);
        }
        return escaped.ToString();
    }

    /// <summary>
    /// Demotes a note's headings so they stay inside its annotation's section, and escapes every <c>&lt;</c> so raw HTML
    /// in a note reaches a Markdown renderer as text, never as markup.
    /// </summary>
    private static string Indented(string note, string indent) =>
        string.Join('\n', note.Replace("\r\n", "\n").Replace("<", "\\<", StringComparison.Ordinal).Split('\n')
            .Select(line => indent + (line.TrimStart().StartsWith('#') ? "\\" + line.TrimStart() : line)));
}
