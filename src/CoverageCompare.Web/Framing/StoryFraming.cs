using CoverageCompare.Analysis;
using CoverageCompare.Analysis.Framing;
using CoverageCompare.Data.Analyses;
using CoverageCompare.Data.Stories;

namespace CoverageCompare.Web.Framing;

/// <summary>A story's framing report with the articles it measured, for the view, the CSV and the handouts.</summary>
public sealed record StoryFraming(StoryView Story, FramingReport Report)
{
    private static readonly FramingAnalyzer Analyzer = new();

    public static StoryFraming Build(StoryView story, StoryAnalysis analysis)
    {
        var inputs = story.Articles.Select(a => new ArticleInput(AnalysisStore.ArticleKey(a.Id), a.Text, a.PublishedOn)).ToList();
        return new StoryFraming(story, Analyzer.Measure(inputs, analysis.Result));
    }

    public static async Task<StoryFraming?> LoadAsync(int storyId, StoryStore stories, AnalysisStore analyses, CancellationToken cancellationToken = default)
    {
        if (await stories.GetAsync(storyId, cancellationToken) is not { } story) return null;
        var analysis = await analyses.GetAsync(storyId, cancellationToken);
        return analysis is null ? null : Build(story, analysis);
    }

    /// <summary>The story's article for a report's article key.</summary>
    public ArticleView ArticleOf(string articleKey) => Story.Articles.Single(a => AnalysisStore.ArticleKey(a.Id) == articleKey);

    public string OutletOf(string articleKey) => ArticleOf(articleKey).DisplayOutlet;

    /// <summary>"12 Mar 2026", or a range "1 Sep 2025 – 30 Nov 2025"; "undated" when the mention could not be placed.</summary>
    public static string Period(TimelineEntry entry) => entry switch
    {
        { From: null } => "undated",
        { From: var from, To: var to } when from == to => Day(from!.Value),
        _ => $"{Day(entry.From!.Value)} – {Day(entry.To!.Value)}",
    };

    private static string Day(DateOnly date) => date.ToString("d MMM yyyy", System.Globalization.CultureInfo.InvariantCulture);
}
