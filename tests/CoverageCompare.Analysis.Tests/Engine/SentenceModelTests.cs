using CoverageCompare.Analysis.Embeddings;
using CoverageCompare.Analysis.Linking;
using CoverageCompare.Analysis.Tests.Fixtures;
using CoverageCompare.E2E;
using Xunit.Abstractions;

namespace CoverageCompare.Analysis.Tests.Engine;

/// <summary>The engine with the sentence model: what it adds, what it keeps, and that it never becomes a requirement.</summary>
public sealed class SentenceModelTests(ITestOutputHelper output)
{
    [Fact]
    public void Two_one_sentence_documents_that_say_the_same_in_other_words_are_linked()
    {
        ArticleInput[] pair =
        [
            new("a", "OpenAI is now pushing for more independence."),
            new("b", "OpenAI is seeking to maintain greater autonomy."),
        ];
        var result = new StoryAnalyzer(Models.WithModel(LinkSignals.MeaningOnly)).Analyze(pair);
        Assert.Single(result.Links);
        Assert.Equal("minilm", result.Engine.Name);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void A_story_with_no_claims_yet_gives_an_empty_analysis_with_the_model(int emptyArticles)
    {
        // A new story has no articles, or articles with no text yet; the story page analyses it all the same.
        var articles = Enumerable.Range(0, emptyArticles).Select(i => new ArticleInput($"a{i}", "")).ToArray();
        var result = new StoryAnalyzer(Models.WithModel()).Analyze(articles);
        Assert.Empty(result.Claims);
        Assert.Empty(result.Links);
    }

    [Fact]
    public void The_demo_story_comes_out_as_planted_with_the_model_too()
    {
        var lexical = new StoryAnalyzer().Analyze(Stories.Demo());
        var model = new StoryAnalyzer(Models.WithModel()).Analyze(Stories.Demo());
        Assert.Equal(Shape(lexical), Shape(model));
        Assert.Equal(25, model.Links.Count);
        Assert.Equal(10, model.Groups.Count);
    }

    [Fact]
    public void A_run_without_the_model_gives_the_same_claims_and_offsets()
    {
        var articles = Stories.Seeds();
        var lexical = new StoryAnalyzer().Analyze(articles);
        var model = new StoryAnalyzer(Models.WithModel()).Analyze(articles);
        Assert.Equal(lexical.Claims, model.Claims);
        Assert.Equal("lexical", lexical.Engine.Name);
        Assert.Equal(MiniLmEncoder.Id, model.Engine.Model);
    }

    [Fact]
    public void A_model_that_cannot_load_leaves_a_lexical_run_that_says_why()
    {
        var articles = Stories.Demo();
        var result = new StoryAnalyzer(new AnalyzerOptions { Encoder = new BrokenEncoder() }).Analyze(articles);
        Assert.Equal("lexical", result.Engine.Name);
        Assert.Contains("sentence model unavailable", result.Engine.Note, StringComparison.Ordinal);
        Assert.Equal(25, result.Links.Count);
        Assert.Contains("\"engine\":{\"name\":\"lexical\"", AnalysisJson.Serialize(new AnalysisDocument([], result)), StringComparison.Ordinal);
    }

    [Fact]
    public void Output_with_the_model_is_byte_identical_and_cached_vectors_change_nothing()
    {
        var articles = Stories.Seeds();
        var cache = new InMemoryEmbeddingCache();
        var counting = new CountingEncoder(Models.MiniLm);
        var options = new AnalyzerOptions { Encoder = counting, EmbeddingCache = cache };
        var first = AnalysisJson.Serialize(new AnalysisDocument([], new StoryAnalyzer(options).Analyze(articles)));
        var embedded = counting.Texts;
        var second = AnalysisJson.Serialize(new AnalysisDocument([], new StoryAnalyzer(options).Analyze(articles)));
        var fresh = AnalysisJson.Serialize(new AnalysisDocument([], new StoryAnalyzer(Models.WithModel()).Analyze(articles)));
        Assert.Equal(first, second);
        Assert.Equal(first, fresh);
        Assert.True(embedded > 0);
        Assert.Equal(embedded, counting.Texts);
    }

    [Fact]
    public void Re_analysis_embeds_only_the_claims_that_changed()
    {
        var articles = Stories.Demo().ToList();
        var cache = new InMemoryEmbeddingCache();
        var counting = new CountingEncoder(Models.MiniLm);
        var analyzer = new StoryAnalyzer(new AnalyzerOptions { Encoder = counting, EmbeddingCache = cache });
        analyzer.Analyze(articles);
        var before = counting.Texts;
        articles[0] = articles[0] with { Text = articles[0].Text + "\n\nA late paragraph adds one new sentence to the story." };
        analyzer.Analyze(articles);
        Assert.Equal(before + 1, counting.Texts);
    }

    [Fact]
    public void The_generated_story_gives_about_one_group_per_fact()
    {
        var texts = GeneratedStory.Articles(12, 2000);
        var articles = texts.Select((t, i) => new ArticleInput($"a{i + 1}", t)).ToArray();
        foreach (var (name, options) in new[] { ("model", Models.WithModel()), ("lexical", new AnalyzerOptions()) })
        {
            var result = new StoryAnalyzer(options).Analyze(articles);
            output.WriteLine($"{name}: {result.Claims.Count} claims, {result.Links.Count} links, {result.Groups.Count} groups");
            Assert.InRange(result.Groups.Count, 60, 68);
            // Each group is one fact: its claims name the same project in the same district (the figure may differ).
            var text = result.Claims.ToDictionary(c => c.Id, c => c.Text);
            foreach (var group in result.Groups)
            {
                Assert.Single(group.ClaimIds.Select(id => text[id][..text[id].IndexOf(" for $", StringComparison.Ordinal)]).Distinct());
            }
        }
    }

    [Theory]
    [InlineData("Earlier this month, Microsoft lost its exclusive status as OpenAI's cloud provider.", "Microsoft lost its exclusive status as OpenAI's cloud provider")]
    [InlineData("The council approved the harbour bridge repairs in Northgate for $10 million on March 1.", "The council approved the harbour bridge repairs in Northgate")]
    [InlineData("“It is legit invigorating to have a new competitor,” Altman wrote.", "It is legit invigorating to have a new competitor")]
    public void A_fact_label_is_the_main_clause_in_at_most_ten_words(string claim, string label)
    {
        Assert.Equal(label, FactLabel.Extract(claim));
    }

    private static string[] Shape(AnalysisResult result) =>
        result.Links.Select(l => $"{l.A}-{l.B} {l.Relation} {string.Join(" | ", l.Reasons)}")
            .Concat(result.Groups.Select(g => $"{g.Id} {string.Join(",", g.ClaimIds)} {g.Verdict}"))
            .ToArray();

    private sealed class BrokenEncoder : ISentenceEncoder
    {
        public string ModelId => "broken";

        public float[][] Encode(IReadOnlyList<string> texts) => throw new FileNotFoundException("model.onnx is missing");
    }

    private sealed class CountingEncoder(ISentenceEncoder inner) : ISentenceEncoder
    {
        public int Texts { get; private set; }

        public string ModelId => inner.ModelId;

        public float[][] Encode(IReadOnlyList<string> texts)
        {
            Texts += texts.Count;
            return inner.Encode(texts);
        }
    }
}
