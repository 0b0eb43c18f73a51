using System.Collections.Concurrent;
using System.Text.Json;
using CoverageCompare.Web.Sessions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CoverageCompare.Web.Tests.Sessions;

public sealed class InProcessStorySessionsTests
{
    private readonly CapturingLogger logger = new();
    private readonly InProcessStorySessions sessions;

    public InProcessStorySessionsTests() => sessions = new InProcessStorySessions(TimeProvider.System, logger);

    private static SessionViewer Viewer(string name) => SessionViewer.Create("reviewer:" + name.ToLowerInvariant(), name);

    private static StoryChange Change(int storyId, StoryChangeKind kind = StoryChangeKind.AnnotationCreated, string? subject = null, string? origin = null) =>
        new(storyId, kind, subject ?? Guid.NewGuid().ToString(), "Ana", origin);

    [Fact]
    public async Task APublishedChangeReachesEveryoneInTheStoryExceptTheConnectionThatMadeIt()
    {
        var (ana, ben, cy) = (new ChangeRecorder(), new ChangeRecorder(), new ChangeRecorder());
        using var anaSession = sessions.Join(1, Viewer("Ana"), ana.OnChangeAsync);
        using var benSession = sessions.Join(1, Viewer("Ben"), ben.OnChangeAsync);
        using var cySession = sessions.Join(1, Viewer("Cy"), cy.OnChangeAsync);

        var change = Change(1, origin: anaSession.ConnectionId);
        await sessions.PublishAsync(change);
        var marker = Change(1, StoryChangeKind.StoryRenamed);
        await sessions.PublishAsync(marker);

        Assert.Equal(change, await ben.NextContentAsync());
        Assert.Equal(change, await cy.NextContentAsync());
        // Delivery is in order, so once Ana hears the later change she has missed nothing of hers but her own.
        Assert.Equal(marker, await ana.NextContentAsync());
    }

    [Fact]
    public async Task ChangesOfOneStoryNeverReachAnother()
    {
        var (first, second) = (new ChangeRecorder(), new ChangeRecorder());
        using var a = sessions.Join(1, Viewer("Ana"), first.OnChangeAsync);
        using var b = sessions.Join(2, Viewer("Ben"), second.OnChangeAsync);

        await sessions.PublishAsync(Change(1, subject: "for-story-1"));
        await sessions.PublishAsync(Change(2, subject: "for-story-2"));

        Assert.Equal("for-story-1", (await first.NextContentAsync()).SubjectId);
        Assert.Equal("for-story-2", (await second.NextContentAsync()).SubjectId);
        Assert.DoesNotContain(await sessions.ViewersAsync(2), v => v.Viewer.Name == "Ana");
        Assert.Equal(["Ana"], (await sessions.ViewersAsync(1)).Select(v => v.Viewer.Name));
        Assert.Empty(await sessions.ViewersAsync(3));
    }

    [Fact]
    public async Task EachSubscriberHearsChangesInTheOrderTheyWerePublished()
    {
        var recorder = new ChangeRecorder();
        using var session = sessions.Join(1, Viewer("Ana"), recorder.OnChangeAsync);

        var published = Enumerable.Range(0, 200).Select(i => Change(1, subject: i.ToString())).ToList();
        foreach (var change in published) await sessions.PublishAsync(change);

        var heard = new List<StoryChange>();
        while (heard.Count < published.Count) heard.Add(await recorder.NextContentAsync());
        Assert.Equal(published, heard);
    }

    [Fact]
    public async Task ASubscriberThatThrowsIsLoggedAndStopsNeitherTheOthersNorItsOwnLaterChanges()
    {
        var calls = 0;
        var good = new ChangeRecorder();
        using var failing = sessions.Join(1, Viewer("Ana"), change =>
        {
            if (change.Kind.IsPresence()) return Task.CompletedTask;
            // The first change throws before returning a task, the second faults the task it returns.
            return Interlocked.Increment(ref calls) switch
            {
                1 => throw new InvalidOperationException("sync failure"),
                2 => Task.FromException(new InvalidOperationException("async failure")),
                _ => Task.CompletedTask,
            };
        });
        using var goodSession = sessions.Join(1, Viewer("Ben"), good.OnChangeAsync);

        for (var i = 0; i < 3; i++) await sessions.PublishAsync(Change(1, subject: i.ToString()));

        for (var i = 0; i < 3; i++) Assert.Equal(i.ToString(), (await good.NextContentAsync()).SubjectId);
        await WaitUntilAsync(() => Volatile.Read(ref calls) == 3);
        Assert.Equal(["sync failure", "async failure"], logger.Errors.Select(e => e.Message));
    }

    [Fact]
    public async Task ASubscriberThatNeverFinishesDelaysNeitherThePublisherNorTheOthers()
    {
        var stuck = new TaskCompletionSource();
        var stuckStarted = new TaskCompletionSource();
        using var slow = sessions.Join(1, Viewer("Slow"), change =>
        {
            stuckStarted.TrySetResult();
            return stuck.Task;
        });
        var fast = new ChangeRecorder();
        using var fastSession = sessions.Join(1, Viewer("Fast"), fast.OnChangeAsync);
        await stuckStarted.Task.WaitAsync(TimeSpan.FromSeconds(10));

        var publishing = sessions.PublishAsync(Change(1, subject: "while stuck"));
        Assert.True(publishing.IsCompletedSuccessfully);
        Assert.Equal("while stuck", (await fast.NextContentAsync()).SubjectId);
        stuck.SetResult();
    }

