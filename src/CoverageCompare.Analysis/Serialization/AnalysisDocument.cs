namespace CoverageCompare.Analysis;

/// <summary>An article as listed in an analysis document: <see cref="Length"/> is the length of the text the offsets refer to.</summary>
public sealed record AnalyzedArticle(string Id, string? Path, string? Title, int Length);

/// <summary>The analysis of one story as the contract writes it; <see cref="Id"/> is set in batch output.</summary>
public sealed record AnalysisDocument(IReadOnlyList<AnalyzedArticle> Articles, AnalysisResult Result, string? Id = null);
