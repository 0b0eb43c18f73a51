using System.Diagnostics;
using System.Globalization;
using CoverageCompare.Web.Sessions;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit.Abstractions;

namespace CoverageCompare.Web.Tests.Postgres;

/// <summary>
/// One change published on instance A reaching 1,000 viewers of the story spread over two instances (500 on each), timed
/// until the last of them has handled it: A's own viewers through the in-process fan-out, B's through PostgreSQL's
/// NOTIFY. Each viewer marshals onto a dispatcher of its own, as a story page does onto its circuit. A measurement, so
/// it is opt-in (<c>COVERAGE_LOAD=1</c>); the figures go to <c>TestResults/notify-fan-out.txt</c> and the README.
/// </summary>
public sealed class NotifyFanOutMeasurement(ITestOutputHelper output) : IAsyncLifetime
{
    private const int StoryId = 11;
    private const int ViewersPerInstance = 500;
    private const int Publishes = 100;
    private readonly List<IStorySubscription> subscriptions = [];
    private PostgresStorySessions a = default!;
    private PostgresStorySessions b = default!;
    private int waiting;
    private TaskCompletionSource allHandled = new();

    public async Task InitializeAsync()
    {
        if (MeasuredPostgresFactAttribute.SkipReason is not null) return;
        var connectionString = await PostgresStorySessionsTests.CreateDatabaseAsync();
        a = new PostgresStorySessions(connectionString, TimeProvider.System, NullLoggerFactory.Instance);
        b = new PostgresStorySessions(connectionString, TimeProvider.System, NullLoggerFactory.Instance);
        await a.StartAsync(CancellationToken.None);
        await b.StartAsync(CancellationToken.None);
        while (!(a.IsListening && b.IsListening)) await Task.Delay(20);
    }

    public async Task DisposeAsync()
    {
        if (MeasuredPostgresFactAttribute.SkipReason is not null) return;
        foreach (var subscription in subscriptions) subscription.Dispose();
        await a.StopAsync(CancellationToken.None);
        await b.StopAsync(CancellationToken.None);
        a.Dispose();
        b.Dispose();
    }

    [MeasuredPostgresFact]
    public async Task OneChangeReachesAThousandViewersOnTwoInstances()
    {
        foreach (var (instance, name) in new[] { (a, "a"), (b, "b") })
        {
            for (var i = 0; i < ViewersPerInstance; i++) subscriptions.Add(Join(instance, $"{name}{i}"));
        }
        // Every join is announced to the other instance too; let that settle before timing changes.
        while ((await a.ViewersAsync(StoryId)).Count < 2 * ViewersPerInstance || (await b.ViewersAsync(StoryId)).Count < 2 * ViewersPerInstance)
        {
            await Task.Delay(50);
        }

        var times = new List<double>();
        for (var n = -5; n < Publishes; n++)
        {
            allHandled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            Volatile.Write(ref waiting, 2 * ViewersPerInstance);
            var clock = Stopwatch.StartNew();
            await a.PublishAsync(new StoryChange(StoryId, StoryChangeKind.AnnotationCreated, $"note-{n}", "Ada"));
            await allHandled.Task.WaitAsync(TimeSpan.FromSeconds(30));
            // The first few run code for the first time.
            if (n >= 0) times.Add(clock.Elapsed.TotalMilliseconds);
        }

        var sorted = times.Order().ToArray();
        double Percentile(double p) => sorted[(int)Math.Ceiling(p * sorted.Length) - 1];
        var report = string.Create(CultureInfo.InvariantCulture,
            $"one change to {2 * ViewersPerInstance} viewers on two instances ({ViewersPerInstance} local, {ViewersPerInstance} through NOTIFY), {Publishes} publishes: " +
            $"p50 {Percentile(0.5):0.0} ms, p95 {Percentile(0.95):0.0} ms, max {sorted[^1]:0.0} ms; load average {LoadAverage()}");
        output.WriteLine(report);
        Directory.CreateDirectory("TestResults");
        await File.WriteAllTextAsync(Path.Combine("TestResults", "notify-fan-out.txt"), report + Environment.NewLine);
        Assert.InRange(Percentile(0.95), 0, 500);
    }

    private IStorySubscription Join(PostgresStorySessions instance, string viewer)
    {
        var circuit = Dispatcher.CreateDefault();
        return instance.Join(StoryId, SessionViewer.Create($"reviewer:{viewer}", viewer), change => change.Kind.IsPresence()
            ? Task.CompletedTask
            : circuit.InvokeAsync(() =>
            {
                if (Interlocked.Decrement(ref waiting) == 0) allHandled.TrySetResult();
            }));
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "unknown";
}

/// <summary>A PostgreSQL measurement that takes a while: skipped unless <c>COVERAGE_LOAD=1</c>, and without PostgreSQL.</summary>
public sealed class MeasuredPostgresFactAttribute : FactAttribute
{
    public MeasuredPostgresFactAttribute() => Skip = SkipReason;

    public static string? SkipReason =>
        Environment.GetEnvironmentVariable("COVERAGE_LOAD") != "1"
            ? "A measurement: set COVERAGE_LOAD=1 to run it."
            : PostgresServer.SkipReason;
}
