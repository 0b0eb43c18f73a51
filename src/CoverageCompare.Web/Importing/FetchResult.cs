namespace CoverageCompare.Web.Importing;

public enum FetchRefusal
{
    None,
    InvalidAddress,
    UnsupportedScheme,
    Credentials,
    ForbiddenAddress,
    NameNotFound,
    Unreachable,
    TooManyRedirects,
    HttpStatus,
    UnsupportedContentType,
    UnsupportedCharset,
    TooLarge,
    TimedOut,
}

/// <summary>A page as served, with a file name whose extension says how to read it (.html, .txt or .md).</summary>
public sealed record FetchedPage(Uri Url, string FileName, byte[] Content);

/// <summary>
/// The page, or why it was refused. <see cref="Host"/> is the host last asked (never the path or query, which may
/// carry tokens), <see cref="Bytes"/> how much of a body was read and <see cref="Redirects"/> how many were followed.
/// </summary>
public sealed record FetchResult(FetchedPage? Page, FetchRefusal Refusal, string? Error, string? Host, long Bytes, int Redirects)
{
    public static FetchResult Ok(FetchedPage page, int redirects) => new(page, FetchRefusal.None, null, page.Url.Host, page.Content.Length, redirects);
}

internal sealed class FetchRefusedException(FetchRefusal refusal, string message, Exception? inner = null) : Exception(message, inner)
{
    public FetchRefusal Refusal { get; } = refusal;

    public static FetchRefusedException Forbidden(AddressKind kind) => new(FetchRefusal.ForbiddenAddress, kind switch
    {
        AddressKind.Loopback => "That address is this server itself, so it can't be fetched.",
        AddressKind.Private or AddressKind.SharedCarrierNat => "That address is on a private network, so it can't be fetched.",
        AddressKind.LinkLocal => "That address is on a local network link, so it can't be fetched.",
        AddressKind.Metadata => "That address is a cloud metadata service, so it can't be fetched.",
        AddressKind.Multicast => "That is a multicast address, so it can't be fetched.",
        _ => "That address is not on the public internet, so it can't be fetched.",
    });
}
