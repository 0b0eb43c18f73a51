using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using CoverageCompare.Web.Sessions;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Logging.Abstractions;

namespace CoverageCompare.Benchmarks;

/// <summary>
/// One change published to every viewer of one story, timed until the last viewer has handled it. Each viewer does
/// what the story page does on the hub's thread: marshal onto its own circuit's dispatcher (Blazor's own
/// <see cref="Dispatcher"/>, one per viewer as one per circuit) and set its reload flags there. One publish per
/// iteration, so the P95 column is the 95th percentile of single publishes.
/// </summary>
[Config(typeof(PercentileConfig))]
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 20, iterationCount: 200, invocationCount: 1)]
public class FanOutBenchmark
{
    private readonly InProcessStorySessions _sessions = new(TimeProvider.System, NullLogger<InProcessStorySessions>.Instance);
    private readonly List<IStorySubscription> _subscriptions = [];
    private int _waiting;
    private TaskCompletionSource _allHandled = new();

    [Params(100, 1000)]
    public int Viewers { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        for (var i = 0; i < Viewers; i++)
        {
            var circuit = Dispatcher.CreateDefault();
            var pending = 0;
            // Others joining during setup are not what is timed.
            _subscriptions.Add(_sessions.Join(1, SessionViewer.Create($"reviewer:viewer {i}", $"Viewer {i}"), change => change.Kind.IsPresence()
                ? Task.CompletedTask
                : circuit.InvokeAsync(() =>
                {
                    pending |= (int)change.Kind;
                    if (Interlocked.Decrement(ref _waiting) == 0) _allHandled.TrySetResult();
                })));
        }
    }

    [Benchmark(Description = "publish one change, until every viewer has handled it")]
    public async Task PublishToAll()
    {
        _allHandled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Volatile.Write(ref _waiting, Viewers);
        await _sessions.PublishAsync(new StoryChange(1, StoryChangeKind.AnnotationCreated, "a", "Ana"));
        await _allHandled.Task;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (var subscription in _subscriptions) subscription.Dispose();
    }

    private sealed class PercentileConfig : ManualConfig
    {
        public PercentileConfig() => AddColumn(StatisticColumn.P95, StatisticColumn.Max);
    }
}
