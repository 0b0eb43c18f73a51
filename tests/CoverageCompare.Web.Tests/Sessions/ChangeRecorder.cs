using System.Threading.Channels;
using CoverageCompare.Web.Sessions;

namespace CoverageCompare.Web.Tests.Sessions;

/// <summary>A subscriber that keeps what it hears, in order, and lets a test wait for the next change.</summary>
internal sealed class ChangeRecorder
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly Channel<StoryChange> heard = Channel.CreateUnbounded<StoryChange>();

    public Task OnChangeAsync(StoryChange change)
    {
        heard.Writer.TryWrite(change);
        return Task.CompletedTask;
    }

    public async Task<StoryChange> NextAsync()
    {
        using var timeout = new CancellationTokenSource(Patience);
        return await heard.Reader.ReadAsync(timeout.Token);
    }

    /// <summary>The next change that is not about presence.</summary>
    public async Task<StoryChange> NextContentAsync()
    {
        while (true)
        {
            var change = await NextAsync();
            if (!change.Kind.IsPresence()) return change;
        }
    }

    public bool TryNext(out StoryChange? change) => heard.Reader.TryRead(out change);
}
