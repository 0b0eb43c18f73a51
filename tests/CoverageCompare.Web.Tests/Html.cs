using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace CoverageCompare.Web.Tests;

internal static class Html
{
    public static IDocument Parse(string html) => new HtmlParser().ParseDocument(html);

    public static async Task<IDocument> GetAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        response.EnsureSuccessStatusCode();
        return Parse(await response.Content.ReadAsStringAsync());
    }
}
