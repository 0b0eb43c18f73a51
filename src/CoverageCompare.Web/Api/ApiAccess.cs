using CoverageCompare.Data.Annotations;
using CoverageCompare.Web.Accounts;

namespace CoverageCompare.Web.Api;

/// <summary>Endpoint filters that ask <see cref="StoryAccess"/> before a handler runs, so no API route forgets to.</summary>
public static class ApiAccess
{
    /// <summary>For routes with a <c>{storyId}</c>.</summary>
    public static TBuilder RequireStory<TBuilder>(this TBuilder builder, StoryOperation operation) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            if (!int.TryParse(http.Request.RouteValues["storyId"]?.ToString(), out var storyId)) return TypedResults.NotFound();
            var decision = await http.RequestServices.GetRequiredService<StoryAccess>().CheckAsync(storyId, Reviewer.From(http.User), operation, http.RequestAborted);
            return decision.Allowed ? await next(context) : decision.ToResult();
        });

    /// <summary>
    /// For routes with an annotation <c>{id}</c>. With <paramref name="operation"/> null the person needs the right to
    /// change that annotation: their own as a commenter, anyone's as an editor.
    /// </summary>
    public static TBuilder RequireAnnotation<TBuilder>(this TBuilder builder, StoryOperation? operation) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            if (!Guid.TryParse(http.Request.RouteValues["id"]?.ToString(), out var id)) return TypedResults.NotFound();
            if (await http.RequestServices.GetRequiredService<AnnotationStore>().GetAsync(id, http.RequestAborted) is not { } annotation)
                return TypedResults.NotFound();

            var access = http.RequestServices.GetRequiredService<StoryAccess>();
            var reviewer = Reviewer.From(http.User);
            var decision = operation is { } required
                ? await access.CheckAsync(annotation.StoryId, reviewer, required, http.RequestAborted)
                : await access.CheckAnnotationChangeAsync(annotation.StoryId, reviewer, annotation.CreatorId, http.RequestAborted);
            return decision.Allowed ? await next(context) : decision.ToResult();
        });
}
