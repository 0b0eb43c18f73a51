using CoverageCompare.Analysis.Features;

namespace CoverageCompare.Analysis.Linking;

/// <summary>
/// When a sentence already has a partner in another article, what may give it a second one there. The second link must
/// stand on evidence of the act itself that the first link does not already account for: a name says who, a date says
/// when, and one outlet's sentence about the same people on the same day ("On 1 June the council also voted on the
/// harbour budget") is often another act.
/// </summary>
internal static class SecondFact
{
    /// <summary>The two share a figure of one measure or an uncommon word that is not a name: evidence of what happened.</summary>
    public static bool SharesAct(ClaimFeatures a, ClaimFeatures b, StoryFeatures story, int rare)
    {
        foreach (var qa in a.Quantities)
        {
            foreach (var qb in b.Quantities)
            {
                if (qa.SameMeasure(qb))
                {
                    return true;
                }
            }
        }
        int i = 0, j = 0;
        while (i < a.TermIds.Length && j < b.TermIds.Length)
        {
            if (a.TermIds[i] == b.TermIds[j])
            {
                var term = a.TermIds[i];
                if (!story.Terms.Term(term).StartsWith('@') && !story.Terms.Term(term).StartsWith('#') && story.Terms.Frequency(term) <= rare)
                {
                    return true;
                }
                i++;
                j++;
            }
            else if (a.TermIds[i] < b.TermIds[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }
        return false;
    }

    /// <summary>
    /// A word the sentence shares with its existing partner is already accounted for by that link: it is what the two
    /// sentences have in common ("the two tech giants"), not a sign of a second fact.
    /// </summary>
    public static bool Explained(IReadOnlyList<ClaimFeatures> claims, IEnumerable<int> partners, int term)
    {
        foreach (var p in partners)
        {
            if (Array.BinarySearch(claims[p].TermIds, term) >= 0)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// The claims a clause may match as its sentence's second partner in an article on the words they share, with how many:
    /// only when none of those words is one the sentence shares with its partner there already.
    /// </summary>
    public static IEnumerable<(int Other, int Count)> Unexplained(IReadOnlyList<ClaimFeatures> claims, List<(int Other, int Term, List<int> Firsts)> shared) =>
        shared.GroupBy(s => s.Other)
            .Where(g => !g.Any(s => Explained(claims, s.Firsts, s.Term)))
            .Select(g => (g.Key, g.Count()));
}
