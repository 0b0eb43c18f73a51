using CoverageCompare.Data.Database;
using CoverageCompare.Analysis;
using System.Security.Cryptography;
using System.Text;
using CoverageCompare.Data.Annotations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CoverageCompare.Data.Stories;

public sealed class StoryStore(IDbContextFactory<CoverageDbContext> dbFactory, TimeProvider clock, ILogger<StoryStore> logger, CapacityLimits? limits = null)
{
    /// <summary>The stories of the given workspaces, most recently changed first.</summary>
    public async Task<IReadOnlyList<StorySummary>> ListAsync(IReadOnlyCollection<int> workspaceIds, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var stories = await db.Stories
            .AsNoTracking()
            .Where(s => workspaceIds.Contains(s.WorkspaceId))
            .OrderByDescending(s => s.UpdatedAt)
            .Select(s => new
            {
                s.Id,
                s.WorkspaceId,
                s.Title,
                s.UpdatedAt,
                Outlets = s.Articles.OrderBy(a => a.Position).Select(a => a.Outlet).ToList(),
            })
            .ToListAsync(cancellationToken);
        return stories.Select(s => new StorySummary(s.Id, s.WorkspaceId, s.Title, s.Outlets.Count, s.Outlets, s.UpdatedAt)).ToList();
    }

