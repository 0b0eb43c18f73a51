using CoverageCompare.Web.Importing;

namespace CoverageCompare.Web.Diagnostics;

/// <summary>
/// Refusals and failures seen by the web app, as structured events (ids 1000–1099). Fields are ids, codes and counts:
/// never a note, an article's text, a URL's path or query (they may carry tokens) or a connection string.
/// </summary>
internal static partial class WebLog
{
    [LoggerMessage(EventId = 1001, EventName = "UrlFetchRefused",
        Message = "Fetching a page for story {StoryId} was refused ({Reason}): host {Host}, {ByteCount} bytes read, {Redirects} redirects followed")]
    public static partial void UrlFetchRefused(this ILogger logger, LogLevel level, int storyId, FetchRefusal reason, string? host, long byteCount, int redirects);
}
