using CoverageCompare.Analysis.Segmentation;

namespace CoverageCompare.Analysis.Tests.Engine;

public sealed class SegmentationTests
{
    private static string[] Sentences(string text) =>
        Segmenter.Segment(text).Segments.Select(s => text[s.Start..s.End]).ToArray();

    [Fact]
    public void Abbreviations_decimals_and_initials_do_not_end_sentences()
    {
        var text = "Mr. Smith met Dr. Jones in the U.S. on Jan. 5 to sign a $3.5 million deal. Donald J. Trump was not there. It rained all day.";
        Assert.Equal(
            ["Mr. Smith met Dr. Jones in the U.S. on Jan. 5 to sign a $3.5 million deal.", "Donald J. Trump was not there.", "It rained all day."],
            Sentences(text));
    }

    [Fact]
    public void A_dotted_acronym_ends_a_sentence_before_a_typical_opener()
    {
        Assert.Equal(["The firm moved to the U.S.", "The move cost jobs here."], Sentences("The firm moved to the U.S. The move cost jobs here."));
    }

    [Fact]
    public void A_quotation_spanning_sentences_stays_whole()
    {
        var text = "“We won. We really did win,” she said on the steps. Then the crowd left the square.";
        Assert.Equal(["“We won. We really did win,” she said on the steps.", "Then the crowd left the square."], Sentences(text));
    }

    [Fact]
    public void A_sentence_can_end_inside_straight_quotes()
    {
        var text = "He wrote that it was \"much better than anyone is ready for!!\" Mr Nadella responded soon after that.";
        Assert.Equal(["He wrote that it was \"much better than anyone is ready for!!\"", "Mr Nadella responded soon after that."], Sentences(text));
    }

    [Fact]
    public void Unbalanced_quotes_fall_back_to_plain_sentences()
    {
        var text = "He said \"it is over. The team left the ground.";
        Assert.Equal(["He said \"it is over.", "The team left the ground."], Sentences(text));
    }

    [Fact]
    public void Bullets_are_items_without_their_markers()
    {
        var text = "Highlights\n  • The council approved the line on Thursday.\n  • Costs rose to a record level this year.\n- Work starts soon";
        Assert.Equal(["The council approved the line on Thursday.", "Costs rose to a record level this year."], Sentences(text));
    }

    [Fact]
    public void Headings_bylines_datelines_and_page_furniture_are_dropped()
    {
        var text = "# Council approves tram\n\nTram line approved after vote\n\nBy Jane Doe and John Roe\n\nJan 28, 2025, 12:00 AM\nJan 28, 2025, 12:00 AM\n\n" +
                   "The council approved the line.\n\nOpinions\n\nYou've reached the end\n\nHighlights";
        Assert.Equal(["The council approved the line."], Sentences(text));
    }

    [Fact]
    public void A_dateline_prefix_is_cut_and_read_as_the_article_date()
    {
        var text = " date 2025-01-29 The partnership will be stronger than ever, he said.";
        var segmented = Segmenter.Segment(text);
        Assert.Equal(new DateOnly(2025, 1, 29), segmented.Dateline);
        Assert.Equal("The partnership will be stronger than ever, he said.", text[segmented.Segments[0].Start..segmented.Segments[0].End]);
    }

    [Fact]
    public void A_soft_wrapped_paragraph_is_one_text()
    {
        var text = "The council approved the tram line\nafter a long debate on Thursday.\nCosts rose again.";
        Assert.Equal(["The council approved the tram line\nafter a long debate on Thursday.", "Costs rose again."], Sentences(text));
    }

    [Fact]
    public void A_dash_signed_quote_is_kept_with_its_signer()
    {
        var text = "Looking forward to all that's ahead! — Satya Nadella (@satyanadella) January 28, 2025";
        var segment = Assert.Single(Segmenter.Segment(text).Segments);
        Assert.Equal("Satya Nadella", segment.Signer);
    }
}
