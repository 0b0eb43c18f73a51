using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace CoverageCompare.Web.Tests.Postgres;

/// <summary>
/// A throwaway PostgreSQL cluster from Debian's package: initdb into a temporary folder, a free loopback port and a
/// unix-socket folder inside it, stopped and deleted at the end. As root, the server runs as the postgres user, which
/// PostgreSQL insists on. Each test database is created by the app's own migrations.
/// </summary>
public sealed class PostgresServer : IDisposable
{
    private static readonly Lazy<PostgresServer> Shared = new(() =>
    {
        var server = Start();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Dispose();
        return server;
    });

    private readonly string folder;
    private readonly string binaries;
    private int disposed;

    private PostgresServer(string folder, string binaries, int port)
    {
        this.folder = folder;
        this.binaries = binaries;
        Port = port;
    }

    public int Port { get; }

    /// <summary>One cluster for the whole test run, started on first use.</summary>
    public static PostgresServer Instance => Shared.Value;

    /// <summary>Debian's PostgreSQL binaries (or <c>PG_BIN</c>), or null when none are installed.</summary>
    public static string? Binaries =>
        Environment.GetEnvironmentVariable("PG_BIN") is { Length: > 0 } bin ? bin
        : Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").OrderDescending().Select(d => Path.Combine(d, "bin")).FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")))
            : null;

    public static bool InCi => Environment.GetEnvironmentVariable("CI") is { Length: > 0 } ci && !ci.Equals("false", StringComparison.OrdinalIgnoreCase);

    /// <summary>Why PostgreSQL tests cannot run here, or null. In CI they always run, and fail if PostgreSQL is missing.</summary>
    public static string? SkipReason => Binaries is null && !InCi ? "PostgreSQL is not installed (apt-get install postgresql); it is required only in CI." : null;

    /// <summary>Whether the suite's app factory runs on PostgreSQL: <c>COVERAGE_TEST_PROVIDER=Postgres</c>.</summary>
    public static bool SuiteOnPostgres =>
        Environment.GetEnvironmentVariable("COVERAGE_TEST_PROVIDER") is { } provider && provider.StartsWith("postgres", StringComparison.OrdinalIgnoreCase);

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Include Error Detail=true";

    public static string NewDatabaseName() => $"coverage_{Guid.NewGuid():N}";

    public static string DatabaseNameFor(string sqlitePath) =>
        $"coverage_{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(sqlitePath)))[..24]}";

    public static PostgresServer Start()
    {
        var binaries = Binaries ?? throw new InvalidOperationException("PostgreSQL binaries were not found under /usr/lib/postgresql/*/bin; apt-get install postgresql, or set PG_BIN.");
        DeleteLeftovers();
        var folder = Directory.CreateTempSubdirectory("coverage-pg-").FullName;
        if (Environment.UserName == "root") Run("chown", $"postgres:postgres {folder}", asPostgres: false);
        var port = FreePort();
        var data = Path.Combine(folder, "data");
        Run(Path.Combine(binaries, "initdb"), $"-D {data} -U postgres --auth=trust -E UTF8 --locale=C.UTF-8", asPostgres: true);
        // Durability of the server itself is not under test (the app is what gets killed), so fsync is off for speed.
        var options = $"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c max_connections=400 -c fsync=off -c full_page_writes=off";
        Run(Path.Combine(binaries, "pg_ctl"), $"-D {data} -o \"{options}\" -l {Path.Combine(folder, "server.log")} -w -t 60 start", asPostgres: true);
        return new PostgresServer(folder, binaries, port);
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1) return;
        try
        {
            Run(Path.Combine(binaries, "pg_ctl"), $"-D {Path.Combine(folder, "data")} -m immediate -w stop", asPostgres: true);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>A test run cut short at exit may leave its stopped cluster's folder behind; the next run removes it.</summary>
    private static void DeleteLeftovers()
    {
        foreach (var stale in Directory.GetDirectories(Path.GetTempPath(), "coverage-pg-*"))
        {
            if (File.Exists(Path.Combine(stale, "data", "postmaster.pid"))) continue;
            try
            {
                Directory.Delete(stale, recursive: true);
            }
            catch (IOException)
            {
                // Another run is creating or removing it right now.
            }
        }
    }

    private static void Run(string file, string arguments, bool asPostgres)
    {
        var root = Environment.UserName == "root";
        var start = asPostgres && root
            ? new ProcessStartInfo("runuser", $"-u postgres -- {file} {arguments}")
            : new ProcessStartInfo(file, arguments);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.WorkingDirectory = Path.GetTempPath();
        using var process = Process.Start(start)!;
        // pg_ctl start leaves the server holding inherited pipes; read to the end of the exit, not of the streams.
        var error = process.StandardError.ReadLineAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(90))) throw new TimeoutException($"{Path.GetFileName(file)} did not finish in 90 s.");
        if (process.ExitCode != 0) throw new InvalidOperationException($"{Path.GetFileName(file)} failed ({process.ExitCode}): {(error.IsCompleted ? error.Result : "")}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>A test that needs PostgreSQL: skipped with one line when it is not installed, except in CI, where it must run.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (PostgresServer.SkipReason is { } reason) Skip = reason;
    }
}

/// <summary>A test of the in-process session hub's timing, skipped with a reason when the suite runs on PostgreSQL.</summary>
public sealed class InProcessSessionsFactAttribute : FactAttribute
{
    public InProcessSessionsFactAttribute()
    {
        if (PostgresServer.SuiteOnPostgres)
            Skip = "on PostgreSQL a membership change reaches listeners through NOTIFY, which this bUnit render does not always see in time (PostgresStorySessionsTests cover cross-instance delivery)";
    }
}
