using System.Text.RegularExpressions;
using DiffPlex;

namespace CoverageCompare.Web.Components.Pages.Story;

public enum PieceChange { Same, Removed, Added }

public sealed record DiffPiece(string Text, PieceChange Change);

/// <summary>The word-level difference between two wordings of a quotation, for showing side by side.</summary>
public sealed partial record QuoteDiff(IReadOnlyList<DiffPiece> Left, IReadOnlyList<DiffPiece> Right)
{
    private static readonly char[] WordSeparators = [' ', '\t', '\n', ',', '.', ';', ':', '!', '?', '"', '“', '”', '(', ')'];

    public static QuoteDiff Between(string left, string right)
    {
        var (a, b) = (QuotedPart(left), QuotedPart(right));
        var diff = new Differ().CreateWordDiffs(a, b, false, WordSeparators);
        var removed = new HashSet<int>();
        var added = new HashSet<int>();
        foreach (var block in diff.DiffBlocks)
        {
            for (var i = 0; i < block.DeleteCountA; i++) removed.Add(block.DeleteStartA + i);
            for (var i = 0; i < block.InsertCountB; i++) added.Add(block.InsertStartB + i);
        }
        return new QuoteDiff(
            diff.PiecesOld.Select((piece, i) => new DiffPiece(piece, removed.Contains(i) ? PieceChange.Removed : PieceChange.Same)).ToList(),
            diff.PiecesNew.Select((piece, i) => new DiffPiece(piece, added.Contains(i) ? PieceChange.Added : PieceChange.Same)).ToList());
    }

    /// <summary>The words inside quotation marks when there are any, so the attribution around them is not diffed.</summary>
    private static string QuotedPart(string text)
    {
        var quoted = QuotedSpan().Matches(text).Select(m => m.Groups[1].Value).ToList();
        return quoted.Count > 0 ? string.Join(" … ", quoted) : text;
    }

    [GeneratedRegex("[\"“”]([^\"“”]+)[\"“”]")]
    private static partial Regex QuotedSpan();
}
