using System.Diagnostics;
using System.Text.RegularExpressions;

namespace CoverageCompare.Web.Tests.CrashSafety;

/// <summary>
/// The built web app run as its own process (<c>dotnet CoverageCompare.Web.dll</c>, the copy this test project's build
/// output holds), on a free loopback port and the given database (SQLite, or PostgreSQL when the suite runs on it). The dotnet host runs the app in its own process,
/// so killing this process kills the server itself, not a wrapper around it.
/// </summary>
public sealed partial class AppProcess : IDisposable
{
    private readonly Process process;
    private readonly TaskCompletionSource<Uri> listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<string> output = [];

    private AppProcess(IReadOnlyDictionary<string, string> settings)
    {
        var appPath = Path.Combine(AppContext.BaseDirectory, "CoverageCompare.Web.dll");
        if (!File.Exists(appPath)) throw new FileNotFoundException("The web app is not in the test's build output; build the test project.", appPath);

        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            ArgumentList = { appPath, "--urls", "http://127.0.0.1:0" },
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (name, value) in settings) start.Environment[name] = value;
        process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, line) => Read(line.Data);
        process.ErrorDataReceived += (_, line) => Read(line.Data);
        process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException($"The app exited with {process.ExitCode} before listening:\n{Output}"));
        process.EnableRaisingEvents = true;
    }

    public Uri BaseUrl { get; private set; } = default!;

    public int ProcessId => process.Id;

    public string Output
    {
        get
        {
            lock (output) return string.Join('\n', output.TakeLast(40));
        }
    }

    /// <summary>Starts the app and returns once it answers /healthz with Healthy.</summary>
    public static Task<AppProcess> StartAsync(string databasePath, TimeSpan timeout) =>
        StartAsync(Postgres.PostgresServer.SuiteOnPostgres
            ? new Dictionary<string, string>
            {
                ["Database__Provider"] = "Postgres",
                ["ConnectionStrings__Default"] = Postgres.PostgresServer.Instance.ConnectionString(Postgres.PostgresServer.DatabaseNameFor(databasePath)),
            }
            : new Dictionary<string, string> { ["ConnectionStrings__Default"] = $"Data Source={databasePath}" },
            timeout);

    /// <summary>Starts the app with these environment settings (<c>Section__Key</c>) and returns once it answers /healthz with Healthy.</summary>
    public static async Task<AppProcess> StartAsync(IReadOnlyDictionary<string, string> settings, TimeSpan timeout)
    {
        var app = new AppProcess(settings);
        app.process.Start();
        app.process.BeginOutputReadLine();
        app.process.BeginErrorReadLine();
        try
        {
            app.BaseUrl = await app.listening.Task.WaitAsync(timeout);
            await app.WaitUntilHealthyAsync(timeout);
            return app;
        }
        catch
        {
            app.Dispose();
            throw;
        }
    }

    /// <summary>SIGKILL, as a crash or an out-of-memory kill would end it: nothing is flushed or shut down.</summary>
    public int Kill()
    {
        process.Kill();
        process.WaitForExit();
        return process.ExitCode;
    }

    public void Dispose()
    {
        if (!process.HasExited) Kill();
        process.Dispose();
    }

    private async Task WaitUntilHealthyAsync(TimeSpan timeout)
    {
        using var client = new HttpClient { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                if ((await client.GetAsync("/healthz")).IsSuccessStatusCode) return;
            }
            // A first request that is slow on a busy machine is not yet healthy, not a failure.
            catch (Exception error) when (error is HttpRequestException or TaskCanceledException && clock.Elapsed < timeout)
            {
            }
            if (clock.Elapsed > timeout) throw new TimeoutException($"The app did not become healthy in {timeout}:\n{Output}");
            await Task.Delay(50);
        }
    }

    private void Read(string? line)
    {
        if (line is null) return;
        lock (output) output.Add(line);
        if (ListeningOn().Match(line) is { Success: true } match) listening.TrySetResult(new Uri(match.Groups[1].Value));
    }

    [GeneratedRegex(@"Now listening on: (http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningOn();
}
