using System.Text;

namespace CoverageCompare.Analysis.Documents;

/// <summary>
/// Turns uploaded or pasted bytes into an <see cref="ArticleDocument"/>, refusing what cannot be an article
/// (empty, binary, not UTF-8, too large, an unknown format) with a message a person can act on.
/// </summary>
public sealed class DocumentReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static IReadOnlyList<string> SupportedExtensions { get; } = [".txt", ".md", ".markdown", ".html", ".htm"];

    public DocumentReadResult Read(string fileName, ReadOnlySpan<byte> content, long maxBytes)
    {
        var name = Path.GetFileName(fileName);
        if (FormatFromFileName(fileName) is not { } format)
        {
            return DocumentReadResult.Fail(DocumentRefusal.UnsupportedType, $"{name}: only .txt, .md and .html files can be imported.");
        }
        if (content.Length > maxBytes)
        {
            return DocumentReadResult.Fail(DocumentRefusal.TooLarge, $"{name} is {FormatSize(content.Length)}; the limit is {FormatSize(maxBytes)} per article.");
        }
        if (content.IndexOf((byte)0) >= 0)
        {
            return DocumentReadResult.Fail(DocumentRefusal.Binary, $"{name} looks like a binary file, not text.");
        }

        string text;
        try
        {
            text = StrictUtf8.GetString(content.StartsWith(Encoding.UTF8.Preamble) ? content[3..] : content);
        }
        catch (DecoderFallbackException)
        {
            return DocumentReadResult.Fail(DocumentRefusal.NotUtf8, $"{name} is not UTF-8 text; save it as UTF-8 and try again.");
        }

        var result = ReadText(text, format);
        return result.Succeeded ? result : DocumentReadResult.Fail(result.Refusal, $"{name}: {result.Error}");
    }

    public DocumentReadResult ReadText(string text, DocumentFormat format)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return DocumentReadResult.Fail(DocumentRefusal.Empty, "the article is empty.");
        }
        if (LooksBinary(text))
        {
            return DocumentReadResult.Fail(DocumentRefusal.Binary, "the article looks like binary data, not text.");
        }

        var document = format switch
        {
            DocumentFormat.Markdown => MarkdownText.Read(text),
            DocumentFormat.Html => HtmlText.Read(text),
            _ => PlainText.Read(text),
        };
        return string.IsNullOrWhiteSpace(document.Text)
            ? DocumentReadResult.Fail(DocumentRefusal.NoVisibleText, "the article has no visible text.")
            : DocumentReadResult.Ok(document);
    }

    public static DocumentFormat? FormatFromFileName(string fileName) =>
        Path.GetExtension(fileName).ToLowerInvariant() switch
        {
            ".txt" => DocumentFormat.Text,
            ".md" or ".markdown" => DocumentFormat.Markdown,
            ".html" or ".htm" => DocumentFormat.Html,
            _ => null,
        };

    private static bool LooksBinary(string text)
    {
        var sample = text.AsSpan(0, Math.Min(text.Length, 8192));
        var control = 0;
        foreach (var c in sample)
        {
            if (c == '\0') return true;
            if (char.IsControl(c) && c is not ('\n' or '\r' or '\t' or '\f')) control++;
        }
        return control > sample.Length / 20;
    }

    private static string FormatSize(long bytes) =>
        bytes >= 1024 * 1024 ? $"{bytes / (1024.0 * 1024.0):0.#} MB" : $"{Math.Max(1, bytes / 1024)} KB";
}
