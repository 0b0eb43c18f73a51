namespace CoverageCompare.Web.Components.Pages.Story;

public sealed record TextPiece(string Text, ClaimMark? Mark);

public static class MarkedText
{
    /// <summary>Cuts a paragraph into plain and claim pieces; a claim that runs past the paragraph is cut at its edge.</summary>
    public static IReadOnlyList<TextPiece> Split(Paragraph paragraph, IReadOnlyList<ClaimMark> marks)
    {
        var pieces = new List<TextPiece>();
        var end = paragraph.Start + paragraph.Text.Length;
        var cursor = paragraph.Start;
        foreach (var mark in marks)
        {
            var start = Math.Max(mark.Claim.Start, cursor);
            var stop = Math.Min(mark.Claim.End, end);
            if (stop <= start) continue;

            if (start > cursor) pieces.Add(new TextPiece(paragraph.Text[(cursor - paragraph.Start)..(start - paragraph.Start)], null));
            pieces.Add(new TextPiece(paragraph.Text[(start - paragraph.Start)..(stop - paragraph.Start)], mark));
            cursor = stop;
        }
        if (cursor < end) pieces.Add(new TextPiece(paragraph.Text[(cursor - paragraph.Start)..], null));
        return pieces;
    }
}
