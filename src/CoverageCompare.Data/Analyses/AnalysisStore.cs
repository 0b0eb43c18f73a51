using System.Collections.Concurrent;
using CoverageCompare.Data.Database;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CoverageCompare.Analysis;
using CoverageCompare.Analysis.Embeddings;
using CoverageCompare.Data.Stories;
using Microsoft.EntityFrameworkCore;

namespace CoverageCompare.Data.Analyses;

/// <summary>
/// Stored analyses. An analysis runs on the thread pool, never on the caller's (a circuit's) thread; readers who ask for
/// the same story while it runs wait for that one run and share its progress. Register one instance per process.
/// </summary>
public sealed class AnalysisStore(IDbContextFactory<CoverageDbContext> dbFactory, StoryAnalyzer analyzer, TimeProvider clock)
{
    private static readonly string EngineBuild = typeof(StoryAnalyzer).Assembly.ManifestModule.ModuleVersionId.ToString("N");

    private readonly ConcurrentDictionary<(int Story, string Fingerprint), Lazy<Run>> _running = new();

    /// <summary>The story's analysis, computed now if its articles (or the engine) changed since it was stored.</summary>
    /// <param name="progress">Told how many of the story's articles the sentence model has read, when a run is needed.</param>
    public async Task<StoryAnalysis?> GetAsync(int storyId, CancellationToken cancellationToken = default, IProgress<AnalysisProgress>? progress = null)
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

        var storedFingerprint = await db.Analyses.Where(a => a.StoryId == storyId).Select(a => a.Fingerprint).FirstOrDefaultAsync(cancellationToken);
        AnalysisResult result;
        if (storedFingerprint == fingerprint)
        {
            var json = await db.Analyses.Where(a => a.StoryId == storyId).Select(a => a.ResultJson).FirstAsync(cancellationToken);
            result = JsonSerializer.Deserialize(json, AnalysisStorageJson.Default.AnalysisResult)!;
        }
        else
        {
            var inputs = articles.Select(a => new ArticleInput(ArticleKey(a.Id), a.Text, a.PublishedOn)).ToList();
            var run = _running.GetOrAdd((storyId, fingerprint), key => new Lazy<Run>(() => new Run(p => AnalyseAsync(key.Story, key.Fingerprint, inputs, p)))).Value;
            run.Watch(progress);
            try
            {
                result = await run.Task.WaitAsync(cancellationToken);
            }
            finally
            {
                run.Unwatch(progress);
            }
        }

        var corrections = await db.LinkCorrections
            .AsNoTracking()
            .Where(c => c.StoryId == storyId)
            .OrderBy(c => c.CreatedAt).ThenBy(c => c.Id)
            .ToListAsync(cancellationToken);
        return Corrections.Apply(result, corrections);
    }

    /// <summary>One run for everyone waiting: not cancelled when one reader leaves.</summary>
    private async Task<AnalysisResult> AnalyseAsync(int storyId, string fingerprint, List<ArticleInput> inputs, IProgress<AnalysisProgress> progress)
    {
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync();
            var model = analyzer.ModelId;
            var cache = new InMemoryEmbeddingCache();
            if (model is not null)
            {
                var kept = await db.Analyses.Where(a => a.StoryId == storyId && a.VectorModel == model).Select(a => a.Vectors).FirstOrDefaultAsync();
                ClaimVectors.Load(kept, model, cache);
            }
            var result = analyzer.Analyze(inputs, progress, cache);
            var vectors = model is not null && result.Engine.Model == model ? ClaimVectors.Save(result.Claims.Select(c => c.Text), model, cache) : null;
            await SaveAsync(db, storyId, fingerprint, result, vectors is null ? null : model, vectors, CancellationToken.None);
            return result;
        }
        finally
        {
            _running.TryRemove((storyId, fingerprint), out _);
        }
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

    /// <summary>
    /// A stamp of the story's link corrections, which change its analysis without changing its articles: equal stamps,
    /// equal corrections (a removed correction's id can come back in SQLite, its time cannot).
    /// </summary>
    public async Task<string> CorrectionsVersionAsync(int storyId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.LinkCorrections.Where(c => c.StoryId == storyId).Select(c => new { c.Id, c.CreatedAt }).ToListAsync(cancellationToken);
        return string.Join(',', rows.OrderBy(r => r.Id).Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Id}@{r.CreatedAt.Ticks}")));
    }

    public async Task<bool> RemoveCorrectionAsync(int storyId, int correctionId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.LinkCorrections.Where(c => c.Id == correctionId && c.StoryId == storyId).ExecuteDeleteAsync(cancellationToken) == 1;
    }

    public static string ArticleKey(int articleId) => articleId.ToString(CultureInfo.InvariantCulture);

    private async Task SaveAsync(CoverageDbContext db, int storyId, string fingerprint, AnalysisResult result, string? vectorModel, byte[]? vectors, CancellationToken cancellationToken)
    {
        var json = JsonSerializer.Serialize(result, AnalysisStorageJson.Default.AnalysisResult);
        var now = clock.StoredNow();
        try
        {
            // Two viewers may compute the same story at once; the upsert keeps either result, they are identical.
            await db.Database.ExecuteSqlInterpolatedAsync(
                $"""INSERT INTO "Analyses" ("StoryId", "Fingerprint", "ResultJson", "ComputedAt", "VectorModel", "Vectors") VALUES ({storyId}, {fingerprint}, {json}, {now}, {vectorModel}, {vectors}) ON CONFLICT ("StoryId") DO UPDATE SET "Fingerprint" = excluded."Fingerprint", "ResultJson" = excluded."ResultJson", "ComputedAt" = excluded."ComputedAt", "VectorModel" = excluded."VectorModel", "Vectors" = excluded."Vectors" """,
                cancellationToken);
        }
        catch (Exception exception) when (exception is Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 19 } or Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.ForeignKeyViolation })
        {
            // The story was deleted while it was being analysed: nothing to keep.
        }
    }

    private string Fingerprint(IEnumerable<string> parts) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(EngineBuild + "\n" + (analyzer.ModelId ?? "lexical") + "\n" + string.Join("\n", parts))));

    /// <summary>A run in flight and the readers watching its progress.</summary>
    private sealed class Run : IProgress<AnalysisProgress>
    {
        private readonly Lock _gate = new();
        private readonly List<IProgress<AnalysisProgress>> _watchers = [];
        private AnalysisProgress? _last;

        public Run(Func<IProgress<AnalysisProgress>, Task<AnalysisResult>> start) => Task = System.Threading.Tasks.Task.Run(() => start(this));

        public Task<AnalysisResult> Task { get; }

        public void Watch(IProgress<AnalysisProgress>? watcher)
        {
            if (watcher is null)
            {
                return;
            }
            AnalysisProgress? last;
            lock (_gate)
            {
                _watchers.Add(watcher);
                last = _last;
            }
            if (last is not null)
            {
                watcher.Report(last);
            }
        }

        public void Unwatch(IProgress<AnalysisProgress>? watcher)
        {
            if (watcher is not null)
            {
                lock (_gate)
                {
                    _watchers.Remove(watcher);
                }
            }
        }

        public void Report(AnalysisProgress value)
        {
            IProgress<AnalysisProgress>[] watchers;
            lock (_gate)
            {
                _last = value;
                watchers = [.. _watchers];
            }
            foreach (var watcher in watchers)
            {
                watcher.Report(value);
            }
        }
    }
}
