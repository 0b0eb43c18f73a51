using CoverageCompare.Web.Components.Kit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CoverageCompare.Web.Tests;

/// <summary>Renders a component to HTML with the framework's HtmlRenderer, inside the cascading reviewer the app provides.</summary>
internal static class Components
{
    public static async Task<string> RenderAsync<TComponent>(IServiceProvider services, Dictionary<string, object?> parameters, string? reviewerName = null)
        where TComponent : IComponent
    {
        await using var scope = services.CreateAsyncScope();
        // Forms render their action from the current address, as they would inside a request.
        if (scope.ServiceProvider.GetRequiredService<NavigationManager>() is IHostEnvironmentNavigationManager navigation)
        {
            navigation.Initialize("http://localhost/", "http://localhost/");
        }
        await using var renderer = new HtmlRenderer(scope.ServiceProvider, scope.ServiceProvider.GetRequiredService<ILoggerFactory>());
        RenderFragment content = builder =>
        {
            builder.OpenComponent<TComponent>(0);
            foreach (var (name, value) in parameters) builder.AddComponentParameter(1, name, value);
            builder.CloseComponent();
        };
        var root = ParameterView.FromDictionary(new Dictionary<string, object?>
        {
            [nameof(CascadingValue<Reviewer>.Value)] = new Reviewer(reviewerName),
            [nameof(CascadingValue<Reviewer>.IsFixed)] = true,
            [nameof(CascadingValue<Reviewer>.ChildContent)] = content,
        });
        return await renderer.Dispatcher.InvokeAsync(async () => (await renderer.RenderComponentAsync<CascadingValue<Reviewer>>(root)).ToHtmlString());
    }
}
