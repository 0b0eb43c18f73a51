using Bunit;
using CoverageCompare.Web.Components.Pages.Story;
using MudBlazor;

namespace CoverageCompare.Web.Tests.Interactive;

public sealed class VerdictChipTests(AppFixture app) : InteractiveHost(app), IClassFixture<AppFixture>
{
    [Theory]
    [InlineData("agree", "Agree", Color.Success)]
    [InlineData("disagree", "Disagree", Color.Error)]
    [InlineData("mixed", "Mixed", Color.Error)]
    [InlineData("single", "Only", Color.Default)]
    [InlineData("annotation", "Inaccurate", Color.Tertiary)]
    public void AVerdictIsAReadOnlyChipInItsColourWithoutAComponentPerChip(string verdict, string text, Color colour)
    {
        var cut = Context.Render<VerdictChip>(p => p.Add(c => c.Verdict, verdict).Add(c => c.Text, text).Add(c => c.TestId, "v"));

        var element = cut.Find("[data-testid=v]");
        Assert.Equal(text, element.TextContent);
        Assert.Equal(verdict, element.GetAttribute("data-verdict"));
        Assert.Contains($"mud-chip-color-{colour.ToString().ToLowerInvariant()}", element.ClassList);
        Assert.Contains("mud-chip", element.ClassList);
        // Read-only: no Tab stop, no control and no click handler a keyboard user would miss.
        Assert.Null(element.GetAttribute("tabindex"));
        Assert.Empty(element.QuerySelectorAll("button, a[href], [tabindex]"));
        Assert.Empty(cut.FindComponents<MudChip<string>>());
    }
}
