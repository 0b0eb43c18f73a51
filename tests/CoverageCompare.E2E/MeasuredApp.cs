using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using CoverageCompare.Web.Sessions;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace CoverageCompare.E2E;

/// <summary>
/// The app in this process for measurements, one instance per test class that uses it, so what is measured is that
/// class's own app: its Blazor circuits are counted by a circuit handler, its error log entries are kept, and its
/// managed heap can be measured after a forced full collection. Otherwise it is set up like <see cref="AppFixture"/>.
/// </summary>
public sealed class MeasuredApp : IAsyncLifetime
{
    private readonly string databasePath = Path.Combine(Path.GetTempPath(), $"coverage-measured-{Guid.NewGuid():N}.db");
    private WebApplicationFactory<Program>? factory;
    private IPlaywright? playwright;

    public string BaseUrl { get; private set; } = "";

    public IBrowser Browser { get; private set; } = default!;

    public IServiceProvider Services => factory!.Services;

    /// <summary>The app's open Blazor circuits, as its circuit handlers see them.</summary>
    public CircuitCounter Circuits { get; } = new();

    /// <summary>What the app logged at Warning or above.</summary>
    public LogCollector Log { get; } = new();

    public async Task InitializeAsync()
    {
        factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseSetting("ConnectionStrings:Default", $"Data Source={databasePath}");
            builder.UseEnvironment("Development");
            builder.ConfigureLogging(logging => logging.AddProvider(Log));
            builder.ConfigureTestServices(services => services.AddSingleton<CircuitHandler>(Circuits));
        });
        factory.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        BaseUrl = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

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
                // Fifty pages share two cores: none of them is to be throttled as a background tab.
                "--disable-background-timer-throttling", "--disable-renderer-backgrounding", "--disable-backgrounding-occluded-windows",
            ],
        });
    }

    /// <summary>A page in a browser context of its own (its own cookies, so its own person), like a separate browser.</summary>
    public async Task<IPage> NewPageAsync(string? storageState = null)
    {
        var context = await Browser.NewContextAsync(new()
        {
            BaseURL = BaseUrl,
            ViewportSize = new() { Width = 1400, Height = 900 },
            StorageState = storageState,
        });
        context.SetDefaultTimeout(30_000);
        return await context.NewPageAsync();
    }

    /// <summary>Opens the demo story from the home page, waits until it is interactive and returns its id.</summary>
    public async Task<int> DemoStoryIdAsync()
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/");
        var href = await page.Locator("[data-testid=story-link]", new() { HasText = "Northshore tram" }).GetAttributeAsync("href");
        await page.Context.CloseAsync();
        return int.Parse(href!.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Opens a story in a new context and waits until its circuit is connected and the page is interactive.</summary>
    public async Task<IPage> OpenStoryAsync(int storyId, string? storageState = null)
    {
        var page = await NewPageAsync(storageState);
        await page.GotoAsync($"/stories/{storyId}");
        await AppFixture.WaitForStoryPageAsync(page);
        return page;
    }

    public async Task<int> ViewersAsync(int storyId) =>
        (await Services.GetRequiredService<IStorySessions>().ViewersAsync(storyId)).Count;

    /// <summary>
    /// The managed heap of this process after a forced, blocking, compacting full collection and the finalizers it
    /// queued. The app runs in this process, so this is the server's memory (plus the test's own, which stays put).
    /// </summary>
    public static long ServerMemory()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    /// <summary>
    /// Waits for an outcome the app reaches on its own (circuits ended, viewers gone), checking it every 50 ms, and
    /// fails with <paramref name="what"/> and the last state if it does not come within <paramref name="timeout"/>.
    /// </summary>
    public static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout, Func<Task<string>> what)
    {
        var clock = Stopwatch.StartNew();
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(50));
        while (!await condition())
        {
            if (clock.Elapsed > timeout) Assert.Fail($"Not reached within {timeout.TotalSeconds:0} s: {await what()}");
            await timer.WaitForNextTickAsync();
        }
    }

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

/// <summary>Counts the app's open circuits: the framework calls every registered handler when a circuit opens and closes.</summary>
public sealed class CircuitCounter : CircuitHandler
{
    private int open;
    private int opened;

    public int Open => Volatile.Read(ref open);

    public int Opened => Volatile.Read(ref opened);

    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref open);
        Interlocked.Increment(ref opened);
        return Task.CompletedTask;
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        Interlocked.Decrement(ref open);
        return Task.CompletedTask;
    }
}

/// <summary>Keeps what the app logs at Warning and above, to report and to check that a run logged no error.</summary>
public sealed class LogCollector : ILoggerProvider
{
    private readonly ConcurrentQueue<LogEntry> entries = new();

    public IReadOnlyCollection<LogEntry> Entries => entries;

    public IEnumerable<LogEntry> Errors => entries.Where(e => e.Level >= LogLevel.Error);

    public ILogger CreateLogger(string categoryName) => new Collecting(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Collecting(LogCollector owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel)) return;
            owner.entries.Enqueue(new LogEntry(logLevel, category, eventId.Id, formatter(state, exception), exception?.GetType().Name));
        }
    }
}

public sealed record LogEntry(LogLevel Level, string Category, int EventId, string Message, string? ExceptionType)
{
    public override string ToString() => $"{Level} {Category} [{EventId}] {Message}{(ExceptionType is null ? "" : $" ({ExceptionType})")}";
}
