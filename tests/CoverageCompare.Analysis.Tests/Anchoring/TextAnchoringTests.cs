using CoverageCompare.Analysis.Anchoring;

namespace CoverageCompare.Analysis.Tests.Anchoring;

public sealed class TextAnchoringTests
{
    private const string Text =
        "The harbour authority met on Tuesday evening to review the storm damage. "
        + "Officials said the north pier would reopen within three weeks, although repairs to the lighthouse could take longer. "
        + "Fishermen told reporters that the closure had already cost them a season of work. "
        + "The mayor promised a relief fund before the end of the month.";

    private const string Quote = "the north pier would reopen within three weeks";

    [Fact]
    public void ASelectionKeepsThirtyTwoCharactersOfContextOrWhateverTheTextHas()
    {
        var anchor = Select(Text, Quote);

        Assert.Equal(Quote, anchor.Exact);
        Assert.Equal(TextAnchoring.ContextLength, anchor.Prefix.Length);
        Assert.Equal(TextAnchoring.ContextLength, anchor.Suffix.Length);
        Assert.EndsWith("Officials said ", anchor.Prefix);
        Assert.StartsWith(", although", anchor.Suffix);

        var first = Select(Text, "The harbour authority");
        Assert.Equal("", first.Prefix);
        var last = Select(Text, "end of the month.");
        Assert.Equal("", last.Suffix);
    }

    [Theory]
    [InlineData(10, 10, "empty")]
    [InlineData(3, 4, "empty")]
    [InlineData(-1, 5, "outside the article")]
    [InlineData(5, 100000, "outside the article")]
    [InlineData(9, 4, "outside the article")]
    public void BadSelectionsAreRefusedWithAReason(int start, int end, string reason)
    {
        var result = TextAnchoring.Select(Text, start, end);

        Assert.Null(result.Anchor);
        Assert.Contains(reason, result.Error);
    }

    [Fact]
    public void ASelectionCannotSplitASurrogatePair()
    {
        var text = "Wave 🌊 warning";
        var emoji = text.IndexOf("🌊", StringComparison.Ordinal);

        Assert.Contains("splits a character", TextAnchoring.Select(text, 0, emoji + 1).Error);
        Assert.NotNull(TextAnchoring.Select(text, 0, emoji + 2).Anchor);
    }

    [Fact]
    public void UnchangedTextKeepsThePosition()
    {
        var anchor = Select(Text, Quote);

        var result = TextAnchoring.Reanchor(Text, anchor);

        Assert.Equal(AnchorMethod.Position, result.Method);
        Assert.Equal(anchor, result.Anchor);
    }

    [Fact]
    public void TextEditedAfterTheQuoteKeepsThePosition()
    {
        var anchor = Select(Text, Quote);
        var edited = Text.Replace("The mayor promised", "The mayor, speaking later, promised");

        var result = TextAnchoring.Reanchor(edited, anchor);

        Assert.Equal(AnchorMethod.Position, result.Method);
        Assert.Equal(anchor.Start, result.Anchor.Start);
    }

    [Theory]
    [InlineData("The harbour authority", "The regional harbour authority")]
    [InlineData("met on Tuesday evening to review the storm damage. ", "met to review the damage. ")]
    public void TextInsertedOrDeletedBeforeTheQuoteMovesTheAnchorByTheQuote(string before, string after)
    {
        var anchor = Select(Text, Quote);
        var edited = Text.Replace(before, after);

        var result = TextAnchoring.Reanchor(edited, anchor);

        Assert.Equal(AnchorMethod.Quote, result.Method);
        Assert.Equal(edited.IndexOf(Quote, StringComparison.Ordinal), result.Anchor.Start);
        Assert.Equal(Quote, result.Anchor.Exact);
    }

    [Theory]
    [InlineData("would reopen within", "would fully reopen within", "the north pier would fully reopen within three weeks")]
    [InlineData("the north pier would", "the pier would", "the pier would reopen within three weeks")]
    [InlineData("within three weeks", "inside three weeks", "the north pier would reopen inside three weeks")]
    public void TextEditedInsideTheQuoteIsFoundApproximately(string before, string after, string expected)
    {
        var anchor = Select(Text, Quote);
        var edited = Text.Replace(before, after);

        var result = TextAnchoring.Reanchor(edited, anchor);

        Assert.Equal(AnchorMethod.Fuzzy, result.Method);
        Assert.Equal(expected, result.Anchor.Exact);
        Assert.Equal(edited.IndexOf(expected, StringComparison.Ordinal), result.Anchor.Start);
        Assert.True(result.Score >= TextAnchoring.MinimumScore);
    }

