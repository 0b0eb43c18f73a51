using CoverageCompare.Analysis.Linking;
using CoverageCompare.Analysis.Segmentation;
using CoverageCompare.Analysis.Text;

namespace CoverageCompare.Analysis.Features;

/// <summary>Per-story feature extraction. Names are resolved over the whole story, so it works in two passes.</summary>
internal sealed class FeatureBuilder(AnalyzerOptions options)
{
    private const int MinQuoteWords = 5;

    public StoryFeatures Build(IReadOnlyList<ArticleInput> articles, IReadOnlyList<SegmentedArticle> segmented)
    {
        var resolver = new EntityResolver(options.Aliases);
        var drafts = new List<Draft>();
        for (var a = 0; a < articles.Count; a++)
        {
            var text = articles[a].Text;
            foreach (var segment in segmented[a].Segments)
            {
                var tokens = Tokenizer.Tokenize(text, segment.Start, segment.End);
                var quoted = new bool[tokens.Count];
                for (var i = 0; i < tokens.Count; i++)
                {
                    foreach (var q in segment.Quotes)
                    {
                        if (q.Start <= tokens[i].Start && tokens[i].End <= q.End)
                        {
                            quoted[i] = true;
                            break;
                        }
                    }
                }
                var runs = EntityResolver.FindRuns(text, tokens, quoted);
                // In a headline written in title case every word is capitalised ("President Just Saved A Man From A
                // Werewolf"): its capitals teach nothing about which words are names or people.
                var titleCase = segment.Role != SegmentRole.Body && InTitleCase(tokens);
                if (!titleCase)
                {
                    foreach (var run in runs)
                    {
                        resolver.Observe(run);
                    }
                }
                drafts.Add(new Draft(a, segment, tokens, quoted, runs, titleCase));
            }
        }

        var claims = new List<ClaimFeatures>(drafts.Count);
        foreach (var draft in drafts)
        {
            var article = articles[draft.Article];
            var published = article.Published ?? segmented[draft.Article].Dateline;
            claims.Add(Describe(article.Text, published, draft, claims.Count, resolver));
        }
        AssignSpeakers(articles, claims, resolver);
        // A title gets no term vector, so it is never linked across articles: its article's body carries the same facts.
        var terms = TermWeighting.Weigh(claims.Where(c => c.Segment.Role != SegmentRole.Title).ToList(), articles.Select(a => a.Text).ToArray(), resolver);
        return new StoryFeatures(claims, terms, resolver);
    }

    private static ClaimFeatures Describe(string text, DateOnly? published, Draft draft, int index, EntityResolver resolver)
    {
        var tokens = draft.Tokens;
        var segment = draft.Segment;
        var excluded = new bool[tokens.Count];
        var dates = DateExtractor.Extract(text, segment.Start, segment.End, published);
        Mark(excluded, tokens, dates.Select(d => (d.Start, d.End)));
        var quantities = QuantityExtractor.Extract(text, tokens, excluded);
        Mark(excluded, tokens, quantities.Select(q => (q.Start, q.End)));
        var polarity = PolarityExtractor.Extract(text, tokens);
        var positive = PositiveStems(tokens, polarity);
        var hedges = Hedges(tokens);
        var quotes = segment.Quotes
            .Select(q => Quote(text, q))
            .Where(q => q.Words.Length > 0)
            .ToArray();
        var words = tokens.Count(t => t.Shape != TokenShape.Symbol);
        var quotedWords = quotes.Sum(q => q.Words.Length);
        var kind = segment.Role != SegmentRole.Body ? ClaimKind.Headline
            : segment.Signer is not null || quotedWords >= MinQuoteWords || quotedWords >= 3 && quotedWords * 5 >= words * 2
            ? ClaimKind.Quote
            : ClaimKind.Statement;
        return new ClaimFeatures
        {
            Index = index,
            Article = draft.Article,
            Segment = segment,
            Tokens = tokens,
            Entities = draft.TitleCase ? resolver.ResolveKnown(draft.Runs, tokens) : resolver.Resolve(draft.Runs, tokens),
            Quantities = quantities,
            Dates = dates,
            Polarity = polarity,
            Hedges = hedges,
            Quotes = quotes,
            InsideQuote = draft.Quoted,
            Excluded = excluded,
            PositiveStems = positive,
            Refutation = RefutationFinder.Find(text, tokens),
            MentionsDispute = RefutationFinder.Mentions(text, tokens),
            Kind = kind,
            IsQuestion = text.AsSpan(segment.Start, segment.End - segment.Start).TrimEnd("\"'”’)] ").EndsWith('?'),
        };
    }

