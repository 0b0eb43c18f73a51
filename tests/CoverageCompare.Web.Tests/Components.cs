using CoverageCompare.Data.Workspaces;
using CoverageCompare.Web.Accounts;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CoverageCompare.Web.Tests;

/// <summary>
/// Renders a component to HTML with the framework's HtmlRenderer, inside the cascading reviewer and story permissions
/// the app provides (by default a signed-in owner, who sees every control).
/// </summary>
internal static class Components
{
    public static async Task<string> RenderAsync<TComponent>(IServiceProvider services, Dictionary<string, object?> parameters, string? reviewerName = "Ana", WorkspaceRole? role = WorkspaceRole.Owner)
        where TComponent : IComponent
    {
        await using var scope = services.CreateAsyncScope();
        // Forms render their action from the current address, as they would inside a request.
        if (scope.ServiceProvider.GetRequiredService<NavigationManager>() is IHostEnvironmentNavigationManager navigation)
        {
            navigation.Initialize("http://localhost/", "http://localhost/");
        }
        await using var renderer = new HtmlRenderer(scope.ServiceProvider, scope.ServiceProvider.GetRequiredService<ILoggerFactory>());
        var reviewer = reviewerName is null ? Reviewer.Anonymous : new Reviewer($"user-{reviewerName}", reviewerName);
        RenderFragment component = builder =>
        {
            builder.OpenComponent<TComponent>(0);
            foreach (var (name, value) in parameters) builder.AddComponentParameter(1, name, value);
            builder.CloseComponent();
        };
        RenderFragment content = builder =>
        {
            builder.OpenComponent<CascadingValue<StoryPermissions>>(0);
            builder.AddComponentParameter(1, nameof(CascadingValue<StoryPermissions>.Value), new StoryPermissions(1, reviewer, role));
            builder.AddComponentParameter(2, nameof(CascadingValue<StoryPermissions>.ChildContent), component);
            builder.CloseComponent();
        };
        var root = ParameterView.FromDictionary(new Dictionary<string, object?>
        {
            [nameof(CascadingValue<Reviewer>.Value)] = reviewer,
            [nameof(CascadingValue<Reviewer>.IsFixed)] = true,
            [nameof(CascadingValue<Reviewer>.ChildContent)] = content,
        });
        return await renderer.Dispatcher.InvokeAsync(async () => (await renderer.RenderComponentAsync<CascadingValue<Reviewer>>(root)).ToHtmlString());
    }
}
