using CoverageCompare.Analysis.Documents;
using CoverageCompare.Data.Stories;
using CoverageCompare.Web.Components.Pages.Story;

namespace CoverageCompare.Web.Tests;

public sealed class ArticleColumnRenderingTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task ColumnCarriesItsHooksAndRendersArticleTextAsTextNeverAsMarkup()
    {
        var article = new ArticleView(
            Id: 42, Position: 0, Outlet: "Hostile Herald", Title: "<b>Bold</b> claims", Author: "A. Writer",
            Url: "javascript:alert(1)", PublishedOn: new DateOnly(2026, 3, 13),
            Text: "First paragraph <script>alert('x')</script>.\n\nSecond <img src=x onerror=alert(1)> paragraph.",
            Format: DocumentFormat.Text);

        var html = await Components.RenderAsync<ArticleColumn>(app.Factory.Services, new() { [nameof(ArticleColumn.Article)] = article });
        var document = Html.Parse(html);

        var column = document.QuerySelector("[data-testid=article-column]")!;
        Assert.Equal("42", column.GetAttribute("data-article-id"));
        Assert.Equal("Hostile Herald", column.QuerySelector("[data-testid=article-outlet]")!.TextContent);
        Assert.Equal("<b>Bold</b> claims", column.QuerySelector("h2")!.TextContent.Trim());
        Assert.Empty(document.QuerySelectorAll("script, img, b"));
        Assert.Null(column.QuerySelector("h2 a"));

        var paragraphs = column.QuerySelectorAll(".article-text p");
        Assert.Equal(2, paragraphs.Length);
        Assert.Equal("0", paragraphs[0].GetAttribute("data-offset"));
        Assert.Equal(article.Text.IndexOf("Second", StringComparison.Ordinal).ToString(), paragraphs[1].GetAttribute("data-offset"));
        Assert.Equal("Second <img src=x onerror=alert(1)> paragraph.", paragraphs[1].TextContent);
    }
}