    public async Task<bool> AnyAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Stories.AnyAsync(cancellationToken);
    }

    /// <summary>When the story or any of its articles last changed (every change to them sets it); null when there is no such story.</summary>
    public async Task<DateTime?> VersionAsync(int storyId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Stories.Where(s => s.Id == storyId).Select(s => (DateTime?)s.UpdatedAt).FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<StoryView?> GetAsync(int storyId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var story = await db.Stories.AsNoTracking().FirstOrDefaultAsync(s => s.Id == storyId, cancellationToken);
        if (story is null) return null;

        var articles = await db.Articles
            .AsNoTracking()
            .Where(a => a.StoryId == storyId)
            .OrderBy(a => a.Position)
            .Select(a => new ArticleView(a.Id, a.Position, a.Outlet, a.Title, a.Author, a.Url, a.PublishedOn, a.Text, a.Format))
            .ToListAsync(cancellationToken);
        return new StoryView(story.Id, story.WorkspaceId, story.Title, story.UpdatedAt, articles);
    }

    public async Task<StoreResult<int>> CreateAsync(int workspaceId, string title, CancellationToken cancellationToken = default)
    {
        if (ValidateTitle(title) is { } error) return StoreResult<int>.Fail(error);

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var max = (limits ?? new()).MaxStoriesPerWorkspace;
        if (await db.Stories.CountAsync(s => s.WorkspaceId == workspaceId, cancellationToken) >= max)
            return StoreResult<int>.Fail($"A workspace holds at most {max:N0} stories; delete one before starting another.");
        var now = clock.StoredNow();
        var story = new Story { WorkspaceId = workspaceId, Title = title.Trim(), CreatedAt = now, UpdatedAt = now };
        db.Stories.Add(story);
        await db.SaveChangesAsync(cancellationToken);
        return StoreResult<int>.Ok(story.Id);
    }

    public async Task<StoreResult<bool>> RenameAsync(int storyId, string title, CancellationToken cancellationToken = default)
    {
        if (ValidateTitle(title) is { } error) return StoreResult<bool>.Fail(error);

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var updated = await db.Stories
            .Where(s => s.Id == storyId)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Title, title.Trim()).SetProperty(x => x.UpdatedAt, clock.StoredNow()), cancellationToken);
        return updated == 1 ? StoreResult<bool>.Ok(true) : StoreResult<bool>.Fail("That story no longer exists.");
    }

    public async Task<bool> DeleteAsync(int storyId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Stories.Where(s => s.Id == storyId).ExecuteDeleteAsync(cancellationToken) == 1;
    }

    public async Task<StoreResult<int>> AddArticleAsync(int storyId, ArticleDraft draft, CancellationToken cancellationToken = default)
    {
        if (ValidateDetails(draft.Details) is { } detailsError) return RefuseArticle(storyId, ArticleRefusal.InvalidDetails, detailsError, draft);
        if (ValidateText(draft.Text) is { } textError) return RefuseArticle(storyId, ArticleRefusal.InvalidText, textError, draft);

        var hash = ContentHash(draft.Text);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        var story = await db.Stories.FirstOrDefaultAsync(s => s.Id == storyId, cancellationToken);
        if (story is null) return RefuseArticle(storyId, ArticleRefusal.StoryMissing, "That story no longer exists.", draft);

        var existing = await db.Articles.Where(a => a.StoryId == storyId).Select(a => new { a.Position, a.ContentHash, a.Title }).ToListAsync(cancellationToken);
        if (existing.Count >= StoryLimits.MaxArticlesPerStory)
        {
            return RefuseArticle(storyId, ArticleRefusal.StoryFull, $"A story holds at most {StoryLimits.MaxArticlesPerStory} articles; remove one before adding another.", draft);
        }
        if (existing.FirstOrDefault(a => a.ContentHash == hash) is { } duplicate)
        {
            return RefuseArticle(storyId, ArticleRefusal.Duplicate, $"This story already has an article with the same text (\"{duplicate.Title}\").", draft);
        }

        var now = clock.StoredNow();
        var article = new Article
        {
            StoryId = storyId,
            Position = existing.Count == 0 ? 0 : existing.Max(a => a.Position) + 1,
            Outlet = (draft.Details.Outlet ?? "").Trim(),
            Title = draft.Details.Title.Trim(),
            Author = NullIfBlank(draft.Details.Author),
            Url = NullIfBlank(draft.Details.Url),
            PublishedOn = draft.Details.PublishedOn,
            Text = draft.Text,
            Format = draft.Format,
            ContentHash = hash,
            CreatedAt = now,
        };
        db.Articles.Add(article);
        story.UpdatedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return StoreResult<int>.Ok(article.Id);
    }

    public async Task<StoreResult<bool>> UpdateArticleAsync(int articleId, ArticleDetails details, CancellationToken cancellationToken = default)
    {
        if (ValidateDetails(details) is { } error) return StoreResult<bool>.Fail(error);

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var article = await db.Articles.Include(a => a.Story).FirstOrDefaultAsync(a => a.Id == articleId, cancellationToken);
        if (article is null) return StoreResult<bool>.Fail("That article no longer exists.");

        article.Outlet = (details.Outlet ?? "").Trim();
        article.Title = details.Title.Trim();
        article.Author = NullIfBlank(details.Author);
        article.Url = NullIfBlank(details.Url);
        article.PublishedOn = details.PublishedOn;
        article.Story!.UpdatedAt = clock.StoredNow();
        await db.SaveChangesAsync(cancellationToken);
        return StoreResult<bool>.Ok(true);
    }

    /// <summary>
    /// Replaces an article's text and, in the same transaction, moves its annotations onto the new text; those whose
    /// quote cannot be placed are marked orphaned, never dropped.
    /// </summary>
    public async Task<StoreResult<ArticleTextUpdate>> UpdateArticleTextAsync(int articleId, string newText, CancellationToken cancellationToken = default)
    {
        if (ValidateText(newText) is { } textError) return StoreResult<ArticleTextUpdate>.Fail(textError);

        var hash = ContentHash(newText);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        var article = await db.Articles.Include(a => a.Story).FirstOrDefaultAsync(a => a.Id == articleId, cancellationToken);
        if (article is null) return StoreResult<ArticleTextUpdate>.Fail("That article no longer exists.");
        var duplicate = await db.Articles
            .Where(a => a.StoryId == article.StoryId && a.Id != articleId && a.ContentHash == hash)
            .Select(a => a.Title)
            .FirstOrDefaultAsync(cancellationToken);
        if (duplicate is not null) return StoreResult<ArticleTextUpdate>.Fail($"This story already has an article with the same text (\"{duplicate}\").");

        var now = clock.StoredNow();
        article.Text = newText;
        article.ContentHash = hash;
        article.Story!.UpdatedAt = now;
        var update = await ArticleReanchoring.ApplyAsync(db, articleId, newText, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return StoreResult<ArticleTextUpdate>.Ok(update);
    }

    /// <summary>With <paramref name="storyId"/>, deletes the article only when it belongs to that story (the one whose access was checked).</summary>
    public async Task<bool> DeleteArticleAsync(int articleId, int? storyId = null, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var article = await db.Articles.Include(a => a.Story)
            .FirstOrDefaultAsync(a => a.Id == articleId && (storyId == null || a.StoryId == storyId), cancellationToken);
        if (article is null) return false;

        db.Articles.Remove(article);
        article.Story!.UpdatedAt = clock.StoredNow();
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    private StoreResult<int> RefuseArticle(int storyId, ArticleRefusal reason, string error, ArticleDraft draft)
    {
        logger.ArticleRefused(storyId, reason, Encoding.UTF8.GetByteCount(draft.Text ?? ""));
        return StoreResult<int>.Fail(error);
    }

    public static string ContentHash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static string? ValidateText(string? text) =>
        string.IsNullOrWhiteSpace(text) ? "The article is empty."
        : Encoding.UTF8.GetByteCount(text) > StoryLimits.MaxArticleBytes ? "The article is larger than 1 MB."
        : null;

    private static string? ValidateTitle(string? title) => string.IsNullOrWhiteSpace(title)
        ? "Give the story a title."
        : title.Trim().Length > StoryLimits.TitleLength ? $"A title is at most {StoryLimits.TitleLength} characters." : null;

    private static string? ValidateDetails(ArticleDetails details)
    {
        // An outlet nobody named stays empty (the import form asks for it); it is shown as "Article N", never as a made-up name.
        if (details.Outlet?.Trim().Length > StoryLimits.OutletLength) return $"An outlet name is at most {StoryLimits.OutletLength} characters.";
        if (ValidateTitle(details.Title) is { } titleError) return titleError.Replace("the story", "the article");
        if (details.Author?.Trim().Length > StoryLimits.AuthorLength) return $"An author name is at most {StoryLimits.AuthorLength} characters.";
        if (NullIfBlank(details.Url) is { } url
            && (url.Length > StoryLimits.UrlLength || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
        {
            return "The URL must be a full http:// or https:// address.";
        }
        if (details.PublishedOn is { } date && !ArticleDates.IsSupported(date)) return ArticleDates.Refusal(date);
        return null;
    }

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
