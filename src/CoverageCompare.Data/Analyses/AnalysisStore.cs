using CoverageCompare.Data.Database;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CoverageCompare.Analysis;
using CoverageCompare.Data.Stories;
using Microsoft.EntityFrameworkCore;

namespace CoverageCompare.Data.Analyses;

public sealed class AnalysisStore(IDbContextFactory<CoverageDbContext> dbFactory, StoryAnalyzer analyzer, TimeProvider clock)
{
    private static readonly string EngineBuild = typeof(StoryAnalyzer).Assembly.ManifestModule.ModuleVersionId.ToString("N");

    /// <summary>The story's analysis, computed now if its articles (or the engine) changed since it was stored.</summary>
    public async Task<StoryAnalysis?> GetAsync(int storyId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Stories.AnyAsync(s => s.Id == storyId, cancellationToken)) return null;

        var articles = await db.Articles
            .AsNoTracking()
            .Where(a => a.StoryId == storyId)
            .OrderBy(a => a.Position)
            .Select(a => new { a.Id, a.Text, a.ContentHash, a.PublishedOn })
            .ToListAsync(cancellationToken);
        var fingerprint = Fingerprint(articles.Select(a => $"{a.Id}:{a.ContentHash}:{a.PublishedOn:yyyy-MM-dd}"));

        var stored = await db.Analyses.AsNoTracking().FirstOrDefaultAsync(a => a.StoryId == storyId, cancellationToken);
        AnalysisResult result;
        if (stored?.Fingerprint == fingerprint)
        {
            result = JsonSerializer.Deserialize(stored.ResultJson, AnalysisStorageJson.Default.AnalysisResult)!;
        }
        else
        {
            result = analyzer.Analyze(articles.Select(a => new ArticleInput(ArticleKey(a.Id), a.Text, a.PublishedOn)).ToList());
            await SaveAsync(db, storyId, fingerprint, result, cancellationToken);
        }

        var corrections = await db.LinkCorrections
            .AsNoTracking()
            .Where(c => c.StoryId == storyId)
            .OrderBy(c => c.CreatedAt).ThenBy(c => c.Id)
            .ToListAsync(cancellationToken);
        return Corrections.Apply(result, corrections);
    }

    public async Task<StoreResult<int>> CorrectAsync(int storyId, Claim a, Claim b, CorrectionKind kind, string author, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(author)) return StoreResult<int>.Fail("Give your name before correcting a link.");
        if (author.Trim().Length > StoryLimits.AuthorLength) return StoreResult<int>.Fail($"A name is at most {StoryLimits.AuthorLength} characters.");
        if (!int.TryParse(a.ArticleId, CultureInfo.InvariantCulture, out var articleA) || !int.TryParse(b.ArticleId, CultureInfo.InvariantCulture, out var articleB))
        {
            return StoreResult<int>.Fail("Those claims do not belong to this story.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var owned = await db.Articles.CountAsync(x => x.StoryId == storyId && (x.Id == articleA || x.Id == articleB), cancellationToken);
        if (owned != 2) return StoreResult<int>.Fail("Those claims do not belong to this story.");

        var correction = new LinkCorrection
        {
            StoryId = storyId,
            ArticleAId = articleA,
            ClaimAText = a.Text,
            ArticleBId = articleB,
            ClaimBText = b.Text,
            Kind = kind,
            Author = author.Trim(),
            CreatedAt = clock.StoredNow(),
        };
        db.LinkCorrections.Add(correction);
        await db.SaveChangesAsync(cancellationToken);
        return StoreResult<int>.Ok(correction.Id);
    }

    public async Task<bool> RemoveCorrectionAsync(int storyId, int correctionId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.LinkCorrections.Where(c => c.Id == correctionId && c.StoryId == storyId).ExecuteDeleteAsync(cancellationToken) == 1;
    }

    public static string ArticleKey(int articleId) => articleId.ToString(CultureInfo.InvariantCulture);

    private async Task SaveAsync(CoverageDbContext db, int storyId, string fingerprint, AnalysisResult result, CancellationToken cancellationToken)
    {
        var json = JsonSerializer.Serialize(result, AnalysisStorageJson.Default.AnalysisResult);
        var now = clock.StoredNow();
        try
        {
            // Two viewers may compute the same story at once; the upsert keeps either result, they are identical.
            await db.Database.ExecuteSqlInterpolatedAsync(
                $"""INSERT INTO "Analyses" ("StoryId", "Fingerprint", "ResultJson", "ComputedAt") VALUES ({storyId}, {fingerprint}, {json}, {now}) ON CONFLICT ("StoryId") DO UPDATE SET "Fingerprint" = excluded."Fingerprint", "ResultJson" = excluded."ResultJson", "ComputedAt" = excluded."ComputedAt" """,
                cancellationToken);
        }
        catch (Exception exception) when (exception is Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 19 } or Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.ForeignKeyViolation })
        {
            // The story was deleted while it was being analysed: nothing to keep.
        }
    }

    private static string Fingerprint(IEnumerable<string> parts) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(EngineBuild + "\n" + string.Join("\n", parts))));
}
