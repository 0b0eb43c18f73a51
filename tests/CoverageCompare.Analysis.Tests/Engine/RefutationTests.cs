using CoverageCompare.Analysis.Features;
using CoverageCompare.Analysis.Text;

namespace CoverageCompare.Analysis.Tests.Engine;

/// <summary>One source calling false what another reports, in the forms real debunking coverage uses.</summary>
public sealed class RefutationTests
{
    private static string? Refutation(string text) => RefutationFinder.Find(text, Tokenizer.Tokenize(text, 0, text.Length));

    [Theory]
    [InlineData("The story of the glowing lake is a hoax.", "is a hoax")]
    [InlineData("The man who said he saw the lake glow has been proved a fake.", "proved a fake")]
    [InlineData("The fisherman who reported the glowing lake was most likely lying.", "was most likely lying")]
    [InlineData("The warden said the reports about the lake are 'lies'.", "are 'lies")]
    [InlineData("A local geologist debunked the glowing lake photos.", "debunked")]
    [InlineData("The glowing lake report was false, park officials said.", "was false")]
    [InlineData("The warden denied the reports about a glowing lake.", "denied the reports")]
    public void A_sentence_that_calls_the_story_false_is_found(string text, string words) =>
        Assert.Equal(words, Refutation(text));

    [Theory]
    [InlineData("The story of the glowing lake is not a hoax, the warden said.")]
    [InlineData("The glowing lake may be a hoax.")]
    [InlineData("Nobody knows whether the glowing lake is a hoax.")]
    [InlineData("Police arrested a man who ran fake accounts about the lake.")]
    [InlineData("The fisherman was lying on the shore when the lake began to glow.")]
    [InlineData("The warden would neither confirm nor deny the reports about the lake.")]
    public void Doubt_negation_and_description_are_not_refutations(string text) =>
        Assert.Null(Refutation(text));

    [Fact]
    public void A_story_stated_plainly_and_called_a_hoax_elsewhere_disagree_naming_both_sides()
    {
        var result = new StoryAnalyzer().Analyze([
            new ArticleInput("a", "A fisherman photographed a glowing lake near Harrow Ridge on Sunday night."),
            new ArticleInput("b", "The fisherman's glowing lake photograph from Harrow Ridge is a hoax."),
        ]);

        var link = Assert.Single(result.Links);
        Assert.Equal(Relation.Disagree, link.Relation);
        var reason = Assert.Single(link.Reasons, r => r.StartsWith("refuted:", StringComparison.Ordinal));
        Assert.Contains("is a hoax", reason);
        Assert.Contains("fisherman", reason);
    }

    [Theory]
    [InlineData("A fisherman claims he photographed a glowing lake near Harrow Ridge on Sunday night.")]
    [InlineData("Report: fisherman photographed a glowing lake near Harrow Ridge on Sunday night")]
    public void Passing_on_a_claim_is_not_stating_it(string passedOn) => AllAgree(passedOn, "The fisherman's glowing lake photograph from Harrow Ridge is a hoax.");

    [Fact]
    public void Asking_whether_it_is_false_is_not_calling_it_false() =>
        AllAgree("A fisherman photographed a glowing lake near Harrow Ridge on Sunday night.", "The fisherman's glowing lake photograph from Harrow Ridge: is it a hoax?");

    private static void AllAgree(string a, string b)
    {
        var result = new StoryAnalyzer().Analyze([
            new ArticleInput("a", a),
            new ArticleInput("b", b),
        ]);

        Assert.NotEmpty(result.Links);
        Assert.All(result.Links, l => Assert.Equal(Relation.Agree, l.Relation));
    }
}
