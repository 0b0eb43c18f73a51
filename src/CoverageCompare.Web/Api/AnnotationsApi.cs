using System.Text;
using CoverageCompare.Data.Annotations;
using CoverageCompare.Data.CheckLists;
using CoverageCompare.Data.Stories;
using CoverageCompare.Data.Workspaces;
using CoverageCompare.Web.Accounts;
using CoverageCompare.Web.Annotations;
using CoverageCompare.Web.Sessions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Metadata;
namespace CoverageCompare.Web.Api;

/// <summary>A new annotation on characters [Start, End) of one article of the story, written by the signed-in person.</summary>
public sealed record CreateAnnotationRequest(int ArticleId, int Start, int End, string? Label, IReadOnlyList<string>? Tags, string? Note);

/// <summary>Version is the one the client last saw; if the annotation has changed since, nothing is saved and the answer is 409.</summary>
public sealed record EditAnnotationRequest(string? Label, IReadOnlyList<string>? Tags, string? Note, int Version);

/// <summary>Delete, restore, resolve or reopen: the version the person saw.</summary>
public sealed record AnnotationActionRequest(int Version);

public sealed record ReplyRequest(string Note);

public sealed record LabelsRequest(IReadOnlyList<string> Labels);

public sealed record AnnotationConflict(string Error, AnnotationView Current);

public sealed record ImportResult(int Imported);

public static class AnnotationsApi
{
    public static IEndpointRouteBuilder MapAnnotationsApi(this IEndpointRouteBuilder endpoints)
    {
        var story = endpoints.MapGroup("/api/stories/{storyId:int}/annotations");
        story.MapGet("/", ListAsync).RequireStory(StoryOperation.Read);
        story.MapPost("/", CreateAsync).RequireStory(StoryOperation.Annotate);
        story.MapGet("/export/{format}", ExportAsync).RequireStory(StoryOperation.Read);
        story.MapPost("/import", ImportAsync).RequireStory(StoryOperation.ModerateAnnotations)
            .WithMetadata(new BodySizeLimit(AnnotationLimits.MaxImportBytes + 1));

        var annotation = endpoints.MapGroup("/api/annotations/{id:guid}");
        annotation.MapGet("/", GetAsync).RequireAnnotation(StoryOperation.Read);
        annotation.MapPut("/", EditAsync).RequireAnnotation(null);
        annotation.MapPost("/delete", (Guid id, AnnotationActionRequest request, AnnotationWrites writes, HttpContext http, CancellationToken ct) =>
            ActAsync(id, AnnotationAction.Delete, request, writes, http, ct)).RequireAnnotation(null);
        annotation.MapPost("/restore", (Guid id, AnnotationActionRequest request, AnnotationWrites writes, HttpContext http, CancellationToken ct) =>
            ActAsync(id, AnnotationAction.Restore, request, writes, http, ct)).RequireAnnotation(null);
        annotation.MapPost("/resolve", (Guid id, AnnotationActionRequest request, AnnotationWrites writes, HttpContext http, CancellationToken ct) =>
            ActAsync(id, AnnotationAction.Resolve, request, writes, http, ct)).RequireAnnotation(StoryOperation.Annotate);
        annotation.MapPost("/reopen", (Guid id, AnnotationActionRequest request, AnnotationWrites writes, HttpContext http, CancellationToken ct) =>
            ActAsync(id, AnnotationAction.Reopen, request, writes, http, ct)).RequireAnnotation(StoryOperation.Annotate);
        annotation.MapPost("/replies", ReplyAsync).RequireAnnotation(StoryOperation.Annotate);
        annotation.MapGet("/history", HistoryAsync).RequireAnnotation(StoryOperation.Read);

        var labels = endpoints.MapGroup("/api/annotation-labels");
        labels.MapGet("/", (VerdictLabelStore store, CancellationToken ct) => store.ListAsync(ct));
        labels.MapPut("/", SetLabelsAsync).RequireAuthorization();
        return endpoints;
    }

