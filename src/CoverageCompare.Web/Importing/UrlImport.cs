using CoverageCompare.Data.Stories;
using CoverageCompare.Web.Diagnostics;

namespace CoverageCompare.Web.Importing;

/// <summary>Fetches a page and reads it like an uploaded file, for the import panel and the API alike.</summary>
public sealed class UrlImport(ArticleFetcher fetcher, ArticleImporter importer, ILogger<UrlImport> logger)
{
    public async Task<StoreResult<ImportCandidate>> PrepareAsync(int storyId, string url, CancellationToken cancellationToken = default)
    {
        var fetched = await fetcher.FetchAsync(url, cancellationToken);
        if (fetched.Page is not { } page)
        {
            // An address the server must not reach is worth a warning: it is what probing the network looks like.
            var level = fetched.Refusal == FetchRefusal.ForbiddenAddress ? LogLevel.Warning : LogLevel.Information;
            logger.UrlFetchRefused(level, storyId, fetched.Refusal, fetched.Host, fetched.Bytes, fetched.Redirects);
            return StoreResult<ImportCandidate>.Fail(fetched.Error!);
        }

        var prepared = importer.PrepareFetched(page.Url, page.FileName, page.Content);
        return prepared.Value is { } candidate
            ? StoreResult<ImportCandidate>.Ok(candidate with { FileName = page.Url.AbsoluteUri })
            : prepared;
    }
}
