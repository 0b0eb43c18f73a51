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

    [LoggerMessage(EventId = 1010, EventName = "ApiRequestRefused", Level = LogLevel.Information,
        Message = "API request {Method} {Route} was refused with {StatusCode} (story {StoryId})")]
    public static partial void ApiRequestRefused(this ILogger logger, string method, string route, int statusCode, string? storyId);

    [LoggerMessage(EventId = 1020, EventName = "RateLimited", Level = LogLevel.Warning,
        Message = "Rate limit {Policy} turned away {Method} {Route} from {Client}; retry after {RetryAfterSeconds} s")]
    public static partial void RateLimited(this ILogger logger, string policy, string method, string route, string client, int retryAfterSeconds);

    [LoggerMessage(EventId = 1030, EventName = "HealthCheckFailed", Level = LogLevel.Error,
        Message = "Health check {Check} failed: {ErrorType} (SQLite error {SqliteErrorCode})")]
    public static partial void HealthCheckFailed(this ILogger logger, string check, string errorType, int? sqliteErrorCode);

    [LoggerMessage(EventId = 1031, EventName = "HealthCheckFailedOnPostgres", Level = LogLevel.Error,
        Message = "Health check {Check} failed: {ErrorType} (PostgreSQL SQLSTATE {SqlState})")]
    public static partial void HealthCheckFailedOnPostgres(this ILogger logger, string check, string errorType, string? sqlState);
}
