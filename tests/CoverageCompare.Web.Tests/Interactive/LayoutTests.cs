using Bunit;
using CoverageCompare.Web.Accounts;
using CoverageCompare.Web.Components.Layout;
using Microsoft.AspNetCore.Components;

namespace CoverageCompare.Web.Tests.Interactive;

public sealed class LayoutTests(AppFixture app) : InteractiveHost(app), IClassFixture<AppFixture>
{
    [Fact]
    public void TheColourModeSwitchCyclesLightDarkAndSystemAndKeepsTheChoice()
    {
        var module = Context.JSInterop.SetupModule("./js/theme.js");
        module.SetupVoid("savePreference", _ => true).SetVoidResult();
        var cut = RenderLayout(new ThemeChoice("system", SystemPrefersDark: false), Reviewer.Anonymous);
        Assert.Contains("light", cut.Find(".mud-layout").ClassList);

        cut.Find("[data-testid=theme-switch]").Click();
        Assert.Contains("light", cut.Find(".mud-layout").ClassList);
        cut.Find("[data-testid=theme-switch]").Click();
        Assert.Contains("dark", cut.Find(".mud-layout").ClassList);
        cut.Find("[data-testid=theme-switch]").Click();
        Assert.Contains("light", cut.Find(".mud-layout").ClassList);

        var saved = module.Invocations["savePreference"].Select(i => i.Arguments[1]).ToList();
        Assert.Equal(["light", "dark", "system"], saved);
        Assert.All(module.Invocations["savePreference"], i => Assert.Equal(ThemeChoice.CookieName, i.Arguments[0]));
    }

    [Fact]
    public void ASavedDarkChoiceRendersDarkWhateverTheSystemSays()
    {
        var cut = RenderLayout(new ThemeChoice("dark", SystemPrefersDark: false), Reviewer.Anonymous);

        Assert.Contains("dark", cut.Find(".mud-layout").ClassList);
        Assert.Contains("dark", cut.Find("[data-testid=theme-switch]").GetAttribute("aria-label"));
    }

    [Fact]
    public void ASignedInReadersLinksSitInOneMenu()
    {
        var cut = RenderLayout(new ThemeChoice("light", false), new Reviewer("user-1", "Ada Lovelace"));

        Assert.Equal("Ada Lovelace", cut.Find("[data-testid=signed-in-as]").TextContent);
        Assert.Empty(cut.FindAll("a[href='/workspaces']"));

        cut.Find(".who-button").Click();

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("a[href='/workspaces']")));
        Assert.NotNull(cut.Find("[data-testid=sign-out]"));
    }

    [Fact]
    public void AnAnonymousReaderIsOfferedSignInAndRegistration()
    {
        var cut = RenderLayout(new ThemeChoice("system", false), Reviewer.Anonymous);

        Assert.NotNull(cut.Find("[data-testid=sign-in-link]"));
        Assert.Contains(cut.FindAll("a"), a => a.TextContent == "Create an account");
        Assert.Equal("#main", cut.Find(".skip-link").GetAttribute("href"));
    }

    private IRenderedComponent<MainLayout> RenderLayout(ThemeChoice theme, Reviewer reviewer) => Context.Render<MainLayout>(p => p
        .AddCascadingValue(theme)
        .AddCascadingValue(reviewer)
        .Add(l => l.Body, (RenderFragment)(b => b.AddMarkupContent(0, "<h1>Body</h1>"))));
}