    [Fact]
    public void ARepeatedQuoteIsToldApartByItsContext()
    {
        var text = "Residents said the water was safe to drink. A day later the council tested the supply again, "
            + "and the laboratory said the water was safe to drink only after boiling.";
        var second = text.LastIndexOf("the water was safe to drink", StringComparison.Ordinal);
        var anchor = TextAnchoring.Select(text, second, second + "the water was safe to drink".Length).Anchor!;
        var edited = "Update: " + text.Replace("A day later", "The next day");

        var result = TextAnchoring.Reanchor(edited, anchor);

        Assert.Equal(AnchorMethod.Quote, result.Method);
        Assert.Equal(edited.LastIndexOf("the water was safe to drink", StringComparison.Ordinal), result.Anchor.Start);
    }

    [Fact]
    public void ARepeatedQuoteWhoseTwinMovedOntoItsOldPositionIsStillToldApartByContext()
    {
        const string quote = "Ships stay in port today.";
        var text = "Red flag. Ships stay in port today. Blue flag. Ships stay in port today. Green flag.";
        var first = text.IndexOf(quote, StringComparison.Ordinal);
        var second = text.LastIndexOf(quote, StringComparison.Ordinal);
        var anchor = TextAnchoring.Select(text, second, second + quote.Length).Anchor!;
        var edited = new string('~', second - first) + text;

        var result = TextAnchoring.Reanchor(edited, anchor);

        Assert.Equal(quote, edited.Substring(second, quote.Length));
        Assert.Equal(AnchorMethod.Quote, result.Method);
        Assert.Equal(second + (second - first), result.Anchor.Start);
    }

    [Fact]
    public void TextRemovedEntirelyIsOrphanedWithItsQuoteKept()
    {
        var anchor = Select(Text, Quote);
        var edited = Text.Replace("Officials said the north pier would reopen within three weeks, although repairs to the lighthouse could take longer. ", "");

        var result = TextAnchoring.Reanchor(edited, anchor);

        Assert.True(result.IsOrphaned);
        Assert.Equal(anchor, result.Anchor);
    }

    [Fact]
    public void LookAlikeTextElsewhereIsNotMatched()
    {
        var anchor = Select(Text, Quote);
        var edited = Text.Replace("Officials said the north pier would reopen within three weeks, although repairs to the lighthouse could take longer. ", "")
            + " Separately, the south pier could reopen within three weeks as well.";

        Assert.True(TextAnchoring.Reanchor(edited, anchor).IsOrphaned);
    }

    [Fact]
    public void AChangedNumberIsADifferentClaim()
    {
        var text = "The council said unemployment fell to 4.1 percent in March, the lowest in a decade.";
        var anchor = Select(text, "unemployment fell to 4.1 percent in March");
        var edited = text.Replace("4.1", "7.9");

        Assert.True(TextAnchoring.Reanchor(edited, anchor).IsOrphaned);
    }

    [Fact]
    public void AShortQuoteFoundOnlyInOtherContextIsOrphaned()
    {
        var anchor = Select(Text, "three weeks");
        var edited = "The festival lasts three weeks every summer. " + Text.Replace("within three weeks", "by autumn");

        Assert.True(TextAnchoring.Reanchor(edited, anchor).IsOrphaned);
    }

    [Fact]
    public void TheFuzzySearchFindsTheClosestStretchWithinTheBound()
    {
        var matches = EditDistance.Search("xx kitten yy sitting zz", "sitten", 2);

        Assert.Equal([3, 13], matches.Select(m => m.Start));
        Assert.Equal([1, 1], matches.Select(m => m.Distance));
        Assert.Empty(EditDistance.Search("completely different", "sitten", 1));
    }

    private static TextAnchor Select(string text, string quote)
    {
        var start = text.IndexOf(quote, StringComparison.Ordinal);
        Assert.True(start >= 0, $"'{quote}' is not in the text");
        return TextAnchoring.Select(text, start, start + quote.Length).Anchor!;
    }
}
