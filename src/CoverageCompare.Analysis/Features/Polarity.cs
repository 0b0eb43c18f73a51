using System.Buffers;
using CoverageCompare.Analysis.Segmentation;
using CoverageCompare.Analysis.Text;

namespace CoverageCompare.Analysis.Features;

/// <summary>A predicate (by stem) that a claim states as negated: "does not include", "excluded", "no longer".</summary>
/// <param name="Scope">For a negation word, the rest of its clause ("never signed a consent form"): nothing in it is stated as so.</param>
internal sealed record PolarityCue(string Predicate, bool Negative, string Text, TextSpan? Scope = null);

internal static class PolarityExtractor
{
    private const int Reach = 4;
    private static readonly SearchValues<char> ClauseBreaks = SearchValues.Create(",;:.!?()—–");

    public static List<PolarityCue> Extract(string text, IReadOnlyList<Token> tokens)
    {
        var cues = new List<PolarityCue>();
        for (var i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            if (Lexicon.PolarityWords.TryGetValue(t.Key, out var word))
            {
                var negated = i > 0 && IsNegation(tokens[i - 1]);
                cues.Add(new PolarityCue(word.Predicate, word.Negative != negated, text[(negated ? tokens[i - 1].Start : t.Start)..t.End]));
                // "denied reports that he is dead" states he is not dead.
                // "refuses to confirm or deny reports that …" denies nothing.
                if (word.Predicate == Lexicon.DenialPredicate && !negated && (i == 0 || tokens[i - 1].Key is not ("or" or "nor"))
                    && (DeniedStatement(tokens, i) ?? DeniedThing(tokens, i)) is { } denied)
                {
                    cues.Add(new PolarityCue(Stemmer.Stem(tokens[denied].Key), true, text[t.Start..tokens[denied].End]));
                    i = denied;
                }
                continue;
            }
            if (Lexicon.PreventionVerbs.Contains(t.Key) && Prevented(tokens, i) is { } act)
            {
                cues.Add(new PolarityCue(Stemmer.Stem(tokens[act].Key), true, text[t.Start..tokens[act].End]));
                i = act;
                continue;
            }
            // "No, Saudi Arabia has not …": an answer, not a negation of the word after it.
            if (!IsNegation(t) || t.Key == "no" && (i + 1 == tokens.Count || text.AsSpan(t.End, tokens[i + 1].Start - t.End).IndexOfAny(",.!?:;") >= 0))
            {
                continue;
            }
            // The negated predicate is the first content word after the cue: "did not include", "no longer works".
            var from = i > 0 && Lexicon.Auxiliaries.Contains(tokens[i - 1].Key) && tokens[i - 1].Key.Length > 3 || i > 0 && tokens[i - 1].Key is "do" or "did" or "is" or "was" or "are" ? tokens[i - 1].Start : t.Start;
            for (var k = i + 1; k < tokens.Count && k <= i + Reach; k++)
            {
                var candidate = tokens[k];
                if (Lexicon.Auxiliaries.Contains(candidate.Key) || candidate.Shape != TokenShape.Word)
                {
                    continue;
                }
                if (Lexicon.PolarityWords.TryGetValue(candidate.Key, out var inner))
                {
                    cues.Add(new PolarityCue(inner.Predicate, !inner.Negative, text[from..candidate.End]));
                }
                else if (!Lexicon.StopWords.Contains(candidate.Key) && !InAdjunct(tokens, i, candidate))
                {
                    cues.Add(new PolarityCue(Stemmer.Stem(candidate.Key), true, text[from..candidate.End], new TextSpan(t.Start, ClauseEnd(text, tokens, k))));
                }
                i = k;
                break;
            }
        }
        return cues;
    }