    /// <summary>The story's threads as JSON, or as a W3C AnnotationCollection when the client accepts application/ld+json.</summary>
    private static async Task<IResult> ListAsync(int storyId, bool? includeDeleted, HttpRequest request, StoryStore stories, AnnotationStore store, CancellationToken ct)
    {
        if (await stories.GetAsync(storyId, ct) is not { } story) return TypedResults.NotFound();
        var threads = await store.ListAsync(storyId, includeDeleted ?? false, ct);
        return AcceptsJsonLd(request)
            ? TypedResults.Bytes(WebAnnotationJsonLd.WriteCollection(story, threads, AnnotationIris.For(request)), WebAnnotationJsonLd.ContentType)
            : TypedResults.Ok(threads);
    }

    private static async Task<IResult> GetAsync(Guid id, HttpRequest request, AnnotationStore store, StoryStore stories, CancellationToken ct)
    {
        if (await store.GetAsync(id, ct) is not { } annotation) return TypedResults.NotFound();
        if (!AcceptsJsonLd(request)) return TypedResults.Ok(annotation);
        var articleUrl = annotation.IsReply ? null
            : (await stories.GetAsync(annotation.StoryId, ct))?.Articles.FirstOrDefault(a => a.Id == annotation.Target.ArticleId)?.Url;
        return TypedResults.Bytes(WebAnnotationJsonLd.WriteAnnotation(annotation.StoryId, annotation, AnnotationIris.For(request), articleUrl), WebAnnotationJsonLd.ContentType);
    }

    private static async Task<IResult> CreateAsync(
        int storyId, CreateAnnotationRequest request, AnnotationWrites writes, HttpContext http, CancellationToken ct)
    {
        var draft = new NewAnnotation(request.ArticleId, request.Start, request.End, request.Label, request.Tags, request.Note, "");
        var created = await writes.CreateAsync(storyId, Reviewer.From(http.User), draft, cancellationToken: ct);
        if (!created.Allowed) return created.Decision.ToResult();
        return created.Value!.Annotation is { } annotation
            ? TypedResults.Created($"/api/annotations/{annotation.Id}", annotation)
            : TypedResults.BadRequest(new ApiError(created.Value.Error!));
    }

    private static async Task<IResult> ReplyAsync(Guid id, ReplyRequest request, AnnotationWrites writes, HttpContext http, CancellationToken ct)
    {
        var reply = await writes.ReplyAsync(id, Reviewer.From(http.User), request.Note, cancellationToken: ct);
        if (!reply.Allowed) return reply.Decision.ToResult();
        return reply.Value!.Status switch
        {
            ChangeStatus.Ok => TypedResults.Created($"/api/annotations/{reply.Value.Annotation!.Id}", reply.Value.Annotation),
            ChangeStatus.NotFound => TypedResults.NotFound(new ApiError(reply.Value.Error!)),
            _ => TypedResults.BadRequest(new ApiError(reply.Value.Error!)),
        };
    }

    private static async Task<IResult> EditAsync(Guid id, EditAnnotationRequest request, AnnotationWrites writes, HttpContext http, CancellationToken ct) =>
        Answer(await writes.EditAsync(id, Reviewer.From(http.User), new AnnotationEdit(request.Label, request.Tags, request.Note), request.Version, cancellationToken: ct));

    private static async Task<IResult> ActAsync(Guid id, AnnotationAction action, AnnotationActionRequest request, AnnotationWrites writes, HttpContext http, CancellationToken ct) =>
        Answer(await writes.ActAsync(id, action, Reviewer.From(http.User), request.Version, cancellationToken: ct));

    private static IResult Answer(StoryWrite<AnnotationChange> write) => !write.Allowed ? write.Decision.ToResult() : write.Value! switch
    {
        { Status: ChangeStatus.Ok } change => TypedResults.Ok(change.Annotation!),
        { Status: ChangeStatus.Conflict } change => TypedResults.Conflict(new AnnotationConflict(change.Error!, change.Annotation!)),
        { Status: ChangeStatus.NotFound } change => TypedResults.NotFound(new ApiError(change.Error!)),
        var change => TypedResults.BadRequest(new ApiError(change.Error!)),
    };

    private static async Task<Results<Ok<IReadOnlyList<AnnotationRevisionView>>, NotFound>> HistoryAsync(Guid id, AnnotationStore store, CancellationToken ct) =>
        await store.HistoryAsync(id, ct) is { } history ? TypedResults.Ok(history) : TypedResults.NotFound();

