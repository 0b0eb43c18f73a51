namespace CoverageCompare.Analysis;

/// <summary>One article as plain text. Offsets in the result refer to <see cref="Text"/> exactly.</summary>
public sealed record ArticleInput(string Id, string Text, DateOnly? Published = null);

public sealed record AnalysisResult(IReadOnlyList<Claim> Claims, IReadOnlyList<ClaimGroup> Groups, IReadOnlyList<ClaimLink> Links)
{
    /// <summary>Headlines that claim more than their own article's body says: a disagreement inside one article.</summary>
    public IReadOnlyList<HeadlineIssue> HeadlineIssues { get; init; } = [];

    /// <summary>Whether the sentence model took part; lexical when none was configured or it could not load.</summary>
    public EngineInfo Engine { get; init; } = EngineInfo.Lexical;
}

/// <summary>A headline claim and why its body does not support it, each reason naming both sides ("number: $500 million in the headline vs $480 million in the body").</summary>
public sealed record HeadlineIssue(string ClaimId, IReadOnlyList<string> Reasons);

/// <summary>A span of an article: <see cref="Text"/> equals <c>article.Text[Start..End]</c>.</summary>
public sealed record Claim(string Id, string ArticleId, int Start, int End, string Text, ClaimKind Kind, string? Speaker);

public enum ClaimKind { Statement, Quote, Headline }

/// <summary>Two claims from different articles that report the same fact; <see cref="A"/> comes first in reading order.</summary>
public sealed record ClaimLink(string A, string B, Relation Relation, double Score, IReadOnlyList<string> Reasons);

public enum Relation { Agree, Disagree }

/// <summary>One fact. <see cref="ClaimIds"/> are its members, each claim in one group at most; <see cref="AlsoClaimIds"/> are
/// compound sentences that belong to another group and report this fact too, in one of their clauses.</summary>
public sealed record ClaimGroup(string Id, string Label, IReadOnlyList<string> ClaimIds, GroupVerdict Verdict)
{
    public IReadOnlyList<string> AlsoClaimIds { get; init; } = [];
}

public enum GroupVerdict { Agree, Disagree, Mixed }

/// <summary>What the engine ran with: the model, or lexical evidence alone and why.</summary>
public sealed record EngineInfo(string Name, string? Model, string? Note)
{
    public static EngineInfo Lexical { get; } = new("lexical", null, null);
}

/// <summary>How far an analysis has got: <see cref="Done"/> of <see cref="Total"/> articles read by the model.</summary>
public sealed record AnalysisProgress(int Done, int Total);
