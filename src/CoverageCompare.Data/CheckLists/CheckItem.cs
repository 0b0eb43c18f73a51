namespace CoverageCompare.Data.CheckLists;

/// <summary>
/// A claim (or a linked fact) a team has put on a story's check list: who checks it, by when, how far it got, the
/// team's final verdict and the public summary. The claim's span and text are copied here so the item, and its
/// published page, outlive a re-analysis that renumbers the engine's claims.
/// </summary>
public sealed class CheckItem
{
    public int Id { get; set; }

    public int StoryId { get; set; }

    /// <summary>Where the claim appears; null once that article was removed from the story.</summary>
    public int? ArticleId { get; set; }

    /// <summary>The engine's claim id when the item was added (c12); a hint for the story page, not a key.</summary>
    public string? ClaimId { get; set; }

    /// <summary>The linked fact (group) the claim belonged to when added, if any.</summary>
    public string? GroupId { get; set; }

    public int Start { get; set; }

    public int End { get; set; }

    public required string ClaimText { get; set; }

    /// <summary>A name from the workspace's status list; the last one there means done.</summary>
    public required string Status { get; set; }

    public string? AssigneeId { get; set; }

    public DateOnly? DueOn { get; set; }

    /// <summary>The team's verdict (a verdict label's name), set by an editor; what gets published and exported.</summary>
    public string? FinalVerdict { get; set; }

    /// <summary>The public summary, Markdown; rendered with raw HTML escaped.</summary>
    public string Summary { get; set; } = "";

    /// <summary>Given at the first publication and kept, so unpublishing and publishing again keep the address.</summary>
    public string? Slug { get; set; }

    public DateTime? PublishedAt { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime ModifiedAt { get; set; }

    public required string CreatedBy { get; set; }

    /// <summary>Raised by every change and checked on save, so a stale edit is refused instead of overwriting.</summary>
    public int Version { get; set; }

    public List<CheckTask> Tasks { get; set; } = [];

    public List<CheckItemRevision> Revisions { get; set; } = [];
}

public sealed class CheckTask
{
    public int Id { get; set; }

    public int ItemId { get; set; }

    public CheckItem? Item { get; set; }

    public int Position { get; set; }

    public required string Text { get; set; }

    public bool Done { get; set; }
}

/// <summary>One change to an item: who, when, and what changed, in words ("status: To check → In progress").</summary>
public sealed class CheckItemRevision
{
    public int Id { get; set; }

    public int ItemId { get; set; }

    public CheckItem? Item { get; set; }

    public int Version { get; set; }

    public required string Author { get; set; }

    public DateTime At { get; set; }

    public required string Change { get; set; }
}

/// <summary>One step of a workspace's check-list workflow. A workspace without rows uses <see cref="CheckListLimits.DefaultStatuses"/>.</summary>
public sealed class CheckStatus
{
    public int Id { get; set; }

    public int WorkspaceId { get; set; }

    public int Position { get; set; }

    public required string Name { get; set; }
}