    /// <summary>The verdict labels are shared by the whole install, so only owners of its demo workspace (its administrators) change them.</summary>
    private static async Task<IResult> SetLabelsAsync(LabelsRequest request, VerdictLabelStore store, WorkspaceAccess workspaces, HttpContext http, CancellationToken ct)
    {
        if (await workspaces.RoleAsync(Workspace.DemoId, Reviewer.From(http.User).UserId, ct) != WorkspaceRole.Owner || !Reviewer.From(http.User).IsSignedIn)
            return TypedResults.Json(new ApiError("Only the install's administrators (owners of the Demo workspace) can change the verdict labels."), statusCode: StatusCodes.Status403Forbidden);
        var saved = await store.SetAsync(request.Labels ?? [], ct);
        return saved.Succeeded ? TypedResults.Ok(saved.Value!) : TypedResults.BadRequest(new ApiError(saved.Error!));
    }

    /// <summary>A download of the story's annotations: jsonld (W3C Web Annotation), csv, claimreview (schema.org) or markdown.</summary>
    private static async Task<IResult> ExportAsync(int storyId, string format, HttpRequest request, StoryStore stories, AnnotationStore store, CheckListStore checkList, ClaimReviewSettings claimReview, CancellationToken ct)
    {
        if (await stories.GetAsync(storyId, ct) is not { } story) return TypedResults.NotFound();
        var threads = await store.ListAsync(storyId, includeDeleted: false, ct);
        var checks = format is "csv" or "claimreview" ? await checkList.ListAsync(storyId, ct) : [];
        var iris = AnnotationIris.For(request);
        var name = $"story-{storyId}-annotations";
        return format switch
        {
            "jsonld" => TypedResults.File(WebAnnotationJsonLd.WriteCollection(story, threads, iris), WebAnnotationJsonLd.ContentType, $"{name}.jsonld"),
            "csv" => TypedResults.File(CsvExport.Write(story, threads, checks), "text/csv; charset=utf-8", $"{name}.csv"),
            "claimreview" => TypedResults.File(ClaimReviewExport.Write(story, threads, iris, claimReview, checks), "application/ld+json", $"{name}.claimreview.jsonld"),
            "markdown" => TypedResults.File(Encoding.UTF8.GetBytes(MarkdownReport.Write(story, threads)), "text/markdown; charset=utf-8", $"{name}.md"),
            _ => TypedResults.BadRequest(new ApiError($"Unknown export format \"{format}\"; use jsonld, csv, claimreview or markdown.")),
        };
    }

    /// <summary>Adds the annotations of a Web Annotation JSON-LD file (as exported) to the story, all or nothing.</summary>
    private static async Task<IResult> ImportAsync(
        int storyId, HttpRequest request, StoryStore stories, AnnotationWrites writes, CancellationToken ct)
    {
        // JSON only, like every write here: a cross-site form cannot send it without a preflight this app never grants.
        if (!request.HasJsonContentType()) return TypedResults.Problem("Send the file as application/ld+json.", statusCode: StatusCodes.Status415UnsupportedMediaType);
        if (await stories.GetAsync(storyId, ct) is null) return TypedResults.NotFound();

        using var body = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(buffer, ct)) > 0)
        {
            body.Write(buffer, 0, read);
            if (body.Length > AnnotationLimits.MaxImportBytes)
            {
                return TypedResults.Json(new ApiError("The file is larger than 5 MB."), statusCode: StatusCodes.Status413PayloadTooLarge);
            }
        }

        var imported = await writes.ImportAsync(storyId, Reviewer.From(request.HttpContext.User),
            _ => Task.FromResult(WebAnnotationImport.Read(body.GetBuffer().AsMemory(0, (int)body.Length))), cancellationToken: ct);
        if (!imported.Allowed) return imported.Decision.ToResult();
        return imported.Value!.Succeeded ? TypedResults.Ok(new ImportResult(imported.Value.Value)) : TypedResults.BadRequest(new ApiError(imported.Value.Error!));
    }

    private static bool AcceptsJsonLd(HttpRequest request) =>
        request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals(WebAnnotationJsonLd.MediaType, StringComparison.OrdinalIgnoreCase));

    private sealed class BodySizeLimit(long maxBytes) : IRequestSizeLimitMetadata
    {
        public long? MaxRequestBodySize => maxBytes;
    }
}
