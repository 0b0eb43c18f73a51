using System.Net;
using CoverageCompare.Web.Tests.CrashSafety;
using CoverageCompare.Web.Tests.Postgres;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Model;
using Yarp.ReverseProxy.Transforms;

namespace CoverageCompare.E2E.Topology;

/// <summary>
/// The several-instance deployment on loopback: a throwaway PostgreSQL cluster, two app instances started as their
/// own processes on it, and a YARP proxy in front with cookie session affinity (a Blazor circuit lives on one instance)
/// and health checks, so that when an instance dies its readers are sent to the other. Each response through the proxy
/// names the instance that served it in <see cref="InstanceHeader"/>, so a test can pin a browser where it wants.
/// </summary>
public sealed class StickyTopology : IAsyncLifetime
{
    public const string InstanceHeader = "x-coverage-instance";
    public const string AffinityCookie = ".CoverageCompare.Affinity";
    // Generous: two app starts and a migration on a shared two-core machine can take minutes under load.
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(240);

    private PostgresServer? postgres;
    private WebApplication? proxy;

    public IReadOnlyDictionary<string, AppProcess> Instances => instances;

    private readonly Dictionary<string, AppProcess> instances = [];

    public string ProxyUrl { get; private set; } = "";

    public AppFixture Browser { get; private set; } = default!;

    public string ConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        if (TopologyFactAttribute.SkipReason is not null) return;
        postgres = PostgresServer.Start();
        ConnectionString = postgres.ConnectionString(PostgresServer.NewDatabaseName());
        var settings = new Dictionary<string, string>
        {
            ["Database__Provider"] = "Postgres",
            ["ConnectionStrings__Default"] = ConnectionString,
            // Development serves the static web assets from the build's manifest, as the in-process fixture does.
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            // This test is about sessions across instances, not the engine; as in the in-process test host, each
            // instance would otherwise load the 90 MB sentence model while the test waits on its first story page.
            ["Engine__SentenceModel"] = "none",
            ["RateLimits__Registration__PermitLimit"] = "100000",
            ["RateLimits__SignIn__PermitLimit"] = "100000",
            ["RateLimits__Import__PermitLimit"] = "100000",
        };
        // Both start together: the migration lock lets one of them create the schema while the other waits.
        var starting = new[] { AppProcess.StartAsync(settings, StartTimeout), AppProcess.StartAsync(settings, StartTimeout) };
        try
        {
            await Task.WhenAll(starting);
            instances["A"] = starting[0].Result;
            instances["B"] = starting[1].Result;
            await Task.WhenAll(instances.Values.Select(WarmUpAsync));
            proxy = await StartProxyAsync();
            ProxyUrl = proxy.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            Browser = await AppFixture.AttachAsync(ProxyUrl);
        }
        catch
        {
            // xUnit does not dispose a fixture whose start failed: stop what did start, so no server outlives the run.
            foreach (var started in starting.Where(s => s.IsCompletedSuccessfully)) started.Result.Dispose();
            instances.Clear();
            await DisposeAsync();
            throw;
        }
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        if (proxy is not null) await proxy.DisposeAsync();
        foreach (var instance in instances.Values) instance.Dispose();
        postgres?.Dispose();
    }

    /// <summary>
    /// Renders the pages the tests open first, once, directly on the instance: a cold instance's first pages are
    /// compiled on the spot, which on a busy two-core machine outlasts a browser's navigation timeout.
    /// </summary>
    private static async Task WarmUpAsync(AppProcess instance)
    {
        using var client = new HttpClient { BaseAddress = instance.BaseUrl, Timeout = TimeSpan.FromMinutes(2) };
        foreach (var path in new[] { "/", "/account/register", "/account/login", "/stories/1" })
        {
            using var response = await client.GetAsync(path);
            response.EnsureSuccessStatusCode();
        }
    }

    private async Task<WebApplication> StartProxyAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        builder.Services.AddReverseProxy()
            .LoadFromMemory(
                [new RouteConfig { RouteId = "app", ClusterId = "instances", Match = new RouteMatch { Path = "{**rest}" } }],
                [
                    new ClusterConfig
                    {
                        ClusterId = "instances",
                        LoadBalancingPolicy = "RoundRobin",
                        SessionAffinity = new SessionAffinityConfig
                        {
                            Enabled = true,
                            Policy = "Cookie",
                            // A reader whose instance is gone is sent to another rather than refused.
                            FailurePolicy = "Redistribute",
                            AffinityKeyName = AffinityCookie,
                        },
                        HealthCheck = new HealthCheckConfig
                        {
                            Active = new ActiveHealthCheckConfig { Enabled = true, Interval = TimeSpan.FromSeconds(1), Timeout = TimeSpan.FromSeconds(2), Policy = "ConsecutiveFailures", Path = "/healthz" },
                            Passive = new PassiveHealthCheckConfig { Enabled = true, Policy = "TransportFailureRate", ReactivationPeriod = TimeSpan.FromSeconds(30) },
                        },
                        Metadata = new Dictionary<string, string> { ["ConsecutiveFailuresHealthPolicy.Threshold"] = "1" },
                        Destinations = instances.ToDictionary(i => i.Key, i => new DestinationConfig { Address = i.Value.BaseUrl.ToString().TrimEnd('/') }),
                    },
                ])
            .AddTransforms(transforms =>
            {
                // As nginx's `proxy_set_header Host $host`: the app builds redirects and links from the Host it sees,
                // and a Location naming an instance's own port sends the browser past the proxy (and off its origin).
                transforms.AddOriginalHost(true);
                transforms.AddResponseTransform(context =>
                {
                    if (context.HttpContext.Features.Get<IReverseProxyFeature>()?.ProxiedDestination?.DestinationId is { } id)
                    {
                        context.HttpContext.Response.Headers[InstanceHeader] = id;
                    }
                    return ValueTask.CompletedTask;
                });
            });
        var app = builder.Build();
        app.MapReverseProxy();
        await app.StartAsync();
        return app;
    }
}

/// <summary>
/// The topology tests start PostgreSQL, two app processes and a proxy, which takes minutes on a small machine: they run
/// in CI (<c>CI=true</c>, where <c>.ci/run</c> installs PostgreSQL) and locally on request (<c>COVERAGE_TOPOLOGY=1</c>).
/// </summary>
public sealed class TopologyFactAttribute : FactAttribute
{
    public TopologyFactAttribute() => Skip = SkipReason;

    public static string? SkipReason =>
        Environment.GetEnvironmentVariable("COVERAGE_TOPOLOGY") != "1" && Environment.GetEnvironmentVariable("CI") != "true"
            ? "The two-instance topology tests take minutes: set COVERAGE_TOPOLOGY=1 to run them (CI always does)."
            : PostgresServer.SkipReason;
}
