using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace CoverageCompare.Web.Tests.Hostile;

/// <summary>
/// Issue 13, finding 7: `dotnet run` picked up launchSettings.json and ran as Development, so 400, 413 and 500 bodies
/// carried stack traces. The default launch profile is now Production (a separate "development" profile is opt-in), and
/// the app in Production answers all three without a trace.
/// </summary>
public sealed class ProductionByDefaultTests : IAsyncLifetime
{
    private readonly ProductionFactory factory = new();

    // Over a real socket: the in-memory test server does not enforce request size limits.
    public ProductionByDefaultTests() => factory.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await factory.DisposeAsync();
        CoverageAppFactory.DeleteDatabase(factory.DatabasePath);
    }

    [Fact]
    public void TheReadmeCommandRunsTheDefaultLaunchProfileWhichIsProduction()
    {
        var root = RepositoryRoot();
        Assert.Contains("dotnet run --project src/CoverageCompare.Web\n", File.ReadAllText(Path.Combine(root, "README.md")).ReplaceLineEndings("\n"));
        using var settings = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "src", "CoverageCompare.Web", "Properties", "launchSettings.json")));
        // `dotnet run` without --launch-profile takes the first profile.
        var first = settings.RootElement.GetProperty("profiles").EnumerateObject().First();
        Assert.Equal("Production", first.Value.GetProperty("environmentVariables").GetProperty("ASPNETCORE_ENVIRONMENT").GetString());
        Assert.DoesNotContain("Development", File.ReadAllText(Path.Combine(root, "Dockerfile")));
    }

    [Fact]
    public async Task BadRequestTooLargeAndServerErrorCarryNoTrace()
    {
        var account = await factory.CreateAccountAsync("Pat Production");
        factory.StartServer();
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var client = factory.CreateClient(new() { BaseAddress = new Uri(address), AllowAutoRedirect = false, HandleCookies = true });
        await TestAccounts.SignInAsync(client, account.Email, account.Password);
        var story = await client.PostAsync("/api/stories", new StringContent("""{"title":"Prod"}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, story.StatusCode);
        var storyId = JsonDocument.Parse(await story.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt32();

        var responses = new[]
        {
            (400, await client.PostAsync("/api/stories", new StringContent("{\"title\": ", Encoding.UTF8, "application/json"))),
            (413, await client.SendAsync(TooLarge($"/api/stories/{storyId}/articles"))),
            (500, await client.GetAsync("/throw-for-test")),
        };

        foreach (var (status, response) in responses)
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(status == (int)response.StatusCode, $"expected {status}, got {(int)response.StatusCode}: {body}");
            Assert.DoesNotContain(" at ", body, StringComparison.Ordinal);
            Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
            Assert.DoesNotContain(".cs:line", body, StringComparison.Ordinal);
        }
    }

    // Expect: 100-continue, so the server refuses before the body is sent instead of resetting a connection mid-upload.
    private static HttpRequestMessage TooLarge(string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(new string(' ', 3 * 1024 * 1024), Encoding.UTF8, "application/json") };
        request.Headers.ExpectContinue = true;
        return request;
    }

    internal static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "CoverageCompare.sln"))) return folder.FullName;
        }
        throw new InvalidOperationException($"No CoverageCompare.sln above {AppContext.BaseDirectory}.");
    }

    private sealed class ProductionFactory : Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program>
    {
        public string DatabasePath { get; } = CoverageAppFactory.NewDatabasePath();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("ConnectionStrings:Default", $"Data Source={DatabasePath};Pooling=False");
            builder.UseSetting("RateLimits:SignIn:PermitLimit", "100000");
            builder.UseSetting("RateLimits:Registration:PermitLimit", "100000");
            builder.UseEnvironment("Production");
            // A route that fails, in front of the app, so its unhandled exception travels the app's own error handling.
            builder.ConfigureServices(services => services.AddSingleton<IStartupFilter>(new ThrowingRoute()));
        }
    }

    private sealed class ThrowingRoute : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Use((HttpContext context, RequestDelegate following) =>
                context.Request.Path == "/throw-for-test" ? throw new InvalidOperationException("boom from a test route") : following(context));
        };
    }
}
