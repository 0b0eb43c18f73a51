using CoverageCompare.Data.Annotations;
using CoverageCompare.Web.Annotations;
using CoverageCompare.Web.Components.Kit;
using CoverageCompare.Web.Components.Pages.Story;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace CoverageCompare.Web.Tests.Hostile;

/// <summary>
/// Issue 13, finding 2: a note of 200 '>' exceeded Markdig's depth limit inside NoteRenderer.ToHtml and took down the
/// live connection of every reader who opened the Annotations panel. Notes over the depth or size budget now show as
/// escaped text, and an error in one panel or thread shows in that place only.
/// </summary>
public sealed class HostileNoteTests(AppFixture app) : IClassFixture<AppFixture>
{
    private readonly NoteRenderer renderer = new();

    public static TheoryData<string> HostileNotes() =>
    [
        new string('>', 200) + " deep",
        string.Concat(Enumerable.Repeat("- ", 300)) + "deep list",
        string.Concat(Enumerable.Repeat("> - ", 100)) + "quote in list",
        new string('[', 5000) + "brackets",
        new string('*', 19_000) + "stars",
        string.Concat(Enumerable.Repeat("[a](http://x.example/)", 900)),
        new string('>', 30_000),
    ];

    [Theory]
    [MemberData(nameof(HostileNotes))]
    public void ANoteOverTheBudgetRendersAsEscapedTextWithoutThrowing(string note)
    {
        var html = renderer.ToHtml(note + "<script>alert(1)</script>");

        Assert.True(html.Length <= NoteRenderer.MaxHtmlLength * 2, $"{html.Length} characters");
        var document = Html.Parse(html);
        Assert.Empty(document.QuerySelectorAll("script"));
        Assert.Contains("alert(1)", document.Body!.TextContent);
    }

    [Fact]
    public void TwoHundredQuoteMarksAreShownAsWritten()
    {
        var html = renderer.ToHtml(new string('>', 200) + " deep\nsecond line");

        Assert.StartsWith("<p class=\"note-plain\">" + string.Concat(Enumerable.Repeat("&gt;", 200)) + " deep<br>", html);
    }

    [Fact]
    public void AnOrdinaryNoteStillRendersAsMarkdown()
    {
        var html = renderer.ToHtml("> quoted\n\n- **bold** item");

        Assert.Contains("<blockquote>", html);
        Assert.Contains("<strong>bold</strong>", html);
    }

    [Fact]
    public async Task ThePanelWithAHostileNoteShowsEveryThread()
    {
        var threads = new[] { Thread("A calm note."), Thread(new string('>', 200)), Thread("Another calm note.") };

        var page = Html.Parse(await Components.RenderAsync<AnnotationsPanel>(app.Factory.Services, new()
        {
            [nameof(AnnotationsPanel.StoryId)] = 1,
            [nameof(AnnotationsPanel.Threads)] = threads,
            [nameof(AnnotationsPanel.Labels)] = Array.Empty<string>(),
        }));

        Assert.Equal(3, page.QuerySelectorAll("[data-testid=annotation]").Length);
        Assert.Empty(page.QuerySelectorAll("[data-testid=panel-error]"));
        Assert.Contains(new string('>', 200), page.QuerySelectorAll("[data-testid=annotation-body]")[1].TextContent);
    }

    [Fact]
    public async Task AFailingChildShowsItsErrorInPlaceAndItsNeighboursStillRender()
    {
        RenderFragment content = builder =>
        {
            builder.AddMarkupContent(0, "<p id=before>before</p>");
            builder.OpenComponent<PanelBoundary>(1);
            builder.AddComponentParameter(2, nameof(PanelBoundary.Name), "The broken panel");
            builder.AddComponentParameter(3, nameof(PanelBoundary.ChildContent), (RenderFragment)(b => { b.OpenComponent<Throws>(0); b.CloseComponent(); }));
            builder.CloseComponent();
            builder.AddMarkupContent(4, "<p id=after>after</p>");
        };

        var page = Html.Parse(await Components.RenderAsync<Fragment>(app.Factory.Services, new() { [nameof(Fragment.Content)] = content }));

        Assert.Contains("The broken panel could not be shown", page.QuerySelector("[data-testid=panel-error]")!.TextContent);
        Assert.NotNull(page.QuerySelector("#before"));
        Assert.NotNull(page.QuerySelector("#after"));
    }

    private static AnnotationView Thread(string note) => new(Guid.NewGuid(), 1, null, new AnnotationTarget(1, 0, 4, "Text", "", "", false),
        null, [], note, "Ana", "user-Ana", DateTime.UtcNow, DateTime.UtcNow, null, null, 1, []);

    private sealed class Throws : ComponentBase
    {
        protected override void BuildRenderTree(RenderTreeBuilder builder) => throw new ArgumentException("depth limit exceeded");
    }

    private sealed class Fragment : ComponentBase
    {
        [Parameter]
        public RenderFragment? Content { get; set; }

        protected override void BuildRenderTree(RenderTreeBuilder builder) => builder.AddContent(0, Content);
    }
}