    private static bool InTitleCase(List<Token> tokens)
    {
        var (words, capitalised) = (0, 0);
        foreach (var t in tokens)
        {
            if (t.Shape == TokenShape.Word && t.Key.Length >= 3 && !Lexicon.StopWords.Contains(t.Key))
            {
                words++;
                capitalised += t.IsCapitalized ? 1 : 0;
            }
        }
        return words >= 4 && capitalised * 5 >= words * 4;
    }

    /// <summary>The hedge words, lower case, each once, in order.</summary>
    /// <remarks>A loop, not a LINQ chain: most claims have none, and then nothing is allocated.</remarks>
    private static string[] Hedges(List<Token> tokens)
    {
        List<string>? hedges = null;
        foreach (var t in tokens)
        {
            if (Lexicon.Hedges.Contains(t.Key) && t.Surface.ToLowerInvariant() is var hedge && !(hedges?.Contains(hedge) ?? false))
            {
                (hedges ??= []).Add(hedge);
            }
        }
        return hedges is null ? [] : [.. hedges];
    }

    /// <remarks>Loops, not a LINQ chain: this runs for every claim of the story.</remarks>
    private static HashSet<string> PositiveStems(List<Token> tokens, List<PolarityCue> polarity)
    {
        var negated = new HashSet<string>(StringComparer.Ordinal);
        foreach (var p in polarity)
        {
            if (p.Negative)
            {
                negated.Add(p.Predicate);
            }
        }
        var positive = new HashSet<string>(StringComparer.Ordinal);
        foreach (var t in tokens)
        {
            if (t.Shape == TokenShape.Word && !Lexicon.StopWords.Contains(t.Key) && !InNegationScope(t, polarity)
                && Stemmer.Stem(t.Key) is var stem && !negated.Contains(stem))
            {
                positive.Add(stem);
            }
        }
        foreach (var p in polarity)
        {
            if (!p.Negative && !negated.Contains(p.Predicate))
            {
                positive.Add(p.Predicate);
            }
        }
        return positive;
    }

    private static bool InNegationScope(Token token, List<PolarityCue> polarity)
    {
        foreach (var p in polarity)
        {
            if (p.Scope is { } scope && token.Start >= scope.Start && token.Start < scope.End)
            {
                return true;
            }
        }
        return false;
    }

    private static QuoteText Quote(string text, TextSpan span)
    {
        var tokens = Tokenizer.Tokenize(text, span.Start, span.End);
        var surface = tokens.Select(t => t.Surface).ToArray();
        var words = tokens.Select(t => t.Surface.ToLowerInvariant().Replace('’', '\'')).ToArray();
        return new QuoteText(span, words, surface);
    }

    private static void Mark(bool[] excluded, IReadOnlyList<Token> tokens, IEnumerable<(int Start, int End)> spans)
    {
        foreach (var (start, end) in spans)
        {
            for (var i = 0; i < tokens.Count; i++)
            {
                if (tokens[i].Start < end && start < tokens[i].End)
                {
                    excluded[i] = true;
                }
            }
        }
    }

    /// <summary>Speakers, including the ones news style leaves implicit: a quote after "X said:" or a follow-on quote.</summary>
    private static void AssignSpeakers(IReadOnlyList<ArticleInput> articles, List<ClaimFeatures> claims, EntityResolver resolver)
    {
        Attribution.Source? lastSpeaker = null;
        Attribution.Source? lastPerson = null;
        ClaimFeatures? previous = null;
        foreach (var claim in claims)
        {
            if (previous is not null && previous.Article != claim.Article)
            {
                lastSpeaker = null;
                lastPerson = null;
                previous = null;
            }
            var text = articles[claim.Article].Text;
            var source = Attribution.Find(text, claim, resolver);
            if (source is { IsPronoun: true })
            {
                source = lastPerson;
            }
            if (source is null && claim.Kind == ClaimKind.Quote && previous is not null)
            {
                var introduces = text[previous.Segment.End - 1] == ':';
                var sameBlock = previous.Segment.Block == claim.Segment.Block;
                if (introduces || sameBlock && previous.Speaker is not null)
                {
                    source = lastSpeaker;
                }
            }
            if (source is not null)
            {
                claim.Speaker = source.Display;
                claim.SpeakerKey = source.Key;
                lastSpeaker = source;
            }
            var person = claim.Entities.LastOrDefault(e => e.IsPerson && !claim.InsideQuote[e.FirstToken]);
            if (person is not null)
            {
                lastPerson = new Attribution.Source(resolver.DisplayName(person), person.Key);
            }
            previous = claim;
        }
    }

    private sealed record Draft(int Article, Segment Segment, List<Token> Tokens, bool[] Quoted, List<NameRun> Runs, bool TitleCase);
}

internal sealed record StoryFeatures(IReadOnlyList<ClaimFeatures> Claims, TermTable Terms, EntityResolver Resolver);
