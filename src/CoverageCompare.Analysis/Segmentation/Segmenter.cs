using System.Text.RegularExpressions;

namespace CoverageCompare.Analysis.Segmentation;

/// <summary>
/// Cuts an article into candidate claims. Works on the original string throughout, so every
/// segment is an exact (Start, End) slice of it.
/// </summary>
internal static partial class Segmenter
{
    private const int MaxHeadingLength = 160;
    private const int MinBulletClaimWords = 8;
    private const int MinClaimWords = 3;

    public static SegmentedArticle Segment(string text)
    {
        var blocks = ReadBlocks(text, out var dateline, out var markedHeading);
        var segments = new List<Segment>();
        var alone = blocks.Count == 1 && !blocks[0].IsBullet;
        for (var b = 0; b < blocks.Count; b++)
        {
            var block = blocks[b];
            if (IsHeadingLike(text, block))
            {
                // The first line of a document, short and without a full stop, is its headline: a claim like any other.
                // After a "# heading" line the first block is a deck or subheading, not the title. A document that is
                // nothing but a headline of a word or two ("Crabzilla", "Ghost Ship") still says what it is about.
                if (b == 0 && !markedHeading && !block.IsBullet && CountWords(text, block.Start, block.End) >= (alone ? 1 : MinClaimWords))
                {
                    segments.Add(new Segment(block.Start, block.End, b, false, [], null, alone ? SegmentRole.Headline : SegmentRole.Title));
                }
                continue;
            }
            var sentences = SentenceSplitter.Split(text, block.Start, block.End).ToList();
            // A one-line document is a headline whatever its punctuation, also when it is a headline's length in two
            // sentences ("Apple's Beats Music Brand May Go Away. Apple's Beats Music Service is Sticking Around.").
            var bare = alone && (sentences.Count == 1 || block.End - block.Start <= MaxHeadingLength);
            foreach (var sentence in sentences)
            {
                if (CountWords(text, sentence.Start, sentence.End) < (alone && sentences.Count == 1 ? 1 : MinClaimWords))
                {
                    continue;
                }
                var role = bare ? SegmentRole.Sentence : SegmentRole.Body;
                segments.Add(new Segment(sentence.Start, sentence.End, b, block.IsBullet, sentence.Quotes, Signer(text, sentence), role));
            }
        }
        return new SegmentedArticle(segments, dateline);
    }

    private static List<Block> ReadBlocks(string text, out DateOnly? dateline, out bool markedHeading)
    {
        dateline = null;
        markedHeading = false;
        var blocks = new List<Block>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        Block? open = null;
        var lineNumber = 0;
        foreach (var (lineStart, lineEnd) in Lines(text))
        {
            lineNumber++;
            var (s, e) = Trim(text, lineStart, lineEnd);
            if (s >= e)
            {
                Close(ref open, blocks);
                continue;
            }
            var line = text.AsSpan(s, e - s);
            var prefix = Boilerplate.DatelinePrefixLength(line);
            if (lineNumber <= 6 && dateline is null && (prefix > 0 || Boilerplate.IsDateOnlyLine(line)))
            {
                dateline = Boilerplate.DatelineDate(line);
            }
            if (line[0] == '#' && blocks.Count == 0 && open is null)
            {
                markedHeading = true;
            }
            if (line[0] == '#' || Boilerplate.IsBoilerplateLine(line))
            {
                Close(ref open, blocks);
                continue;
            }
            // A line repeated word for word (a second byline, a dateline printed twice) is page furniture.
            if (e - s < 200 && !seen.Add(line.ToString()))
            {
                Close(ref open, blocks);
                continue;
            }
            s += prefix;
            var bullet = BulletMarkerLength(text, s, e);
            if (bullet > 0)
            {
                Close(ref open, blocks);
                var (bs, be) = Trim(text, s + bullet, e);
                if (bs < be)
                {
                    blocks.Add(new Block(bs, be, true));
                }
                continue;
            }
            if (open is { } current && !EndsSentence(text, current.End) && char.IsLower(text[s]))
            {
                // A soft-wrapped line continues the paragraph.
                open = current with { End = e };
                continue;
            }
            Close(ref open, blocks);
            open = new Block(s, e, false);
        }
        Close(ref open, blocks);
        return blocks;
    }

