using Bunit;
using CoverageCompare.Web.Components.Pages.Story;

namespace CoverageCompare.Web.Tests.Interactive;

public sealed class LegendTests(AppFixture app) : InteractiveHost(app), IClassFixture<AppFixture>
{
    [Fact]
    public void TheHighlightsSwitchHandsTheNewChoiceBackAndShowsTheOneItIsGiven()
    {
        var choices = new List<bool>();
        var cut = Context.Render<Legend>(p => p
            .Add(l => l.ShowHighlights, true)
            .Add(l => l.ShowHighlightsChanged, (bool show) => choices.Add(show)));
        var input = Switch(cut);
        Assert.True(input.HasAttribute("checked"));
        Assert.Contains("Show highlights", cut.Find(".legend").TextContent);

        input.Change(false);
        Assert.Equal([false], choices);

        cut.Render(p => p.Add(l => l.ShowHighlights, false));
        Assert.False(Switch(cut).HasAttribute("checked"));
        Switch(cut).Change(true);
        Assert.Equal([false, true], choices);
    }

    // MudSwitch puts our hook on its input or on its root, depending on the version; the checkbox is the control.
    private static AngleSharp.Dom.IElement Switch(IRenderedComponent<Legend> cut) =>
        cut.FindAll("[data-testid=toggle-highlights]").Select(e => e.Matches("input") ? e : e.QuerySelector("input[type=checkbox]")).First(e => e is not null)!;
}
