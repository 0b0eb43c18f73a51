namespace CoverageCompare.Data.Analyses;

/// <summary>The engine's result for a story, kept until the articles or the engine change.</summary>
public sealed class StoredAnalysis
{
    public int StoryId { get; set; }

    /// <summary>Hash of the engine build and of every article's id, text hash and date; a different value means stale.</summary>
    public required string Fingerprint { get; set; }

    public required string ResultJson { get; set; }

    public DateTime ComputedAt { get; set; }

    /// <summary>The sentence model the vectors in <see cref="Vectors"/> come from; null when none were kept.</summary>
    public string? VectorModel { get; set; }

    /// <summary>The claims' sentence vectors (see <see cref="ClaimVectors"/>), so re-analysis embeds only new or changed claims.</summary>
    public byte[]? Vectors { get; set; }
}
