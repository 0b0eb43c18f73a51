using System.Text.RegularExpressions;

namespace CoverageCompare.Analysis.Framing;

/// <summary>The loaded-word list: our own list shipped as <c>LoadedWords.txt</c>, plus any words a caller adds.</summary>
public sealed class LoadedWordList
{
    private readonly Regex? _pattern;

    public LoadedWordList(IEnumerable<string> words)
    {
        Words = words
            .Select(w => w.Trim().ToLowerInvariant())
            .Where(w => w.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToArray();
        // Longest first so a phrase wins over a word it starts with; whitespace inside a phrase matches any run of it.
        var alternatives = Words.OrderByDescending(w => w.Length).ThenBy(w => w, StringComparer.Ordinal)
            .Select(w => string.Join(@"\s+", w.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Regex.Escape)));
        _pattern = Words.Count == 0
            ? null
            : new Regex(@"(?<![\p{L}\p{N}-])(?:" + string.Join("|", alternatives) + @")(?![\p{L}\p{N}-])",
                RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }

    public static LoadedWordList Default { get; } = new(Parse(ReadResource()));

    public IReadOnlyList<string> Words { get; }

    public LoadedWordList With(IEnumerable<string> extra) => new(Words.Concat(extra));

    /// <summary>The lines of a list file without blanks and <c>#</c> comments.</summary>
    public static IEnumerable<string> Parse(string list) => list
        .Split('\n')
        .Select(line => line.Trim())
        .Where(line => line.Length > 0 && !line.StartsWith('#'));

    /// <summary>Every listed word or phrase in <c>text[start..end]</c>, in order, as (start, end) offsets into <paramref name="text"/>.</summary>
    public IEnumerable<(int Start, int End)> Find(string text, int start, int end)
    {
        if (_pattern is null)
        {
            yield break;
        }
        for (var m = _pattern.Match(text, start, end - start); m.Success; m = m.NextMatch())
        {
            yield return (m.Index, m.Index + m.Length);
        }
    }

    private static string ReadResource()
    {
        using var stream = typeof(LoadedWordList).Assembly.GetManifestResourceStream("Framing.LoadedWords.txt")
            ?? throw new InvalidOperationException("The loaded-word list is not embedded in the engine.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