    [Fact]
    public async Task ASubscriberTooFarBehindGetsOneResyncInsteadOfWhatItMissed()
    {
        var release = new TaskCompletionSource();
        var heard = new ChangeRecorder();
        var blocked = new TaskCompletionSource();
        using var session = sessions.Join(1, Viewer("Ana"), async change =>
        {
            blocked.TrySetResult();
            await release.Task;
            await heard.OnChangeAsync(change);
        });
        await sessions.PublishAsync(Change(1, subject: "first"));
        await blocked.Task.WaitAsync(TimeSpan.FromSeconds(10));

        // "first" is being handled; the queue takes QueueCapacity more and refuses the rest.
        for (var i = 0; i < InProcessStorySessions.QueueCapacity + 10; i++) await sessions.PublishAsync(Change(1, subject: i.ToString()));
        release.SetResult();

        Assert.Equal("first", (await heard.NextAsync()).SubjectId);
        Assert.Equal(StoryChangeKind.Resync, (await heard.NextAsync()).Kind);
        await sessions.PublishAsync(Change(1, subject: "after catching up"));
        Assert.Equal("after catching up", (await heard.NextAsync()).SubjectId);
        Assert.Single(logger.Warnings);
    }

    [Fact]
    public async Task DisposingLeavesTheStoryOnceAndStopsDelivery()
    {
        var (ana, ben) = (new ChangeRecorder(), new ChangeRecorder());
        using var anaSession = sessions.Join(1, Viewer("Ana"), ana.OnChangeAsync);
        var benSession = sessions.Join(1, Viewer("Ben"), ben.OnChangeAsync);
        Assert.Equal((StoryChangeKind.ViewerJoined, benSession.ConnectionId), await KindAndSubjectAsync(ana));

        benSession.Dispose();
        benSession.Dispose();
        await sessions.PublishAsync(Change(1, subject: "after leaving"));

        Assert.Equal((StoryChangeKind.ViewerLeft, benSession.ConnectionId), await KindAndSubjectAsync(ana));
        Assert.Equal("after leaving", (await ana.NextAsync()).SubjectId);
        Assert.Equal(["Ana"], (await sessions.ViewersAsync(1)).Select(v => v.Viewer.Name));
        while (ben.TryNext(out var late)) Assert.NotEqual("after leaving", late!.SubjectId);
    }

    [Fact]
    public async Task PresenceListsOneEntryPerConnectionEarliestFirstWithNameColourAndFocus()
    {
        var ana = Viewer("Ana");
        using var first = sessions.Join(1, ana, _ => Task.CompletedTask);
        using var second = sessions.Join(1, Viewer("Ben"), _ => Task.CompletedTask);
        using var anaAgain = sessions.Join(1, ana, _ => Task.CompletedTask);

        var viewers = await sessions.ViewersAsync(1);

        Assert.Equal([first.ConnectionId, second.ConnectionId, anaAgain.ConnectionId], viewers.Select(v => v.ConnectionId));
        Assert.Equal(["Ana", "Ben", "Ana"], viewers.Select(v => v.Viewer.Name));
        var colours = PresenceColours.Assign(viewers);
        Assert.Equal(2, colours.Count);
        Assert.NotEqual(colours[ana.Key], colours[viewers[1].Viewer.Key]);
        Assert.All(viewers, v => Assert.Null(v.ClaimId));
        Assert.Equal(3, viewers.Select(v => v.ConnectionId).Distinct().Count());
    }

    [Fact]
    public async Task UpdatingPresenceTellsTheOthersAndAnUnchangedUpdateTellsNoOne()
    {
        var ben = new ChangeRecorder();
        using var anaSession = sessions.Join(1, SessionViewer.Create("anonymous:1", "Anonymous reader"), _ => Task.CompletedTask);
        using var benSession = sessions.Join(1, Viewer("Ben"), ben.OnChangeAsync);

        await anaSession.UpdateAsync(Viewer("Ana"), "c12");
        await anaSession.UpdateAsync(Viewer("Ana"), "c12");
        await sessions.PublishAsync(Change(1, subject: "marker"));

        var update = await ben.NextAsync();
        Assert.Equal((StoryChangeKind.ViewerUpdated, anaSession.ConnectionId, "Ana"), (update.Kind, update.SubjectId, update.By));
        Assert.Equal("marker", (await ben.NextAsync()).SubjectId);
        var presence = (await sessions.ViewersAsync(1)).Single(v => v.ConnectionId == anaSession.ConnectionId);
        Assert.Equal(("reviewer:ana", "Ana", "c12"), (presence.Viewer.Key, presence.Viewer.Name, presence.ClaimId));
    }

