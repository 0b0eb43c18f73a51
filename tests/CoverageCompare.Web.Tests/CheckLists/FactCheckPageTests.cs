using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CoverageCompare.Data.Annotations;
using CoverageCompare.Data.CheckLists;
using CoverageCompare.Web.CheckLists;
using Microsoft.Extensions.DependencyInjection;

namespace CoverageCompare.Web.Tests.CheckLists;

public sealed partial class FactCheckPageTests(CheckListTeam team) : IClassFixture<CheckListTeam>
{
    private const string Hostile = "The mayor said </script><script>alert(1)</script> it would cost $480 million.";

    private CheckListService Service => team.Factory.Services.GetRequiredService<CheckListService>();

    /// <summary>
    /// Google Search Central, "Fact check (ClaimReview) structured data" (its property tables), and schema.org's
    /// ClaimReview, Claim and Rating types: ClaimReview requires claimReviewed, reviewRating and url and recommends author
    /// and itemReviewed; the Claim recommends appearance (or firstAppearance), author and datePublished; the Rating
    /// requires alternateName and recommends ratingValue, bestRating and worstRating. Every property used must be one
    /// schema.org defines for its type (ClaimReview ⊂ Review ⊂ CreativeWork ⊂ Thing).
    /// </summary>
    [Fact]
    public async Task ThePublishedPageCarriesClaimReviewWithSchemaOrgsRequiredAndRecommendedProperties()
    {
        var (storyId, articleId, slug) = await PublishedAsync("Misleading", "Per the [minutes](https://council.example/minutes), it is *$520 million*.");
        using var anonymous = team.Factory.AnonymousClient();
        var html = await anonymous.GetStringAsync($"/factchecks/{slug}");
        var review = JsonNode.Parse(JsonLd(html))!.AsObject();

        Assert.Equal("https://schema.org", (string?)review["@context"]);
        Assert.Equal("ClaimReview", (string?)review["@type"]);
        Assert.All(["claimReviewed", "reviewRating", "url", "author", "itemReviewed", "datePublished"], p => Assert.True(review.ContainsKey(p), $"ClaimReview lacks {p}"));
        Assert.Subset(ClaimReviewProperties, review.Select(p => p.Key).ToHashSet());
        Assert.Equal($"http://localhost/factchecks/{slug}", (string?)review["url"]);
        Assert.Equal(Regex.Replace(Hostile, @"\s+", " "), (string?)review["claimReviewed"]);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", (string?)review["datePublished"]);
        Assert.Equal("Per the minutes, it is $520 million.", (string?)review["reviewBody"]);

        var author = review["author"]!.AsObject();
        Assert.Equal("Organization", (string?)author["@type"]);
        Assert.False(string.IsNullOrWhiteSpace((string?)author["name"]));

        var rating = review["reviewRating"]!.AsObject();
        Assert.Equal("Rating", (string?)rating["@type"]);
        Assert.Subset(new HashSet<string> { "@type", "alternateName", "ratingValue", "bestRating", "worstRating", "name" }, rating.Select(p => p.Key).ToHashSet());
        Assert.Equal(("Misleading", 2, 5, 1), ((string?)rating["alternateName"], (int)rating["ratingValue"]!, (int)rating["bestRating"]!, (int)rating["worstRating"]!));

        var claim = review["itemReviewed"]!.AsObject();
        Assert.Equal("Claim", (string?)claim["@type"]);
        Assert.All(["appearance", "author", "datePublished"], p => Assert.True(claim.ContainsKey(p), $"Claim lacks {p}"));
        Assert.Equal(("Person", "Jo Reporter"), ((string?)claim["author"]!["@type"], (string?)claim["author"]!["name"]));
        Assert.Equal("2026-03-02", (string?)claim["datePublished"]);
        Assert.Equal("https://harbour.example/tram-vote", (string?)claim["appearance"]!["url"]);
        Assert.Equal($"http://localhost/api/stories/{storyId}/articles/{articleId}", (string?)claim["appearance"]!["@id"]);
    }

    [Fact]
    public async Task ThePageRunsNoScriptAndShowsNoRawHtmlWhateverTheClaimAndSummarySay()
    {
        var (_, _, slug) = await PublishedAsync("Inaccurate", "<script>alert('summary')</script><img src=x onerror=alert(2)> Checked with [the clerk](javascript:alert(3)) and [the register](https://register.example/tram).");
        using var anonymous = team.Factory.AnonymousClient();
        var response = await anonymous.GetAsync($"/factchecks/{slug}");
        var html = await response.Content.ReadAsStringAsync();

        // One script element, and it is data: JSON-LD, which no browser runs.
        Assert.Single(ScriptTag().Matches(html));
        Assert.Contains("<script type=\"application/ld+json\">", html);
        Assert.DoesNotContain("<img", html);
        Assert.DoesNotContain("javascript:", html);
        Assert.DoesNotContain("alert(1)</script>", html.Replace("&lt;", "<"));
        Assert.Contains("&lt;/script&gt;&lt;script&gt;alert(1)", html);
        Assert.Contains("default-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Contains("<a href=\"https://register.example/tram\" rel=\"nofollow noopener\">the register</a>", html);
        Assert.Contains("<a href=\"https://harbour.example/tram-vote\" rel=\"nofollow noopener\">Council backs the tram</a>", html);
        Assert.Equal(["the register"], SourcesList().Matches(html).Select(m => m.Groups[1].Value));
        Assert.Contains("\\u003C/script\\u003E", JsonLd(html));
    }

