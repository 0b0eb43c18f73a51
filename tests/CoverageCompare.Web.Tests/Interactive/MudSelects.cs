using AngleSharp.Dom;
using Bunit;

namespace CoverageCompare.Web.Tests.Interactive;

/// <summary>Chooses in a MudSelect as a person does: opens it, then clicks the option in the popover provider.</summary>
internal static class MudSelects
{
    public static void Choose(this BunitContext context, IRenderedComponent<MudBlazor.MudPopoverProvider> popovers, IElement select, string option)
    {
        // The list opens on mousedown on the field's control, the element around the input the test hook is on.
        select.Closest(".mud-input-control")!.MouseDown();
        popovers.WaitForAssertion(() => Assert.NotEmpty(popovers.FindAll(".mud-popover-open .mud-list-item")));
        var item = popovers.FindAll(".mud-popover-open .mud-list-item").Single(i => i.TextContent.Trim() == option);
        item.Click();
    }
}
