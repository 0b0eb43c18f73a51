using CoverageCompare.Analysis;

namespace CoverageCompare.Data.Analyses;

/// <summary>The engine's result for a story with people's corrections applied, and the corrections themselves.</summary>
public sealed record StoryAnalysis(AnalysisResult Result, IReadOnlyList<CorrectionView> Corrections);

public sealed record CorrectionView(
    int Id,
    int ArticleAId,
    string ClaimAText,
    int ArticleBId,
    string ClaimBText,
    CorrectionKind Kind,
    string Author,
    DateTime CreatedAt,
    bool Applied);
