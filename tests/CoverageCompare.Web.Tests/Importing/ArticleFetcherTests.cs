using System.Diagnostics;
using System.Text;
using CoverageCompare.Web.Importing;
using Microsoft.Extensions.Options;

namespace CoverageCompare.Web.Tests.Importing;

public sealed class ArticleFetcherTests(PageServer server) : IClassFixture<PageServer>
{
    [Fact]
    public async Task AnHtmlPageIsFetchedWithItsAddressAndTypeInTheFileName()
    {
        using var fetcher = Fetcher(allow: "127.0.0.1");

        var result = await fetcher.FetchAsync(server.Url("/article.html"));

        Assert.Null(result.Error);
        Assert.Equal(new Uri(server.Url("/article.html")), result.Page!.Url);
        Assert.Equal("article.html", result.Page.FileName);
        Assert.Equal(PageServer.ArticleHtml, Encoding.UTF8.GetString(result.Page.Content));
    }

    [Theory]
    [InlineData("/notes", "notes.md")]
    [InlineData("/plain", "plain.txt")]
    public async Task MarkdownAndPlainTextAreAccepted(string path, string fileName)
    {
        using var fetcher = Fetcher(allow: "127.0.0.1");

        var result = await fetcher.FetchAsync(server.Url(path));

        Assert.Equal(fileName, result.Page?.FileName);
    }

    [Fact]
    public async Task APageInAnotherCharacterSetIsConvertedToUtf8()
    {
        using var fetcher = Fetcher(allow: "127.0.0.1");

        var result = await fetcher.FetchAsync(server.Url("/latin1"));

        Assert.Contains("Le café du port rouvre.", Encoding.UTF8.GetString(result.Page!.Content));
    }

    [Fact]
    public async Task FiveRedirectsAreFollowed()
    {
        using var fetcher = Fetcher(allow: "127.0.0.1");

        var result = await fetcher.FetchAsync(server.Url("/redirect/5"));

        Assert.Null(result.Error);
        Assert.Equal(5, result.Redirects);
        Assert.Equal(server.Url("/article.html"), result.Page!.Url.AbsoluteUri);
    }

    [Fact]
    public async Task ASixthRedirectIsRefused()
    {
        using var fetcher = Fetcher(allow: "127.0.0.1");

        var result = await fetcher.FetchAsync(server.Url("/redirect/6?chain=six"));

        Assert.Equal(FetchRefusal.TooManyRedirects, result.Refusal);
        Assert.Equal("The page redirected more than 5 times, so it was not followed further.", result.Error);
        Assert.Equal(1, server.Hits("/redirect/1?chain=six"));
        Assert.Equal(0, server.Hits("/article.html?chain=six"));
    }

    [Fact]
    public async Task APageThatNeverEndsIsCutOffAtOneMegabyte()
    {
        using var fetcher = Fetcher(allow: "127.0.0.1");

        var result = await fetcher.FetchAsync(server.Url("/huge"));

        Assert.Equal(FetchRefusal.TooLarge, result.Refusal);
        Assert.Equal("The page is larger than 1 MB.", result.Error);
        Assert.InRange(result.Bytes, 1024 * 1024 + 1, 1024 * 1024 + 16 * 1024);
    }

    [Fact]
    public async Task APageThatSaysItIsTooLargeIsNotRead()
    {
        using var fetcher = Fetcher(allow: "127.0.0.1");

        var result = await fetcher.FetchAsync(server.Url("/huge-declared"));

        Assert.Equal(FetchRefusal.TooLarge, result.Refusal);
        Assert.Equal(2 * 1024 * 1024, result.Bytes);
    }

