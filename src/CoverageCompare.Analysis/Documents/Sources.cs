namespace CoverageCompare.Analysis.Documents;

/// <summary>Who published a document, from the places documents say it. Nothing found means no outlet, never a placeholder.</summary>
public static class Sources
{
    private static readonly string[] OutletKeys = ["outlet", "source", "publisher", "site_name", "site"];

    internal static string? Outlet(IReadOnlyDictionary<string, string> frontMatter) =>
        OutletKeys.Select(frontMatter.GetValueOrDefault).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));

    /// <summary>The site of an address ("www.bbc.co.uk" gives "bbc.co.uk"), the last resort for naming an outlet.</summary>
    public static string? HostOf(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Host.Length > 0
            ? uri.Host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? uri.Host[4..] : uri.Host
            : null;

    /// <summary>A title for a document that has none: its first sentence, shortened at a word.</summary>
    public static string Lede(string text, int maxLength = 90)
    {
        var start = text.AsSpan().TrimStart();
        var line = start[..Math.Max(0, start.IndexOfAny('\n', '\r') is var n and >= 0 ? n : start.Length)].Trim().ToString();
        var stop = line.IndexOfAny(['.', '!', '?']);
        if (stop > 0) line = line[..(stop + 1)];
        if (line.Length <= maxLength) return line;
        var cut = line.LastIndexOf(' ', maxLength - 1);
        return line[..(cut > maxLength / 2 ? cut : maxLength - 1)].TrimEnd(',', ';', ':', ' ') + "…";
    }
}
