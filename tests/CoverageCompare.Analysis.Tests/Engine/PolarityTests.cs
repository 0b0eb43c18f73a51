using CoverageCompare.Analysis.Features;
using CoverageCompare.Analysis.Text;

namespace CoverageCompare.Analysis.Tests.Engine;

/// <summary>What a sentence states as not so, on negations met in real headlines and bodies (FNC-1).</summary>
public sealed class PolarityTests
{
    private static List<PolarityCue> Cues(string text) => PolarityExtractor.Extract(text, Tokenizer.Tokenize(text, 0, text.Length));

    private static IEnumerable<string> Negated(string text) => Cues(text).Where(c => c.Negative).Select(c => c.Predicate);

    [Fact]
    public void An_answering_no_negates_nothing_after_it()
    {
        var negated = Negated("No, Saudi Arabia has not banned the tempting eyes").ToList();

        Assert.Equal([Stemmer.Stem("banned")], negated);
    }

    [Fact]
    public void No_before_a_word_still_negates_it()
    {
        Assert.Contains(Stemmer.Stem("plans"), Negated("The airline has no plans to separate passengers"));
    }

    [Fact]
    public void A_negated_act_given_as_the_reason_for_another_is_not_what_the_sentence_denies()
    {
        Assert.DoesNotContain(Stemmer.Stem("harvesting"), Negated("Doctors are being executed for not harvesting body parts"));
        Assert.Contains(Stemmer.Stem("harvesting"), Negated("The group is not harvesting body parts"));
    }

    [Fact]
    public void A_denied_report_states_the_opposite_of_the_report()
    {
        Assert.Contains(Stemmer.Stem("dead"), Negated("Hugh Hefner has denied reports that he is dead"));
        Assert.Contains(Stemmer.Stem("dead"), Negated("Hugh Hefner denied that he was dead"));
    }

    [Fact]
    public void What_is_denied_of_someone_is_the_act_not_the_name()
    {
        Assert.Equal([Lexicon.DenialPredicate, Stemmer.Stem("molested")], Negated("She took to Instagram to deny rumors that Bill Cosby molested her"));
    }

    [Fact]
    public void Refusing_to_confirm_or_deny_denies_nothing()
    {
        Assert.DoesNotContain(Stemmer.Stem("buying"), Negated("He refuses to confirm or deny reports that Apple is buying Path"));
    }

    [Fact]
    public void A_denial_of_the_report_and_its_negation_agree()
    {
        var result = new StoryAnalyzer().Analyze([
            new ArticleInput("a", "Hugh Hefner is not dead, the Playboy founder said at the film night on Sunday."),
            new ArticleInput("b", "Hugh Hefner denied reports that he is dead at the Playboy film night on Sunday."),
        ]);

        Assert.Equal(Relation.Agree, Assert.Single(result.Links).Relation);
    }

    [Fact]
    public void Denying_a_thing_states_there_is_none()
    {
        Assert.Contains(Stemmer.Stem("plan"), Negated("The ferry company denies plan to close the island route"));
        Assert.DoesNotContain(Stemmer.Stem("surgery"), Negated("The singer denies surgery hoax claims"));
    }

    [Fact]
    public void Words_later_in_a_negated_clause_are_not_stated_as_so()
    {
        var result = new StoryAnalyzer().Analyze([
            new ArticleInput("a", "The council approved the quarry extension without consent from the parish on Tuesday."),
            new ArticleInput("b", "The parish never gave consent to the quarry extension the council approved on Tuesday."),
        ]);

        Assert.Equal(Relation.Agree, Assert.Single(result.Links).Relation);
    }

    [Fact]
    public void A_negated_clause_ends_where_the_next_begins()
    {
        var result = new StoryAnalyzer().Analyze([
            new ArticleInput("a", "The council did not approve the quarry extension on Tuesday, the parish clerk said."),
            new ArticleInput("b", "The council did not meet on Monday but approved the quarry extension on Tuesday, the clerk said."),
        ]);

        var link = Assert.Single(result.Links);
        Assert.Equal(Relation.Disagree, link.Relation);
        Assert.Contains(link.Reasons, r => r.StartsWith("negation:", StringComparison.Ordinal));
    }

    [Fact]
    public void A_question_states_nothing_a_negation_could_contradict()
    {
        var result = new StoryAnalyzer().Analyze([
            new ArticleInput("a", "Did the council approve the quarry extension without consent from the parish on Tuesday?"),
            new ArticleInput("b", "The council approved the quarry extension on Tuesday after the parish gave its consent."),
        ]);

        Assert.All(result.Links, l => Assert.DoesNotContain(l.Reasons, r => r.StartsWith("negation:", StringComparison.Ordinal)));
        Assert.NotEmpty(result.Links);
    }
}
