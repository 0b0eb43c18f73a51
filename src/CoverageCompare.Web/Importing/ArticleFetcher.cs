using System.Net;
using System.Net.Http.Headers;
using System.Text;
using CoverageCompare.Data;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace CoverageCompare.Web.Importing;

/// <summary>
/// Fetches a web page on the server's behalf, which makes it a way into the server's own network: only http and
/// https, only public addresses unless allow-listed (checked for every redirect and for the connected socket), at
/// most <see cref="StoryLimits.MaxArticleBytes"/> read, and one time limit for all of it.
/// </summary>
public sealed class ArticleFetcher : IDisposable
{
    private static readonly Dictionary<string, string> Extensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ["text/html"] = ".html",
        ["text/plain"] = ".txt",
        ["text/markdown"] = ".md",
    };

    private readonly UrlImportOptions options;
    private readonly HttpClient client;

    public ArticleFetcher(IOptions<UrlImportOptions> options)
    {
        this.options = options.Value;
        client = new HttpClient(new SocketsHttpHandler
        {
            // Redirects are followed below, one checked hop at a time; a proxy would connect for us unchecked.
            AllowAutoRedirect = false,
            UseProxy = false,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.All,
            ConnectCallback = new GuardedConnector(new AddressPolicy(this.options.AllowedHosts)).ConnectAsync,
            PooledConnectionLifetime = TimeSpan.FromMinutes(1),
        })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
        client.DefaultRequestHeaders.UserAgent.ParseAdd("CoverageCompare/1.0 (article import)");
        client.DefaultRequestHeaders.Accept.ParseAdd("text/html, text/markdown, text/plain;q=0.9");
    }

    public async Task<FetchResult> FetchAsync(string address, CancellationToken cancellationToken = default)
    {
        if (!Uri.TryCreate(address?.Trim(), UriKind.Absolute, out var url))
        {
            return Refused(FetchRefusal.InvalidAddress, "Enter a full web address starting with http:// or https://.");
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(options.Timeout);
        var redirects = 0;
        long bytes = 0;
        try
        {
            while (true)
            {
                CheckUrl(url);
                using var request = new HttpRequestMessage(HttpMethod.Get, url);
                using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
                if (IsRedirect(response.StatusCode))
                {
                    if (redirects == options.MaxRedirects)
                    {
                        throw new FetchRefusedException(FetchRefusal.TooManyRedirects, $"The page redirected more than {options.MaxRedirects} times, so it was not followed further.");
                    }
                    url = response.Headers.Location is { } location
                        ? new Uri(url, location)
                        : throw new FetchRefusedException(FetchRefusal.HttpStatus, "The server answered with a redirect but did not say where to.");
                    redirects++;
                    continue;
                }
                if (!response.IsSuccessStatusCode)
                {
                    var status = (int)response.StatusCode;
                    throw new FetchRefusedException(FetchRefusal.HttpStatus, $"The server answered {status} ({ReasonPhrases.GetReasonPhrase(status)}).");
                }

                var type = response.Content.Headers.ContentType;
                var extension = ExtensionFor(type);
                var content = await ReadLimitedAsync(response.Content, deadline.Token);
                return FetchResult.Ok(new FetchedPage(url, FileNameFor(url, extension), ToUtf8(content, type?.CharSet)), redirects);
            }
        }
        catch (Exception error) when (Refusal(error) is { } refused)
        {
            var message = redirects > 0 && refused.Refusal == FetchRefusal.ForbiddenAddress ? $"The page redirected to {url.Host}. {refused.Message}" : refused.Message;
            return new FetchResult(null, refused.Refusal, message, url.Host, bytes, redirects);
        }
        catch (HttpRequestException error)
        {
            var message = error.HttpRequestError == HttpRequestError.SecureConnectionError
                ? $"A secure connection to {url.Host} could not be made."
                : $"The server at {url.Host} could not be reached.";
            return new FetchResult(null, FetchRefusal.Unreachable, message, url.Host, bytes, redirects);
        }
        catch (IOException)
        {
            return new FetchResult(null, FetchRefusal.Unreachable, $"The connection to {url.Host} broke off before the page was read.", url.Host, bytes, redirects);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new FetchResult(null, FetchRefusal.TimedOut, $"The server took longer than {options.Timeout.TotalSeconds:0.#} s.", url.Host, bytes, redirects);
        }

        async Task<byte[]> ReadLimitedAsync(HttpContent content, CancellationToken token)
        {
            if (content.Headers.ContentLength is { } length && length > StoryLimits.MaxArticleBytes)
            {
                bytes = length;
                throw TooLarge();
            }
            await using var stream = await content.ReadAsStreamAsync(token);
            using var buffer = new MemoryStream();
            var chunk = new byte[16 * 1024];
            int read;
            while ((read = await stream.ReadAsync(chunk, token)) > 0)
            {
                bytes += read;
                // Stop at the limit: a server that never ends its body costs us one megabyte, not more.
                if (bytes > StoryLimits.MaxArticleBytes) throw TooLarge();
                buffer.Write(chunk, 0, read);
            }
            return buffer.ToArray();
        }
    }

    public void Dispose() => client.Dispose();

    private static FetchResult Refused(FetchRefusal refusal, string message) => new(null, refusal, message, null, 0, 0);

    private static void CheckUrl(Uri url)
    {
        if (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)
        {
            throw new FetchRefusedException(FetchRefusal.UnsupportedScheme, $"Only http:// and https:// addresses can be fetched, not {url.Scheme}:.");
        }
        if (url.UserInfo.Length > 0)
        {
            throw new FetchRefusedException(FetchRefusal.Credentials, "Addresses with a user name or password in them can't be fetched.");
        }
    }

    private static bool IsRedirect(HttpStatusCode status) => status is HttpStatusCode.MovedPermanently or HttpStatusCode.Found
        or HttpStatusCode.SeeOther or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;

    private static string ExtensionFor(MediaTypeHeaderValue? type) =>
        type?.MediaType is { } mediaType && Extensions.TryGetValue(mediaType, out var extension)
            ? extension
            : throw new FetchRefusedException(FetchRefusal.UnsupportedContentType, type?.MediaType is { } other
                ? $"The page is {other}; only HTML, plain text and Markdown pages can be imported."
                : "The server did not say what kind of document the page is; only HTML, plain text and Markdown pages can be imported.");

    private static FetchRefusedException TooLarge() =>
        new(FetchRefusal.TooLarge, $"The page is larger than {StoryLimits.MaxArticleBytes / (1024 * 1024)} MB.");

    /// <summary>The importer reads UTF-8 only; a page that names another character set is converted first.</summary>
    private static byte[] ToUtf8(byte[] content, string? charset)
    {
        var name = charset?.Trim().Trim('"');
        if (string.IsNullOrEmpty(name) || name.Equals("utf-8", StringComparison.OrdinalIgnoreCase) || name.Equals("utf8", StringComparison.OrdinalIgnoreCase)
            || name.Equals("us-ascii", StringComparison.OrdinalIgnoreCase))
        {
            return content;
        }
        var encoding = KnownEncoding(name)
            ?? throw new FetchRefusedException(FetchRefusal.UnsupportedCharset, $"The page is written in the character set \"{Printable(name)}\", which can't be read.");
        return Encoding.UTF8.GetBytes(encoding.GetString(content));
    }

    /// <summary>
    /// A character set we can decode and that cannot smuggle markup: UTF-7 (and anything resolving to it) is refused,
    /// since its "+ADw-" spells "&lt;" for any reader that guesses differently.
    /// </summary>
    private static Encoding? KnownEncoding(string name)
    {
        try
        {
            var encoding = CodePagesEncodingProvider.Instance.GetEncoding(name) ?? Encoding.GetEncoding(name);
            return encoding.CodePage == 65000 || encoding.WebName.Contains("utf-7", StringComparison.OrdinalIgnoreCase) ? null : encoding;
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PlatformNotSupportedException)
        {
            return null;
        }
    }

    private static string Printable(string name) => name.Length <= 40 && name.All(c => c is >= ' ' and <= '~') ? name : "unknown";

    private static string FileNameFor(Uri url, string extension)
    {
        var stem = Path.GetFileNameWithoutExtension(Uri.UnescapeDataString(url.Segments[^1]).Trim('/'));
        if (string.IsNullOrWhiteSpace(stem)) stem = url.Host;
        stem = string.Concat(stem.Take(80).Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '-'));
        return stem + extension;
    }

    private static FetchRefusedException? Refusal(Exception? error)
    {
        for (; error is not null; error = error.InnerException)
        {
            if (error is FetchRefusedException refused) return refused;
        }
        return null;
    }
}