    [Fact]
    public async Task ASlowServerRunsIntoTheTimeLimit()
    {
        using var fetcher = Fetcher(allow: "127.0.0.1", timeout: TimeSpan.FromSeconds(1));
        var clock = Stopwatch.StartNew();

        var result = await fetcher.FetchAsync(server.Url("/slow"));

        Assert.Equal(FetchRefusal.TimedOut, result.Refusal);
        Assert.Equal("The server took longer than 1 s.", result.Error);
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(10));
    }

    [Theory]
    [InlineData("/report.pdf", "The page is application/pdf; only HTML, plain text and Markdown pages can be imported.")]
    [InlineData("/untyped", "The server did not say what kind of document the page is; only HTML, plain text and Markdown pages can be imported.")]
    [InlineData("/missing", "The server answered 404 (Not Found).")]
    public async Task WhatIsNotAnArticlePageIsRefused(string path, string message)
    {
        using var fetcher = Fetcher(allow: "127.0.0.1");

        var result = await fetcher.FetchAsync(server.Url(path));

        Assert.Null(result.Page);
        Assert.Equal(message, result.Error);
    }

    [Theory]
    [InlineData("file:///etc/passwd", FetchRefusal.UnsupportedScheme, "Only http:// and https:// addresses can be fetched, not file:.")]
    [InlineData("ftp://127.0.0.1/article.txt", FetchRefusal.UnsupportedScheme, "Only http:// and https:// addresses can be fetched, not ftp:.")]
    [InlineData("news.example/story", FetchRefusal.InvalidAddress, "Enter a full web address starting with http:// or https://.")]
    [InlineData("http://reader:secret@127.0.0.1/article.html", FetchRefusal.Credentials, "Addresses with a user name or password in them can't be fetched.")]
    public async Task OnlyPlainHttpAndHttpsAddressesAreFetched(string url, FetchRefusal refusal, string message)
    {
        using var fetcher = Fetcher(allow: "127.0.0.1");

        var result = await fetcher.FetchAsync(url);

        Assert.Equal((refusal, message), (result.Refusal, result.Error));
    }

    [Fact]
    public async Task ALoopbackAddressIsRefusedWithoutConnectingWhenNotAllowed()
    {
        using var fetcher = Fetcher();

        var result = await fetcher.FetchAsync(server.Url("/loopback-never-asked"));

        Assert.Equal(FetchRefusal.ForbiddenAddress, result.Refusal);
        Assert.Equal("That address is this server itself, so it can't be fetched.", result.Error);
        Assert.Equal("127.0.0.1", result.Host);
        Assert.Equal(0, server.Hits("/loopback-never-asked"));
    }

    [Fact]
    public async Task AHostNameThatResolvesToALoopbackAddressIsRefused()
    {
        using var fetcher = Fetcher();

        var result = await fetcher.FetchAsync($"http://localhost:{server.Port}/never-asked");

        Assert.Equal(FetchRefusal.ForbiddenAddress, result.Refusal);
        Assert.Equal(0, server.Hits("/never-asked"));
    }

    [Theory]
    [InlineData("2130706433")]
    [InlineData("0x7f.1")]
    [InlineData("[::ffff:127.0.0.1]")]
    [InlineData("[::1]")]
    public async Task OtherSpellingsOfLoopbackAreRefusedToo(string host)
    {
        using var fetcher = Fetcher();

        var result = await fetcher.FetchAsync($"http://{host}:{server.Port}/spelled-never-asked");

        Assert.Equal(FetchRefusal.ForbiddenAddress, result.Refusal);
        Assert.Equal(0, server.Hits("/spelled-never-asked"));
    }

    [Fact]
    public async Task AnAllowedHostNameMayResolveToAPrivateAddress()
    {
        using var fetcher = Fetcher(allow: "localhost");

        var result = await fetcher.FetchAsync($"http://localhost:{server.Port}/plain");

        Assert.Null(result.Error);
    }

    [Theory]
    [InlineData("/to-metadata", "The page redirected to 169.254.169.254. That address is a cloud metadata service, so it can't be fetched.")]
    [InlineData("/to-ipv6-loopback", "The page redirected to [::1]. That address is this server itself, so it can't be fetched.")]
    public async Task ARedirectFromAnAllowedHostToAForbiddenOneIsRefused(string path, string message)
    {
        // A range wide enough to hold the metadata address still does not allow it.
        using var fetcher = Fetcher(allow: ["127.0.0.1", "169.254.0.0/16"]);

        var result = await fetcher.FetchAsync(server.Url(path));

        Assert.Equal(FetchRefusal.ForbiddenAddress, result.Refusal);
        Assert.Equal(message, result.Error);
        Assert.Equal(1, result.Redirects);
    }

    [Fact]
    public async Task APrivateAddressIsRefusedBeforeAnyConnectionIsTried()
    {
        using var fetcher = Fetcher(timeout: TimeSpan.FromSeconds(30));
        var clock = Stopwatch.StartNew();

        // 10.255.255.1 would make a connection attempt hang until the time limit; refusing it is immediate.
        var result = await fetcher.FetchAsync("http://10.255.255.1/internal/admin");

        Assert.Equal("That address is on a private network, so it can't be fetched.", result.Error);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
    }

    private static ArticleFetcher Fetcher(string? allow = null, TimeSpan? timeout = null) =>
        Fetcher(allow is null ? [] : [allow], timeout);

    private static ArticleFetcher Fetcher(string[] allow, TimeSpan? timeout = null) => new(Options.Create(new UrlImportOptions
    {
        AllowedHosts = [.. allow],
        Timeout = timeout ?? TimeSpan.FromSeconds(10),
    }));
}
