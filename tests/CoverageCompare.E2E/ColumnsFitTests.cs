using Microsoft.Playwright;

namespace CoverageCompare.E2E;

/// <summary>
/// The columns of a twelve-article story at a laptop, a wide and a phone screen: the columns in view are whole, the
/// source strip names every article and brings a hidden one into view, <c>j</c> brings the disputed sentences
/// themselves into view, and a phone shows one article at a time, the panel as a drawer, nothing wider than the screen.
/// With COVERAGE_SCREENSHOTS set to a folder, the page is saved there as PNGs.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class ColumnsFitTests(AppFixture app)
{
    private const int Articles = 12;

    public static TheoryData<int, int, string, int> Screens() => new()
    {
        { 1440, 900, "light", 3 },
        { 1920, 1080, "dark", 5 },
        { 390, 844, "light", 1 },
    };

    [Theory]
    [MemberData(nameof(Screens))]
    public async Task ColumnsInViewAreWholeAndEveryArticleCanBeReached(int width, int height, string mode, int expectedColumns)
    {
        var (page, _) = await Accounts.NewUserAsync(app, $"Columns {width}");
        await page.SetViewportSizeAsync(width, height);
        await page.EmulateMediaAsync(new() { ColorScheme = mode == "dark" ? ColorScheme.Dark : ColorScheme.Light });
        var texts = GeneratedStory.Articles(Articles, 300);
        var storyId = await Accounts.CreateStoryAsync(page, "Twelve sources",
            texts.Select((text, i) => new ArticleFile($"article-{i + 1}.txt", text, $"Outlet {i + 1}", $"The council's week, report {i + 1}")));
        // The first visit analyses the twelve articles, which a busy two-core machine can take a while to do.
        await page.GotoAsync($"/stories/{storyId}", new() { Timeout = 90_000 });
        await AppFixture.WaitForStoryPageAsync(page);
        await Assertions.Expect(page.GetByTestId("article-column")).ToHaveCountAsync(Articles);
        await ShootAsync(page, $"columns-{width}-{mode}");

        var shown = await ColumnsInViewAsync(page);
        Assert.Equal(expectedColumns, shown.Count);
        Assert.All(shown, column => AssertWhole(column, width));

        var chips = page.GetByTestId("source-chip");
        await Assertions.Expect(chips).ToHaveCountAsync(Articles);
        for (var i = 0; i < Articles; i++)
        {
            await Assertions.Expect(chips.Nth(i)).ToContainTextAsync($"{i + 1}");
            await Assertions.Expect(chips.Nth(i)).ToContainTextAsync($"Outlet {i + 1}");
            await Assertions.Expect(chips.Nth(i)).ToContainTextAsync($"report {i + 1}");
        }
        await Assertions.Expect(page.Locator("[data-source-strip]")).ToBeInViewportAsync();

        // The last article is out of view at every width; its entry in the strip brings it in, whole.
        var lastId = await LastIdAsync(page);
        Assert.DoesNotContain(shown, c => c.Id == lastId);
        await chips.Last.ClickAsync();
        await Assertions.Expect(chips.Last).ToHaveAttributeAsync("data-in-view", "");
        shown = await ColumnsInViewAsync(page);
        Assert.Contains(shown, c => c.Id == lastId);
        Assert.All(shown, column => AssertWhole(column, width));
        await ShootAsync(page, $"columns-{width}-{mode}-last");

        // j and k step through the disagreements; each time the disputed sentence itself is on screen.
        for (var step = 0; step < 3; step++)
        {
            await page.Keyboard.PressAsync("j");
            var box = await page.EvaluateAsync<double[]>(
                """
                () => {
                    const group = document.querySelector('[data-comparison]').dataset.pinned;
                    const claim = document.querySelector(`[data-article-text] [data-group-id="${CSS.escape(group)}"]`);
                    const r = claim.getBoundingClientRect();
                    return [r.left, r.top, r.right, r.bottom];
                }
                """);
            Assert.True(box[0] >= -0.5 && box[2] <= width + 0.5 && box[1] >= 0 && box[3] <= height,
                $"after j the disputed sentence is at ({box[0]:0}, {box[1]:0})–({box[2]:0}, {box[3]:0}), outside the {width}×{height} screen");
            shown = await ColumnsInViewAsync(page);
            Assert.All(shown, column => AssertWhole(column, width));
        }
        await ShootAsync(page, $"columns-{width}-{mode}-j");

        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"the page is {overflow}px wider than the {width}px screen");

        var panel = page.GetByTestId("claims-panel");
        if (width < 800)
        {
            // On a phone the claims and annotations are a drawer, closed until asked for.
            await Assertions.Expect(panel).Not.ToBeInViewportAsync();
            await page.GetByTestId("side-toggle").ClickAsync();
            await Assertions.Expect(panel).ToBeInViewportAsync();
            await ShootAsync(page, $"columns-{width}-{mode}-drawer");
            // The drawer slides in: wait for it to settle inside the screen (a box read mid-slide is off the edge).
            await page.WaitForFunctionAsync(
                "width => { const box = document.querySelector('[data-testid=side-panel]')?.getBoundingClientRect(); return !!box && box.left >= 0 && box.right <= width + 0.5; }",
                width, new() { Timeout = 5_000 });
            await page.GetByTestId("side-close").ClickAsync();
            await Assertions.Expect(panel).Not.ToBeInViewportAsync();
        }
        else
        {
            await Assertions.Expect(page.GetByTestId("side-toggle")).ToBeHiddenAsync();
            await Assertions.Expect(panel).ToBeVisibleAsync();
        }
    }

    [Fact]
    public async Task TheDemoStoryShowsItsFourColumnsWholeOnAWideScreen()
    {
        var page = await DemoStoryPage.OpenAsync(app);
        await page.SetViewportSizeAsync(1920, 1080);

        var shown = await ColumnsInViewAsync(page);
        Assert.Equal(4, shown.Count);
        Assert.All(shown, column => AssertWhole(column, 1920));
    }

    private sealed class ColumnBox
    {
        public string Id { get; set; } = "";
        public double Left { get; set; }
        public double Right { get; set; }
        public double RowLeft { get; set; }
        public double RowRight { get; set; }
    }

    private static async Task<string> LastIdAsync(IPage page) =>
        (await page.GetByTestId("article-column").Last.GetAttributeAsync("data-article-id"))!;

    /// <summary>Every column that shows at all: more than a pixel of it inside the row's visible part.</summary>
    private static async Task<List<ColumnBox>> ColumnsInViewAsync(IPage page) =>
        (await page.EvaluateAsync<ColumnBox[]>(
            """
            () => {
                const row = document.querySelector('[data-columns]').getBoundingClientRect();
                return [...document.querySelectorAll('[data-testid=article-column]')].map(c => {
                    const r = c.getBoundingClientRect();
                    return { id: c.dataset.articleId, left: r.left, right: r.right, rowLeft: row.left, rowRight: row.right };
                }).filter(c => Math.min(c.right, c.rowRight) - Math.max(c.left, c.rowLeft) > 1);
            }
            """)).ToList();

    private static void AssertWhole(ColumnBox column, int width) => Assert.True(
        column.Left >= Math.Max(0, column.RowLeft) - 1 && column.Right <= Math.Min(width, column.RowRight) + 1,
        $"column {column.Id} spans {column.Left:0}–{column.Right:0} px, cut by the row ({column.RowLeft:0}–{column.RowRight:0}) or the {width}px screen");

    private static async Task ShootAsync(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("COVERAGE_SCREENSHOTS") is not { Length: > 0 } folder) return;
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, name + ".png") });
    }
}
