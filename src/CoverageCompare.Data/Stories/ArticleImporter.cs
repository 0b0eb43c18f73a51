using CoverageCompare.Analysis.Documents;

namespace CoverageCompare.Data.Stories;

/// <summary>A document read and checked but not yet stored, with the details a person may still change.</summary>
public sealed record ImportCandidate(string FileName, ArticleDetails Details, string Text, DocumentFormat Format);

/// <summary>Reads files or pasted text into articles of a story, filling outlet and title from the document where it says them.</summary>
public sealed class ArticleImporter(DocumentReader reader, StoryStore stories)
{
    public StoreResult<ImportCandidate> Prepare(string fileName, ReadOnlySpan<byte> content, long maxBytes = StoryLimits.MaxArticleBytes)
    {
        var read = reader.Read(fileName, content, maxBytes);
        return read.Document is { } document
            ? StoreResult<ImportCandidate>.Ok(ToCandidate(fileName, document))
            : StoreResult<ImportCandidate>.Fail(read.Error!);
    }

    /// <summary>A page fetched from the web: its address becomes the article's URL, and names the outlet when the page does not.</summary>
    public StoreResult<ImportCandidate> PrepareFetched(Uri pageUrl, string fileName, ReadOnlySpan<byte> content)
    {
        var read = reader.Read(fileName, content, StoryLimits.MaxArticleBytes);
        return read.Document is { } document
            ? StoreResult<ImportCandidate>.Ok(ToCandidate(fileName, document with { Url = pageUrl.AbsoluteUri }))
            : StoreResult<ImportCandidate>.Fail(read.Error!);
    }

    public StoreResult<ImportCandidate> PrepareText(string text, DocumentFormat format)
    {
        if (System.Text.Encoding.UTF8.GetByteCount(text) > StoryLimits.MaxArticleBytes)
        {
            return StoreResult<ImportCandidate>.Fail("The pasted text is larger than 1 MB.");
        }
        var read = reader.ReadText(text, format);
        return read.Document is { } document
            ? StoreResult<ImportCandidate>.Ok(ToCandidate("pasted text", document))
            : StoreResult<ImportCandidate>.Fail($"The pasted text: {read.Error}");
    }

    public Task<StoreResult<int>> AddAsync(int storyId, ImportCandidate candidate, CancellationToken cancellationToken = default) =>
        stories.AddArticleAsync(storyId, new ArticleDraft(candidate.Details, candidate.Text, candidate.Format), cancellationToken);

    private static ImportCandidate ToCandidate(string fileName, ArticleDocument document)
    {
        var outlet = document.Outlet ?? HostOf(document.Url) ?? "Unknown outlet";
        var title = document.Title ?? Path.GetFileNameWithoutExtension(fileName);
        var details = new ArticleDetails(
            Truncate(outlet, StoryLimits.OutletLength),
            Truncate(title, StoryLimits.TitleLength),
            document.Author is null ? null : Truncate(document.Author, StoryLimits.AuthorLength),
            document.Url is { Length: <= StoryLimits.UrlLength } url ? url : null,
            document.Published);
        return new ImportCandidate(fileName, details, document.Text, document.Format);
    }

    private static string? HostOf(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.Host.Replace("www.", "", StringComparison.Ordinal) : null;

    private static string Truncate(string value, int length)
    {
        value = value.Trim();
        return value.Length <= length ? value : value[..(length - 1)].TrimEnd() + "…";
    }
}
