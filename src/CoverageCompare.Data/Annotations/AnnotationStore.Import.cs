using CoverageCompare.Analysis.Anchoring;
using CoverageCompare.Data.Stories;
using Microsoft.EntityFrameworkCore;

namespace CoverageCompare.Data.Annotations;

public sealed partial class AnnotationStore
{
    /// <summary>
    /// Adds exported annotations to a story, all or nothing: each is checked, anchored again in its article's current
    /// text (orphaned when its quote is gone) and keeps its id. Its author is the importing account and its time the
    /// import's; the creator and time the file claims are kept apart as provenance (cleaned and cut to length), so an
    /// import cannot pass for someone else's annotation. A target naming an article outside the story (a file from
    /// another story or installation) goes to the one article of this story holding its exact quote. Returns how many
    /// were added.
    /// </summary>
    public async Task<StoreResult<int>> ImportAsync(
        int storyId, IReadOnlyList<ImportedAnnotation> items, string importer, string? importerId, CancellationToken cancellationToken = default)
    {
        if (AnnotationValidation.Author(importer) is { } importerError)
        {
            logger.AnnotationImportRefused(storyId, AnnotationRefusal.Author, 0, items.Count);
            return StoreResult<int>.Fail(importerError);
        }

        if (items.Count == 0)
        {
            logger.AnnotationImportRefused(storyId, AnnotationRefusal.EmptyFile, 0, 0);
            return StoreResult<int>.Fail("The file has no annotations.");
        }

        if (items.Count > Limits.MaxAnnotationsPerImport)
        {
            logger.AnnotationImportRefused(storyId, AnnotationRefusal.ImportTooLarge, 0, items.Count);
            return StoreResult<int>.Fail($"The file has {items.Count:N0} annotations; one import adds at most {Limits.MaxAnnotationsPerImport:N0}.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await FullAsync(db, storyId, items.Count, cancellationToken) is { } full)
        {
            logger.AnnotationImportRefused(storyId, full.Reason, 0, items.Count);
            return StoreResult<int>.Fail(full.Error);
        }

        var texts = await db.Articles.AsNoTracking().Where(a => a.StoryId == storyId).ToDictionaryAsync(a => a.Id, a => a.Text, cancellationToken);
        var articleOf = new Dictionary<Guid, int>();
        var labels = await LabelNamesAsync(db, cancellationToken);
        var ids = items.Select(i => i.Id).ToList();
        var taken = await db.Annotations.Where(a => ids.Contains(a.PublicId)).Select(a => a.PublicId).ToListAsync(cancellationToken);
        var parentIds = items.Where(i => i.ParentId is not null).Select(i => i.ParentId!.Value).Distinct().ToList();
        var storedParents = await db.Annotations
            .Where(a => parentIds.Contains(a.PublicId) && a.StoryId == storyId && a.ParentId == null)
            .ToDictionaryAsync(a => a.PublicId, cancellationToken);

        var repeated = items.GroupBy(i => i.Id).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet();
        var byId = new Dictionary<Guid, Annotation>();
        var fileRoots = items.Where(i => i.ParentId is null).Select(i => i.Id).ToHashSet();
        var ordered = items.Select((item, index) => (item, index)).OrderBy(x => x.item.ParentId is null ? 0 : 1).ToList();
        foreach (var (item, index) in ordered)
        {
            if (Check(item) is { } refusal)
            {
                logger.AnnotationImportRefused(storyId, refusal.Reason, index + 1, items.Count);
                return StoreResult<int>.Fail($"Annotation {index + 1} ({item.Id}): {refusal.Error}");
            }
        }

        var now = Now();
        foreach (var (item, _) in ordered)
        {
            var annotation = ToEntity(item);
            byId[item.Id] = annotation;
            annotation.Revisions.Add(Revision(annotation, RevisionAction.Imported, annotation.Author, now));
            db.Annotations.Add(annotation);
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return StoreResult<int>.Ok(items.Count);

        Refusal? Check(ImportedAnnotation item)
        {
            if (taken.Contains(item.Id)) return new(AnnotationRefusal.IdTaken, "an annotation with this id already exists; it was imported before.");
            if (repeated.Contains(item.Id)) return new(AnnotationRefusal.IdTaken, "the id appears more than once in the file.");
            if (AnnotationValidation.Note(item.Note) is { } noteError) return new(AnnotationRefusal.Note, noteError);
            if (AnnotationValidation.Tags(item.Tags).Error is { } tagError) return new(AnnotationRefusal.Tags, tagError);
            if (AnnotationValidation.Label(item.Label, labels).Error is { } labelError) return new(AnnotationRefusal.Label, labelError);
            if (item.ParentId is { } parentId)
            {
                return fileRoots.Contains(parentId) || storedParents.ContainsKey(parentId)
                    ? null
                    : new(AnnotationRefusal.UnknownParent, "it replies to an annotation that is neither in the file nor in this story.");
            }
            if (item.Exact.Length == 0 || item.Start < 0 || item.End < item.Start) return new(AnnotationRefusal.Selection, "its target has an empty or inverted selection.");
            if (texts.ContainsKey(item.ArticleId))
            {
                articleOf[item.Id] = item.ArticleId;
                return null;
            }
            var holding = texts.Where(t => t.Value.Contains(item.Exact, StringComparison.Ordinal)).Select(t => t.Key).Take(2).ToList();
            if (holding.Count != 1) return new(AnnotationRefusal.Article, "its target is not an article of this story, and no single article of the story has its quote.");
            articleOf[item.Id] = holding[0];
            return null;
        }

        Annotation ToEntity(ImportedAnnotation item)
        {
            var annotation = new Annotation
            {
                PublicId = item.Id,
                StoryId = storyId,
                Exact = "",
                Prefix = "",
                Suffix = "",
                Label = AnnotationValidation.Label(item.Label, labels).Label,
                Tags = AnnotationValidation.Tags(item.Tags).Tags,
                Note = item.Note,
                Author = importer.Trim(),
                CreatorId = importerId,
                CreatedAt = now,
                ModifiedAt = now,
                ImportedCreator = Provenance.Name(item.Creator),
                ImportedCreated = item.Created,
                ImportedFrom = Provenance.Iri(item.From),
                Version = 1,
            };
            if (item.ParentId is { } parentId)
            {
                var parent = byId.GetValueOrDefault(parentId) ?? storedParents[parentId];
                annotation.Parent = parent;
                annotation.ArticleId = parent.ArticleId;
                (annotation.Start, annotation.End, annotation.Exact, annotation.Prefix, annotation.Suffix, annotation.Orphaned) =
                    (parent.Start, parent.End, parent.Exact, parent.Prefix, parent.Suffix, parent.Orphaned);
                return annotation;
            }

            var given = new TextAnchor(item.Start, item.End, item.Exact, Tail(item.Prefix), Head(item.Suffix));
            var placed = TextAnchoring.Reanchor(texts[articleOf[item.Id]], given);
            annotation.ArticleId = articleOf[item.Id];
            (annotation.Start, annotation.End, annotation.Exact, annotation.Prefix, annotation.Suffix) =
                (placed.Anchor.Start, placed.Anchor.End, placed.Anchor.Exact, placed.Anchor.Prefix, placed.Anchor.Suffix);
            annotation.Orphaned = placed.IsOrphaned;
            return annotation;
        }
    }

    private static string Tail(string prefix) => prefix.Length <= AnnotationLimits.ContextLength ? prefix : prefix[^AnnotationLimits.ContextLength..];

    private static string Head(string suffix) => suffix.Length <= AnnotationLimits.ContextLength ? suffix : suffix[..AnnotationLimits.ContextLength];
}
