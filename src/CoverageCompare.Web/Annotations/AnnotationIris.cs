using System.Text.RegularExpressions;

namespace CoverageCompare.Web.Annotations;

/// <summary>The absolute IRIs exports use, based on the address the request came in on.</summary>
public sealed partial class AnnotationIris(string baseUrl)
{
    private readonly string root = baseUrl.TrimEnd('/');

    public static AnnotationIris For(HttpRequest request) => new($"{request.Scheme}://{request.Host}{request.PathBase}");

    public string Collection(int storyId) => $"{root}/api/stories/{storyId}/annotations";

    public string Annotation(Guid id) => $"{root}/api/annotations/{id}";

    public string Article(int storyId, int articleId) => $"{root}/api/stories/{storyId}/articles/{articleId}";

    /// <summary>The article an IRI of this app names, whichever host wrote it, so files move between installations.</summary>
    public static int? ArticleIdOf(string? iri) =>
        iri is not null && ArticlePath().Match(iri) is { Success: true } match && int.TryParse(match.Groups["article"].Value, out var id) ? id : null;

    /// <summary>The annotation id at the end of an annotation IRI (of any host), if it ends in one.</summary>
    public static Guid? AnnotationIdOf(string? iri) =>
        iri is not null && Guid.TryParse(iri.TrimEnd('/').Split('/', '#', ':').Last(), out var id) ? id : null;

    [GeneratedRegex(@"/api/stories/\d+/articles/(?<article>\d+)/?$")]
    private static partial Regex ArticlePath();
}
