using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace CoverageCompare.Web.Framing;

/// <summary>The per-article framing table as CSV, one row per article in story order.</summary>
public static class FramingCsv
{
    // Outlet names and claims come from imported text; CsvHelper escapes cells a spreadsheet would run as formulas.
    private static readonly CsvConfiguration Configuration = new(CultureInfo.InvariantCulture) { InjectionOptions = InjectionOptions.Escape };

    public static byte[] Write(StoryFraming framing)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = new CsvWriter(writer, Configuration))
        {
            csv.Context.RegisterClassMap<RowMap>();
            csv.WriteRecords(framing.Report.Articles.Select(a =>
            {
                var article = framing.ArticleOf(a.ArticleId);
                return new Row(article.Id, article.Outlet, article.Title, a.Claims, a.Attributed,
                    string.Join("; ", a.Speakers.Select(s => $"{s.Speaker}: {s.Claims}")), a.Hedged, string.Join("; ", a.HedgeWords), a.Quotes,
                    a.SharedFacts, a.Covered.Count, string.Join("; ", a.Omitted.Select(f => f.Label)), a.SingleSource.Count,
                    string.Join("; ", a.LoadedWords.Select(w => w.Word)));
            }));
        }
        return Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(writer.ToString())).ToArray();
    }

    private sealed record Row(
        int ArticleId, string Outlet, string Title, int Claims, int Attributed, string Speakers, int Hedged, string HedgeWords, int Quotes,
        int SharedFacts, int Covered, string Omitted, int SingleSource, string LoadedWords);

    private sealed class RowMap : ClassMap<Row>
    {
        public RowMap()
        {
            Map(r => r.ArticleId).Name("article_id");
            Map(r => r.Outlet).Name("outlet");
            Map(r => r.Title).Name("title");
            Map(r => r.Claims).Name("claims");
            Map(r => r.Attributed).Name("attributed");
            Map(r => r.Speakers).Name("speakers");
            Map(r => r.Hedged).Name("hedged");
            Map(r => r.HedgeWords).Name("hedge_words");
            Map(r => r.Quotes).Name("quotes");
            Map(r => r.SharedFacts).Name("shared_facts");
            Map(r => r.Covered).Name("covered");
            Map(r => r.Omitted).Name("omitted");
            Map(r => r.SingleSource).Name("single_source");
            Map(r => r.LoadedWords).Name("loaded_words");
        }
    }
}
