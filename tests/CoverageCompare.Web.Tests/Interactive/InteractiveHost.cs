using Bunit;
using CoverageCompare.Data.Workspaces;
using CoverageCompare.Web.Accounts;
using CoverageCompare.Web.Sessions;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace CoverageCompare.Web.Tests.Interactive;

/// <summary>
/// A bUnit context over the real app's services (SQLite, stores, access checks), with MudBlazor's own services and
/// the interactive server renderer. MudBlazor's services are async-disposable, so the context is disposed with
/// DisposeAsync through xunit's IAsyncLifetime, never Dispose.
/// </summary>
public abstract class InteractiveHost(AppFixture app) : IAsyncLifetime
{
    protected AppFixture App { get; } = app;

    // Scoped app services (the components' activity source, for one) come from a scope of the app's own.
    private readonly AsyncServiceScope appScope = app.Factory.Services.CreateAsyncScope();

    protected BunitContext Context { get; } = new();

    public virtual Task InitializeAsync()
    {
        Context.Services.AddMudServices();
        Context.Services.AddFallbackServiceProvider(appScope.ServiceProvider);
        Context.JSInterop.Mode = JSRuntimeMode.Loose;
        Context.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await Context.DisposeAsync();
        await appScope.DisposeAsync();
    }

    /// <summary>Renders MudBlazor's providers (dialogs and popovers appear in them) and returns them.</summary>
    protected IRenderedComponent<MudDialogProvider> RenderProviders()
    {
        Context.Render<MudPopoverProvider>();
        return Context.Render<MudDialogProvider>();
    }

    /// <summary>Renders <typeparamref name="T"/> inside the reviewer and story permissions the story page cascades.</summary>
    protected IRenderedComponent<T> RenderInStory<T>(int storyId, Reviewer reviewer, WorkspaceRole? role, Action<ComponentParameterCollectionBuilder<T>> parameters)
        where T : IComponent
    {
        var permissions = new StoryPermissions(storyId, reviewer, role);
        return Context.Render<T>(builder =>
        {
            builder.AddCascadingValue(reviewer);
            builder.AddCascadingValue(permissions);
            parameters(builder);
        });
    }

    /// <summary>Listens to a story as another viewer would: what the write path publishes arrives here.</summary>
    protected (List<StoryChange> Heard, IStorySubscription Listening) Listen(int storyId)
    {
        var heard = new List<StoryChange>();
        var subscription = App.Factory.Services.GetRequiredService<IStorySessions>().Join(storyId, SessionViewer.Create("user:listener", "Listener"), change =>
        {
            lock (heard) heard.Add(change);
            return Task.CompletedTask;
        });
        return (heard, subscription);
    }
}
