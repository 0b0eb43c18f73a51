using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace CoverageCompare.E2E;

/// <summary>
/// Chooses in a MudSelect as a person does. It is not a native select (SelectOptionAsync cannot drive it): the field
/// opens a list in the page's popover provider, outside the component the test hook is on.
/// </summary>
internal static class MudSelectChoice
{
    public static async Task ChooseAsync(this ILocator select, string option)
    {
        await select.ClickAsync();
        var item = select.Page.Locator(".mud-popover-open .mud-list-item")
            .Filter(new() { HasTextRegex = new Regex($"^\\s*{Regex.Escape(option)}\\s*$") });
        await item.ClickAsync();
        await Assertions.Expect(select).ToHaveValueAsync(option);
    }
}
