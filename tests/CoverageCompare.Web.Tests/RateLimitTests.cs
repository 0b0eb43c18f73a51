using System.Net;
using System.Net.Http.Json;
using CoverageCompare.Data.Stories;
using CoverageCompare.Web.Api;
using CoverageCompare.Web.Tests.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CoverageCompare.Web.Tests;

public sealed class RateLimitTests
{
    [Fact]
    public async Task PastTheImportLimitAnImportIsTurnedAwayWith429AndNothingIsStored()
    {
        var logs = new CapturingLoggerProvider();
        using var factory = new CoverageAppFactory();
        using var app = factory.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("RateLimits:Import:PermitLimit", "3");
            builder.UseSetting("RateLimits:Import:Window", "00:10:00");
            builder.ConfigureLogging(logging => logging.AddProvider(logs));
        });
        var (_, client) = await app.SignedInAccountAsync("Ada");
        var created = await client.PostAsJsonAsync("/api/stories", new CreateStoryRequest("Limited"));
        var storyId = (await created.Content.ReadFromJsonAsync<StorySummary>())!.Id;

        for (var i = 1; i <= 3; i++)
        {
            var allowed = await client.PostAsJsonAsync($"/api/stories/{storyId}/articles", new ImportArticleRequest($"{i}.txt", $"Article number {i}."));
            Assert.Equal(HttpStatusCode.Created, allowed.StatusCode);
        }
        var refused = await client.PostAsJsonAsync($"/api/stories/{storyId}/articles", new ImportArticleRequest("4.txt", "One import too many."));
        var fromUrl = await client.PostAsJsonAsync($"/api/stories/{storyId}/articles/from-url", new ImportUrlRequest("https://news.example/story"));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("text/plain", refused.Content.Headers.ContentType?.MediaType);
        Assert.Matches(@"^Too many articles were imported in a short time\. Try again in \d+ (seconds|minutes)\.$", await refused.Content.ReadAsStringAsync());
        Assert.InRange(refused.Headers.RetryAfter?.Delta ?? TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(10));
        Assert.Equal(HttpStatusCode.TooManyRequests, fromUrl.StatusCode);
        var story = await client.GetFromJsonAsync<StoryView>($"/api/stories/{storyId}");
        Assert.Equal(["Article number 1.", "Article number 2.", "Article number 3."], story!.Articles.Select(a => a.Text));
        var logged = logs.WithEvent(1020);
        Assert.Equal(2, logged.Count);
        Assert.All(logged, l => Assert.Equal(("import", LogLevel.Warning), (l.Fields["Policy"], l.Level)));
        Assert.Equal("/api/stories/{storyId:int}/articles", logged[0].Fields["Route"]);
    }

    [Theory]
    [InlineData(RateLimits.SignIn, "Too many sign-in attempts from your network.")]
    [InlineData(RateLimits.Registration, "Too many accounts were registered from your network.")]
    public async Task SignInAndRegistrationCountOnlyPostsPerClientAddress(string policy, string message)
    {
        await using var server = await PolicyServerAsync(policy, permitLimit: 2);
        var client = server.GetTestClient();

        for (var i = 0; i < 5; i++) Assert.Equal(HttpStatusCode.OK, (await SendAsync(client, HttpMethod.Get, "203.0.113.7")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(client, HttpMethod.Post, "203.0.113.7")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(client, HttpMethod.Post, "203.0.113.7")).StatusCode);
        var refused = await SendAsync(client, HttpMethod.Post, "203.0.113.7");
        var otherClient = await SendAsync(client, HttpMethod.Post, "198.51.100.20");
        var stillShown = await SendAsync(client, HttpMethod.Get, "203.0.113.7");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.StartsWith(message, await refused.Content.ReadAsStringAsync());
        Assert.NotNull(refused.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.OK, otherClient.StatusCode);
        Assert.Equal(HttpStatusCode.OK, stillShown.StatusCode);
    }

    [Fact]
    public async Task IPv6ClientsAreCountedByTheirSlash64()
    {
        await using var server = await PolicyServerAsync(RateLimits.SignIn, permitLimit: 1);
        var client = server.GetTestClient();

        var first = await SendAsync(client, HttpMethod.Post, "2001:db8:7:8::1");
        var sameBlock = await SendAsync(client, HttpMethod.Post, "2001:db8:7:8:ffff::2");
        var otherBlock = await SendAsync(client, HttpMethod.Post, "2001:db8:7:9::1");

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.OK], new[] { first.StatusCode, sameBlock.StatusCode, otherBlock.StatusCode });
    }

    /// <summary>Just the limits and one page that shows a form on GET and takes it on POST, as the sign-in pages will.</summary>
    private static async Task<WebApplication> PolicyServerAsync(string policy, int permitLimit)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        var section = policy == RateLimits.SignIn ? "SignIn" : "Registration";
        builder.Configuration[$"RateLimits:{section}:PermitLimit"] = permitLimit.ToString();
        builder.Configuration[$"RateLimits:{section}:Window"] = "00:05:00";
        builder.Services.AddRequestRateLimits(builder.Configuration);
        var app = builder.Build();
        app.Use((context, next) =>
        {
            context.Connection.RemoteIpAddress = IPAddress.Parse(context.Request.Headers["X-Test-Client"]!);
            return next(context);
        });
        app.UseRateLimiter();
        app.MapMethods("/account", [HttpMethods.Get, HttpMethods.Post], () => "ok").RequireRateLimiting(policy);
        await app.StartAsync();
        return app;
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string clientAddress)
    {
        var request = new HttpRequestMessage(method, "/account");
        request.Headers.Add("X-Test-Client", clientAddress);
        return client.SendAsync(request);
    }
}
