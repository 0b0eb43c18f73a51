using System.Globalization;
using System.Text.RegularExpressions;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace CoverageCompare.E2E;

[Collection(AppCollection.Name)]
public sealed class AgreementViewTests(AppFixture app)
{
    [Theory]
    [InlineData("Councillors voted 6 to 3")]
    [InlineData("The line will cost $520 million")]
    [InlineData("Construction is scheduled to begin in September 2026")]
    [InlineData("The plan does not include a protected bike lane")]
    [InlineData("introduced by Councillor Maria Ortiz")]
    [InlineData("This line connects neighbourhoods that have waited far too long")]
    public async Task PlantedDisagreementsAreMarkedDisagree(string claimText)
    {
        var page = await OpenDemoAsync();

        var claim = page.Locator(".claim", new() { HasText = claimText });

        await Assertions.Expect(claim).ToHaveAttributeAsync("data-relation", "disagree");
        await Assertions.Expect(claim).ToHaveAttributeAsync("data-group-id", new Regex(".+"));
    }

    [Fact]
    public async Task SharedAndSingleSourceClaimsAreMarkedSo()
    {
        var page = await OpenDemoAsync();

        await Assertions.Expect(page.Locator(".claim", new() { HasText = "The tram will run 11 kilometres from Central Station to the university campus." }).First)
            .ToHaveAttributeAsync("data-relation", "agree");
        await Assertions.Expect(page.Locator(".claim", new() { HasText = "Critics warned that the budget leaves no reserve" }))
            .ToHaveAttributeAsync("data-relation", "single");
    }

    [Fact]
    public async Task PointingAtAClaimLightsUpItsCounterpartInAnotherColumnWithin100Milliseconds()
    {
        var page = await OpenDemoAsync();
        var source = page.Locator("[data-testid=article-column]").Nth(2).Locator(".claim", new() { HasText = "Councillors voted 6 to 3" });
        var groupId = await source.GetAttributeAsync("data-group-id");
        await page.EvaluateAsync("() => document.addEventListener('mouseover', e => window.hoverAt = e.timeStamp, { capture: true, once: true })");

        await source.HoverAsync();
        var elapsed = await page.EvaluateAsync<double>(
            """
            async (groupId) => {
                const others = () => [...document.querySelectorAll(`.claim.is-counterpart[data-group-id="${groupId}"]`)];
                while (others().length === 0) await new Promise(requestAnimationFrame);
                return performance.now() - window.hoverAt;
            }
            """, groupId);

        Assert.True(elapsed < 100, $"counterparts lit up after {elapsed.ToString("0.0", CultureInfo.InvariantCulture)} ms");
        var lit = page.Locator($".claim.is-counterpart[data-group-id='{groupId}']");
        await Assertions.Expect(lit.First).ToBeInViewportAsync();
        Assert.Contains("Councillors voted 7 to 2", await lit.First.TextContentAsync());
    }

    [Fact]
    public async Task FiltersNarrowTheClaimsPanel()
    {
        var page = await OpenDemoAsync();
        var panel = page.GetByTestId("claims-panel");

        await panel.GetByTestId("filter-disagree").CheckAsync();
        var groups = panel.GetByTestId("claim-group");
        await Assertions.Expect(panel.GetByTestId("single-claim")).ToHaveCountAsync(0);
        Assert.True(await groups.CountAsync() >= 5);
        foreach (var verdict in await groups.EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.verdict)"))
        {
            Assert.Contains(verdict, new[] { "disagree", "mixed" });
        }

        await panel.GetByTestId("filter-single").CheckAsync();
        await Assertions.Expect(panel.GetByTestId("claim-group")).ToHaveCountAsync(0);
        await Assertions.Expect(panel.GetByTestId("single-claim").Filter(new() { HasText = "Critics warned" })).ToHaveCountAsync(1);

        await panel.GetByTestId("filter-all").CheckAsync();
        await panel.GetByTestId("filter-article").ChooseAsync("4. Bayside Courier");
        await Assertions.Expect(panel.GetByTestId("single-claim").Filter(new() { HasText = "Critics warned" })).ToHaveCountAsync(0);
        await Assertions.Expect(panel.GetByTestId("claim-group").Filter(new() { HasText = "Bayside Courier" }).First).ToBeVisibleAsync();
    }

