namespace CoverageCompare.Web.Components.Pages.Story;

/// <summary>An annotation's highlight in an article's text.</summary>
public sealed record AnnotationMark(Guid Id, int Start, int End, string? Label, bool Resolved);

/// <summary>A run of text inside a claim (or outside any), with the annotations that cover all of it.</summary>
public sealed record InnerPiece(string Text, IReadOnlyList<AnnotationMark> Annotations);

public sealed record TextPiece(ClaimMark? Mark, IReadOnlyList<InnerPiece> Inner);

public static class MarkedText
{
    /// <summary>
    /// Cuts a paragraph into claim pieces (one element per claim, so a claim reads as one span) and, inside them,
    /// into runs by annotation boundaries, since annotations may cross claims and each other.
    /// </summary>
    public static IReadOnlyList<TextPiece> Split(Paragraph paragraph, IReadOnlyList<ClaimMark> claims, IReadOnlyList<AnnotationMark> annotations)
    {
        var pieces = new List<TextPiece>();
        var end = paragraph.Start + paragraph.Text.Length;
        var cursor = paragraph.Start;
        foreach (var claim in claims)
        {
            var start = Math.Max(claim.Claim.Start, cursor);
            var stop = Math.Min(claim.Claim.End, end);
            if (stop <= start) continue;

            if (start > cursor) pieces.Add(new TextPiece(null, Inner(paragraph, cursor, start, annotations)));
            pieces.Add(new TextPiece(claim, Inner(paragraph, start, stop, annotations)));
            cursor = stop;
        }
        if (cursor < end) pieces.Add(new TextPiece(null, Inner(paragraph, cursor, end, annotations)));
        return pieces;
    }

    private static List<InnerPiece> Inner(Paragraph paragraph, int start, int end, IReadOnlyList<AnnotationMark> annotations)
    {
        var covering = annotations.Where(a => a.Start < end && a.End > start).ToList();
        var cuts = covering
            .SelectMany(a => new[] { a.Start, a.End })
            .Where(offset => offset > start && offset < end)
            .Append(start).Append(end)
            .Distinct().Order().ToList();

        var runs = new List<InnerPiece>(cuts.Count - 1);
        for (var i = 0; i < cuts.Count - 1; i++)
        {
            var (from, to) = (cuts[i], cuts[i + 1]);
            runs.Add(new InnerPiece(
                paragraph.Text[(from - paragraph.Start)..(to - paragraph.Start)],
                covering.Where(a => a.Start <= from && a.End >= to).ToList()));
        }
        return runs;
    }
}