    [Fact]
    public async Task ExportsUseThePublishedFinalVerdictAndPageAndTheCsvCarriesTheItemsColumns()
    {
        var (storyId, articleId, slug) = await PublishedAsync("Misleading", "Checked.");
        var annotations = team.Factory.Services.GetRequiredService<AnnotationStore>();
        await annotations.CreateAsync(storyId, new NewAnnotation(articleId, 63, 75, "Accurate", null, "My own view.", team.Commenter.Name, team.Commenter.UserId));
        await annotations.CreateAsync(storyId, new NewAnnotation(articleId, 0, 10, "Inaccurate", null, "Elsewhere.", team.Commenter.Name, team.Commenter.UserId));
        using var owner = await team.Factory.SignedInClientAsync(team.Owner);

        var reviews = JsonNode.Parse(await owner.GetStringAsync($"/api/stories/{storyId}/annotations/export/claimreview"))!["@graph"]!.AsArray();
        var published = Assert.Single(reviews, r => (string?)r!["url"] == $"http://localhost/factchecks/{slug}")!;
        Assert.Equal("Misleading", (string?)published["reviewRating"]!["alternateName"]);
        // The annotation on the published claim's words is superseded by the team's verdict; one elsewhere stays.
        Assert.DoesNotContain(reviews, r => (string?)r!["reviewRating"]!["alternateName"] == "Accurate");
        Assert.Contains(reviews, r => (string?)r!["reviewRating"]!["alternateName"] == "Inaccurate");

        var csv = await owner.GetStringAsync($"/api/stories/{storyId}/annotations/export/csv");
        var lines = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.EndsWith(",status,assignee,final_verdict", lines[0]);
        Assert.Contains(lines, l => l.Contains("My own view.", StringComparison.Ordinal) && l.EndsWith(",Done,Eddie Editor,Misleading", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("Elsewhere.", StringComparison.Ordinal) && l.EndsWith(",,,", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnUnknownOrUnpublishedAddressIsNotFound()
    {
        using var anonymous = team.Factory.AnonymousClient();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/factchecks/no-such-check-1")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/factchecks/" + new string('a', 300))).StatusCode);
    }

    /// <summary>A story whose article says <see cref="Hostile"/> after the usual sentence; its second sentence published with the verdict.</summary>
    private async Task<(int StoryId, int ArticleId, string Slug)> PublishedAsync(string verdict, string summary)
    {
        var text = "The council approved the tram on Monday by nine votes to four. " + Hostile;
        var (storyId, articleId) = await team.NewStoryAsync(text: text);
        var editor = team.As(team.Editor);
        var item = (await Service.AddAsync(storyId, editor, new NewCheckItem(articleId, text.IndexOf("The mayor", StringComparison.Ordinal), text.Length))).Value!.Item!;
        item = (await Service.EditAsync(item.Id, editor, new("Done", team.Editor.UserId, null, verdict, summary), item.Version)).Value!.Item!;
        var published = (await Service.PublishAsync(item.Id, editor, item.Version)).Value!;
        Assert.True(published.Succeeded, published.Error);
        return (storyId, articleId, published.Item!.Slug!);
    }

    private static string JsonLd(string html) => JsonLdScript().Match(html) is { Success: true } match ? match.Groups[1].Value : throw new Xunit.Sdk.XunitException("no JSON-LD in the page");

    // schema.org: the ClaimReview properties this export may use (from ClaimReview, Review, CreativeWork and Thing).
    private static readonly HashSet<string> ClaimReviewProperties =
    [
        "@context", "@type", "@id", "url", "claimReviewed", "datePublished", "dateModified", "author", "reviewBody", "keywords",
        "reviewRating", "itemReviewed", "name", "headline", "publisher", "inLanguage",
    ];

    [GeneratedRegex("<script", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptTag();

    [GeneratedRegex("<script type=\"application/ld\\+json\">(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex JsonLdScript();

    [GeneratedRegex("<li><a [^>]*>([^<]*)</a></li>")]
    private static partial Regex SourcesList();
}
