using System.Net;
using CoverageCompare.Data.Accounts;
using CoverageCompare.Data.Workspaces;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CoverageCompare.E2E;

/// <summary>The real app on a free loopback port with its own SQLite file, and Debian's Chromium driven by Playwright.</summary>
public sealed class AppFixture : IAsyncLifetime
{
    private readonly string databasePath = Path.Combine(Path.GetTempPath(), $"coverage-e2e-{Guid.NewGuid():N}.db");
    private WebApplicationFactory<Program>? factory;
    private IPlaywright? playwright;

    public string BaseUrl { get; private set; } = "";

    public IBrowser Browser { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseSetting("ConnectionStrings:Default", $"Data Source={databasePath}");
            // UrlImportTests serve their pages from 127.0.0.1, which the app otherwise refuses to fetch from.
            builder.UseSetting("Import:Url:AllowedHosts:0", "127.0.0.1");
            // Every test registers its people from the same loopback address, far more often than the per-address
            // limits let one network; RateLimitTests cover the limits themselves.
            builder.UseSetting("RateLimits:Registration:PermitLimit", "100000");
            builder.UseSetting("RateLimits:SignIn:PermitLimit", "100000");
            // SessionRevocationTests waits for an open page to notice its sign-in was ended elsewhere.
            builder.UseSetting("Accounts:CircuitRevalidationInterval", "00:00:02");
            builder.UseEnvironment("Development");
        });
        factory.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        BaseUrl = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        await CreateAdministratorAsync(factory.Services);
        await LaunchBrowserAsync();
    }

    /// <summary>A browser for an app started elsewhere (the several-instance topology) rather than one of its own.</summary>
    public static async Task<AppFixture> AttachAsync(string baseUrl)
    {
        var fixture = new AppFixture { BaseUrl = baseUrl };
        await fixture.LaunchBrowserAsync();
        return fixture;
    }

    private async Task LaunchBrowserAsync()
    {
        // Expectations wait as long as actions: a shared two-core machine can be slow without anything being wrong.
        Assertions.SetDefaultExpectTimeout(15_000);
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumLocator.Find(),
            Headless = true,
            Args =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run",
            ],
        });
    }

    /// <summary>
    /// The install's first account, made before any test registers, so that the Demo's owner is nobody a test uses:
    /// registration refuses a name that copies a Demo member's, and tests reuse names such as "Ana".
    /// </summary>
    private static async Task CreateAdministratorAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var admin = new AppUser { UserName = "administrator@example.test", Email = "administrator@example.test", DisplayName = "Install administrator" };
        var created = await users.CreateAsync(admin, $"admin {Guid.NewGuid():N}");
        if (!created.Succeeded) throw new InvalidOperationException(string.Join(" ", created.Errors.Select(e => e.Description)));
        await scope.ServiceProvider.GetRequiredService<WorkspaceStore>().SetUpNewAccountAsync(admin.Id, admin.DisplayName);
    }

    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new() { BaseURL = BaseUrl, ViewportSize = new() { Width = 1400, Height = 900 } });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        return page;
    }

    /// <summary>Waits until the Blazor circuit is connected, so clicks reach the server rather than the prerendered HTML.</summary>
    public static async Task WaitForCircuitAsync(IPage page) =>
        await page.WaitForFunctionAsync("() => window.Blazor !== undefined && document.querySelector('[data-circuit-ready]') !== null");

    /// <summary>Waits until a story page is interactive and its highlighting module is listening.</summary>
    public static async Task WaitForStoryPageAsync(IPage page)
    {
        await WaitForCircuitAsync(page);
        await page.WaitForFunctionAsync("() => globalThis.coverageCompare?.highlighting === true");
    }

    /// <summary>
    /// Waits until Blazor's InputFile has hooked the file input (it does so after rendering); a person cannot choose
    /// a file that fast, a test can.
    /// </summary>
    public static async Task WaitForFileInputAsync(IPage page) =>
        await page.WaitForFunctionAsync("() => document.querySelector('[data-testid=import-file]')?._blazorInputFileNextFileId !== undefined");

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        playwright?.Dispose();
        if (factory is not null) await factory.DisposeAsync();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(databasePath + suffix);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class AppCollection : ICollectionFixture<AppFixture>
{
    public const string Name = "app";
}
