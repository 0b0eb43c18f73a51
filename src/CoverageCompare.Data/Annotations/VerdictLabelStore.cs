using CoverageCompare.Data.Stories;
using Microsoft.EntityFrameworkCore;

namespace CoverageCompare.Data.Annotations;

public sealed class VerdictLabelStore(IDbContextFactory<CoverageDbContext> dbFactory)
{
    public async Task<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.VerdictLabels.AsNoTracking().OrderBy(l => l.Position).Select(l => l.Name).ToListAsync(cancellationToken);
    }

    /// <summary>Replaces the list with <paramref name="names"/> in that order. A label still used by an annotation cannot be removed.</summary>
    public async Task<StoreResult<IReadOnlyList<string>>> SetAsync(IReadOnlyList<string> names, CancellationToken cancellationToken = default)
    {
        var clean = names.Select(n => n?.Trim() ?? "").ToList();
        if (clean.Count == 0) return Fail("Keep at least one label.");
        if (clean.Count > AnnotationLimits.MaxLabels) return Fail($"There can be at most {AnnotationLimits.MaxLabels} labels.");
        if (clean.Any(n => n.Length == 0)) return Fail("A label needs a name.");
        if (clean.FirstOrDefault(n => n.Length > AnnotationLimits.LabelLength) is { } longName)
        {
            return Fail($"A label is at most {AnnotationLimits.LabelLength} characters (\"{longName[..20]}…\" is longer).");
        }
        if (clean.GroupBy(n => n, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1) is { } repeated)
        {
            return Fail($"\"{repeated.Key}\" is in the list twice.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var existing = await db.VerdictLabels.ToListAsync(cancellationToken);
        var removed = existing.Where(l => !clean.Contains(l.Name, StringComparer.OrdinalIgnoreCase)).ToList();
        var removedNames = removed.Select(l => l.Name).ToList();
        var inUse = await db.Annotations.Where(a => a.Label != null && removedNames.Contains(a.Label)).Select(a => a.Label!).Distinct().ToListAsync(cancellationToken);
        if (inUse.Count > 0)
        {
            return Fail($"Annotations still use {string.Join(", ", inUse.Order().Select(n => $"\"{n}\""))}; change them before removing the label.");
        }

        db.VerdictLabels.RemoveRange(removed);
        for (var i = 0; i < clean.Count; i++)
        {
            var label = existing.FirstOrDefault(l => string.Equals(l.Name, clean[i], StringComparison.OrdinalIgnoreCase));
            if (label is null || removed.Contains(label))
            {
                db.VerdictLabels.Add(new VerdictLabel { Name = clean[i], Position = i });
            }
            else
            {
                label.Position = i;
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return StoreResult<IReadOnlyList<string>>.Ok(await db.VerdictLabels.OrderBy(l => l.Position).Select(l => l.Name).ToListAsync(cancellationToken));
    }

    private static StoreResult<IReadOnlyList<string>> Fail(string error) => StoreResult<IReadOnlyList<string>>.Fail(error);
}
