using System.Text.RegularExpressions;

namespace CoverageCompare.Web.Annotations;

/// <summary>
/// The absolute IRIs exports use. Their base is <c>App:PublicUrl</c> when configured. Otherwise the request's Host is
/// used only when <c>AllowedHosts</c> names hosts (host filtering has then refused any other); with the default "*"
/// a Host header is anyone's to forge, so the base is the address the server listens on instead.
/// </summary>
public sealed partial class AnnotationIris(string baseUrl)
{
    private readonly string root = baseUrl.TrimEnd('/');

    public static AnnotationIris For(HttpRequest request)
    {
        var configuration = request.HttpContext.RequestServices.GetRequiredService<IConfiguration>();
        if (configuration["App:PublicUrl"] is { Length: > 0 } publicUrl) return new(publicUrl);
        var allowed = configuration["AllowedHosts"];
        if (!string.IsNullOrWhiteSpace(allowed) && allowed.Trim() != "*" && !allowed.Split(';').Any(h => h.Trim().StartsWith('*')))
        {
            return new($"{request.Scheme}://{request.Host}{request.PathBase}");
        }
        var listening = request.HttpContext.RequestServices.GetService<Microsoft.AspNetCore.Hosting.Server.IServer>()?
            .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        return new((listening is { Length: > 0 } ? listening.Replace("://+", "://localhost").Replace("://*", "://localhost").Replace("://[::]", "://localhost") : "http://localhost") + request.PathBase);
    }

    public string Collection(int storyId) => $"{root}/api/stories/{storyId}/annotations";

    public string Annotation(Guid id) => $"{root}/api/annotations/{id}";

    public string Article(int storyId, int articleId) => $"{root}/api/stories/{storyId}/articles/{articleId}";

    /// <summary>The story page with the annotation open: the address a person (or a search engine) reads it at.</summary>
    public string StoryPage(int storyId, Guid annotationId) => $"{root}/stories/{storyId}?annotation={annotationId}";

    /// <summary>A published fact-check's public page.</summary>
    public string FactCheck(string slug) => $"{root}/factchecks/{Uri.EscapeDataString(slug)}";

    /// <summary>The article an IRI of this app names, whichever host wrote it, so files move between installations.</summary>
    public static int? ArticleIdOf(string? iri) =>
        iri is not null && ArticlePath().Match(iri) is { Success: true } match && int.TryParse(match.Groups["article"].Value, out var id) ? id : null;

    /// <summary>The annotation id at the end of an annotation IRI (of any host), if it ends in one.</summary>
    public static Guid? AnnotationIdOf(string? iri) =>
        iri is not null && Guid.TryParse(iri.TrimEnd('/').Split('/', '#', ':').Last(), out var id) ? id : null;

    [GeneratedRegex(@"/api/stories/\d+/articles/(?<article>\d+)/?$")]
    private static partial Regex ArticlePath();
}
