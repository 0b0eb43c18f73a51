using System.Text.Json;

namespace CoverageCompare.Analysis.Tests.Engine;

public sealed class AnalysisJsonTests
{
    private static AnalysisDocument Demo()
    {
        var articles = Fixtures.Stories.Demo();
        return new AnalysisDocument(
            articles.Select(a => new AnalyzedArticle(a.Id, $"demo/{a.Id}.md", "Title of " + a.Id, a.Text.Length)).ToArray(),
            new StoryAnalyzer().Analyze(articles));
    }

    [Fact]
    public void A_document_reads_back_to_the_same_bytes()
    {
        var document = Demo();
        var bytes = AnalysisJson.SerializeToUtf8Bytes(document);
        var back = AnalysisJson.Deserialize(bytes);
        Assert.Equal(bytes, AnalysisJson.SerializeToUtf8Bytes(back));
        Assert.Equal(document.Result.Claims, back.Result.Claims);
        Assert.Equal(document.Articles, back.Articles);
    }

    [Fact]
    public void The_document_has_the_contract_shape()
    {
        using var json = JsonDocument.Parse(AnalysisJson.Serialize(Demo() with { Id = "story-1" }));
        var root = json.RootElement;
        Assert.Equal(["id", "version", "engine", "articles", "claims", "groups", "links"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(1, root.GetProperty("version").GetInt32());
        Assert.Equal(["id", "path", "title", "length"], root.GetProperty("articles")[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(["id", "article", "start", "end", "text", "kind", "speaker"], root.GetProperty("claims")[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(["id", "label", "claims", "verdict"], root.GetProperty("groups")[0].EnumerateObject().Select(p => p.Name));
        var link = root.GetProperty("links")[0];
        Assert.Equal(["a", "b", "relation", "score", "reasons"], link.EnumerateObject().Select(p => p.Name));
        Assert.Contains(link.GetProperty("relation").GetString(), new[] { "agree", "disagree" });
        Assert.Contains(root.GetProperty("claims").EnumerateArray(), c => c.GetProperty("kind").GetString() == "quote");
        Assert.Contains(root.GetProperty("groups").EnumerateArray(), g => g.GetProperty("verdict").GetString() == "mixed");
    }

    [Fact]
    public void Text_is_written_readably_and_scores_with_two_decimals()
    {
        var claim = new Claim("c1", "a1", 0, 9, "“Olá” – 😀", ClaimKind.Quote, null);
        var result = new AnalysisResult([claim, claim with { Id = "c2", ArticleId = "a2" }], [], [new ClaimLink("c1", "c2", Relation.Agree, 0.8149, ["same quotation"])]);
        var json = AnalysisJson.Serialize(new AnalysisDocument([], result));
        Assert.Contains("\"text\":\"“Olá” – ", json, StringComparison.Ordinal);
        Assert.Equal("“Olá” – 😀", AnalysisJson.Deserialize(json).Result.Claims[0].Text);
        Assert.Contains("\"score\":0.81,", json, StringComparison.Ordinal);
        Assert.Contains("\"speaker\":null", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Anything_but_a_version_1_document_is_refused()
    {
        Assert.Throws<JsonException>(() => AnalysisJson.Deserialize("{\"version\": 2, \"articles\": [], \"claims\": [], \"groups\": [], \"links\": []}"));
        Assert.Throws<JsonException>(() => AnalysisJson.Deserialize("[1, 2]"));
        Assert.ThrowsAny<JsonException>(() => AnalysisJson.Deserialize("{\"version\": 1, \"articles\": [], \"claims\": [{\"id\": \"c1\", \"article\": \"a1\", \"start\": 0, \"end\": 1, \"text\": \"x\", \"kind\": \"opinion\", \"speaker\": null}], \"groups\": [], \"links\": []}"));
    }

    [Fact]
    public void A_batch_error_line_carries_the_id()
    {
        Assert.Equal("{\"id\":\"s2\",\"error\":\"a.txt: no such file\"}", AnalysisJson.SerializeError("s2", "a.txt: no such file"));
    }
}
