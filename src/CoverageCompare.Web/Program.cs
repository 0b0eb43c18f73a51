using CoverageCompare.Analysis.Embeddings;
using CoverageCompare.Analysis;
using CoverageCompare.Analysis.Documents;
using CoverageCompare.Data;
using CoverageCompare.Data.Database;
using CoverageCompare.Data.Analyses;
using CoverageCompare.Data.Stories;
using CoverageCompare.Web;
using CoverageCompare.Web.Accounts;
using CoverageCompare.Web.Annotations;
using CoverageCompare.Web.Api;
using CoverageCompare.Web.CheckLists;
using CoverageCompare.Web.Components;
using CoverageCompare.Web.Diagnostics;
using CoverageCompare.Web.Health;
using CoverageCompare.Web.Sessions;
using CoverageCompare.Web.Importing;
using Microsoft.AspNetCore.Diagnostics;
using MudBlazor.Services;

var builder = WebApplication.CreateBuilder(args);
// Serves wwwroot-assets, the SDK's Blazor script and MudBlazor's files from where the build left them in any
// environment, not only Development (`dotnet run` runs Production by default), so the built app runs as it is; a
// published app has no such manifest, so this is a no-op there.
builder.WebHost.UseStaticWebAssets();

var database = DatabaseSettings.FromConfiguration(builder.Configuration, Path.Combine(builder.Environment.ContentRootPath, "data", "coverage.db"));

builder.Services.AddSingleton(database);
builder.Services.AddDbContextFactory<CoverageDbContext>(options => options.UseCoverageDatabase(database));
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton(builder.Configuration.GetSection(CapacityLimits.Section).Get<CapacityLimits>() is { } limits
    && limits.MaxAnnotationsPerStory > 0 && limits.MaxAnnotationsPerImport > 0 && limits.MaxStoriesPerWorkspace > 0 && limits.MaxWorkspacesPerAccount > 0
        ? limits
        : builder.Configuration.GetSection(CapacityLimits.Section).Exists() ? throw new InvalidOperationException("Every Limits:Max… setting must be a positive number.") : new CapacityLimits());
builder.Services.AddSingleton<DocumentReader>();
builder.Services.AddSingleton<StoryStore>();
builder.Services.AddSingleton<ArticleImporter>();
// The sentence model loads on the first analysis (seconds); "none" runs the engine on lexical evidence alone.
var encoder = string.Equals(builder.Configuration["Engine:SentenceModel"], "none", StringComparison.OrdinalIgnoreCase) ? null : new MiniLmEncoder();
if (encoder is not null)
{
    builder.Services.AddSingleton(encoder);
}
builder.Services.AddSingleton(new StoryAnalyzer(new AnalyzerOptions { Encoder = encoder }));
builder.Services.AddSingleton<AnalysisStore>();
builder.Services.AddAnnotations();
builder.Services.AddCheckLists(builder.Configuration);
builder.Services.AddAccounts(builder.Configuration);
builder.Services.AddSharedKeys(database);
builder.Services.AddStorySessions(database);
builder.Services.AddArticleFetching(builder.Configuration);
builder.Services.AddRequestRateLimits(builder.Configuration);

builder.Services.AddRazorComponents()
    .AddInteractiveServerComponents()
    // Sized for the largest field a form sends in one message (see CircuitLimits); files stream separately.
    .AddHubOptions(options => options.MaximumReceiveMessageSize = CircuitLimits.MaxMessageBytes);
builder.Services.AddMudServices();
var health = builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
if (database.IsPostgres) health.AddCheck<LiveSessionsHealthCheck>("live-sessions");

var app = builder.Build();

await app.Services.InitializeDatabaseAsync();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/error", createScopeForErrors: true);
    app.UseHsts();
}

app.UseSecurityHeaders();
// An unknown address gets the app's own Not Found page, in its layout; API answers keep their bare status codes.
// (Not through UseWhen: a branch loses the app's router, so the re-executed request would find no page.)
app.UseStatusCodePagesWithReExecute("/not-found", "?status={0}", createScopeForStatusCodePages: true);
app.Use((context, next) =>
{
    if ((context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/healthz"))
        && context.Features.Get<IStatusCodePagesFeature>() is { } statusCodePages)
    {
        statusCodePages.Enabled = false;
    }
    return next(context);
});
app.UseAuthentication();
app.UseAuthorization();
app.UseApiRefusalLogging();
// After authentication, so the import limit counts signed-in people by their account.
app.UseRateLimiter();
app.UseAntiforgery();
app.MapStaticAssets();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
app.MapHealthChecks("/healthz");
app.MapAccountEndpoints();
app.MapStoriesApi();
app.MapAnnotationsApi();
app.MapFramingApi();
app.MapWorkspacesApi();
app.MapUrlImportApi();
app.MapCheckListApi();

app.Run();

public partial class Program;
