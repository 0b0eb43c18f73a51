using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using CoverageCompare.Analysis;
using CoverageCompare.Data.Analyses;
using CoverageCompare.Data.Annotations;
using CoverageCompare.Data.Stories;
using CoverageCompare.Web.Framing;

namespace CoverageCompare.Web.Components.Pages.Story;

/// <summary>One version of a story's articles, read-only and shared by every circuit that shows it.</summary>
public sealed class StoryCopy
{
    private volatile AnalysisCopy? analysis;

    internal StoryCopy(DateTime version, StoryView story)
    {
        Version = version;
        Story = story;
        Sources = Source.Of(story);
        Outlets = story.Articles.ToDictionary(a => AnalysisStore.ArticleKey(a.Id), a => a.DisplayOutlet);
        ArticleTitles = story.Articles.ToDictionary(a => a.Id, a => $"{a.DisplayOutlet}: {a.Title}");
    }

    internal DateTime Version { get; }

    public StoryView Story { get; }

    public IReadOnlyList<Source> Sources { get; }

    public IReadOnlyDictionary<string, string> Outlets { get; }

    public IReadOnlyDictionary<int, string> ArticleTitles { get; }

    internal AnalysisCopy? Analysis
    {
        get => analysis;
        set => analysis = value;
    }
}

/// <summary>The analysis of one <see cref="StoryCopy"/> with one set of link corrections, and what the page derives from it.</summary>
public sealed class AnalysisCopy
{
    private readonly Lazy<StoryFraming> framing;

    internal AnalysisCopy(StoryCopy story, string corrections, StoryAnalysis analysis)
    {
        Story = story;
        Corrections = corrections;
        Analysis = analysis;
        Comparison = Comparison.Build(story.Story, analysis);
        framing = new(() => StoryFraming.Build(story.Story, analysis));
    }

    public StoryCopy Story { get; }

    internal string Corrections { get; }

    public StoryAnalysis Analysis { get; }

    public Comparison Comparison { get; }

    /// <summary>Worked out for the first reader who opens the framing view, then shared.</summary>
    public StoryFraming Framing => framing.Value;
}

/// <summary>One version of a story's annotations, read-only and shared, with their highlights per article.</summary>
public sealed class AnnotationsCopy
{
    private readonly Lazy<ILookup<int, AnnotationMark>> marks;

    // The text of an article with its highlights depends on the article and its claims too: kept beside the copy of
    // the story (or of its analysis) it was built from, and gone with it.
    private readonly ConditionalWeakTable<object, ConcurrentDictionary<int, Lazy<ArticleText>>> texts = new();

    internal AnnotationsCopy(int storyId, AnnotationsVersion version, IReadOnlyList<AnnotationView> threads)
    {
        StoryId = storyId;
        Version = version;
        Threads = threads;
        marks = new(() => threads
            .Where(t => t.DeletedAt is null && !t.Target.Orphaned)
            .ToLookup(t => t.Target.ArticleId, t => new AnnotationMark(t.Id, t.Target.Start, t.Target.End, t.Label, t.ResolvedAt is not null)));
    }

    internal int StoryId { get; }

    internal AnnotationsVersion Version { get; }

    /// <summary>Every thread, deleted ones included, oldest first.</summary>
    public IReadOnlyList<AnnotationView> Threads { get; }

    private readonly ConcurrentDictionary<int, IReadOnlyList<AnnotationMark>> marksByArticle = new();

    public IReadOnlyList<AnnotationMark> MarksOf(int articleId) => marksByArticle.GetOrAdd(articleId, id => marks.Value[id].ToList());

    /// <summary>The article's text with its claims (when <paramref name="analysis"/> is there) and these annotations highlighted.</summary>
    public ArticleText TextOf(StoryCopy story, AnalysisCopy? analysis, ArticleView article)
    {
        // While this version's analysis loads, the previous one is shown: its claims fit an article whose text did not
        // change (a rename, an outlet corrected); any other article shows no claims until the analysis is there.
        if (analysis is not null && analysis.Story != story)
        {
            return analysis.Story.Story.Articles.FirstOrDefault(a => a.Id == article.Id) is { } earlier && earlier.Text == article.Text
                ? TextOf(analysis.Story, analysis, earlier)
                : TextOf(story, null, article);
        }
        var claims = analysis;
        return texts.GetOrCreateValue(claims ?? (object)story)
            .GetOrAdd(article.Id, _ => new Lazy<ArticleText>(() => ArticleText.Build(article.Text,
                claims?.Comparison.MarksByArticle.GetValueOrDefault(AnalysisStore.ArticleKey(article.Id), []) ?? [], MarksOf(article.Id))))
            .Value;
    }
}

