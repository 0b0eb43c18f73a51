namespace CoverageCompare.Data.Analyses;

public enum CorrectionKind { NotSameFact, Agree, Disagree }

/// <summary>
/// A person's verdict on a link the engine made. Claims are identified by article and exact text rather than by
/// the engine's ids, so the correction still applies after the story is analysed again.
/// </summary>
public sealed class LinkCorrection
{
    public int Id { get; set; }

    public int StoryId { get; set; }

    public int ArticleAId { get; set; }

    public required string ClaimAText { get; set; }

    public int ArticleBId { get; set; }

    public required string ClaimBText { get; set; }

    public CorrectionKind Kind { get; set; }

    public required string Author { get; set; }

    public DateTime CreatedAt { get; set; }
}
