using System.Text;
using CoverageCompare.Analysis.Documents;

namespace CoverageCompare.Analysis.Tests.Documents;

public sealed class DocumentReaderTests
{
    private const long Limit = 1024 * 1024;
    private readonly DocumentReader reader = new();

    [Fact]
    public void PlainTextIsKeptExactlyButForTheByteOrderMark()
    {
        var text = "Jan 28, 2025\r\nThe partnership   continues.\n\n\tSecond paragraph — with “quotes”.";
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text)).ToArray();

        var document = reader.Read("story.txt", bytes, Limit).Document!;

        Assert.Equal(text, document.Text);
        Assert.Equal(DocumentFormat.Text, document.Format);
        Assert.Equal(new DateOnly(2025, 1, 28), document.Published);
        Assert.Null(document.Title);
    }

    [Theory]
    [InlineData("Jan 28, 2025, 12:00 AM\nJan 28, 2025, 12:00 AM\n\nSam Altman promises stronger partnership\n\nBody text follows here.", "Sam Altman promises stronger partnership")]
    [InlineData("date 2025-01-29\nTram vote splits council\nThe council voted.", "Tram vote splits council")]
    [InlineData("The council voted on Thursday.\nMore text.", null)]
    public void APlainTextTitleSkipsDatelinesAndSentences(string text, string? title)
    {
        Assert.Equal(title, reader.ReadText(text, DocumentFormat.Text).Document!.Title);
    }

    [Theory]
    [InlineData("Tram approved\nBy Priya Nair, Riverton Radio, 12 March 2025\n\nThe council voted.", "Priya Nair", "Riverton Radio", "2025-03-12")]
    [InlineData("By Priya Nair | Riverton Radio\n\nThe council voted.", "Priya Nair", "Riverton Radio", null)]
    [InlineData("By Jo Lee for The Harbor Ledger\n\nThe council voted.", "Jo Lee", "The Harbor Ledger", null)]
    [InlineData("By Priya Natarajan\n\nThe council voted.", "Priya Natarajan", null, null)]
    [InlineData("By the time the council voted, it was late.", null, null, null)]
    public void ABylineNamesTheAuthorTheOutletAndTheDate(string text, string? author, string? outlet, string? date)
    {
        var document = reader.ReadText(text, DocumentFormat.Text).Document!;
        Assert.Equal((author, outlet), (document.Author, document.Outlet));
        Assert.Equal(date is null ? null : DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), document.Published);
    }

    [Fact]
    public void TheSeedFormatGivesTheDateAndNeitherATitleNorAnOutletFromAQuotedPost()
    {
        const string text = " date 2025-01-29 The next phase will be stronger, Sam Altman has said.\n\n" +
            "Looking forward to all that's ahead! — Satya Nadella (@satyanadella) January 28, 2025\n\nMore text.";
        var document = reader.ReadText(text, DocumentFormat.Text).Document!;
        Assert.Equal(new DateOnly(2025, 1, 29), document.Published);
        Assert.Null(document.Title);
        Assert.Null(document.Outlet);
    }

    [Fact]
    public void AQuotedPostOpeningATextIsNotItsTitle()
    {
        var document = reader.ReadText("Looking forward to all that's ahead! — Satya Nadella (@satyanadella) January 28, 2025\n\nText.", DocumentFormat.Text).Document!;
        Assert.Null(document.Title);
    }

    [Theory]
    [InlineData("<html><head><meta property=\"og:site_name\" content=\"Valley Times\"></head><body><p>Text.</p></body></html>", "Valley Times")]
    [InlineData("<html><head><link rel=\"canonical\" href=\"https://www.valley-times.example/a\"></head><body><p>Text.</p></body></html>", "valley-times.example")]
    [InlineData("<html><body><p>By Ana Ruiz, Valley Times</p><p>Text.</p></body></html>", "Valley Times")]
    [InlineData("<html><body><p>Text.</p></body></html>", null)]
    public void AnHtmlOutletComesFromSiteNameBylineOrAddressAndIsOtherwiseEmpty(string html, string? outlet)
    {
        Assert.Equal(outlet, reader.ReadText(html, DocumentFormat.Html).Document!.Outlet);
    }

    [Fact]
    public void PlainTextFrontMatterNamesTheOutlet()
    {
        var document = reader.ReadText("---\nsite_name: Delta News\nurl: https://delta.example/x\n---\nFloods recede\n\nWater fell.", DocumentFormat.Text).Document!;
        Assert.Equal(("Delta News", "Floods recede"), (document.Outlet, document.Title));
    }

    [Fact]
    public void ALedeIsAShortTitleForADocumentWithoutOne()
    {
        Assert.Equal("OpenAI CEO Sam Altman has confirmed that he recently spoke with Microsoft CEO Satya…",
            Sources.Lede("OpenAI CEO Sam Altman has confirmed that he recently spoke with Microsoft CEO Satya Nadella about the future of their partnership. More."));
        Assert.Equal("Short one.", Sources.Lede("  Short one. Second sentence."));
    }

    [Fact]
    public void MarkdownKeepsVisibleTextAndReadsFrontMatter()
    {
        var markdown = """
            ---
            title: "Tram approved"
            outlet: The Ledger
            author: P. Natarajan
            date: 2026-03-13
            url: https://ledger.example/tram
            ---

            # Tram approved

            The council **approved** the [tram](https://example.org) line.
            It will cost `$480 million`.

            - First point
            - Second *point*

            > A quoted line.

            <script>alert(1)</script>
            """;

        var document = reader.Read("tram.md", Encoding.UTF8.GetBytes(markdown), Limit).Document!;

        Assert.Equal(
            "Tram approved\n\nThe council approved the tram line. It will cost $480 million.\n\n- First point\n- Second point\n\nA quoted line.\n\n<script>alert(1)</script>",
            document.Text);
        Assert.Equal(("Tram approved", "The Ledger", "P. Natarajan", "https://ledger.example/tram"), (document.Title, document.Outlet, document.Author, document.Url));
        Assert.Equal(new DateOnly(2026, 3, 13), document.Published);
    }

    [Fact]
    public void MarkdownWithoutFrontMatterTakesItsTitleFromTheFirstHeading()
    {
        var document = reader.ReadText("Intro line.\n\n## The *real* headline\n\nBody.", DocumentFormat.Markdown).Document!;

        Assert.Equal("The real headline", document.Title);
        Assert.Null(document.Outlet);
    }

    [Fact]
    public void HtmlKeepsOnlyVisibleTextAndReadsMetadata()
    {
        var html = """
            <!doctype html>
            <html><head>
              <title>Fallback title</title>
              <meta property="og:title" content="Tram approved after long debate">
              <meta property="og:site_name" content="Metro Wire">
              <meta name="author" content="Dana Okafor">
              <meta property="article:published_time" content="2026-03-13T09:30:00Z">
              <link rel="canonical" href="https://metro.example/tram">
              <style>body { color: red }</style>
              <script>document.write('tracker')</script>
            </head><body>
              <nav><a href="/">Home</a> <a href="/news">News</a></nav>
              <article>
                <h1>Tram   approved</h1>
                <p>The council <em>approved</em> the line.<br>It costs $520 million.</p>
                <ul><li>One</li><li>Two</li></ul>
                <iframe src="https://evil.example"></iframe>
                <div hidden>secret</div>
                <svg><text>vector text</text></svg>
                <p>Entities: &amp; &lt;b&gt;</p>
              </article>
              <noscript>Enable JS</noscript>
            </body></html>
            """;

        var document = reader.Read("page.html", Encoding.UTF8.GetBytes(html), Limit).Document!;

        Assert.Equal("Tram approved\n\nThe council approved the line.\nIt costs $520 million.\n\n- One\n\n- Two\n\nEntities: & <b>", document.Text);
        Assert.Equal("Tram approved after long debate", document.Title);
        Assert.Equal("Metro Wire", document.Outlet);
        Assert.Equal("Dana Okafor", document.Author);
        Assert.Equal(new DateOnly(2026, 3, 13), document.Published);
        Assert.Equal("https://metro.example/tram", document.Url);
    }

    [Theory]
    [InlineData("empty.txt", "", "empty")]
    [InlineData("spaces.md", " \n\t\n ", "empty")]
    [InlineData("only-script.html", "<script>alert(1)</script><style>p{}</style>", "no visible text")]
    [InlineData("report.pdf", "%PDF-1.7", "only .txt, .md and .html")]
    [InlineData("noextension", "text", "only .txt, .md and .html")]
    public void UnusableInputIsRefusedWithAMessageNamingTheFile(string fileName, string content, string expected)
    {
        var result = reader.Read(fileName, Encoding.UTF8.GetBytes(content), Limit);

        Assert.False(result.Succeeded);
        Assert.StartsWith(fileName, result.Error);
        Assert.Contains(expected, result.Error);
    }

    [Fact]
    public void BinaryContentIsRefused()
    {
        var result = reader.Read("image.txt", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00], Limit);

        Assert.Contains("binary", result.Error);
    }

    [Fact]
    public void ControlCharacterSoupIsRefusedAsBinary()
    {
        var result = reader.Read("weird.txt", Enumerable.Range(1, 200).Select(i => (byte)(i % 8 + 1)).ToArray(), Limit);

        Assert.Contains("binary", result.Error);
    }

    [Fact]
    public void NonUtf8TextIsRefused()
    {
        var latin1 = Encoding.Latin1.GetBytes("Café déjà vu");

        var result = reader.Read("latin1.txt", latin1, Limit);

        Assert.Contains("not UTF-8", result.Error);
    }

    [Fact]
    public void OversizedInputIsRefusedBeforeItIsDecoded()
    {
        var result = reader.Read("huge.txt", new byte[2 * 1024 * 1024], Limit);

        Assert.Contains("the limit is 1 MB", result.Error);
    }

    [Fact]
    public void SupportedFormatsAreRecognisedByExtensionWhateverTheCase()
    {
        Assert.Equal(DocumentFormat.Html, DocumentReader.FormatFromFileName("A.HTM"));
        Assert.Equal(DocumentFormat.Markdown, DocumentReader.FormatFromFileName("notes.markdown"));
        Assert.Equal(DocumentFormat.Text, DocumentReader.FormatFromFileName("x.TXT"));
        Assert.Null(DocumentReader.FormatFromFileName("x.docx"));
    }
}