/// <summary>
/// The copies of stories that circuits are showing, one per story and version, so that twenty readers of a story hold
/// its text, analysis and annotations once, not twenty times. A copy is checked against the database's version stamps
/// on every load, so a change made anywhere (another instance included) is seen by the next load; the cache holds its
/// copies weakly, so it keeps nothing alive that no circuit shows, and at most one entry per story. It does not decide
/// who may read a story: callers check the reader's access before asking for a copy.
/// </summary>
public sealed class StoryCopies(StoryStore stories, AnalysisStore analyses, AnnotationStore annotations)
{
    private readonly ConcurrentDictionary<int, WeakReference<StoryCopy>> storyCopies = new();
    private readonly ConcurrentDictionary<int, WeakReference<AnnotationsCopy>> annotationCopies = new();

    /// <summary>The story's articles as they are now; null when the story does not exist.</summary>
    public async Task<StoryCopy?> StoryAsync(int storyId, CancellationToken cancellationToken = default)
    {
        // The version is read before the story, so a copy is never labelled newer than what it holds.
        if (await stories.VersionAsync(storyId, cancellationToken) is not { } version) return null;
        if (Current(storyCopies, storyId) is { } cached && cached.Version == version) return cached;
        if (await stories.GetAsync(storyId, cancellationToken) is not { } story) return null;
        return Keep(storyCopies, storyId, new StoryCopy(version, story), (a, b) => a.Version == b.Version);
    }

    /// <summary>The analysis of <paramref name="story"/> with the corrections made so far; computed now (with progress) if it was never stored.</summary>
    public async Task<AnalysisCopy?> AnalysisAsync(StoryCopy story, IProgress<AnalysisProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var corrections = await analyses.CorrectionsVersionAsync(story.Story.Id, cancellationToken);
        if (story.Analysis is { } cached && cached.Corrections == corrections) return cached;
        if (await analyses.GetAsync(story.Story.Id, cancellationToken, progress) is not { } analysis) return null;
        var copy = new AnalysisCopy(story, corrections, analysis);
        // Another circuit may have stored the same version meanwhile: share that one.
        if (story.Analysis is { } other && other.Corrections == corrections) return other;
        story.Analysis = copy;
        return copy;
    }

    /// <summary>The story's annotations and replies as they are now, deleted ones included.</summary>
    public async Task<AnnotationsCopy> AnnotationsAsync(int storyId, CancellationToken cancellationToken = default)
    {
        var version = await annotations.VersionAsync(storyId, cancellationToken);
        if (Current(annotationCopies, storyId) is { } cached && cached.Version == version) return cached;
        var threads = await annotations.ListAsync(storyId, includeDeleted: true, cancellationToken);
        return Keep(annotationCopies, storyId, new AnnotationsCopy(storyId, version, threads), (a, b) => a.Version == b.Version);
    }

    private static T? Current<T>(ConcurrentDictionary<int, WeakReference<T>> copies, int storyId) where T : class =>
        copies.TryGetValue(storyId, out var reference) && reference.TryGetTarget(out var copy) ? copy : null;

    private static T Keep<T>(ConcurrentDictionary<int, WeakReference<T>> copies, int storyId, T loaded, Func<T, T, bool> sameVersion) where T : class
    {
        while (true)
        {
            if (!copies.TryGetValue(storyId, out var reference))
            {
                if (copies.TryAdd(storyId, new WeakReference<T>(loaded))) break;
                continue;
            }
            if (reference.TryGetTarget(out var existing) && sameVersion(existing, loaded)) return existing;
            // Newest load wins: a copy labelled older is replaced by the next load that reads a newer stamp.
            if (copies.TryUpdate(storyId, new WeakReference<T>(loaded), reference)) break;
        }
        Prune(copies);
        return loaded;
    }

    // Entries whose copy no circuit holds any longer are dropped now and then, so the cache stays as small as what is shown.
    private static void Prune<T>(ConcurrentDictionary<int, WeakReference<T>> copies) where T : class
    {
        if (copies.Count < 64) return;
        foreach (var (storyId, reference) in copies)
        {
            if (!reference.TryGetTarget(out _)) copies.TryRemove(new KeyValuePair<int, WeakReference<T>>(storyId, reference));
        }
    }
}