    [Fact]
    public async Task ManyThreadsJoiningPublishingAndLeavingAtOnceLoseNoChangeAndLeaveNoOneBehind()
    {
        // Even a stayer that has delivered nothing yet (a starved thread pool) must not overflow, so nothing may be dropped:
        // it can hold the later stayers' joins, every change, and a join and a leave for each drifter on its story.
        const int stayers = 30, publishers = 8, changesEach = 15, drifters = 60;
        Assert.True(stayers - 1 + publishers * changesEach + drifters / 2 * 2 < InProcessStorySessions.QueueCapacity);
        var recorders = Enumerable.Range(0, stayers).Select(_ => new CountingSubscriber(publishers * changesEach)).ToList();
        var subscriptions = recorders.Select((r, i) => sessions.Join(7, Viewer($"Stayer {i}"), r.OnChangeAsync)).ToList();

        var publishing = Enumerable.Range(0, publishers).Select(p => Task.Run(async () =>
        {
            for (var i = 0; i < changesEach; i++) await sessions.PublishAsync(Change(7, subject: $"{p}:{i}"));
        }));
        // Others come and go on the same story (and another) while the changes flow.
        var churning = Enumerable.Range(0, drifters).Select(i => Task.Run(() =>
        {
            using var drifter = sessions.Join(i % 2 == 0 ? 7 : 8, Viewer($"Drifter {i}"), _ => Task.CompletedTask);
        }));
        await Task.WhenAll(publishing.Concat(churning));

        await Task.WhenAll(recorders.Select(r => r.AllHeard.WaitAsync(TimeSpan.FromSeconds(30))));
        Assert.All(recorders, r => Assert.Equal(publishers * changesEach, r.Subjects.Distinct().Count()));
        // Within one publisher, order holds for every subscriber.
        Assert.All(recorders, r => Assert.All(r.Subjects.GroupBy(s => s.Split(':')[0]), g => Assert.Equal(g.OrderBy(s => int.Parse(s.Split(':')[1])), g)));
        Assert.Equal(stayers, (await sessions.ViewersAsync(7)).Count);
        Assert.Empty(await sessions.ViewersAsync(8));

        Parallel.ForEach(subscriptions, s => s.Dispose());
        Assert.Empty(await sessions.ViewersAsync(7));
    }

    [Fact]
    public void AChangeIsASmallRecordThatSurvivesJsonAsItWouldBetweenServers()
    {
        var change = new StoryChange(42, StoryChangeKind.LinkCorrected, "17", "Ana Checker", "0f8e");
        var json = JsonSerializer.Serialize(change);
        Assert.Equal(change, JsonSerializer.Deserialize<StoryChange>(json));
        Assert.True(json.Length < 120, json);
    }

    [Fact]
    public void PresenceColoursAreDistinctInJoinOrderAndTheSameForEveryone()
    {
        var start = DateTimeOffset.Parse("2026-11-30T10:00:00Z");
        var viewers = Enumerable.Range(0, PresenceColours.Palette.Count)
            .Select(i => new SessionPresence($"c{i}", SessionViewer.Create($"user:{i}", $"Person {i}"), null, start.AddSeconds(i)))
            .Append(new SessionPresence("c-again", SessionViewer.Create("user:0", "Person 0"), null, start.AddMinutes(5)))
            .ToList();

        var colours = PresenceColours.Assign(viewers);

        Assert.Equal(PresenceColours.Palette, Enumerable.Range(0, PresenceColours.Palette.Count).Select(i => colours[$"user:{i}"]));
        Assert.Equal(colours, PresenceColours.Assign(Enumerable.Reverse(viewers)));
    }

    private static async Task<(StoryChangeKind, string?)> KindAndSubjectAsync(ChangeRecorder recorder)
    {
        var change = await recorder.NextAsync();
        return (change.Kind, change.SubjectId);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!condition())
        {
            await Task.Delay(10, timeout.Token);
        }
    }

    private sealed class CountingSubscriber(int expected)
    {
        private readonly TaskCompletionSource allHeard = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public List<string> Subjects { get; } = [];

        public Task AllHeard => allHeard.Task;

        public Task OnChangeAsync(StoryChange change)
        {
            if (change.Kind.IsPresence()) return Task.CompletedTask;
            if (change.Kind == StoryChangeKind.Resync)
            {
                allHeard.TrySetException(new InvalidOperationException("The queue overflowed: queued changes were replaced by a reload."));
                return Task.CompletedTask;
            }

            // Calls for one subscriber never overlap, so a plain list is enough; that is part of what this checks.
            Subjects.Add(change.SubjectId!);
            if (Subjects.Count == expected) allHeard.TrySetResult();
            return Task.CompletedTask;
        }
    }

    private sealed class CapturingLogger : ILogger<InProcessStorySessions>
    {
        private readonly ConcurrentQueue<(LogLevel Level, Exception? Exception)> entries = new();

        public IEnumerable<Exception> Errors => entries.Where(e => e.Level == LogLevel.Error).Select(e => e.Exception!);

        public IEnumerable<LogLevel> Warnings => entries.Where(e => e.Level == LogLevel.Warning).Select(e => e.Level);

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => NullLogger.Instance.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            entries.Enqueue((logLevel, exception));
    }
}
