using System.Diagnostics;

namespace CoverageCompare.Web.Tests.Annotations;

/// <summary>
/// Runs the W3C/WPT Web Annotation MUST assertions (../shared/conformance/web-annotation) over a file, in a copy of
/// that read-only folder with its npm dependencies installed once per test run.
/// </summary>
internal static class WebAnnotationConformance
{
    private static readonly Lazy<Task<string>> Validator = new(PrepareAsync);

    /// <summary>The validator's exit code, its stdout (failures, then "N passed, M failed") and its stderr (warnings).</summary>
    public static async Task<(int ExitCode, string Stdout, string Stderr)> ValidateAsync(string jsonFile)
    {
        var folder = await Validator.Value;
        var (exitCode, stdout, stderr) = await RunAsync("node", folder, "validate.mjs", "--no-info", jsonFile);
        return (exitCode, stdout.Trim(), stderr.Trim());
    }

    private static async Task<string> PrepareAsync()
    {
        var source = SharedFolder.PathOf("conformance/web-annotation");
        if (!File.Exists(Path.Combine(source, "validate.mjs")))
        {
            throw new InvalidOperationException($"The Web Annotation conformance check is missing: expected {Path.GetFullPath(source)}/validate.mjs.");
        }

        var copy = Path.Combine(Path.GetTempPath(), $"web-annotation-conformance-{Guid.NewGuid():N}");
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(copy, recursive: true);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file);
            if (relative.Split(Path.DirectorySeparatorChar).Contains("node_modules")) continue;
            var target = Path.Combine(copy, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
            File.SetAttributes(target, FileAttributes.Normal);
        }

        var (exitCode, stdout, stderr) = await RunAsync("npm", copy, "ci", "--no-audit", "--no-fund");
        if (exitCode != 0) throw new InvalidOperationException($"npm ci failed in {copy} (exit {exitCode}):\n{stdout}\n{stderr}");
        return copy;
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string program, string folder, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException(
                $"The Web Annotation conformance test needs Node.js 18+ and npm on the PATH, and '{program}' could not be started ({e.Message}). Install them (Debian: apt-get install nodejs npm).", e);
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
            await process.WaitForExitAsync(timeout.Token);
            return (process.ExitCode, await stdout, await stderr);
        }
    }
}
