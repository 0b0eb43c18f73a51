using System.Globalization;
using System.Text;
using CoverageCompare.Data.Annotations;
using CoverageCompare.Data.CheckLists;
using CoverageCompare.Data.Stories;
using CsvHelper;
using CsvHelper.Configuration;

namespace CoverageCompare.Web.Annotations;

/// <summary>
/// One row per annotation and reply, for spreadsheets, with the check-list item (if any) on the same words: its
/// status, assignee and the team's final verdict.
/// </summary>
public static class CsvExport
{
    // Spreadsheets run cells that start with = + - @ as formulas; CsvHelper escapes them so a note cannot.
    private static readonly CsvConfiguration Configuration = new(CultureInfo.InvariantCulture) { InjectionOptions = InjectionOptions.Escape };

    public static byte[] Write(StoryView story, IReadOnlyList<AnnotationView> threads, IReadOnlyList<CheckItemView>? checks = null)
    {
        checks ??= [];
        var outlets = story.Articles.ToDictionary(a => a.Id, a => a.Outlet);
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = new CsvWriter(writer, Configuration))
        {
            csv.Context.RegisterClassMap<RowMap>();
            // A reply is resolved with its thread, so its row says so too.
            csv.WriteRecords(threads.SelectMany(t => t.Replies.Select(r => r with { ResolvedAt = t.ResolvedAt }).Prepend(t))
                .Select(a => ToRow(a, outlets.GetValueOrDefault(a.Target.ArticleId, ""), checks.FirstOrDefault(c => c.Covers(a.Target.ArticleId, a.Target.Start, a.Target.End)))));
        }
        return Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(writer.ToString())).ToArray();
    }

    private static Row ToRow(AnnotationView a, string outlet, CheckItemView? check) => new(
        a.Id, a.ParentId, a.Target.ArticleId, outlet, a.Target.Start, a.Target.End, a.Target.Exact, a.Label, string.Join("; ", a.Tags), a.Note, a.Author,
        Date(a.CreatedAt), Date(a.ModifiedAt), a.ResolvedAt is { } resolved ? Date(resolved) : "", a.Target.Orphaned,
        a.Imported?.Creator ?? "", a.Imported?.Created is { } claimed ? Date(claimed) : "", a.Imported?.From ?? "",
        check?.Status ?? "", check?.AssigneeName ?? "", check?.FinalVerdict ?? "");

    private static string Date(DateTime utc) => utc.ToString(WebAnnotationJsonLd.DateFormat, CultureInfo.InvariantCulture);

    private sealed record Row(
        Guid Id, Guid? ReplyTo, int ArticleId, string Outlet, int Start, int End, string Quote, string? Label, string Tags, string Note, string Author,
        string Created, string Modified, string Resolved, bool Orphaned, string ImportedCreator, string ImportedCreated, string ImportedFrom,
        string Status, string Assignee, string FinalVerdict);

    private sealed class RowMap : ClassMap<Row>
    {
        public RowMap()
        {
            Map(r => r.Id).Name("id");
            Map(r => r.ReplyTo).Name("reply_to");
            Map(r => r.ArticleId).Name("article_id");
            Map(r => r.Outlet).Name("outlet");
            Map(r => r.Start).Name("start");
            Map(r => r.End).Name("end");
            Map(r => r.Quote).Name("quote");
            Map(r => r.Label).Name("label");
            Map(r => r.Tags).Name("tags");
            Map(r => r.Note).Name("note");
            Map(r => r.Author).Name("author");
            Map(r => r.Created).Name("created");
            Map(r => r.Modified).Name("modified");
            Map(r => r.Resolved).Name("resolved");
            Map(r => r.Orphaned).Name("orphaned");
            Map(r => r.ImportedCreator).Name("imported_creator_as_written");
            Map(r => r.ImportedCreated).Name("imported_created_as_written");
            Map(r => r.ImportedFrom).Name("imported_from");
            Map(r => r.Status).Name("status");
            Map(r => r.Assignee).Name("assignee");
            Map(r => r.FinalVerdict).Name("final_verdict");
        }
    }
}
