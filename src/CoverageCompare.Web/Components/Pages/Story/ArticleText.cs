using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Components;

namespace CoverageCompare.Web.Components.Pages.Story;

/// <summary>A paragraph of an article with its highlights, as HTML in which every piece of text and every attribute value is encoded.</summary>
public sealed record ArticleParagraph(int Start, MarkupString Html);

/// <summary>
/// An article's text with its claim and annotation highlights, written once as encoded HTML per paragraph. At a story's
/// annotation cap the highlights are tens of thousands of nested elements; as render-tree frames each reader's circuit
/// kept its own copy of them (about 60 MB per reader), while one string per paragraph is shared by every circuit that
/// shows the same version of the story (<see cref="StoryCopies"/>), so a reader holds only references to it.
/// The markup is the same the column rendered element by element before: story.js finds the same hooks in it.
/// </summary>
public sealed class ArticleText
{
    private ArticleText(IReadOnlyList<ArticleParagraph> paragraphs) => Paragraphs = paragraphs;

    public IReadOnlyList<ArticleParagraph> Paragraphs { get; }

    public static ArticleText Build(string text, IReadOnlyList<ClaimMark> claims, IReadOnlyList<AnnotationMark> annotations)
    {
        var paragraphs = new List<ArticleParagraph>();
        var html = new StringBuilder();
        // One tab stop per column, the first claim; story.js moves it with the arrow keys.
        var claimIndex = 0;
        foreach (var paragraph in Story.Paragraphs.Split(text))
        {
            html.Clear();
            foreach (var piece in MarkedText.Split(paragraph, claims, annotations))
            {
                if (piece.Mark is { } mark)
                {
                    html.Append("<span class=\"").Append(mark.HeadlineIssue is null ? "claim" : "claim headline-issue").Append('"');
                    Attribute(html, "data-claim-id", mark.Claim.Id);
                    Attribute(html, "data-group-id", mark.GroupId);
                    Attribute(html, "data-relation", mark.Relation);
                    Attribute(html, "data-kind", mark.IsHeadline ? "headline" : null);
                    Attribute(html, "data-headline-issue", mark.HeadlineIssue);
                    Attribute(html, "tabindex", claimIndex++ == 0 ? "0" : "-1");
                    Attribute(html, "data-roving", "");
                    Attribute(html, "title", mark.Description);
                    Attribute(html, "aria-describedby", "legend-" + mark.Relation);
                    html.Append('>');
                    foreach (var run in piece.Inner) Run(html, run);
                    html.Append("</span>");
                }
                else
                {
                    foreach (var run in piece.Inner) Run(html, run);
                }
            }
            paragraphs.Add(new ArticleParagraph(paragraph.Start, new MarkupString(html.ToString())));
        }
        return new ArticleText(paragraphs);
    }

    /// <summary>A run of text inside nested <c>mark</c> elements, one per annotation covering it, so overlapping annotations each keep their own highlight.</summary>
    private static void Run(StringBuilder html, InnerPiece run)
    {
        foreach (var annotation in run.Annotations)
        {
            html.Append("<mark class=\"").Append(annotation.Resolved ? "annotation resolved" : "annotation").Append('"');
            Attribute(html, "data-annotation-id", annotation.Id.ToString("D", CultureInfo.InvariantCulture));
            Attribute(html, "title", annotation.Label ?? "Note");
            html.Append('>');
        }
        html.Append(WebUtility.HtmlEncode(run.Text));
        for (var i = 0; i < run.Annotations.Count; i++) html.Append("</mark>");
    }

    private static void Attribute(StringBuilder html, string name, string? value)
    {
        if (value is null) return;
        html.Append(' ').Append(name).Append("=\"").Append(WebUtility.HtmlEncode(value)).Append('"');
    }
}
