using AngleSharp.Html.Parser;
using CoverageCompare.Web.Annotations;

namespace CoverageCompare.Web.Tests.Annotations;

public sealed class NoteRendererTests
{
    private readonly NoteRenderer renderer = new();

    [Fact]
    public void RawHtmlIsShownAsTextNotRun()
    {
        var html = renderer.ToHtml("Look: <img src=x onerror=alert(1)> and <script>alert(2)</script>");
        var document = new HtmlParser().ParseDocument(html);

        Assert.Empty(document.QuerySelectorAll("img, script, [onerror]"));
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", html);
    }

    [Theory]
    [InlineData("[x](javascript:alert(1))")]
    [InlineData("[x](JavaScript:alert(1))")]
    [InlineData("[x](data:text/html;base64,PHNjcmlwdD4=)")]
    [InlineData("<javascript:alert(1)>")]
    [InlineData("[x][r]\n\n[r]: vbscript:msgbox(1)")]
    [InlineData("![x](javascript:alert(1))")]
    public void UnsafeLinksLoseTheirAddress(string markdown)
    {
        var document = new HtmlParser().ParseDocument(renderer.ToHtml(markdown));

        Assert.Empty(document.QuerySelectorAll("a, img"));
        Assert.DoesNotContain("href", document.Body!.InnerHtml);
    }

    [Fact]
    public void SafeLinksGetNofollowNoopenerAndImagesBecomeLinks()
    {
        var document = new HtmlParser().ParseDocument(renderer.ToHtml(
            "See [the minutes](https://example.org/m \"t\"), <https://example.org/a>, [mail](mailto:desk@example.org) and ![chart](http://example.org/c.png)."));

        var links = document.QuerySelectorAll("a");
        Assert.Equal(["https://example.org/m", "https://example.org/a", "mailto:desk@example.org", "http://example.org/c.png"], links.Select(a => a.GetAttribute("href")));
        Assert.All(links, a => Assert.Equal("nofollow noopener", a.GetAttribute("rel")));
        Assert.Empty(document.QuerySelectorAll("img, [title]"));
        Assert.Equal("chart", links[3].TextContent);
    }

    [Fact]
    public void MarkdownFormattingStillWorks()
    {
        Assert.Equal("<p>The figure is <strong>wrong</strong>.</p>\n", renderer.ToHtml("The figure is **wrong**."));
        Assert.Equal("", renderer.ToHtml("  "));
    }
}