    /// <summary>The act a prevention verb keeps from happening: the first "-ing" word close after it ("stop him from turning").</summary>
    private static int? Prevented(IReadOnlyList<Token> tokens, int verb)
    {
        for (var k = verb + 1; k < tokens.Count && k <= verb + Reach; k++)
        {
            var candidate = tokens[k];
            if (candidate.Shape != TokenShape.Word)
            {
                return null;
            }
            if (candidate.Key.Length > 5 && candidate.Key.EndsWith("ing", StringComparison.Ordinal) && !Lexicon.StopWords.Contains(candidate.Key))
            {
                return k;
            }
        }
        return null;
    }

    /// <summary>
    /// "executed for not harvesting organs", "fined for not paying": the negated act is the reason for another, which is
    /// what the sentence states; another source telling of the harvesting does not contradict it.
    /// </summary>
    private static bool InAdjunct(IReadOnlyList<Token> tokens, int cue, Token act) =>
        cue > 0 && Lexicon.AdjunctPrepositions.Contains(tokens[cue - 1].Key) && act.Key.Length > 5 && act.Key.EndsWith("ing", StringComparison.Ordinal);

    /// <summary>The end of the clause a negation stands in: the next punctuation or a word that starts another clause.</summary>
    private static int ClauseEnd(string text, IReadOnlyList<Token> tokens, int from)
    {
        for (var k = from + 1; k < tokens.Count; k++)
        {
            if (text.AsSpan(tokens[k - 1].End, tokens[k].Start - tokens[k - 1].End).IndexOfAny(ClauseBreaks) >= 0 || Lexicon.ClauseOpeners.Contains(tokens[k].Key))
            {
                return tokens[k].Start;
            }
        }
        return tokens.Count > 0 ? tokens[^1].End : text.Length;
    }

    /// <summary>What "denies" names when it is not a report: "denies plan to separate" states there is no plan.</summary>
    private static int? DeniedThing(IReadOnlyList<Token> tokens, int verb)
    {
        var k = verb + 1;
        if (k < tokens.Count && tokens[k].Key is "the" or "a" or "any" or "its" or "his" or "her" or "their")
        {
            k++;
        }
        if (k >= tokens.Count || !IsPlainContentWord(tokens[k]))
        {
            return null;
        }
        // "denies surgery hoax claims" denies the claims, a report, not the surgery.
        for (var next = k; next < tokens.Count && IsPlainContentWord(tokens[next]); next++)
        {
            if (Lexicon.ReportNouns.Contains(tokens[next].Key))
            {
                return null;
            }
        }
        return k;
    }

    private static bool IsPlainContentWord(Token t) =>
        t.Shape == TokenShape.Word && !t.IsCapitalized && !Lexicon.StopWords.Contains(t.Key) && !Lexicon.Auxiliaries.Contains(t.Key);

    /// <summary>The first content word after the subject of the statement a denial is about: "denied (reports) that he is dead" gives "dead".</summary>
    private static int? DeniedStatement(IReadOnlyList<Token> tokens, int verb)
    {
        var k = verb + 1;
        while (k < tokens.Count && k <= verb + 2 && Lexicon.ReportNouns.Contains(tokens[k].Key))
        {
            k++;
        }
        if (k >= tokens.Count || tokens[k].Key != "that")
        {
            return null;
        }
        var that = k;
        for (k = that + 1; k < tokens.Count && k <= that + Reach + 1; k++)
        {
            var candidate = tokens[k];
            // A negation inside the denied statement ("denied that he had not paid") is a cue of its own.
            if (candidate.Shape != TokenShape.Word || IsNegation(candidate))
            {
                return null;
            }
            // The statement's subject ("that Bill Cosby molested her") is not what is denied of it.
            if (!Lexicon.Auxiliaries.Contains(candidate.Key) && !Lexicon.StopWords.Contains(candidate.Key) && !candidate.IsCapitalized)
            {
                return k;
            }
        }
        return null;
    }

    private static bool IsNegation(Token t) =>
        Lexicon.NegationCues.Contains(t.Key) || t.Key.EndsWith("n't", StringComparison.Ordinal);
}
