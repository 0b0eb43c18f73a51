using CoverageCompare.Analysis.Documents;
using Microsoft.Extensions.Logging;

namespace CoverageCompare.Data;

public enum ArticleRefusal { InvalidDetails, InvalidText, StoryMissing, StoryFull, Duplicate }

public enum AnnotationRefusal { Author, Note, Tags, Label, Selection, Article, EmptyReply, DeletedThread, State, IdTaken, UnknownParent, EmptyFile, StoryFull, ImportTooLarge }

/// <summary>
/// Refusals of what people send, as structured events (ids 2000–2099). Fields are ids, codes and counts: never a note,
/// an article's text, a title or a name, which are the people's own words.
/// </summary>
internal static partial class DataLog
{
    [LoggerMessage(EventId = 2001, EventName = "DocumentRefused", Level = LogLevel.Information,
        Message = "A {Source} for import was refused ({Reason}): format {Format}, {ByteCount} bytes")]
    public static partial void DocumentRefused(this ILogger logger, string source, DocumentRefusal reason, DocumentFormat? format, long byteCount);

    [LoggerMessage(EventId = 2002, EventName = "ArticleRefused", Level = LogLevel.Information,
        Message = "An article was not added to story {StoryId} ({Reason}), {ByteCount} bytes of text")]
    public static partial void ArticleRefused(this ILogger logger, int storyId, ArticleRefusal reason, long byteCount);

    [LoggerMessage(EventId = 2010, EventName = "AnnotationRefused", Level = LogLevel.Information,
        Message = "Annotation {Operation} refused ({Reason}) in story {StoryId}, annotation {AnnotationId}")]
    public static partial void AnnotationRefused(this ILogger logger, string operation, AnnotationRefusal reason, int? storyId, Guid? annotationId);

    [LoggerMessage(EventId = 2011, EventName = "AnnotationConflict", Level = LogLevel.Information,
        Message = "Annotation {Operation} on {AnnotationId} not saved: the client had version {ExpectedVersion}, the stored one is {CurrentVersion}")]
    public static partial void AnnotationConflict(this ILogger logger, string operation, Guid annotationId, int expectedVersion, int currentVersion);

    [LoggerMessage(EventId = 2012, EventName = "AnnotationImportRefused", Level = LogLevel.Information,
        Message = "Annotation import into story {StoryId} refused ({Reason}) at item {ItemNumber} of {ItemCount}")]
    public static partial void AnnotationImportRefused(this ILogger logger, int storyId, AnnotationRefusal reason, int itemNumber, int itemCount);
}
