using CoverageCompare.Data.Annotations;

namespace CoverageCompare.Data.CheckLists;

public sealed record CheckTaskView(int Id, string Text, bool Done);

public sealed record CheckItemView(
    int Id,
    int StoryId,
    int? ArticleId,
    string? ClaimId,
    string? GroupId,
    int Start,
    int End,
    string ClaimText,
    string Status,
    string? AssigneeId,
    string? AssigneeName,
    DateOnly? DueOn,
    string? FinalVerdict,
    string Summary,
    string? Slug,
    DateTime? PublishedAt,
    DateTime CreatedAt,
    DateTime ModifiedAt,
    string CreatedBy,
    int Version,
    IReadOnlyList<CheckTaskView> Tasks)
{
    public bool IsPublished => PublishedAt is not null;

    public bool IsOverdue(DateOnly today, string doneStatus) => DueOn is { } due && due < today && Status != doneStatus;

    /// <summary>Whether the item's claim covers the span [start, end) of the article (an annotation on it, say).</summary>
    public bool Covers(int articleId, int start, int end) => ArticleId == articleId && start < End && Start < end;
}

/// <summary>A claim to put on the check list: the characters [Start, End) of one article, and the engine's ids for it as hints.</summary>
public sealed record NewCheckItem(int ArticleId, int Start, int End, string? ClaimId = null, string? GroupId = null);

/// <summary>The editable fields of an item; each one that differs from the stored item becomes a line of its history.</summary>
public sealed record CheckItemEdit(string Status, string? AssigneeId, DateOnly? DueOn, string? FinalVerdict, string? Summary);

public sealed record CheckItemRevisionView(int Version, string Author, DateTime At, string Change);

public sealed record CheckChange(ChangeStatus Status, CheckItemView? Item, string? Error)
{
    public bool Succeeded => Status == ChangeStatus.Ok;

    public static CheckChange Ok(CheckItemView item) => new(ChangeStatus.Ok, item, null);

    public static CheckChange Invalid(string error) => new(ChangeStatus.Invalid, null, error);

    public static CheckChange NotFound() => new(ChangeStatus.NotFound, null, "That check-list item does not exist.");

    public static CheckChange Conflict(CheckItemView current) =>
        new(ChangeStatus.Conflict, current, "Someone else changed this item since you opened it; nothing was saved. Their version is shown.");
}

/// <summary>A published item with what its public page shows about where the claim appears.</summary>
public sealed record PublishedCheck(CheckItemView Item, string StoryTitle, PublishedArticle? Article);

public sealed record PublishedArticle(int Id, string Outlet, string Title, string? Author, string? Url, DateOnly? PublishedOn);
