using CoverageCompare.Analysis;
using CoverageCompare.Analysis.Documents;
using CoverageCompare.Data;
using CoverageCompare.Data.Analyses;
using CoverageCompare.Data.Stories;
using CoverageCompare.Web;
using CoverageCompare.Web.Accounts;
using CoverageCompare.Web.Annotations;
using CoverageCompare.Web.Api;
using CoverageCompare.Web.Components;
using CoverageCompare.Web.Diagnostics;
using CoverageCompare.Web.Health;
using CoverageCompare.Web.Sessions;
using CoverageCompare.Web.Importing;

var builder = WebApplication.CreateBuilder(args);
// `dotnet run` runs Production by default (launchSettings.json); the framework maps the build output's assets (scoped CSS,
// package assets) only in Development unless asked, and a published app has no such manifest, so this is a no-op there.
builder.WebHost.UseStaticWebAssets();

var connectionString = builder.Configuration.GetConnectionString("Default")
    ?? $"Data Source={Path.Combine(builder.Environment.ContentRootPath, "data", "coverage.db")}";

builder.Services.AddDbContextFactory<CoverageDbContext>(options => options.UseCoverageSqlite(connectionString));
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton(builder.Configuration.GetSection(CapacityLimits.Section).Get<CapacityLimits>() is { } limits
    && limits.MaxAnnotationsPerStory > 0 && limits.MaxAnnotationsPerImport > 0 && limits.MaxStoriesPerWorkspace > 0 && limits.MaxWorkspacesPerAccount > 0
        ? limits
        : builder.Configuration.GetSection(CapacityLimits.Section).Exists() ? throw new InvalidOperationException("Every Limits:Max… setting must be a positive number.") : new CapacityLimits());
builder.Services.AddSingleton<DocumentReader>();
builder.Services.AddSingleton<StoryStore>();
builder.Services.AddSingleton<ArticleImporter>();
builder.Services.AddSingleton(new StoryAnalyzer());
builder.Services.AddSingleton<AnalysisStore>();
builder.Services.AddAnnotations();
builder.Services.AddAccounts(builder.Configuration);
builder.Services.AddStorySessions();
builder.Services.AddArticleFetching(builder.Configuration);
builder.Services.AddRequestRateLimits(builder.Configuration);

builder.Services.AddRazorComponents()
    .AddInteractiveServerComponents()
    // Sized for the largest field a form sends in one message (see CircuitLimits); files stream separately.
    .AddHubOptions(options => options.MaximumReceiveMessageSize = CircuitLimits.MaxMessageBytes);
builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");

var app = builder.Build();

await app.Services.InitializeDatabaseAsync();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/error", createScopeForErrors: true);
    app.UseHsts();
}

app.UseSecurityHeaders();
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

app.Run();

public partial class Program;
