namespace CoverageCompare.Analysis.Framing;

/// <summary>How each article tells the story, and the facts they share, as measured by <see cref="FramingAnalyzer"/>.</summary>
public sealed record FramingReport(IReadOnlyList<ArticleFraming> Articles, IReadOnlyList<SharedFact> SharedFacts, IReadOnlyList<TimelineEntry> Timeline);

/// <summary>
/// One article's figures. <see cref="Covered"/> and <see cref="Omitted"/> are the story's shared facts (groups) it reports or not;
/// <see cref="SingleSource"/> are its claims no other article reports.
/// </summary>
public sealed record ArticleFraming(
    string ArticleId,
    int Claims,
    int Attributed,
    IReadOnlyList<SpeakerCount> Speakers,
    int Hedged,
    IReadOnlyList<string> HedgeWords,
    int Quotes,
    IReadOnlyList<FactRef> Covered,
    IReadOnlyList<FactRef> Omitted,
    IReadOnlyList<ClaimRef> SingleSource,
    IReadOnlyList<LoadedWord> LoadedWords)
{
    public int SharedFacts => Covered.Count + Omitted.Count;
}

public sealed record SpeakerCount(string Speaker, int Claims);

public sealed record FactRef(string GroupId, string Label);

public sealed record ClaimRef(string ClaimId, string Text);

/// <summary>A word from the loaded-word list found in an article; offsets are into the article text.</summary>
public sealed record LoadedWord(string Word, string ClaimId, int Start, int End);

/// <summary>A fact several articles report, with the wording each chose.</summary>
public sealed record SharedFact(string GroupId, string Label, GroupVerdict Verdict, IReadOnlyList<Wording> Wordings);

/// <summary>
/// One article's claim for a fact, cut into pieces that cover its text exactly. A piece <c>Differs</c> when it is a content word
/// that not every other article's wording of the fact uses; <c>Loaded</c> when it is on the loaded-word list.
/// </summary>
public sealed record Wording(string ArticleId, string ClaimId, string Text, IReadOnlyList<WordingPiece> Pieces)
{
    public IEnumerable<string> DifferingWords => Pieces.Where(p => p.Differs).Select(p => p.Text);

    public IEnumerable<string> LoadedWords => Pieces.Where(p => p.Loaded).Select(p => p.Text);
}

public sealed record WordingPiece(string Text, bool Differs, bool Loaded);

/// <summary>
/// A date or period the articles mention. <see cref="From"/> and <see cref="To"/> are an inclusive day range, null when the
/// mention cannot be placed (a weekday in an undated article); such entries come last.
/// </summary>
public sealed record TimelineEntry(DateOnly? From, DateOnly? To, string Label, IReadOnlyList<DateMentionRef> Mentions)
{
    public IEnumerable<string> ArticleIds => Mentions.Select(m => m.ArticleId).Distinct();
}

public sealed record DateMentionRef(string ArticleId, string ClaimId, string Text, int Start, int End);
