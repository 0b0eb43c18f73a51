using CoverageCompare.Analysis.Documents;
using Microsoft.Extensions.Logging;

namespace CoverageCompare.Data.Stories;

/// <summary>A document read and checked but not yet stored, with the details a person may still change.</summary>
public sealed record ImportCandidate(string FileName, ArticleDetails Details, string Text, DocumentFormat Format);

/// <summary>Reads files or pasted text into articles of a story, filling outlet and title from the document where it says them.</summary>
public sealed class ArticleImporter(DocumentReader reader, StoryStore stories, ILogger<ArticleImporter> logger)
{
    public StoreResult<ImportCandidate> Prepare(string fileName, ReadOnlySpan<byte> content, long maxBytes = StoryLimits.MaxArticleBytes)
    {
        var read = reader.Read(fileName, content, maxBytes);
        return read.Document is { } document
            ? StoreResult<ImportCandidate>.Ok(ToCandidate(fileName, document))
            : Refused(read, "file", DocumentReader.FormatFromFileName(fileName), content.Length);
    }

    /// <summary>A page fetched from the web: its address becomes the article's URL, and names the outlet when the page does not.</summary>
    public StoreResult<ImportCandidate> PrepareFetched(Uri pageUrl, string fileName, ReadOnlySpan<byte> content)
    {
        var read = reader.Read(fileName, content, StoryLimits.MaxArticleBytes);
        return read.Document is { } document
            ? StoreResult<ImportCandidate>.Ok(ToCandidate(fileName, document with { Url = pageUrl.AbsoluteUri }))
            : Refused(read, "fetched page", DocumentReader.FormatFromFileName(fileName), content.Length);
    }

    public StoreResult<ImportCandidate> PrepareText(string text, DocumentFormat format)
    {
        var bytes = System.Text.Encoding.UTF8.GetByteCount(text);
        if (bytes > StoryLimits.MaxArticleBytes)
        {
            return Refused(DocumentReadResult.Fail(DocumentRefusal.TooLarge, "The pasted text is larger than 1 MB."), "pasted text", format, bytes);
        }
        var read = reader.ReadText(text, format);
        return read.Document is { } document
            ? StoreResult<ImportCandidate>.Ok(ToCandidate("pasted text", document))
            : Refused(read with { Error = $"The pasted text: {read.Error}" }, "pasted text", format, bytes);
    }

    public Task<StoreResult<int>> AddAsync(int storyId, ImportCandidate candidate, CancellationToken cancellationToken = default) =>
        stories.AddArticleAsync(storyId, new ArticleDraft(candidate.Details, candidate.Text, candidate.Format), cancellationToken);

    private StoreResult<ImportCandidate> Refused(DocumentReadResult read, string source, DocumentFormat? format, long bytes)
    {
        logger.DocumentRefused(source, read.Refusal, format, bytes);
        return StoreResult<ImportCandidate>.Fail(read.Error!);
    }

    private static ImportCandidate ToCandidate(string fileName, ArticleDocument document)
    {
        // No outlet named anywhere stays empty: the import form and the API ask for it rather than store a placeholder.
        var outlet = document.Outlet ?? Sources.HostOf(document.Url) ?? "";
        var title = document.Title ?? NullIfEmpty(Sources.Lede(document.Text)) ?? Path.GetFileNameWithoutExtension(fileName);
        var details = new ArticleDetails(
            Truncate(outlet, StoryLimits.OutletLength),
            Truncate(title, StoryLimits.TitleLength),
            document.Author is null ? null : Truncate(document.Author, StoryLimits.AuthorLength),
            document.Url is { Length: <= StoryLimits.UrlLength } url ? url : null,
            document.Published);
        return new ImportCandidate(fileName, details, document.Text, document.Format);
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;

    private static string Truncate(string value, int length)
    {
        value = value.Trim();
        if (value.Length == 0) return value;
        return value.Length <= length ? value : value[..(length - 1)].TrimEnd() + "…";
    }
}
