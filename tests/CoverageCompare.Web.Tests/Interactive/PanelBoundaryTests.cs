using Bunit;
using CoverageCompare.Web.Components.Kit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace CoverageCompare.Web.Tests.Interactive;

/// <summary>A panel that throws shows its error in place, and "Try again" renders it afresh.</summary>
public sealed class PanelBoundaryTests(AppFixture app) : InteractiveHost(app), IClassFixture<AppFixture>
{
    [Fact]
    public void AFailingPanelSaysSoInPlaceAndTryAgainRendersItAfresh()
    {
        var failures = 1;
        var cut = Context.Render<PanelBoundary>(p => p
            .Add(b => b.Name, "The claims panel")
            .Add(b => b.ChildContent, builder =>
            {
                builder.OpenComponent<Flaky>(0);
                builder.AddComponentParameter(1, nameof(Flaky.Fail), (Func<bool>)(() => failures-- > 0));
                builder.CloseComponent();
            }));

        var error = cut.Find("[data-testid=panel-error]");
        Assert.Equal("alert", error.GetAttribute("role"));
        Assert.Contains("The claims panel could not be shown", error.TextContent);
        Assert.Empty(cut.FindAll(".flaky"));

        cut.Find("[data-testid=panel-retry]").Click();

        cut.WaitForAssertion(() => Assert.Equal("shown", cut.Find(".flaky").TextContent));
        Assert.Empty(cut.FindAll("[data-testid=panel-error]"));
    }

    private sealed class Flaky : ComponentBase
    {
        [Parameter]
        public Func<bool> Fail { get; set; } = () => false;

        protected override void BuildRenderTree(RenderTreeBuilder builder)
        {
            if (Fail()) throw new InvalidOperationException("The panel broke.");
            builder.OpenElement(0, "p");
            builder.AddAttribute(1, "class", "flaky");
            builder.AddContent(2, "shown");
            builder.CloseElement();
        }
    }
}
