using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using CoverageCompare.Web.Sessions;
using Microsoft.AspNetCore.Components.Server;
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

    /// <summary>
    /// How long a closed circuit may take to become garbage. A page closed while one of the circuit's calls into the
    /// browser was still waiting for its answer (the router's first one, say, just after the page became interactive)
    /// leaves that call to its timeout, one minute by default (CircuitOptions.JSInteropDefaultCallTimeout), and its timer
    /// holds the whole circuit until then; a heap dump of such a test run showed exactly that path.
    /// </summary>
    public static readonly TimeSpan CollectionTimeout = TimeSpan.FromSeconds(90);

    /// <summary>What the app logged at Warning or above.</summary>
    public LogCollector Log { get; } = new();

    public async Task InitializeAsync()
    {
        factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseSetting("ConnectionStrings:Default", $"Data Source={databasePath}");
            builder.UseEnvironment("Development");
            builder.ConfigureLogging(logging => logging.AddProvider(Log));
            builder.ConfigureTestServices(services =>
            {
                services.AddSingleton<CircuitHandler>(Circuits);
                // A tab closed while the machine is busy can lose Blazor's disconnect beacon; its circuit then waits
                // out the retention period (3 minutes by default) as after a dropped connection. The measurements are
                // about what an open circuit holds, so a lost beacon should cost seconds, not the run.
                services.Configure<CircuitOptions>(options => options.DisconnectedCircuitRetentionPeriod = TimeSpan.FromSeconds(10));
            });
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

    /// <summary>The demo story's id, from the story list anyone may read (through the API: a page would open a circuit).</summary>
    public async Task<int> DemoStoryIdAsync()
    {
        using var client = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        var stories = await client.GetFromJsonAsync<List<ListedStory>>("/api/stories");
        return stories!.Single(s => s.Title.Contains("Northshore tram", StringComparison.Ordinal)).Id;
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
    /// Waits for an outcome the app reaches on its own (circuits ended, viewers gone), checking it every
    /// <paramref name="every"/> (50 ms unless given), and fails with <paramref name="what"/> and the last state if it
    /// does not come within <paramref name="timeout"/>.
    /// </summary>
    public static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout, Func<Task<string>> what, TimeSpan? every = null)
    {
        var clock = Stopwatch.StartNew();
        using var timer = new PeriodicTimer(every ?? TimeSpan.FromMilliseconds(50));
        while (!await condition())
        {
            if (clock.Elapsed > timeout) Assert.Fail($"Not reached within {timeout.TotalSeconds:0} s: {await what()}");
            await timer.WaitForNextTickAsync();
        }
    }

    /// <summary>
    /// Waits until every circuit the app opened has been garbage-collected, collecting as it checks: a closed circuit
    /// that something still holds never goes, and the wait fails after <see cref="CollectionTimeout"/> saying how many
    /// are left and which.
    /// </summary>
    public async Task WaitUntilCircuitsCollectedAsync() =>
        await WaitUntilAsync(
            () =>
            {
                ServerMemory();
                return Task.FromResult(Circuits.Alive == 0);
            },
            CollectionTimeout,
            () => Task.FromResult($"{Circuits.Alive} of {Circuits.Opened} circuits still in memory (number {Circuits.AliveOnes} in the order they opened), {Circuits.Open} of them open"),
            // Each check is a full, compacting collection: a few a second are plenty.
            TimeSpan.FromMilliseconds(500));

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

/// <summary>
/// Counts the app's open circuits: the framework calls every registered handler when a circuit opens and closes. It
/// also keeps a weak reference to each, so a test can tell whether the closed ones have been collected: a circuit still
/// alive after a full collection is held by something, with its components and everything they hold.
/// </summary>
public sealed class CircuitCounter : CircuitHandler
{
    private readonly ConcurrentQueue<WeakReference<Circuit>> all = new();
    private int open;

    public int Open => Volatile.Read(ref open);

    public int Opened => all.Count;

    /// <summary>How many circuits, open or closed, are still in memory; collect garbage first for a meaningful answer.</summary>
    public int Alive => all.Count(c => c.TryGetTarget(out _));

    /// <summary>Which circuits, by the order they opened in (1 is the first), are still in memory.</summary>
    public string AliveOnes => string.Join(", ", all.Select((c, i) => (Alive: c.TryGetTarget(out _), Number: i + 1)).Where(c => c.Alive).Select(c => c.Number));

    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        all.Enqueue(new WeakReference<Circuit>(circuit));
        Interlocked.Increment(ref open);
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

/// <summary>The managed heap after a forced full collection (<see cref="MeasuredApp.ServerMemory"/>), and how much of it is the large object heap and the pinned object heap (where the server's socket buffers are).</summary>
public sealed record HeapSize(long Heap, long LargeObjects, long Pinned)
{
    public static HeapSize Measure()
    {
        var heap = MeasuredApp.ServerMemory();
        // Generation 3 is the large object heap: arrays of 85,000 bytes and more, pooled buffers among them.
        var info = GC.GetGCMemoryInfo(GCKind.FullBlocking);
        // Less the free space between objects, as in the total.
        static long Used(GCGenerationInfo generation) => generation.SizeAfterBytes - generation.FragmentationAfterBytes;
        return new HeapSize(heap, Used(info.GenerationInfo[3]), Used(info.GenerationInfo[4]));
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Mb(Heap)} MB (large object heap {Mb(LargeObjects)} MB, pinned {Mb(Pinned)} MB)");

    private static string Mb(long bytes) => (bytes / 1024.0 / 1024.0).ToString("0.0", CultureInfo.InvariantCulture);
}

internal sealed record ListedStory(int Id, string Title);

public sealed record LogEntry(LogLevel Level, string Category, int EventId, string Message, string? ExceptionType)
{
    public override string ToString() => $"{Level} {Category} [{EventId}] {Message}{(ExceptionType is null ? "" : $" ({ExceptionType})")}";
}
