using System.Buffers;
using CoverageCompare.Analysis.Text;

namespace CoverageCompare.Analysis.Features;

/// <summary>
/// A sentence that calls what it is about false: "the story is a hoax", "has been proved a fake", "was lying",
/// "debunked", "denied the reports". A linked claim from another source that states the thing plainly disagrees with it.
/// </summary>
internal static class RefutationFinder
{
    private const int Reach = 3;
    private static readonly SearchValues<char> PhraseBreaks = SearchValues.Create(",;:.!?()—–\"“”");

    /// <summary>The words that call the claim false, as written; null when the sentence does not.</summary>
    public static string? Find(string text, IReadOnlyList<Token> tokens)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            var key = tokens[i].Key;
            if (DeniesReport(tokens, i) is { } report && !Qualified(tokens, i))
            {
                return text[tokens[i].Start..tokens[report].End];
            }
            var predicated = Predicated(tokens, i, out var copula);
            var firm = Lexicon.AlwaysRefuting.Contains(key)
                || Lexicon.FalsityWords.Contains(key) && predicated && EndsPhrase(text, tokens, i)
                || key == "lying" && predicated && !Located(tokens, i);
            if (firm && !Qualified(tokens, i))
            {
                return text[tokens[copula].Start..tokens[i].End];
            }
        }
        return null;
    }

    /// <summary>
    /// Any word about falsehood or denial, however it is used, or one that passes a claim on ("who claims to have"): such a
    /// sentence reports a dispute or someone's claim, and does not state what the other calls false.
    /// </summary>
    public static bool Mentions(string text, IReadOnlyList<Token> tokens)
    {
        // "REPORT: Doctor took selfie", "Source: …": a headline that says whose claim it passes on.
        if (tokens.Count > 1 && tokens[0].Key is "report" or "reports" or "source" or "sources"
            && text.AsSpan(tokens[0].End, tokens[1].Start - tokens[0].End).Contains(':'))
        {
            return true;
        }
        foreach (var t in tokens)
        {
            if (Lexicon.FalsityWords.Contains(t.Key) || Lexicon.AlwaysRefuting.Contains(t.Key) || Lexicon.DisputeWords.Contains(t.Key)
                || Lexicon.PassedOn.Contains(t.Key)
                || Lexicon.PolarityWords.TryGetValue(t.Key, out var word) && word.Predicate == Lexicon.DenialPredicate)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>"denied reports", "deny the rumours": the report noun a denial is of, close after it.</summary>
    private static int? DeniesReport(IReadOnlyList<Token> tokens, int i)
    {
        // "refuses to confirm or deny reports" denies nothing.
        if (!Lexicon.PolarityWords.TryGetValue(tokens[i].Key, out var word) || word.Predicate != Lexicon.DenialPredicate
            || i > 0 && tokens[i - 1].Key is "or" or "nor")
        {
            return null;
        }
        for (var k = i + 1; k < tokens.Count && k <= i + Reach; k++)
        {
            if (Lexicon.ReportNouns.Contains(tokens[k].Key))
            {
                return k;
            }
            if (tokens[k].Shape != TokenShape.Word)
            {
                return null;
            }
        }
        return null;
    }

    /// <summary>"is a hoax.", "are 'lies'": the word closes its phrase, it does not describe a noun after it ("fake accounts").</summary>
    private static bool EndsPhrase(string text, IReadOnlyList<Token> tokens, int i)
    {
        if (i + 1 >= tokens.Count)
        {
            return true;
        }
        var next = tokens[i + 1];
        return text.AsSpan(tokens[i].End, next.Start - tokens[i].End).IndexOfAny(PhraseBreaks) >= 0
            || next.Shape == TokenShape.Word && (Lexicon.ClauseOpeners.Contains(next.Key) || next.Key is "as" or "by" or "according" or "from" or "in");
    }

    /// <summary>A copula or "proved" close before the word ("is a", "was most likely", "proved a"); else <paramref name="copula"/> is the word.</summary>
    private static bool Predicated(IReadOnlyList<Token> tokens, int i, out int copula)
    {
        for (var k = i - 1; k >= 0 && k >= i - Reach - 1; k--)
        {
            if (Lexicon.Copulas.Contains(tokens[k].Key))
            {
                copula = k;
                return true;
            }
        }
        copula = i;
        return false;
    }

    /// <summary>"lying on the floor" is where someone is.</summary>
    private static bool Located(IReadOnlyList<Token> tokens, int i) =>
        i + 1 < tokens.Count && tokens[i + 1].Key is "on" or "in" or "at" or "under" or "down" or "near" or "beside" or "face" or "dead" or "low";

    /// <summary>"is not a hoax", "may be fake", "whether it was a hoax": not a refutation.</summary>
    private static bool Qualified(IReadOnlyList<Token> tokens, int i)
    {
        for (var k = i - 1; k >= 0; k--)
        {
            var key = tokens[k].Key;
            if (k >= i - Reach - 1 && (Lexicon.NegationCues.Contains(key) || key.EndsWith("n't", StringComparison.Ordinal) || Lexicon.Modals.Contains(key)))
            {
                return true;
            }
            if (key is "if" or "whether")
            {
                return true;
            }
        }
        return false;
    }
}