    [Fact]
    public async Task JAndKStepThroughDisagreementsAndEscapeClears()
    {
        var page = await OpenDemoAsync();
        var disagreements = await page.GetByTestId("claim-group")
            .EvaluateAllAsync<string[]>("items => items.filter(i => i.dataset.verdict !== 'agree').map(i => i.dataset.groupId)");
        await page.Locator("h1").ClickAsync();

        await page.Keyboard.PressAsync("j");
        await Assertions.Expect(page.Locator("[data-testid=claim-group].is-current")).ToHaveAttributeAsync("data-group-id", disagreements[0]);
        await Assertions.Expect(page.Locator($".claim.is-counterpart[data-group-id='{disagreements[0]}']").First).ToBeVisibleAsync();

        await page.Keyboard.PressAsync("j");
        await Assertions.Expect(page.Locator("[data-testid=claim-group].is-current")).ToHaveAttributeAsync("data-group-id", disagreements[1]);

        await page.Keyboard.PressAsync("k");
        await Assertions.Expect(page.Locator("[data-testid=claim-group].is-current")).ToHaveAttributeAsync("data-group-id", disagreements[0]);

        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(page.Locator(".claim.is-counterpart")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("[data-testid=claim-group].is-current")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task AWordedDifferentlyQuotationShowsAWordDiff()
    {
        var page = await OpenDemoAsync();

        var diff = page.GetByTestId("quote-diff").First;

        await Assertions.Expect(diff.Locator("del")).Not.ToHaveCountAsync(0);
        await Assertions.Expect(diff.Locator("ins", new() { HasText = "far" })).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task CoverageMatrixShowsWhoReportsWhatAndSorts()
    {
        var page = await OpenDemoAsync();
        await page.GetByTestId("view-matrix").ClickAsync();
        var matrix = page.GetByTestId("coverage-matrix");

        // A MudDataGrid row takes a class of ours but no attributes: rows are tr.matrix-row.
        var petition = matrix.Locator("tr.matrix-row").Filter(new() { HasText = "Pier Street" }).First;
        await Assertions.Expect(petition.Locator("td [data-cell=omitted]")).ToHaveCountAsync(2);

        await matrix.GetByTestId("sort-sources").ClickAsync();
        await Assertions.Expect(matrix.GetByTestId("sort-sources")).ToContainTextAsync("sorted ascending");
        var firstRow = matrix.Locator("tr.matrix-row").First;
        await Assertions.Expect(firstRow.Locator("td [data-cell=omitted]")).ToHaveCountAsync(0);

        // Reversed, the facts only one source reports come first.
        await matrix.GetByTestId("sort-sources").ClickAsync();
        await Assertions.Expect(matrix.GetByTestId("sort-sources")).ToContainTextAsync("sorted descending");
        await Assertions.Expect(firstRow.Locator("td [data-cell=single]")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task ACorrectionIsStoredWithItsAuthorAndSurvivesAReload()
    {
        // Correcting links needs an editor, so Ana corrects her own copy of the demo rather than the public demo.
        var (page, _) = await Accounts.NewUserAsync(app, "Ana Checker");
        var storyId = await Accounts.CreateStoryAsync(page, "Ana's copy of the tram story", Accounts.DemoArticles());
        await page.GotoAsync($"/stories/{storyId}");
        await AppFixture.WaitForStoryPageAsync(page);
        var panel = page.GetByTestId("claims-panel");

        var group = panel.GetByTestId("claim-group").Filter(new() { HasText = "Pier Street" }).First;
        await group.Locator("details.links summary").ClickAsync();
        var link = group.GetByTestId("link").First;
        var (a, b) = (await link.GetAttributeAsync("data-claim-a"), await link.GetAttributeAsync("data-claim-b"));
        await link.GetByTestId("correct-disagree").ClickAsync();
        await Assertions.Expect(page.GetByTestId("correction")).ToHaveCountAsync(1);

        await page.ReloadAsync();
        await AppFixture.WaitForStoryPageAsync(page);
        await Assertions.Expect(page.GetByTestId("correction")).ToContainTextAsync("Ana Checker");
        await page.GetByTestId("claim-group").Filter(new() { HasText = "Pier Street" }).First.Locator("details.links summary").ClickAsync();
        var corrected = page.Locator($"[data-testid=link][data-claim-a='{a}'][data-claim-b='{b}']");
        await Assertions.Expect(corrected).ToHaveAttributeAsync("data-relation", "disagree");
        await Assertions.Expect(page.Locator($".claim[data-claim-id='{a}']")).ToHaveAttributeAsync("data-relation", "disagree");

        await page.GetByTestId("corrections").Locator("summary").ClickAsync();
        await page.GetByTestId("correction").GetByRole(AriaRole.Button, new() { Name = "Undo" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("correction")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator($".claim[data-claim-id='{a}']")).ToHaveAttributeAsync("data-relation", "agree");
    }

    /// <summary>As an anonymous reader sees it, and as its owner does, with every control for editing and annotating.</summary>
    [Theory]
    [InlineData("anonymous")]
    [InlineData("owner")]
    public async Task TheStoryPageHasNoSeriousOrCriticalAccessibilityViolations(string viewer)
    {
        IPage page;
        if (viewer == "anonymous")
        {
            page = await OpenDemoAsync();
        }
        else
        {
            (page, _) = await Accounts.NewUserAsync(app, "Ola Owner");
            var storyId = await Accounts.CreateStoryAsync(page, "Ola's copy of the tram story", Accounts.DemoArticles());
            await page.GotoAsync($"/stories/{storyId}");
            await AppFixture.WaitForStoryPageAsync(page);
            await Assertions.Expect(page.GetByTestId("annotate-claim").First).ToBeVisibleAsync();
        }

        var results = await page.RunAxe();

        var serious = results.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Take(3).Select(n => n.Html))}")
            .ToList();
        Assert.True(serious.Count == 0, string.Join("\n", serious));
    }

    private Task<IPage> OpenDemoAsync() => DemoStoryPage.OpenAsync(app);
}
