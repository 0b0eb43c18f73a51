using CoverageCompare.Analysis.Text;

namespace CoverageCompare.Analysis.Framing;

/// <summary>The wordings of one fact, each cut into pieces with the words the others do not all share marked.</summary>
internal static class WordingDiff
{
    // Stop words to the linker, but modality and negation are exactly how wordings of one fact differ ("will connect" vs "connects").
    private static readonly FrozenSet<string> FramingFunctionWords = new[] { "will", "would", "may", "might", "could", "not", "never", "no" }
        .ToFrozenSet(StringComparer.Ordinal);

    public static IReadOnlyList<Wording> Of(IReadOnlyList<Claim> claims, IReadOnlyList<ArticleInput> articles, IReadOnlyDictionary<string, string> texts, LoadedWordList loaded)
    {
        var articleOrder = articles.Select((a, i) => (a.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        var ordered = claims.OrderBy(c => articleOrder[c.ArticleId]).ThenBy(c => c.Start).ToList();
        var tokens = ordered.Select(c => Tokenizer.Tokenize(texts[c.ArticleId], c.Start, c.End)).ToList();
        var keys = tokens.Select(t => t.Where(IsContent).Select(x => x.Key).ToHashSet(StringComparer.Ordinal)).ToList();

        return ordered.Select((claim, i) =>
        {
            var others = Enumerable.Range(0, ordered.Count).Where(j => ordered[j].ArticleId != claim.ArticleId).Select(j => keys[j]).ToList();
            var text = texts[claim.ArticleId];
            var loadedSpans = loaded.Find(text, claim.Start, claim.End).ToList();
            var pieces = new List<WordingPiece>();
            var at = claim.Start;
            foreach (var token in tokens[i])
            {
                Add(pieces, text[at..token.Start], false, false);
                var differs = IsContent(token) && others.Any(o => !o.Contains(token.Key));
                var isLoaded = loadedSpans.Any(s => s.Start < token.End && token.Start < s.End);
                Add(pieces, token.Surface, differs, isLoaded);
                at = token.End;
            }
            Add(pieces, text[at..claim.End], false, false);
            return new Wording(claim.ArticleId, claim.Id, claim.Text, pieces);
        }).ToArray();
    }

    private static bool IsContent(Token token) =>
        token.Shape == TokenShape.Number || token.Shape == TokenShape.Word && (!Lexicon.StopWords.Contains(token.Key) || FramingFunctionWords.Contains(token.Key));

    /// <summary>Plain runs are merged so the pieces stay few; marked words stay one piece each.</summary>
    private static void Add(List<WordingPiece> pieces, string text, bool differs, bool loaded)
    {
        if (text.Length == 0)
        {
            return;
        }
        if (!differs && !loaded && pieces.Count > 0 && pieces[^1] is { Differs: false, Loaded: false } last)
        {
            pieces[^1] = last with { Text = last.Text + text };
            return;
        }
        pieces.Add(new WordingPiece(text, differs, loaded));
    }
}
