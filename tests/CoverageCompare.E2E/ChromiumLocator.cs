using System.Diagnostics;

namespace CoverageCompare.E2E;

/// <summary>Finds Debian's Chromium (never a browser download), installing the package when this process may.</summary>
public static class ChromiumLocator
{
    private const string DebianPath = "/usr/bin/chromium";
    private const string InstallHint = "Chromium is missing: install Debian's package with 'apt-get install -y chromium' or set CHROMIUM_PATH.";

    public static string Find()
    {
        if (Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } configured)
        {
            return File.Exists(configured) ? configured : throw new InvalidOperationException($"CHROMIUM_PATH points to {configured}, which does not exist. {InstallHint}");
        }
        if (File.Exists(DebianPath)) return DebianPath;
        if (TryInstall() && File.Exists(DebianPath)) return DebianPath;
        throw new InvalidOperationException(InstallHint);
    }

    private static bool TryInstall()
    {
        if (Environment.UserName != "root" || !File.Exists("/usr/bin/apt-get")) return false;
        return Run("apt-get", "update -qq") && Run("apt-get", "install -y -qq chromium");
    }

    private static bool Run(string command, string arguments)
    {
        var start = new ProcessStartInfo(command, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        using var process = Process.Start(start);
        if (process is null) return false;
        process.StandardOutput.ReadToEnd();
        process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0;
    }
}
