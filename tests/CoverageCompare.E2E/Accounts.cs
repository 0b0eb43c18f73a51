using System.Text.Json;
using CoverageCompare.Data.Demo;
using Microsoft.Playwright;

namespace CoverageCompare.E2E;

/// <summary>Someone who registered through the app's own form; registration gave them a workspace of their own.</summary>
public sealed record TestUser(string Name, string Email, string Password);

/// <summary>An article sent to the import API as a file would be.</summary>
public sealed record ArticleFile(string FileName, string Content, string? Outlet = null, string? Title = null, DateOnly? PublishedOn = null);

/// <summary>Registering and signing in as people do, through the forms, and setting up stories of one's own.</summary>
internal static class Accounts
{
    public const string Password = "correct horse battery";

    /// <summary>Fills in the registration form and waits until it has sent the new, signed-in account on to <paramref name="returnUrl"/>.</summary>
    public static async Task<TestUser> RegisterAsync(IPage page, AppFixture app, string name, string returnUrl = "/")
    {
        await page.GotoAsync($"/account/register?returnUrl={Uri.EscapeDataString(returnUrl)}");
        return await RegisterOnThisPageAsync(page, app, name, returnUrl);
    }

    /// <summary>Fills in the registration form the page is on and waits to be sent on to <paramref name="returnUrl"/>.</summary>
    public static async Task<TestUser> RegisterOnThisPageAsync(IPage page, AppFixture app, string name, string returnUrl)
    {
        var user = new TestUser(name, $"{name.ToLowerInvariant().Replace(' ', '.')}.{Guid.NewGuid():N}@example.test", Password);
        await page.GetByTestId("register-name").FillAsync(user.Name);
        await page.GetByTestId("register-email").FillAsync(user.Email);
        await page.GetByTestId("register-password").FillAsync(user.Password);
        await page.GetByTestId("register-confirm").FillAsync(user.Password);
        await page.GetByTestId("register-submit").ClickAsync();
        // Registering signs nobody in (a taken email must look the same as a new one): the sign-in form follows.
        // The first registration of a run also warms up Identity and the password hasher on a busy machine.
        await Assertions.Expect(page.GetByTestId("login-notice")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await SignInOnThisPageAsync(page, app, user, returnUrl);
        return user;
    }

    /// <summary>Fills in the sign-in form on the page it is on and waits to be sent on to <paramref name="returnUrl"/>.</summary>
    public static async Task SignInOnThisPageAsync(IPage page, AppFixture app, TestUser user, string returnUrl)
    {
        await page.GetByTestId("login-email").FillAsync(user.Email);
        await page.GetByTestId("login-password").FillAsync(user.Password);
        await page.GetByTestId("login-submit").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(app.BaseUrl + returnUrl);
        await Assertions.Expect(page.GetByTestId("signed-in-as")).ToHaveTextAsync(user.Name);
    }

    /// <summary>A new person, registered in a browser context of their own.</summary>
    public static async Task<(IPage Page, TestUser User)> NewUserAsync(AppFixture app, string name)
    {
        var page = await app.NewPageAsync();
        return (page, await RegisterAsync(page, app, name));
    }

    /// <summary>
    /// Creates a story in the signed-in person's own workspace through the JSON API, with the page's sign-in cookie,
    /// and returns its id.
    /// </summary>
    public static async Task<int> CreateStoryAsync(IPage page, string title, IEnumerable<ArticleFile> articles)
    {
        var created = await page.APIRequest.PostAsync("/api/stories", new() { DataObject = new { title } });
        Assert.True(created.Status == 201, $"creating the story answered {created.Status}: {await created.TextAsync()}");
        var storyId = JsonDocument.Parse(await created.TextAsync()).RootElement.GetProperty("id").GetInt32();
        foreach (var article in articles)
        {
            var added = await page.APIRequest.PostAsync($"/api/stories/{storyId}/articles", new()
            {
                DataObject = new { fileName = article.FileName, content = article.Content, outlet = article.Outlet, title = article.Title, publishedOn = article.PublishedOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) },
            });
            Assert.True(added.Status == 201, $"adding {article.FileName} answered {added.Status}: {await added.TextAsync()}");
        }
        return storyId;
    }

    /// <summary>The demo's four articles, text for text, to make a story of one's own where one may edit and correct.</summary>
    public static IEnumerable<ArticleFile> DemoArticles() => DemoStory.ReadArticles().Select((article, i) =>
        new ArticleFile($"demo-{i + 1}.txt", article.Text, article.Outlet, article.Title, article.Published));
}