    private static void Close(ref Block? open, List<Block> blocks)
    {
        if (open is { } block)
        {
            blocks.Add(block);
        }
        open = null;
    }

    private static IEnumerable<(int Start, int End)> Lines(string text)
    {
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '\n' or '\r' or '\u2028' or '\u2029' or '\u0085')
            {
                yield return (start, i);
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }
                start = i + 1;
            }
        }
        if (start < text.Length)
        {
            yield return (start, text.Length);
        }
    }

    internal static (int Start, int End) Trim(string text, int start, int end)
    {
        while (start < end && IsSpace(text[start]))
        {
            start++;
        }
        while (end > start && IsSpace(text[end - 1]))
        {
            end--;
        }
        return (start, end);
    }

    private static bool IsSpace(char c) => char.IsWhiteSpace(c) || c is '\uFEFF' or '\u200B' or '\u200E' or '\u200F';

    private static int BulletMarkerLength(string text, int s, int e)
    {
        var c = text[s];
        if (c is '•' or '·' or '‣' or '▪' or '◦' or '●' or '–' or '—' or '*' or '-' or '+' && s + 1 < e && char.IsWhiteSpace(text[s + 1]))
        {
            return 2;
        }
        var m = NumberedItem().Match(text, s, Math.Min(e - s, 6));
        return m.Success ? m.Length : 0;
    }

    [GeneratedRegex(@"^\d{1,3}[.)]\s")]
    private static partial Regex NumberedItem();

    private static bool EndsSentence(string text, int end)
    {
        var i = end - 1;
        while (i >= 0 && text[i] is '"' or '”' or '’' or '\'' or ')' or ']' or '»' or '*' or '_')
        {
            i--;
        }
        return i >= 0 && text[i] is '.' or '!' or '?' or '…' or ':' or ';';
    }

    /// <summary>
    /// Titles, section labels and fragments without sentence punctuation are not claims. A list item
    /// without a full stop still is when it is long enough to state something.
    /// </summary>
    private static bool IsHeadingLike(string text, Block block) =>
        block.End - block.Start <= MaxHeadingLength
        && !EndsSentence(text, block.End)
        && !(block.IsBullet && CountWords(text, block.Start, block.End) >= MinBulletClaimWords)
        && !SignedQuote().IsMatch(text.AsSpan(block.Start, block.End - block.Start));

    private static int CountWords(string text, int start, int end)
    {
        var count = 0;
        var inWord = false;
        for (var i = start; i < end; i++)
        {
            var letter = char.IsLetterOrDigit(text[i]);
            if (letter && !inWord)
            {
                count++;
            }
            inWord = letter;
        }
        return count;
    }

    /// <summary>"Looking forward! — Satya Nadella (@satyanadella) January 28, 2025": the name after the dash signs the quote.</summary>
    private static string? Signer(string text, SentenceSpan sentence)
    {
        var length = sentence.End - sentence.Start;
        var m = SignedQuote().Match(text, sentence.Start, length);
        return m.Success ? m.Groups["name"].Value : null;
    }

    [GeneratedRegex(@"[.!?""”]\s+[—–]{1,2}\s*(?<name>\p{Lu}[\p{L}'’\-]+(\s+\p{Lu}[\p{L}'’\-]+){0,3})")]
    private static partial Regex SignedQuote();

    private readonly record struct Block(int Start, int End, bool IsBullet);
}

internal sealed record SegmentedArticle(IReadOnlyList<Segment> Segments, DateOnly? Dateline);
