using CoverageCompare.Analysis.Anchoring;
using Microsoft.EntityFrameworkCore;

namespace CoverageCompare.Data.Annotations;

/// <summary>Moves an article's annotations onto its new text inside the caller's transaction, recording each move and orphan.</summary>
internal static class ArticleReanchoring
{
    public const string SystemAuthor = "CoverageCompare (text edited)";

    public static async Task<ArticleTextUpdate> ApplyAsync(CoverageDbContext db, int articleId, string newText, DateTime now, CancellationToken cancellationToken)
    {
        var annotations = await db.Annotations.Where(a => a.ArticleId == articleId).ToListAsync(cancellationToken);
        int unchanged = 0, moved = 0;
        var orphaned = new List<Guid>();
        foreach (var annotation in annotations)
        {
            var result = TextAnchoring.Reanchor(newText, new TextAnchor(annotation.Start, annotation.End, annotation.Exact, annotation.Prefix, annotation.Suffix));
            if (result.IsOrphaned)
            {
                if (annotation.ParentId is null) orphaned.Add(annotation.PublicId);
                if (annotation.Orphaned) continue;
                annotation.Orphaned = true;
                Record(db, annotation, RevisionAction.Orphaned, now);
                continue;
            }

            var anchor = result.Anchor;
            var same = !annotation.Orphaned && anchor.Start == annotation.Start && anchor.End == annotation.End
                && anchor.Exact == annotation.Exact && anchor.Prefix == annotation.Prefix && anchor.Suffix == annotation.Suffix;
            if (same)
            {
                if (annotation.ParentId is null) unchanged++;
                continue;
            }

            (annotation.Start, annotation.End, annotation.Exact, annotation.Prefix, annotation.Suffix) = (anchor.Start, anchor.End, anchor.Exact, anchor.Prefix, anchor.Suffix);
            annotation.Orphaned = false;
            if (annotation.ParentId is null) moved++;
            Record(db, annotation, RevisionAction.Moved, now);
        }
        return new ArticleTextUpdate(articleId, unchanged, moved, orphaned);
    }

    private static void Record(CoverageDbContext db, Annotation annotation, RevisionAction action, DateTime now)
    {
        annotation.Version++;
        db.AnnotationRevisions.Add(AnnotationStore.Revision(annotation, action, SystemAuthor, now));
    }
}
