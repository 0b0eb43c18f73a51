namespace CoverageCompare.Analysis.Linking;

/// <summary>
/// A heading for a fact a person would write: the main clause of a claim, cut to about ten words at a natural
/// boundary ("Microsoft lost its exclusive cloud provider status"), never a bag of key words.
/// </summary>
internal static class FactLabel
{
    private const int MaxWords = 10;
    private const int MinClauseWords = 4;

    private static readonly FrozenSet<string> Openers = new[]
    {
        "however", "meanwhile", "still", "yet", "also", "moreover", "but", "and", "so", "now", "today", "instead", "notably", "additionally", "furthermore",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    // A label may end before these: what follows them is a subordinate clause or a further detail.
    private static readonly FrozenSet<string> Boundaries = new[]
    {
        "and", "but", "which", "who", "whom", "whose", "while", "because", "after", "before", "as", "although", "though", "since", "when", "where",
        "that", "to", "for", "with", "by", "in", "on", "at", "from", "amid", "despite", "following", "including", "according",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> Dangling = new[]
    {
        "the", "a", "an", "of", "to", "and", "or", "in", "on", "for", "with", "by", "at", "from", "as", "that", "its", "their", "his", "her", "is", "was", "were", "are", "be", "has", "have", "had",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly char[] ClauseMarks = [',', ';', ':', '—', '–', '(', ')'];

    public static string Extract(string claim)
    {
        var clauses = claim
            .Split(ClauseMarks, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(Words)
            .Where(w => w.Count > 0)
            .ToList();
        if (clauses.Count == 0)
        {
            return claim.Trim();
        }
        var words = clauses.FirstOrDefault(c => c.Count >= MinClauseWords) ?? clauses.OrderByDescending(c => c.Count).First();
        while (words.Count > 1 && Openers.Contains(words[0]))
        {
            words.RemoveAt(0);
        }
        var cut = words.Count > MaxWords;
        if (cut)
        {
            var end = MaxWords;
            for (var k = MaxWords; k >= MinClauseWords; k--)
            {
                if (Boundaries.Contains(words[k]))
                {
                    end = k;
                    break;
                }
            }
            words = words.Take(end).ToList();
        }
        while (words.Count > 1 && Dangling.Contains(words[^1]))
        {
            words.RemoveAt(words.Count - 1);
        }
        var label = string.Join(' ', words);
        return char.ToUpperInvariant(label[0]) + label[1..] + (cut && words.Count >= MaxWords ? "…" : "");
    }

    private static List<string> Words(string clause) =>
        clause
            .Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.Trim('"', '“', '”', '‘', '’', '\'', '.', '!', '?', '*', '[', ']'))
            .Where(w => w.Length > 0)
            .ToList();
}
