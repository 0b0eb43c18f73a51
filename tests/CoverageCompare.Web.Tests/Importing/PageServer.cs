using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CoverageCompare.Web.Tests.Importing;

/// <summary>A real Kestrel server on 127.0.0.1 serving the pages the URL import tests fetch; counts the requests it gets by path and query.</summary>
public sealed class PageServer : IAsyncLifetime
{
    public const string ArticleHtml =
        "<html><head><title>Tram line approved</title><meta property=\"og:site_name\" content=\"Harbour Ledger\"></head>"
        + "<body><nav>Home | World</nav><article><h1>Tram line approved</h1><p>The council voted <b>7 to 2</b> for the new tram line.</p>"
        + "<script>track()</script></article></body></html>";

    private readonly ConcurrentDictionary<string, int> hits = new();
    private WebApplication? app;

    public int Port { get; private set; }

    public string Url(string path) => $"http://127.0.0.1:{Port}{path}";

    public int Hits(string path) => hits.GetValueOrDefault(path);

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        app = builder.Build();
        app.Use(async (context, next) =>
        {
            hits.AddOrUpdate(context.Request.Path.Value + context.Request.QueryString, 1, (_, n) => n + 1);
            await next();
        });

        app.MapGet("/article.html", () => Results.Content(ArticleHtml, "text/html; charset=utf-8"));
        app.MapGet("/notes", () => Results.Text("---\noutlet: Bay Notes\n---\n\n# Ferry fares\n\nFares rise by *5%* in May.", "text/markdown"));
        app.MapGet("/plain", () => Results.Text("Ferry fares rise in May, the operator said.", "text/plain"));
        app.MapGet("/latin1", () => Results.Bytes(Encoding.Latin1.GetBytes("<html><body><p>Le café du port rouvre.</p></body></html>"), "text/html; charset=iso-8859-1"));
        // Issue 13, finding 6: a page declaring UTF-7 was a 500 and ended the importing editor's circuit.
        app.MapGet("/utf7", () => Results.Bytes("<html><body><p>+ADw-script+AD4-alert(1)+ADw-/script+AD4-</p></body></html>"u8.ToArray(), "text/html; charset=utf-7"));
        app.MapGet("/bogus-charset", () => Results.Bytes("<p>Words.</p>"u8.ToArray(), "text/html; charset=x-no-such-set"));
        app.MapGet("/report.pdf", () => Results.Bytes("%PDF-1.4 not an article"u8.ToArray(), "application/pdf"));
        app.MapGet("/untyped", (HttpContext context) => context.Response.Body.WriteAsync("Some words."u8.ToArray()).AsTask());
        app.MapGet("/missing", () => Results.NotFound());
        app.MapGet("/redirect/{hops:int}", (int hops, HttpContext context) =>
            Results.Redirect((hops <= 1 ? "/article.html" : $"/redirect/{hops - 1}") + context.Request.QueryString));
        app.MapGet("/to-metadata", () => Results.Redirect("http://169.254.169.254/latest/meta-data/iam/"));
        app.MapGet("/to-ipv6-loopback", (HttpContext context) => Results.Redirect($"http://[::1]:{Port}/article.html"));
        app.MapGet("/huge", async (HttpContext context) =>
        {
            // No Content-Length: only counting what arrives can stop this one.
            context.Response.ContentType = "text/plain";
            var line = Encoding.UTF8.GetBytes(new string('x', 1023) + "\n");
            for (var i = 0; i < 64 * 1024 && !context.RequestAborted.IsCancellationRequested; i++)
            {
                await context.Response.Body.WriteAsync(line, context.RequestAborted);
            }
        });
        app.MapGet("/huge-declared", (HttpContext context) =>
        {
            context.Response.ContentLength = 2 * 1024 * 1024;
            context.Response.ContentType = "text/html";
            return context.Response.Body.FlushAsync();
        });
        app.MapGet("/slow", async (HttpContext context) =>
        {
            context.Response.ContentType = "text/html";
            await context.Response.WriteAsync("<html><body><p>Start of a page that never ends", context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
            await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted);
        });

        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Port = new Uri(address).Port;
    }

    public async Task DisposeAsync()
    {
        if (app is not null) await app.DisposeAsync();
    }
}
